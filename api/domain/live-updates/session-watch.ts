/**
 * Watching sessions live (GraphQL subscriptions): one session by id, or all of an expert's own.
 * Each change re-reads the row, so a subscriber always gets the session as it stands; what a
 * viewer may see of it is the same as a query's (the faces resolve its fields as for a query).
 */
import type { SessionRow } from "../../db/schema.js";
import { findSessionById } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import { sessionIdInput } from "../sessions/session-input.js";
import { requireSession, requireViewer } from "../sessions/session-rules.js";
import { isExpert, type Viewer } from "../viewer.js";
import type { SessionChange, SessionFeed } from "./session-feed.js";

function feedOf(deps: ServiceDeps): SessionFeed {
  if (!deps.sessionFeed) throw new DomainError("FAILED_PRECONDITION", "Live updates are not running on this server; poll the query instead.");
  return deps.sessionFeed;
}

async function* rowsOf(deps: ServiceDeps, changes: AsyncIterableIterator<SessionChange>): AsyncGenerator<SessionRow> {
  try {
    for await (const change of changes) {
      const row = await findSessionById(deps.db, change.sessionId);
      if (row) yield row;
    }
  } finally {
    await changes.return?.();
  }
}

/** The session each time it changes (status, viewers, attendance, enrolments, recording). */
export async function watchSession(deps: ServiceDeps, viewer: Viewer | null, rawId: unknown): Promise<AsyncGenerator<SessionRow>> {
  requireViewer(viewer);
  const id = parseInput(sessionIdInput, rawId);
  requireSession(await findSessionById(deps.db, id), id);
  return rowsOf(deps, feedOf(deps).changes((c) => c.sessionId === id));
}

/** Each of the expert's own sessions as it changes. */
export async function watchMySessions(deps: ServiceDeps, viewer: Viewer | null): Promise<AsyncGenerator<SessionRow>> {
  const expert = requireViewer(viewer);
  if (!isExpert(expert)) throw new DomainError("FORBIDDEN", "Only experts can follow their own sessions; use sessionUpdated(id) for one session.");
  return rowsOf(deps, feedOf(deps).changes((c) => c.expertId === expert.id));
}
