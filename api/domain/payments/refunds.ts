/**
 * Paying students back. A cancellation writes one `refunds` row per paid enrollment in its
 * own transaction (refund-queue callers: session-cancelling.ts, the booking's cancellation);
 * this worker, running on every instance, claims due rows with `FOR UPDATE SKIP LOCKED` and
 * asks the gateway that took the payment to refund it in full.
 *
 * Never twice: the gateway gets an idempotency key derived from the enrollment, the same on
 * every attempt by every instance, so a retry after a lost answer (or a crash after the
 * gateway acted) gets the first refund back instead of a second one. The database adds one
 * refund per enrollment and one per payment reference (unique keys).
 *
 * Never lost: a gateway that is down or slow is retried with exponential backoff until the
 * attempts run out; then the row is `failed` with the reason, for an admin to settle.
 */
import type { Transaction } from "../../db/client.js";
import type { RefundRow } from "../../db/schema.js";
import { claimDueRefunds, markRefunded, markRefundFailed, retryRefundLater } from "../../repositories/refunds.js";
import type { ServiceDeps } from "../deps.js";
import { runEvery } from "../periodic.js";
import { recordRefundOutcome } from "../webhooks-out/outbox.js";
import { RefundRefused } from "../ports.js";
import { toMinorUnits } from "../sessions/currency.js";
import { DEFAULT_REFUND_POLICY, type RefundPolicy } from "./refund-policy.js";

export { DEFAULT_REFUND_POLICY, type RefundPolicy };

/** Backoff stops growing here: a gateway back from an outage is found within the hour. */
const MAX_RETRY_MS = 3_600_000;
/** How long a claimed refund is reserved for the instance that claimed it (well over a gateway deadline). */
const LEASE_MS = 120_000;

/** The key the gateway sees on every attempt at this enrollment's refund. */
export const refundIdempotencyKey = (participantId: string): string => `refund-${participantId}`;

export function retryDelayMs(policy: RefundPolicy, attempts: number): number {
  return Math.min(MAX_RETRY_MS, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export type RefundAttemptOutcome = "refunded" | "retrying" | "failed";

/** A refund's final state, and its webhook event (refund.succeeded / refund.failed) in the same transaction. */
async function settle(deps: ServiceDeps, now: Date, mark: (tx: Transaction) => Promise<RefundRow | undefined>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await mark(tx);
    if (row) await recordRefundOutcome(tx, row, now);
  });
}

/** One attempt at a claimed refund; the outcome is recorded, never thrown. */
async function attemptRefund(deps: ServiceDeps, job: RefundRow): Promise<RefundAttemptOutcome> {
  const policy = deps.refunds ?? DEFAULT_REFUND_POLICY;
  const log = deps.logger.child({ refundId: job.id, participantId: job.participantId, sessionId: job.sessionId, gateway: job.gateway, attempt: job.attempts });
  const gateway = deps.payments?.verifiers[job.gateway];
  try {
    if (!gateway) throw new Error(`payments through ${job.gateway} are not configured on this server`);
    const refund = await gateway.refund({
      paymentId: job.paymentId,
      amountMinor: toMinorUnits(job.amount, job.currency),
      idempotencyKey: refundIdempotencyKey(job.participantId),
      notes: { live_session_id: job.sessionId, participant_id: job.participantId, user_id: job.userId, cause: job.cause },
    });
    const now = deps.clock.now();
    if (refund.outcome === "failed") {
      const error = `${job.gateway} reports refund ${refund.id} as ${refund.status}`;
      await settle(deps, now, (tx) => markRefundFailed(tx, { id: job.id, error, at: now, gatewayRefundId: refund.id }));
      log.error({ gatewayRefundId: refund.id }, `refund failed: ${error}`);
      return "failed";
    }
    await settle(deps, now, (tx) => markRefunded(tx, { id: job.id, gatewayRefundId: refund.id, at: now }));
    log.info({ gatewayRefundId: refund.id, amount: job.amount, currency: job.currency }, "refunded");
    return "refunded";
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const now = deps.clock.now();
    if (e instanceof RefundRefused || job.attempts >= policy.maxAttempts) {
      const error = e instanceof RefundRefused ? `${job.gateway} refused the refund: ${message}` : `gave up after ${job.attempts} attempts; last error: ${message}`;
      await settle(deps, now, (tx) => markRefundFailed(tx, { id: job.id, error, at: now }));
      log.error({ err: message }, `refund failed: ${error}`);
      return "failed";
    }
    const retryAt = new Date(now.getTime() + retryDelayMs(policy, job.attempts));
    await retryRefundLater(deps.db, { id: job.id, error: message, retryAt, at: now });
    log.warn({ err: message, retryAt }, "refund attempt failed; will retry");
    return "retrying";
  }
}

/** Attempt every due refund once. Safe to run on several instances at the same time. */
export async function sweepRefunds(deps: ServiceDeps, limit = 20): Promise<Record<RefundAttemptOutcome, number>> {
  const now = deps.clock.now();
  const due = await claimDueRefunds(deps.db, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit });
  const counts = { refunded: 0, retrying: 0, failed: 0 };
  // One at a time: a batch is small, and a gateway in trouble is not hammered.
  for (const job of due) counts[await attemptRefund(deps, job)]++;
  return counts;
}

export function startRefundWorker(deps: ServiceDeps, intervalMs: number): () => Promise<void> {
  return runEvery(intervalMs, "refund sweep", () => sweepRefunds(deps), deps.logger);
}
