/**
 * A session's participants and the viewer's enrollments as Relay connections (first/after),
 * walked by keyset like `sessionsConnection` (sessions-connection.ts), so an enrollment made
 * while a client pages is neither repeated nor skipped. Participants are their session's
 * expert's to see, as `LiveSession.participants` is: anyone else gets null.
 */
import type { ParticipantRow, SessionRow } from "../../db/schema.js";
import {
  countEnrollmentsOfUser,
  countParticipantsOfSession,
  seekEnrollmentsOfUser,
  seekParticipantsOfSession,
} from "../../repositories/participants.js";
import type { ServiceDeps } from "../deps.js";
import { parseInput } from "../parse-input.js";
import type { Viewer } from "../viewer.js";
import { keysetCursor, positionOfKeysetCursor } from "./session-cursor.js";
import { forwardPageInput } from "./session-input.js";
import { isOwner, requireViewer } from "./session-rules.js";
import { DEFAULT_PAGE_SIZE } from "./session-values.js";

export interface EnrollmentConnection {
  edges: { cursor: string; node: ParticipantRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

function connection(edges: EnrollmentConnection["edges"], more: boolean, fromCursor: boolean, totalCount: number): EnrollmentConnection {
  return {
    edges,
    pageInfo: {
      hasNextPage: more,
      // Before the cursor there is at least the cursor's own row (Relay allows this approximation).
      hasPreviousPage: fromCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** The session's participants in the order they enrolled; null unless the viewer is its expert. */
export async function participantsConnection(
  deps: Pick<ServiceDeps, "db">,
  viewer: Viewer | null,
  session: SessionRow,
  raw: unknown,
): Promise<EnrollmentConnection | null> {
  // Arguments are checked first: bad input is an error to anyone, not hidden behind the null.
  const input = parseInput(forwardPageInput, raw ?? {});
  if (!isOwner(viewer, session)) return null;
  const size = input.first ?? DEFAULT_PAGE_SIZE;
  const from = input.after != null ? positionOfKeysetCursor("p1", input.after, "after") : undefined;
  // One more than asked says whether there is more beyond the page.
  const [rows, totalCount] = await Promise.all([
    seekParticipantsOfSession(deps.db, { sessionId: session.id, from, limit: size + 1 }),
    countParticipantsOfSession(deps.db, session.id),
  ]);
  const edges = rows.slice(0, size).map((node) => ({ cursor: keysetCursor("p1", { at: node.enrolledAt, id: node.id }), node }));
  return connection(edges, rows.length > size, from !== undefined, totalCount);
}

/** The signed-in user's enrollments, soonest session first (as `myEnrollments`). */
export async function myEnrollmentsConnection(deps: Pick<ServiceDeps, "db">, viewer: Viewer | null, raw: unknown): Promise<EnrollmentConnection> {
  const user = requireViewer(viewer);
  const input = parseInput(forwardPageInput, raw ?? {});
  const size = input.first ?? DEFAULT_PAGE_SIZE;
  const from = input.after != null ? positionOfKeysetCursor("e1", input.after, "after") : undefined;
  const [rows, totalCount] = await Promise.all([
    seekEnrollmentsOfUser(deps.db, { userId: user.id, from, limit: size + 1 }),
    countEnrollmentsOfUser(deps.db, user.id),
  ]);
  const edges = rows
    .slice(0, size)
    .map(({ participant, sessionStart }) => ({ cursor: keysetCursor("e1", { at: sessionStart, id: participant.sessionId }), node: participant }));
  return connection(edges, rows.length > size, from !== undefined, totalCount);
}
