/**
 * Refunds, booking cancellation and the waitlist through the GraphQL API over real HTTP:
 * what the student, the expert and an admin see of a refund, and the refusals.
 */
import { describe, expect, it } from "vitest";
import { ENROLL, createSessionId, expectGqlError } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { asGraphQLPayment, payAs } from "../test-support/payments.js";
import { sweepRefunds } from "../domain/payments/refunds.js";

const INR = { price: 499, currency: "INR" };
const REFUND = "id status cause amount currency paymentGateway gatewayRefundId refundedAt failureReason";
// Text, not a typed document: it is built from REFUND, shared with CANCEL_BOOKING.
const SESSION = `
  query Refunded($id: ID!) {
    session(id: $id) {
      status cancellationReason cancellationPolicy cancellationDeadline
      viewerRefund { ${REFUND} }
      viewerEnrollment { refund { status } }
      participants { userName refund { status } }
      viewerCan { cancelEnrollment { allowed reason code } joinWaitlist { allowed reason } }
    }
  }
`;
const CANCEL_SESSION = "mutation($id: ID!) { cancelSession(id: $id) { status cancellationReason } }";
const CANCEL_BOOKING = `mutation($id: ID!) { cancelEnrollment(sessionId: $id) { session { enrolledCount seatsLeft } refund { ${REFUND} } } }`;

describe("refunds, booking cancellation and the waitlist through GraphQL", () => {
  const t = useTestApp();
  const sweep = () => sweepRefunds(t.app.composition.deps);

  it("an expert cancels a paid class: the student sees PENDING, then REFUNDED; the expert sees it on the participant; the reason of a failure only for admins", async () => {
    const id = await createSessionId(t.app, INR);
    const payment = asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "razorpay"));
    await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya");
    const policy = (await t.app.gqlOk(SESSION, { id }, "tom")).session;
    expect(policy.cancellationPolicy).toBe("You can cancel your booking until 2 hours before the start; a paid seat is refunded in full. If the class is cancelled or never starts, you are refunded in full.");

    expect((await t.app.gqlOk(CANCEL_SESSION, { id }, "deepak")).cancelSession).toEqual({ status: "CANCELLED", cancellationReason: "Cancelled by the expert" });
    const pending = (await t.app.gqlOk(SESSION, { id }, "priya")).session;
    expect(pending.viewerRefund).toMatchObject({ status: "PENDING", cause: "SESSION_CANCELLED", amount: 499, currency: "INR", paymentGateway: "RAZORPAY", refundedAt: null });
    expect(pending.viewerEnrollment.refund.status).toBe("PENDING");

    await sweep();
    const done = (await t.app.gqlOk(SESSION, { id }, "priya")).session;
    expect(done.viewerRefund).toMatchObject({ status: "REFUNDED", gatewayRefundId: expect.stringMatching(/^rfnd_/), refundedAt: t.app.clock.now().toISOString() });
    expect((await t.app.gqlOk(SESSION, { id }, "deepak")).session.participants).toEqual([{ userName: "Priya Sharma", refund: { status: "REFUNDED" } }]);
    expect((await t.app.gqlOk("{ myRefunds { status sessionId } }", {}, "priya")).myRefunds).toEqual([{ status: "REFUNDED", sessionId: id }]);
  });

  it("a refund the gateway refuses is FAILED; why is for admins only", async () => {
    const id = await createSessionId(t.app, INR);
    const payment = asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "stripe"));
    await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya");
    // Refunded in Stripe's dashboard already.
    await t.app.composition.deps.payments!.verifiers.stripe!.refund({ paymentId: payment.paymentId, amountMinor: 49900, idempotencyKey: "dashboard-refund-x", notes: {} });
    await t.app.gqlOk(CANCEL_SESSION, { id }, "admin");
    await sweep();
    const asStudent = (await t.app.gqlOk(SESSION, { id }, "priya")).session.viewerRefund;
    expect(asStudent).toMatchObject({ status: "FAILED", failureReason: null });
    const failed = (await t.app.gqlOk("{ refunds(status: FAILED) { sessionId status failureReason } }", {}, "admin")).refunds;
    expect(failed).toEqual([{ sessionId: id, status: "FAILED", failureReason: expect.stringMatching(/^stripe refused the refund: .*already been refunded/) }]);
    expect((await t.app.gqlOk("{ refunds(status: REFUNDED) { id } }", {}, "admin")).refunds).toEqual([]);
    expectGqlError(await t.app.gql("{ refunds { id } }", {}, "deepak"), "FORBIDDEN", /Only admins/);
  });

  it("cancelEnrollment before the cut-off refunds; after it, FAILED_PRECONDITION and viewerCan says why", async () => {
    const id = await createSessionId(t.app, INR);
    await t.app.gqlOk(ENROLL, { sessionId: id, payment: asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR })) }, "priya");
    const cancelled = (await t.app.gqlOk(CANCEL_BOOKING, { id }, "priya")).cancelEnrollment;
    expect(cancelled.session.enrolledCount).toBe(0);
    expect(cancelled.refund).toMatchObject({ status: "PENDING", cause: "BOOKING_CANCELLED", amount: 499, paymentGateway: "STRIPE" });

    const late = await createSessionId(t.app, INR, 1);
    await t.app.gqlOk(ENROLL, { sessionId: late, payment: asGraphQLPayment(await payAs(t.app, "priya", { id: late, ...INR })) }, "priya");
    const can = (await t.app.gqlOk(SESSION, { id: late }, "priya")).session.viewerCan.cancelEnrollment;
    expect(can).toEqual({ allowed: false, code: "FAILED_PRECONDITION", reason: "Bookings can be cancelled until 2 hours before the start; it is too late to cancel this one." });
    expectGqlError(await t.app.gql(CANCEL_BOOKING, { id: late }, "priya"), "FAILED_PRECONDITION", /too late to cancel/);
    expect(await t.database.query("select id from refunds where session_id = $1", [late])).toEqual([]);
  });

  it("a full class offers its waitlist; a cancellation hands the seat to the first in line", async () => {
    const id = await createSessionId(t.app, { maxParticipants: 1 });
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expect((await t.app.gqlOk(SESSION, { id }, "tom")).session.viewerCan.joinWaitlist).toEqual({ allowed: true, reason: null });
    expect((await t.app.gqlOk("mutation($id: ID!) { joinWaitlist(sessionId: $id) { position offered } }", { id }, "tom")).joinWaitlist).toEqual({ position: 1, offered: false });
    await t.app.gqlOk(CANCEL_BOOKING, { id }, "priya");
    const tom = await t.app.gqlOk("query($id: ID!) { session(id: $id) { viewerEnrollment { id } viewerWaitlist { position } enrolledCount } myWaitlist { sessionId } }", { id }, "tom");
    expect(tom.session.viewerEnrollment).not.toBeNull();
    expect(tom.session).toMatchObject({ viewerWaitlist: null, enrolledCount: 1 });
    expect(tom.myWaitlist).toEqual([]);
  });
});
