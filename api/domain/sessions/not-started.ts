/**
 * Classes that never started: a scheduled session whose scheduled end has passed can no
 * longer be started (assertStartable), so it is cancelled with the reason "Not started by
 * the expert" and its paid enrollments are refunded like any cancellation
 * (session-cancelling.ts). Until this runs it is listed as scheduled but refuses to start,
 * enroll or join, as before.
 *
 * Safe on any number of instances: each cancels a session only through the conditional
 * `scheduled` → `cancelled` update, which also writes its refunds, so two sweeps finding the
 * same session cancel and refund it once.
 */
import { findScheduledSessionsEndedBy } from "../../repositories/live-room.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";
import { cancelScheduledSession } from "./session-cancelling.js";
import { NOT_STARTED_REASON } from "./session-rules.js";

const BATCH = 100;
const MAX_BATCHES = 10;

/** Cancels every scheduled session past its scheduled end; returns the ids this call cancelled. */
export async function cancelNotStartedSessions(deps: ServiceDeps): Promise<string[]> {
  const cancelled: string[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await findScheduledSessionsEndedBy(deps.db, { endedBy: deps.clock.now(), limit: BATCH });
    for (const id of due) {
      const done = await cancelScheduledSession(deps, id, { reason: NOT_STARTED_REASON, cause: "not_started" });
      if (done) {
        cancelled.push(id);
        deps.logger.info({ sessionId: id, refundsQueued: done.refundsQueued }, "session cancelled: not started by the expert");
      }
    }
    if (due.length < BATCH) break;
  }
  return cancelled;
}

export function startNotStartedSweeper(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "not-started sweep", () => cancelNotStartedSessions(deps), deps.logger);
}
