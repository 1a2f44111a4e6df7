/**
 * The waitlist of a full session: join, leave, see one's place; and the sweeper that moves
 * a lapsed offer on to the next in line. Seats themselves are handed out by waitlist-seats.ts.
 */
import type { SessionRow, WaitlistEntryRow } from "../../db/schema.js";
import { findParticipant } from "../../repositories/participants.js";
import { findSessionById, lockSession } from "../../repositories/sessions.js";
import {
  adjustSeats,
  deleteLapsedOffers,
  deleteWaitlistEntry,
  findWaitlistEntry,
  insertWaitlistEntryIfAbsent,
  listWaitlistEntriesOfUser,
  sessionsWithLapsedOffers,
  waitingAhead,
} from "../../repositories/waitlist.js";
import type { ServiceDeps } from "../deps.js";
import { newId } from "../ids.js";
import { parseInput } from "../parse-input.js";
import { runEvery } from "../periodic.js";
import type { Viewer } from "../viewer.js";
import { sessionIdInput } from "./session-input.js";
import { assertNotOwnSession, requireSession, requireViewer } from "./session-rules.js";
import { assertWaitlistOpen } from "./booking-rules.js";
import { offerFreedSeats } from "./waitlist-seats.js";

export interface WaitlistPlace {
  entry: WaitlistEntryRow;
  session: SessionRow;
  /** 1 for the first in line; null once a seat is offered. */
  position: number | null;
}


async function placeOf(deps: ServiceDeps, entry: WaitlistEntryRow, session: SessionRow): Promise<WaitlistPlace> {
  return { entry, session, position: entry.status === "offered" ? null : (await waitingAhead(deps.db, entry)) + 1 };
}

export async function joinWaitlist(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown): Promise<WaitlistPlace> {
  const student = requireViewer(viewer);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  const [found, enrollment, existing] = await Promise.all([
    findSessionById(deps.db, sessionId),
    findParticipant(deps.db, { sessionId, userId: student.id }),
    findWaitlistEntry(deps.db, { sessionId, userId: student.id }),
  ]);
  const session = requireSession(found, sessionId);
  assertNotOwnSession(student, session);
  // Joining twice answers with the place held.
  if (existing) return placeOf(deps, existing, session);
  const now = deps.clock.now();
  assertWaitlistOpen(session, now, Boolean(enrollment));

  const joined = await deps.db.transaction(async (tx) => {
    // Under the session's lock a seat cannot be freed between "full" and the insert.
    const locked = requireSession(await lockSession(tx, sessionId), sessionId);
    const mine = await findParticipant(tx, { sessionId, userId: student.id });
    assertWaitlistOpen(locked, now, Boolean(mine));
    const entry =
      (await insertWaitlistEntryIfAbsent(tx, { id: newId("wl"), sessionId, userId: student.id, joinedAt: now })) ??
      (await findWaitlistEntry(tx, { sessionId, userId: student.id }));
    return { entry: entry!, session: locked };
  });
  deps.logger.info({ sessionId, userId: student.id }, "joined the waitlist");
  return placeOf(deps, joined.entry, joined.session);
}

/** Leave the waitlist; an offered seat goes to the next in line. Answers whether there was an entry. */
export async function leaveWaitlist(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown): Promise<{ session: SessionRow; left: boolean }> {
  const student = requireViewer(viewer);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  const session = requireSession(await findSessionById(deps.db, sessionId), sessionId);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockSession(tx, sessionId);
    const entry = await deleteWaitlistEntry(tx, { sessionId, userId: student.id });
    if (!entry) return { session, left: false };
    if (entry.status === "offered") {
      await adjustSeats(tx, { id: sessionId, enrolled: 0, held: -1, now });
      return { session: (await offerFreedSeats(deps, tx, sessionId, now)) ?? session, left: true };
    }
    return { session, left: true };
  });
}

export async function myWaitlist(deps: ServiceDeps, viewer: Viewer | null): Promise<WaitlistEntryRow[]> {
  return listWaitlistEntriesOfUser(deps.db, requireViewer(viewer).id);
}

/** The viewer's place in line (1 = next), computed for a page's entry. */
export async function waitlistPosition(deps: ServiceDeps, entry: WaitlistEntryRow): Promise<number | null> {
  return entry.status === "offered" ? null : (await waitingAhead(deps.db, entry)) + 1;
}

/**
 * Offers whose hold has lapsed: the student is taken off the list and the seat goes to the
 * next in line. Safe on several instances: each session is handled under its row lock and
 * the lapsed offers are deleted conditionally, so a second sweep finds nothing to do.
 */
export async function moveLapsedOffers(deps: ServiceDeps): Promise<number> {
  const now = deps.clock.now();
  let moved = 0;
  for (const sessionId of await sessionsWithLapsedOffers(deps.db, { now, limit: 100 })) {
    moved += await deps.db.transaction(async (tx) => {
      await lockSession(tx, sessionId);
      const lapsed = await deleteLapsedOffers(tx, { sessionId, now });
      if (lapsed.length === 0) return 0;
      await adjustSeats(tx, { id: sessionId, enrolled: 0, held: -lapsed.length, now });
      await offerFreedSeats(deps, tx, sessionId, now);
      deps.logger.info({ sessionId, lapsed: lapsed.map((e) => e.userId) }, "waitlist offers lapsed; seats offered to the next in line");
      return lapsed.length;
    });
  }
  return moved;
}

export function startWaitlistSweeper(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "waitlist offer sweep", () => moveLapsedOffers(deps), deps.logger);
}
