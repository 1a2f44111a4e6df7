/**
 * The seed's 6-hour limit: a session still live 6 hours after it actually started is
 * ended as its expert would end it (session-ending.ts). The room was also created with
 * 100ms's own max_duration_seconds, a second guard should this sweeper not run.
 *
 * Safe on any number of instances: each ends a session only through the conditional
 * `live` → `ended` update, so two sweeps finding the same session end it once, and every
 * sweep looks at all overdue sessions, so none is missed while one instance runs.
 */
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";
import { findLiveSessionsStartedBy } from "../../repositories/live-room.js";
import { endLiveSession } from "./session-ending.js";
import { MAX_SESSION_MS } from "./session-values.js";

export const LIMIT_REASON = "The class reached its 6-hour limit";
const BATCH = 100;
const MAX_BATCHES = 10;

/** Sessions that started at or before this instant have reached the limit at `now`. */
export const limitStartedBy = (now: Date): Date => new Date(now.getTime() - MAX_SESSION_MS);

/** Ends every overdue session; returns the ids this call ended (not those another instance did). */
export async function endOverdueSessions(deps: ServiceDeps): Promise<string[]> {
  const ended: string[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await findLiveSessionsStartedBy(deps.db, { startedBy: limitStartedBy(deps.clock.now()), limit: BATCH });
    for (const id of due) {
      const row = await endLiveSession(deps, id, LIMIT_REASON);
      if (row) {
        ended.push(id);
        deps.logger.info({ sessionId: id, startedAt: row.actualStartTime }, "session ended by the 6-hour limit");
      }
    }
    if (due.length < BATCH) break;
  }
  return ended;
}

export function startSessionLimitSweeper(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "6-hour limit sweep", () => endOverdueSessions(deps), deps.logger);
}
