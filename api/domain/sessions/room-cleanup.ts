/**
 * Closing 100ms rooms of ended sessions, with retries. A room left open would let people
 * keep meeting (and billing minutes) after the class, so every close is recorded in
 * `room_cleanups` first and retried until 100ms confirms it.
 */
import {
  claimDueRoomCleanups,
  completeRoomCleanup,
  failRoomCleanup,
} from "../../repositories/room-cleanups.js";
import type { ServiceDeps } from "../deps.js";

/** How long a claimed clean-up is reserved for the instance that claimed it. */
const LEASE_MS = 60_000;
/** Retry delay after a failure: well under the promised "at least once a minute". */
const RETRY_MS = 30_000;

export const leaseEnd = (now: Date): Date => new Date(now.getTime() + LEASE_MS);

/** One attempt; returns whether 100ms confirmed. Failures are recorded, never thrown. */
export async function closeRoomNow(deps: ServiceDeps, roomId: string, reason: string): Promise<boolean> {
  try {
    const outcome = await deps.video.closeRoom(roomId, reason);
    await completeRoomCleanup(deps.db, { roomId, at: deps.clock.now() });
    deps.logger.info({ roomId, outcome }, "video room closed");
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt = new Date(deps.clock.now().getTime() + RETRY_MS);
    deps.logger.warn({ roomId, err: message, retryAt }, "closing the video room failed; will retry");
    await failRoomCleanup(deps.db, { roomId, error: message, retryAt }).catch((e: unknown) =>
      deps.logger.error({ roomId, err: e }, "could not record the failed room clean-up"),
    );
    return false;
  }
}

/** Attempt every due clean-up once. Safe to run on several instances at the same time. */
export async function sweepRoomCleanups(deps: ServiceDeps, limit = 20): Promise<{ closed: number; failed: number }> {
  const now = deps.clock.now();
  const due = await claimDueRoomCleanups(deps.db, { now, leaseUntil: leaseEnd(now), limit });
  let closed = 0;
  for (const job of due) {
    if (await closeRoomNow(deps, job.roomId, job.reason)) closed++;
  }
  return { closed, failed: due.length - closed };
}

/** Run the sweeper on an interval until the returned function is called. */
export function startRoomCleanupSweeper(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepRoomCleanups(deps).catch((error: unknown) =>
      deps.logger.error({ err: error }, "room clean-up sweep failed"),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
