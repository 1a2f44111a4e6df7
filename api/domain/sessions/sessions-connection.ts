/**
 * `sessionsConnection`: the sessions as a Relay connection, walked by keyset on (scheduled
 * start, id) instead of by offset, so a session inserted while a client pages is neither
 * repeated nor skipped. first/after pages forward in the chosen order, last/before backward.
 */
import type { SessionRow, UserRow } from "../../db/schema.js";
import { countSessions, seekSessions, type SessionFilter } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { parseInput } from "../parse-input.js";
import type { Viewer } from "../viewer.js";
import { positionOfCursor, sessionCursor } from "./session-cursor.js";
import { sessionsConnectionInput } from "./session-input.js";
import { DEFAULT_PAGE_SIZE } from "./session-values.js";

export interface SessionConnection {
  edges: { cursor: string; node: SessionRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  experts: UserRow[];
}

export async function sessionsConnection(deps: Pick<ServiceDeps, "db">, _viewer: Viewer | null, raw: unknown): Promise<SessionConnection> {
  const input = parseInput(sessionsConnectionInput, raw ?? {});
  const f = input.filter ?? {};
  const filter: SessionFilter = {
    statuses: f.statuses ?? undefined,
    startsAfter: f.startsAfter ?? undefined,
    startsBefore: f.startsBefore ?? undefined,
    expertId: f.expertId ?? undefined,
    featured: f.featured ?? undefined,
    category: f.category ?? undefined,
    difficulty: f.difficulty ?? undefined,
    free: f.free ?? undefined,
    searchWords: f.search ?? undefined,
  };
  const order = input.orderBy === "start_time_desc" ? "desc" : "asc";
  const backward = input.last != null;
  const size = backward ? input.last! : (input.first ?? DEFAULT_PAGE_SIZE);
  const cursor = backward ? input.before : input.after;
  const from = cursor != null ? positionOfCursor(cursor, backward ? "before" : "after") : undefined;
  // Backward pages walk the other way from `before`, then read in the chosen order. One more than
  // asked says whether there is more beyond the page.
  const [page, totalCount] = await Promise.all([
    seekSessions(deps.db, { filter, order: backward ? (order === "asc" ? "desc" : "asc") : order, from, limit: size + 1 }),
    countSessions(deps.db, filter),
  ]);
  const more = page.items.length > size;
  const items = page.items.slice(0, size);
  if (backward) items.reverse();
  const edges = items.map((node) => ({ cursor: sessionCursor(node), node }));
  return {
    edges,
    pageInfo: {
      // Past the cursor there is at least the cursor's own session (Relay allows this approximation).
      hasNextPage: backward ? from !== undefined : more,
      hasPreviousPage: backward ? more : from !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
    experts: page.experts,
  };
}
