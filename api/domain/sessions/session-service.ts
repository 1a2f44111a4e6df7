/**
 * The life of a live session: create, list, start, end, cancel. Every rule is checked
 * here (or in session-rules.ts); the GraphQL and REST adapters only call these.
 */
import type { SessionRow, UserRow } from "../../db/schema.js";
import {
  findSessionById,
  insertSession,
  listSessions as listSessionRows,
  transitionSession,
} from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { newId } from "../ids.js";
import { parseInput } from "../parse-input.js";
import { takeRateLimitedAttempt } from "../rate-limits/rate-limits.js";
import { callUpstream } from "../upstream.js";
import type { Viewer } from "../viewer.js";
import { endLiveSession } from "./session-ending.js";
import { cancelScheduledSession } from "./session-cancelling.js";
import { createSessionInput, listSessionsInput, sessionIdInput } from "./session-input.js";
import {
  assertCancellable,
  assertCanCreate,
  assertMayCancel,
  CANCELLED_BY_ADMIN,
  CANCELLED_BY_EXPERT,
  isOwner,
  assertEndable,
  assertOwner,
  assertSchedule,
  withScheduleProblems,
  assertStartable,
  durationMinutes,
  requireSession,
  requireViewer,
  roomNameFor,
  seatsFor,
} from "./session-rules.js";
import { MAX_SESSION_MS } from "./session-values.js";

export async function createSession(deps: ServiceDeps, viewer: Viewer | null, raw: unknown): Promise<SessionRow> {
  let input: ReturnType<typeof parseInput<typeof createSessionInput>>;
  try {
    input = parseInput(createSessionInput, raw);
  } catch (error) {
    throw withScheduleProblems(error, raw, deps.clock.now());
  }
  const expert = assertCanCreate(viewer, input);
  await takeRateLimitedAttempt(deps, "createSession", expert);
  const now = deps.clock.now();
  assertSchedule(input, now);
  return insertSession(deps.db, {
    id: newId("ses"),
    expertId: expert.id,
    title: input.title,
    description: input.description,
    thumbnail: input.thumbnail ?? null,
    sessionType: input.sessionType,
    scheduledStartTime: input.scheduledStartTime,
    scheduledEndTime: input.scheduledEndTime,
    maxParticipants: seatsFor(input),
    price: input.price,
    currency: input.currency,
    metadata: input.metadata ?? null,
    featured: input.featured ?? false,
    status: "scheduled",
    createdAt: now,
    updatedAt: now,
  });
}

export async function listSessions(
  deps: ServiceDeps,
  _viewer: Viewer | null,
  raw: unknown,
): Promise<{ items: SessionRow[]; experts: UserRow[]; total: number; limit: number; skip: number }> {
  const input = parseInput(listSessionsInput, raw ?? {});
  const page = await listSessionRows(deps.db, {
    filter: {
      status: input.status ?? undefined,
      expertId: input.expertId ?? undefined,
      featured: input.featured ?? undefined,
      category: input.category ?? undefined,
      difficulty: input.difficulty ?? undefined,
      searchWords: input.search ?? undefined,
    },
    limit: input.limit,
    skip: input.skip,
  });
  return { ...page, limit: input.limit, skip: input.skip };
}

/** Any session by id, cancelled ones included; null when there is none. */
export async function getSession(deps: ServiceDeps, _viewer: Viewer | null, rawId: unknown): Promise<SessionRow | null> {
  const id = parseInput(sessionIdInput, rawId);
  return (await findSessionById(deps.db, id)) ?? null;
}

/** The session by id, provided the viewer is its expert: 401, then 400/404, then 403. */
async function ownedSession(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown, action: string): Promise<SessionRow> {
  requireViewer(viewer);
  const id = parseInput(sessionIdInput, rawId);
  const session = requireSession(await findSessionById(deps.db, id), id);
  assertOwner(viewer, session, action);
  return session;
}

/** The room's link is the face's to write (each face knows its own pages): the domain gives the session. */
export interface StartedSession {
  session: SessionRow;
  roomId: string;
  roomCode: string;
}

export async function startSession(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<StartedSession> {
  const session = await ownedSession(deps, viewer, rawId, "start");
  const id = session.id;
  assertStartable(session, deps.clock.now());
  if (session.status === "live") return started(session);

  // The room name is derived from the session id and 100ms creates-or-returns by name,
  // so racing or retried starts all get the same room; only one of them flips the row.
  const room = await callUpstream("create the video room", () =>
    deps.video.createRoom({
      name: roomNameFor(session.id),
      description: session.title.slice(0, 100),
      maxDurationSeconds: MAX_SESSION_MS / 1000,
    }),
  );
  const now = deps.clock.now();
  const live = await transitionSession(deps.db, {
    id,
    from: "scheduled",
    set: { status: "live", hmsRoomId: room.roomId, hmsRoomCode: room.roomCode, actualStartTime: now, updatedAt: now },
  });
  if (live) return started(live);

  // Someone else moved the session first: report what they did.
  const current = requireSession(await findSessionById(deps.db, id), id);
  assertStartable(current, deps.clock.now());
  return started(current);
}

function started(session: SessionRow): StartedSession {
  return { session, roomId: session.hmsRoomId!, roomCode: session.hmsRoomCode ?? "" };
}

export interface EndedSession {
  session: SessionRow;
  sessionId: string;
  /** Whole minutes from the actual start to the end. */
  duration: number;
}

export async function endSession(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<EndedSession> {
  const session = await ownedSession(deps, viewer, rawId, "end");
  const id = session.id;
  if (session.status === "ended") return ended(session);
  assertEndable(session);

  const endedRow = await endLiveSession(deps, id, "The class has ended");
  if (!endedRow) {
    const current = requireSession(await findSessionById(deps.db, id), id);
    if (current.status === "ended") return ended(current);
    throw new DomainError("CONFLICT", "The session changed while it was being ended; please try again.");
  }
  return ended(endedRow);
}

function ended(session: SessionRow): EndedSession {
  return {
    session,
    sessionId: session.id,
    duration: durationMinutes(session.actualStartTime, session.actualEndTime ?? session.updatedAt),
  };
}

/**
 * Cancel a scheduled session (its expert, or an admin): every paid enrollment is refunded in
 * full by the refund worker (api/domain/payments/refunds.ts); the enrollments stay, so the
 * students see the cancellation and their refund.
 */
export async function cancelSession(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<SessionRow> {
  const canceller = requireViewer(viewer);
  const id = parseInput(sessionIdInput, rawId);
  const session = requireSession(await findSessionById(deps.db, id), id);
  assertMayCancel(canceller, session);
  assertCancellable(session);
  const byExpert = isOwner(canceller, session);
  const done = await cancelScheduledSession(deps, id, {
    reason: byExpert ? CANCELLED_BY_EXPERT : CANCELLED_BY_ADMIN,
    cause: "session_cancelled",
  });
  if (!done) throw new DomainError("CONFLICT", "The session changed while it was being cancelled; please reload and try again.");
  deps.logger.info({ sessionId: id, by: canceller.id, refundsQueued: done.refundsQueued }, "session cancelled");
  return done.session;
}
