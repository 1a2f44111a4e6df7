/**
 * Cancelling a scheduled session, the one way: by its expert or an admin (cancelSession),
 * or by the sweeper when its scheduled end passed without a start (not-started.ts). The
 * status change is conditional (`scheduled` → `cancelled`), and the refunds it owes are
 * written in the same transaction, so of any number of callers at once exactly one cancels,
 * and every paid enrollment gets exactly one refund row, whatever crashes afterwards.
 */
import type { SessionRow } from "../../db/schema.js";
import { queueRefundsOfSession, type RefundCause } from "../../repositories/refunds.js";
import { transitionSession } from "../../repositories/sessions.js";
import { clearWaitlist } from "../../repositories/waitlist.js";
import type { ServiceDeps } from "../deps.js";
import { queueCancellationNotices } from "../notifications/notification-queue.js";
import { recordSessionCancelled } from "../webhooks-out/outbox.js";

/** The cancelled row, or undefined when the session was no longer scheduled (someone else moved it). */
export async function cancelScheduledSession(
  deps: ServiceDeps,
  id: string,
  why: { reason: string; cause: RefundCause },
): Promise<{ session: SessionRow; refundsQueued: number } | undefined> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const session = await transitionSession(tx, {
      id,
      from: "scheduled",
      // Seats held for the waitlist are let go with it: nobody can enroll any more.
      set: { status: "cancelled", cancelledAt: now, cancellationReason: why.reason, heldSeats: 0, updatedAt: now },
    });
    if (!session) return undefined;
    await clearWaitlist(tx, id);
    // Due at once: the refund worker picks them up on its next round.
    const refundsQueued = await queueRefundsOfSession(tx, { sessionId: id, cause: why.cause, at: now, currency: session.currency });
    // After the refunds: each student's notice names the refund written for them.
    await queueCancellationNotices(tx, { session, now });
    await recordSessionCancelled(tx, session, now);
    return { session, refundsQueued };
  });
}
