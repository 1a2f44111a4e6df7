/**
 * POST /api/live/sessions/:id/enroll with the seed's payment body, verified with the gateway
 * (the local stand-ins here): refusals are 400 with the seed's envelope, outages 503, and
 * neither stores anything.
 */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { payAs, seedPaymentBody, type TestPayment } from "../test-support/payments.js";
import { createSessionRest, expectFailure, expectSuccess, rest, seedCreateBody } from "../test-support/rest-client.js";
import type { TestApp } from "../test-support/test-app.js";

const INR = { price: 499, currency: "INR" };

const enroll = (app: TestApp, id: string, as: "priya" | "tom", body?: unknown) => rest(app, "POST", `/api/live/sessions/${id}/enroll`, { as, body });

async function enrolledCount(app: TestApp, id: string): Promise<number> {
  return expectSuccess(await rest(app, "GET", `/api/live/sessions/${id}`), 200).data.session.enrolledCount;
}

describe("with the local gateway stand-ins", () => {
  const t = useTestApp({ env: { PAYMENT_TIMEOUT_MS: "500" } });

  it("enrolls with a completed payment once: again is the same participant for the same student, 400 for another", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    const payment = await seedPaymentBody(t.app, id, "priya");
    const first = expectSuccess(await enroll(t.app, id, "priya", payment), 200).data.participantId;
    expect(expectSuccess(await enroll(t.app, id, "priya", payment), 200).data.participantId).toBe(first);
    expectFailure(await enroll(t.app, id, "tom", payment), 400, "This payment has already been used for an enrollment; each payment pays for one seat.");
    expect(await enrolledCount(t.app, id)).toBe(1);
    const owner = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200).data.session;
    expect(owner.participants).toEqual([expect.objectContaining({ paid: true, paymentId: payment.paymentId, paymentGateway: "stripe", amountPaid: 499 })]);
  });

  it.each([
    ["forged", async (_id: string): Promise<TestPayment> => ({ paymentId: "pay_abc123", paymentGateway: "stripe" }), /^Stripe has no payment "pay_abc123"\. Send the id of a Stripe PaymentIntent \(pi_…\)/],
    ["forged Razorpay", async (_id: string): Promise<TestPayment> => ({ paymentId: "pay_Invented000000", paymentGateway: "razorpay" }), /^Razorpay has no payment "pay_Invented000000"/],
    ["unpaid", (id: string) => payAs(t.app, "priya", { id, ...INR }, "razorpay", { status: "failed" }), /is not completed \(its status is failed\)/],
    ["wrong-amount", (id: string) => payAs(t.app, "priya", { id, ...INR }, "stripe", { amountMinor: 4990 }), /is for 49\.90 INR, but this session costs 499\.00 INR\.$/],
    ["wrong-currency", (id: string) => payAs(t.app, "priya", { id, ...INR }, "razorpay", { currency: "USD" }), /was made in USD, but this session costs 499\.00 INR\.$/],
    ["someone else's", (id: string) => payAs(t.app, "lena", { id, ...INR }, "stripe"), /^Stripe payment pi_\w+ was made by another account; a payment enrolls only the person who paid\. Pay through this app's checkout for this session/],
    ["other session's", (_id: string) => payAs(t.app, "priya", { id: "ses_another", ...INR }, "razorpay"), /^Razorpay payment pay_\w+ was made for another session\./],
    ["not-from-our-checkout", (id: string) => payAs(t.app, "priya", { id, ...INR }, "razorpay", { openedFor: null }), /^Razorpay payment pay_\w+ was not made through this app's checkout, so nothing ties it to this session and to you\. Pay through this app's checkout for this session \(the Enroll button on its page, or the startCheckout mutation\), then enroll with that payment\.$/],
  ] as const)("a %s payment is a 400 in the seed's envelope and nothing is stored", async (_name, make, message) => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    expectFailure(await enroll(t.app, id, "priya", await make(id)), 400, message);
    expect(await enrolledCount(t.app, id)).toBe(0);
  });

  it.each([
    ["a 502", { status: 502 }],
    ["a time-out", { hang: true }],
  ] as const)("Razorpay answering %s is a 503 saying to retry, holds no seat, and the retry enrolls", async (_name, fault) => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { maxParticipants: 1 }));
    const payment = await payAs(t.app, "priya", { id, ...INR }, "razorpay");
    t.app.payments!.razorpay.failNext("GET /payments/:id", fault);
    expectFailure(
      await enroll(t.app, id, "priya", payment),
      503,
      "The payment gateway (razorpay) could not confirm your payment just now. You have not been enrolled and no seat was taken; please try again in a moment.",
    );
    expect(await enrolledCount(t.app, id)).toBe(0);
    expectSuccess(await enroll(t.app, id, "priya", payment), 200);
    expect(await enrolledCount(t.app, id)).toBe(1);
  });
});

describe("with no payment gateway configured", () => {
  const t = useTestApp({ env: { LOCAL_PAYMENTS: "false" } });

  it("answers a paid enrollment 400 naming the gateway; a free one still enrolls", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    expectFailure(
      await enroll(t.app, id, "priya", { paymentId: "pi_3Whatever00000000000000", paymentGateway: "stripe" }),
      400,
      "Payments through stripe are not configured on this server. This server cannot take payments for priced sessions until a gateway is set up.",
    );
    expect(await enrolledCount(t.app, id)).toBe(0);
    const free = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    expectSuccess(await enroll(t.app, free, "priya"), 200);
  });
});
