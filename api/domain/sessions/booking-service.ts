/**
 * A student cancelling their own booking: the seat is freed at once (offered to the
 * waitlist) and a paid seat is refunded in full by the refund worker. The enrollment row is
 * removed and the refund row written in one transaction, so the seat count always equals the
 * enrolled rows and a paid cancellation always has its refund.
 */
import { queueBookingCancelledNotice } from "../notifications/notification-queue.js";
import type { RefundRow, SessionRow } from "../../db/schema.js";
import { deleteParticipant, findParticipant } from "../../repositories/participants.js";
import { queueRefund } from "../../repositories/refunds.js";
import { findSessionById, lockSession, releaseSeat } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import type { Viewer } from "../viewer.js";
import { recordBookingCancelled } from "../webhooks-out/outbox.js";
import { DEFAULT_BOOKING_POLICY } from "./booking-policy.js";
import { assertBookingCancellable, NOT_ENROLLED_MESSAGE } from "./booking-rules.js";
import { sessionIdInput } from "./session-input.js";
import { requireSession, requireViewer } from "./session-rules.js";
import { offerFreedSeats } from "./waitlist-seats.js";

export interface CancelledBooking {
  session: SessionRow;
  /** The refund owed for a paid seat (PENDING until the worker pays it back); null for a free one. */
  refund: RefundRow | null;
}

export async function cancelEnrollment(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown): Promise<CancelledBooking> {
  const student = requireViewer(viewer);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  const policy = deps.booking ?? DEFAULT_BOOKING_POLICY;
  const [found, enrollment] = await Promise.all([findSessionById(deps.db, sessionId), findParticipant(deps.db, { sessionId, userId: student.id })]);
  const session = requireSession(found, sessionId);
  const now = deps.clock.now();
  const mine = enrollment ?? null;
  assertBookingCancellable(session, mine, now, policy);

  return deps.db.transaction(async (tx) => {
    // The class row first (FOR UPDATE), as every seat change does: taking the seat update's
    // lock first and FOR UPDATE later (offerFreedSeats) deadlocks with an enrollment holding
    // its participant insert's key-share lock on the row. Then delete: of two concurrent
    // cancels of one booking, the second finds nothing to free.
    await lockSession(tx, sessionId);
    const removed = await deleteParticipant(tx, mine.id);
    if (!removed) throw new DomainError("NOT_FOUND", NOT_ENROLLED_MESSAGE);
    const freed = await releaseSeat(tx, { id: sessionId, now });
    // The session row is locked from here: recheck what the read outside saw (an expert may have started or cancelled it since).
    if (!freed) throw new Error(`session ${sessionId} had no seat to release for enrollment ${removed.id}`);
    assertBookingCancellable(freed, removed, now, policy);
    let refund: RefundRow | null = null;
    if (removed.paid && removed.paymentId && removed.paymentGateway && Number(removed.amountPaid ?? 0) > 0) {
      refund =
        (await queueRefund(tx, {
          id: `rf_${removed.id}`,
          participantId: removed.id,
          sessionId,
          userId: removed.userId,
          gateway: removed.paymentGateway,
          paymentId: removed.paymentId,
          amount: Number(removed.amountPaid),
          currency: freed.currency,
          cause: "booking_cancelled",
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        })) ?? null;
    }
    await queueBookingCancelledNotice(tx, { session: freed, participant: removed, refund, now });
    const after = await offerFreedSeats(deps, tx, sessionId, now);
    await recordBookingCancelled(tx, removed, after ?? freed, refund, now);
    deps.logger.info({ sessionId, participantId: removed.id, refund: refund?.id ?? null }, "booking cancelled by the student");
    return { session: after ?? freed, refund };
  });
}
