/**
 * Refunds when a class is cancelled: one outbox row per paid enrollment, written with the
 * cancellation, paid back by the worker through the real stripe and razorpay libraries
 * against their local stand-ins, exactly once, through gateway failures, lost answers and
 * two app instances.
 */
import { describe, expect, it } from "vitest";
import type { ServiceHarness } from "../../test-support/service-harness.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";
import { openSecondInstance } from "../../test-support/second-instance.js";
import { realPostgresUrl } from "../../test-support/test-database.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import type { PaymentGatewayName } from "../ports.js";
import { DEFAULT_REFUND_POLICY, retryDelayMs, sweepRefunds } from "./refunds.js";
import { cancelNotStartedSessions } from "../sessions/not-started.js";

const PRICE = 499;

/** A priced session with `gateways.length` students enrolled, each paying through the gateway given. */
async function paidSession(h: ServiceHarness, gateways: PaymentGatewayName[], overrides: Record<string, unknown> = {}) {
  const deepak = await h.viewer("deepak");
  const session = await h.services.createSession(deepak, sessionInput(h.clock, { price: PRICE, currency: "INR", maxParticipants: 100, ...overrides }));
  const enrollments = [];
  for (const [i, gateway] of gateways.entries()) {
    const student = await h.student(i);
    const payment = payFor(h.payments, session, student, gateway);
    enrollments.push({ student, payment, participant: (await h.services.enroll(student, session.id, payment)).participant });
  }
  return { deepak, session, enrollments };
}

/**
 * Every refund the stand-ins made of these enrollments' payments (the stand-ins outlive a
 * test), as [payment reference, amount in minor units].
 */
function gatewayRefunds(h: ServiceHarness, of: { payment: { paymentId: string } }[]): [string, number][] {
  const ids = new Set(of.map((e) => e.payment.paymentId));
  return [
    ...h.payments.stripe.refunds().map((r) => [r.payment_intent, r.amount] as [string, number]),
    ...h.payments.razorpay.refunds().map((r) => [r.payment_id, r.amount] as [string, number]),
  ]
    .filter(([id]) => ids.has(id))
    .sort();
}

/** Each enrollment's payment refunded once, in full. */
const refundedOnce = (of: { payment: { paymentId: string } }[]) => of.map((e) => [e.payment.paymentId, PRICE * 100] as [string, number]).sort();

