/**
 * Ending a live session, the one way: by its expert (endSession) or by the 6-hour limit
 * (session-limit.ts). The status change is conditional (`live` → `ended`), so of any
 * number of callers at once exactly one ends the session and closes its room.
 */
import type { SessionRow } from "../../db/schema.js";
import { scheduleRoomCleanup } from "../../repositories/room-cleanups.js";
import { transitionSession } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { closeRoomNow, leaseEnd } from "./room-cleanup.js";
import { recordSessionEvent } from "../webhooks-out/outbox.js";

/** The ended row, or undefined when the session was not live (someone else ended it). */
export async function endLiveSession(deps: ServiceDeps, id: string, reason: string): Promise<SessionRow | undefined> {
  const now = deps.clock.now();
  // Ending and recording the room's clean-up commit together: even if 100ms is down or
  // this process dies right after, the sweeper will close the room.
  const row = await deps.db.transaction(async (tx) => {
    const ended = await transitionSession(tx, {
      id,
      from: "live",
      set: { status: "ended", actualEndTime: now, currentViewers: 0, updatedAt: now },
    });
    if (ended) await recordSessionEvent(tx, "session.ended", ended, now);
    // The first attempt is ours, right after commit; the sweeper only steps in after a lease.
    if (ended?.hmsRoomId) {
      await scheduleRoomCleanup(tx, { roomId: ended.hmsRoomId, sessionId: ended.id, reason, at: leaseEnd(now) });
    }
    return ended;
  });
  if (row?.hmsRoomId) await closeRoomNow(deps, row.hmsRoomId, reason);
  return row;
}