describe("refunds when a class is cancelled", () => {
  const t = useServiceHarness({ maxConnections: 20 });
  const refundRows = () => t.database.query<{ participant_id: string; status: string; attempts: number; last_error: string | null; gateway_refund_id: string | null; cause: string; amount: string }>("select * from refunds order by participant_id");

  it("cancelling writes one pending refund per paid enrollment with the cancellation, and the worker refunds each in full once", async () => {
    const { deepak, session, enrollments } = await paidSession(t.h, ["stripe", "razorpay", "stripe"]);
    const cancelled = await t.h.services.cancelSession(deepak, session.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancellationReason).toBe("Cancelled by the expert");

    const queued = await refundRows();
    expect(queued.map((r) => [r.participant_id, r.status, r.cause])).toEqual(
      enrollments.map((e) => [e.participant.id, "pending", "session_cancelled"]).sort(),
    );
    expect(gatewayRefunds(t.h, enrollments)).toEqual([]);

    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 3, retrying: 0, failed: 0 });
    expect(gatewayRefunds(t.h, enrollments)).toEqual(refundedOnce(enrollments));
    const done = await refundRows();
    expect(done.every((r) => r.status === "refunded" && r.gateway_refund_id !== null)).toBe(true);

    // Nothing is due any more: another round asks the gateways nothing.
    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 0, retrying: 0, failed: 0 });
    expect(gatewayRefunds(t.h, enrollments)).toHaveLength(3);
    // The enrollments stay: the students see the cancelled class and their refund.
    expect(await t.database.query("select id from live_session_participants")).toHaveLength(3);
  });

  it("a gateway failing is retried with backoff, and once it recovers each payment is refunded once", async () => {
    const { deepak, session, enrollments } = await paidSession(t.h, ["stripe", "razorpay"]);
    await t.h.services.cancelSession(deepak, session.id);
    t.h.payments.stripe.setFault("POST /refunds", { status: 500 });
    t.h.payments.razorpay.setFault("POST /payments/:id/refund", { status: 503 });

    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 0, retrying: 2, failed: 0 });
    const waiting = await refundRows();
    expect(waiting.map((r) => [r.status, r.attempts])).toEqual([["pending", 1], ["pending", 1]]);
    for (const r of waiting) expect(r.last_error).toMatch(/answered 50[03]/);

    // Not due before the backoff: nothing is asked.
    const before = t.h.payments.stripe.requests().length + t.h.payments.razorpay.requests().length;
    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 0, retrying: 0, failed: 0 });
    expect(t.h.payments.stripe.requests().length + t.h.payments.razorpay.requests().length).toBe(before);

    // Still down at the second attempt: the wait doubles.
    t.h.clock.advance(retryDelayMs(DEFAULT_REFUND_POLICY, 1));
    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 0, retrying: 2, failed: 0 });
    t.h.clock.advance(retryDelayMs(DEFAULT_REFUND_POLICY, 1));
    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 0, retrying: 0, failed: 0 });

    t.h.payments.clearFaults();
    t.h.clock.advance(retryDelayMs(DEFAULT_REFUND_POLICY, 2));
    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 2, retrying: 0, failed: 0 });
    expect(gatewayRefunds(t.h, enrollments)).toEqual(refundedOnce(enrollments));
    expect((await refundRows()).map((r) => [r.status, r.attempts, r.last_error])).toEqual([["refunded", 3, null], ["refunded", 3, null]]);
  });

  it("a refund whose answer was lost is retried with the same idempotency key: the gateway returns the first refund, not a second", async () => {
    const { deepak, session, enrollments } = await paidSession(t.h, ["stripe", "razorpay"]);
    await t.h.services.cancelSession(deepak, session.id);
    // stripe-node itself retries a cut connection once, with our key (its RequestSender._shouldRetry):
    // two lost answers make it give up and leave the retry to us.
    t.h.payments.stripe.dropNextRefundAnswer();
    t.h.payments.stripe.dropNextRefundAnswer();
    t.h.payments.razorpay.dropNextRefundAnswer();

    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 0, retrying: 2, failed: 0 });
    // The gateways did refund; we could not know.
    expect(gatewayRefunds(t.h, enrollments)).toHaveLength(2);

    t.h.clock.advance(retryDelayMs(DEFAULT_REFUND_POLICY, 1));
    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 2, retrying: 0, failed: 0 });
    expect(gatewayRefunds(t.h, enrollments)).toEqual(refundedOnce(enrollments));
    const paid = new Set(enrollments.map((e) => e.payment.paymentId));
    const ids = [
      ...t.h.payments.stripe.refunds().filter((r) => paid.has(r.payment_intent)).map((r) => r.id),
      ...t.h.payments.razorpay.refunds().filter((r) => paid.has(r.payment_id)).map((r) => r.id),
    ].sort();
    expect((await refundRows()).map((r) => r.gateway_refund_id).sort()).toEqual(ids);
  });

  it("a refund the gateway refuses for good is FAILED at once with its reason; one that keeps failing is FAILED after the last attempt", async () => {
    const { deepak, session, enrollments } = await paidSession(t.h, ["stripe", "razorpay"]);
    // Someone refunded the Stripe payment in the dashboard already.
    await t.h.deps.payments!.verifiers.stripe!.refund({ paymentId: enrollments[0]!.payment.paymentId, amountMinor: PRICE * 100, idempotencyKey: "dashboard-refund-1", notes: {} });
    await t.h.services.cancelSession(deepak, session.id);
    t.h.payments.razorpay.setFault("POST /payments/:id/refund", { status: 500 });
    const policy = { maxAttempts: 2, retryBaseMs: 1000 };
    const deps = { ...t.h.deps, refunds: policy };

    expect(await sweepRefunds(deps)).toEqual({ refunded: 0, retrying: 1, failed: 1 });
    t.h.clock.advance(retryDelayMs(policy, 1));
    expect(await sweepRefunds(deps)).toEqual({ refunded: 0, retrying: 0, failed: 1 });
    const rows = await refundRows();
    const byParticipant = new Map(rows.map((r) => [r.participant_id, r]));
    expect(byParticipant.get(enrollments[0]!.participant.id)).toMatchObject({ status: "failed", last_error: expect.stringMatching(/stripe refused the refund: .*already been refunded/) });
    expect(byParticipant.get(enrollments[1]!.participant.id)).toMatchObject({ status: "failed", last_error: expect.stringMatching(/gave up after 2 attempts; last error: .*500/) });
    // Failed refunds are not tried again.
    t.h.payments.clearFaults();
    t.h.clock.advance(3_600_000);
    expect(await sweepRefunds(deps)).toEqual({ refunded: 0, retrying: 0, failed: 0 });
  });

  it("a free class's cancellation owes nothing", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.enroll(await t.h.student(1), session.id);
    await t.h.services.cancelSession(deepak, session.id);
    expect(await refundRows()).toEqual([]);
  });

  it("an admin may cancel a class and its students are refunded; another expert may not, and nothing changes", async () => {
    const { session } = await paidSession(t.h, ["stripe"]);
    await expectDomainError(t.h.services.cancelSession(await t.h.viewer("meera"), session.id), "FORBIDDEN", /expert \(or an admin\)/);
    expect(await refundRows()).toEqual([]);
    const cancelled = await t.h.services.cancelSession(await t.h.viewer("admin"), session.id);
    expect(cancelled.cancellationReason).toBe("Cancelled by the studio");
    expect(await refundRows()).toHaveLength(1);
  });

  it("a class whose scheduled end passes without a start is cancelled as not started, and its students are refunded", async () => {
    const { session, enrollments } = await paidSession(t.h, ["razorpay", "stripe"]);
    const deepak = await t.h.viewer("deepak");
    const started = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 2));
    await t.h.services.startSession(deepak, started.id);

    // Just before the end: still scheduled (the expert may start late).
    t.h.clock.set(new Date(session.scheduledEndTime.getTime() - 1000));
    expect(await cancelNotStartedSessions(t.h.deps)).toEqual([]);
    t.h.clock.set(session.scheduledEndTime);
    expect(await cancelNotStartedSessions(t.h.deps)).toEqual([session.id]);
    const after = await t.h.services.getSession(null, session.id);
    expect(after).toMatchObject({ status: "cancelled", cancellationReason: "Not started by the expert" });
    expect((await t.h.services.getSession(null, started.id))?.status).toBe("live");
    expect((await refundRows()).map((r) => r.cause)).toEqual(["not_started", "not_started"]);

    await sweepRefunds(t.h.deps);
    expect(gatewayRefunds(t.h, enrollments)).toEqual(refundedOnce(enrollments));
    // Sweeping again changes nothing.
    expect(await cancelNotStartedSessions(t.h.deps)).toEqual([]);
  });
});

describe.skipIf(!realPostgresUrl())("refunds with two app instances (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });

  it("two instances cancelling, sweeping for not-started classes and refunding at once: every paid seat refunded exactly once", async () => {
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const gateways: PaymentGatewayName[] = Array.from({ length: 16 }, (_, i) => (i % 2 ? "razorpay" : "stripe"));
      const { deepak, session, enrollments } = await paidSession(t.h, gateways);
      // Both cancel at once: one wins, the other is told.
      const cancels = await Promise.allSettled([t.h.services.cancelSession(deepak, session.id), second.services.cancelSession(deepak, session.id)]);
      expect(cancels.filter((c) => c.status === "fulfilled")).toHaveLength(1);
      expect((await t.database.query<{ n: number }>("select count(*)::int as n from refunds"))[0]!.n).toBe(16);

      // A slow gateway widens the window in which both instances sweep.
      t.h.payments.stripe.setFault("POST /refunds", { delayMs: 30 });
      t.h.payments.razorpay.setFault("POST /payments/:id/refund", { delayMs: 30 });
      for (let round = 0; round < 3; round++) {
        await Promise.all([sweepRefunds(t.h.deps, 5), sweepRefunds(second.deps, 5), sweepRefunds(t.h.deps, 5), sweepRefunds(second.deps, 5)]);
      }
      expect(gatewayRefunds(t.h, enrollments)).toEqual(refundedOnce(enrollments));
      const statuses = await t.database.query<{ status: string; n: number }>("select status, count(*)::int as n from refunds group by status");
      expect(statuses).toEqual([{ status: "refunded", n: 16 }]);
    } finally {
      await second.close();
    }
  });

  it("two instances sweeping not-started classes at once cancel each once and queue each refund once", async () => {
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const sessions = [];
      for (let i = 0; i < 5; i++) sessions.push((await paidSession(t.h, ["stripe", "razorpay"], { title: `Class ${i}` })).session);
      t.h.clock.advance(48 * 3_600_000);
      const [a, b] = await Promise.all([cancelNotStartedSessions(t.h.deps), cancelNotStartedSessions(second.deps)]);
      expect([...a, ...b].sort()).toEqual(sessions.map((s) => s.id).sort());
      expect((await t.database.query<{ n: number }>("select count(*)::int as n from refunds where cause = 'not_started'"))[0]!.n).toBe(10);
    } finally {
      await second.close();
    }
  });
});
