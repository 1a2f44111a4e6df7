/**
 * The two adapters through the official libraries (stripe-node, razorpay) against the local
 * stand-ins: what they report, and that every failure becomes an UpstreamError in time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type PaymentVerifier, RefundRefused, UpstreamError } from "../domain/ports.js";
import { createRazorpayVerifier } from "./razorpay-verifier.js";
import { startPaymentStandIns, type PaymentStandIns } from "../stand-ins/payments/index.js";
import { createStripeVerifier } from "./stripe-verifier.js";

const TIMEOUT_MS = 400;
let s: PaymentStandIns;
let stripe: PaymentVerifier;
let razorpay: PaymentVerifier;

beforeAll(async () => {
  s = await startPaymentStandIns({ logger: { info() {}, warn() {} } });
  stripe = createStripeVerifier({
    secretKey: s.stripe.secretKey,
    publishableKey: s.stripe.publishableKey,
    timeoutMs: TIMEOUT_MS,
    host: s.stripe.host,
    port: s.stripe.port,
    protocol: s.stripe.protocol,
  });
  razorpay = createRazorpayVerifier({ keyId: s.razorpay.keyId, keySecret: s.razorpay.keySecret, timeoutMs: TIMEOUT_MS, baseUrl: s.razorpay.origin });
});
afterAll(() => s?.close());
beforeEach(() => s.clearFaults());

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe("Stripe verifier (stripe-node)", () => {
  it("reports a succeeded PaymentIntent as completed, in minor units and upper-case currency", async () => {
    const pi = s.stripe.createPaymentIntent({ amount: 49900, currency: "inr", metadata: { live_session_id: "ses_a", user_id: "usr_a" } });
    expect(await stripe.findPayment(pi.id)).toEqual({ id: pi.id, completed: true, status: "succeeded", amountMinor: 49900, currency: "INR", sessionId: "ses_a", userId: "usr_a" });
    // Made another way (a dashboard payment link, another app on the account): nothing ties it to us.
    const bare = s.stripe.createPaymentIntent({ amount: 49900, currency: "inr" });
    expect(await stripe.findPayment(bare.id)).toMatchObject({ sessionId: undefined, userId: undefined });
  });

  it("reports an unfinished one as not completed, with Stripe's status", async () => {
    const pi = s.stripe.createPaymentIntent({ amount: 49900, currency: "inr", status: "requires_payment_method" });
    expect(await stripe.findPayment(pi.id)).toMatchObject({ completed: false, status: "requires_payment_method" });
  });

  it("answers null for an unknown PaymentIntent, and for references that are not PaymentIntent ids without asking Stripe", async () => {
    expect(await stripe.findPayment("pi_doesnotexist")).toBeNull();
    const before = s.stripe.requests().length;
    for (const forged of ["pay_abc123", "pi_x/../../v1/charges", "ch_123", "pi_", "", "pi_" + "a".repeat(300)]) {
      expect(await stripe.findPayment(forged)).toBeNull();
    }
    expect(s.stripe.requests().length).toBe(before);
  });

  it("turns a Stripe 500 into an UpstreamError with the status", async () => {
    s.stripe.failNext("GET /payment_intents/:intent", { status: 500 });
    const e = await upstreamError(stripe.findPayment("pi_anything"));
    expect(e).toMatchObject({ service: "stripe", status: 500 });
  });

  it("gives up on a Stripe that does not answer within the deadline", async () => {
    s.stripe.failNext("GET /payment_intents/:intent", { hang: true });
    const started = Date.now();
    const e = await upstreamError(stripe.findPayment("pi_anything"));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(e.service).toBe("stripe");
    expect(e.status).toBeUndefined();
  });

  it("treats a refused key as an outage on our side, not as a missing payment", async () => {
    const wrongKey = createStripeVerifier({ secretKey: "sk_test_wrong", timeoutMs: TIMEOUT_MS, host: s.stripe.host, port: s.stripe.port, protocol: "http" });
    expect(await upstreamError(wrongKey.findPayment("pi_anything"))).toMatchObject({ status: 401 });
  });

  it("opens a PaymentIntent for the checkout, tagged with our session and user", async () => {
    const opened = await stripe.openCheckout({ sessionId: "ses_b", userId: "usr_1", amountMinor: 1500, currency: "JPY", description: "Yin" });
    expect(opened).toMatchObject({ gateway: "stripe", amountMinor: 1500, currency: "JPY", publicKey: s.stripe.publishableKey });
    expect(opened.clientSecret).toMatch(new RegExp(`^${opened.reference}_secret_`));
    expect(await stripe.findPayment(opened.reference)).toMatchObject({ completed: false, sessionId: "ses_b", userId: "usr_1" });
    s.stripe.succeed(opened.reference);
    expect(await stripe.findPayment(opened.reference)).toMatchObject({ completed: true, amountMinor: 1500 });
  });

  it("cannot open checkouts without a publishable key, but still verifies", () => {
    const verifyOnly = createStripeVerifier({ secretKey: s.stripe.secretKey, timeoutMs: TIMEOUT_MS, host: s.stripe.host, port: s.stripe.port, protocol: "http" });
    expect(verifyOnly.canOpenCheckout).toBe(false);
  });
});

describe("Razorpay verifier (razorpay)", () => {
  it("reports a captured payment as completed, for the session and user in its order's notes", async () => {
    const order = s.razorpay.createOrder({ amount: 49900, currency: "INR", notes: { live_session_id: "ses_c", user_id: "usr_c" } });
    const p = s.razorpay.createPayment({ amount: 49900, currency: "INR", orderId: order.id });
    expect(await razorpay.findPayment(p.id)).toEqual({ id: p.id, completed: true, status: "captured", amountMinor: 49900, currency: "INR", sessionId: "ses_c", userId: "usr_c" });
  });

  it("never takes the session or user from the payment's own notes, which Razorpay Checkout fills from the browser", async () => {
    const p = s.razorpay.createPayment({ amount: 49900, currency: "INR", notes: { live_session_id: "ses_c", user_id: "usr_c" } });
    expect(await razorpay.findPayment(p.id)).toMatchObject({ completed: true, sessionId: undefined, userId: undefined });
    const bareOrder = s.razorpay.createOrder({ amount: 49900, currency: "INR" });
    const paid = s.razorpay.payOrder(bareOrder.id);
    expect(await razorpay.findPayment(paid.id)).toMatchObject({ completed: true, sessionId: undefined, userId: undefined });
  });

  it("turns a Razorpay 500 on the payment's order into an UpstreamError: who paid cannot be told without it", async () => {
    const order = s.razorpay.createOrder({ amount: 49900, currency: "INR", notes: { live_session_id: "ses_c", user_id: "usr_c" } });
    const p = s.razorpay.createPayment({ amount: 49900, currency: "INR", orderId: order.id });
    s.razorpay.failNext("GET /orders/:id", { status: 500 });
    expect(await upstreamError(razorpay.findPayment(p.id))).toMatchObject({ service: "razorpay", status: 500 });
  });

  it("reports authorized, failed and refunded payments as not completed", async () => {
    for (const status of ["authorized", "failed", "refunded", "created"] as const) {
      const p = s.razorpay.createPayment({ amount: 49900, status });
      expect(await razorpay.findPayment(p.id)).toMatchObject({ completed: false, status });
    }
  });

  it("answers null for an unknown id (Razorpay's 400), and for non-payment references without a request", async () => {
    expect(await razorpay.findPayment("pay_doesnotexist00")).toBeNull();
    const before = s.razorpay.requests().length;
    for (const forged of ["pi_123", "pay_../orders", "order_abc", "pay_", "pay_" + "a".repeat(50)]) {
      expect(await razorpay.findPayment(forged)).toBeNull();
    }
    expect(s.razorpay.requests().length).toBe(before);
  });

  it("turns a Razorpay 500 into an UpstreamError with the status", async () => {
    s.razorpay.failNext("GET /payments/:id", { status: 500 });
    expect(await upstreamError(razorpay.findPayment("pay_anything0000"))).toMatchObject({ service: "razorpay", status: 500 });
  });

  it("gives up on a Razorpay that does not answer within the deadline (the library has no timeout)", async () => {
    s.razorpay.failNext("GET /payments/:id", { hang: true });
    const started = Date.now();
    const e = await upstreamError(razorpay.findPayment("pay_anything0000"));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
    expect(e.status).toBeUndefined();
  });

  it("turns a refused connection into an UpstreamError rather than the library's TypeError", async () => {
    const nowhere = createRazorpayVerifier({ keyId: "rzp_test_x", keySecret: "y", timeoutMs: TIMEOUT_MS, baseUrl: "http://127.0.0.1:9" });
    const e = await upstreamError(nowhere.findPayment("pay_anything0000"));
    expect(e.message).toMatch(/could not reach Razorpay/);
  });

  it("opens an order for the checkout, which the customer then pays", async () => {
    const opened = await razorpay.openCheckout({ sessionId: "ses_d", userId: "usr_2", amountMinor: 49900, currency: "INR", description: "Flow" });
    expect(opened).toMatchObject({ gateway: "razorpay", reference: expect.stringMatching(/^order_/), publicKey: s.razorpay.keyId, amountMinor: 49900, currency: "INR" });
    const paid = s.razorpay.payOrder(opened.reference);
    expect(await razorpay.findPayment(paid.id)).toMatchObject({ completed: true, amountMinor: 49900, sessionId: "ses_d", userId: "usr_2" });
  });
});

describe("refunds through both libraries", () => {
  const refused = async (promise: Promise<unknown>): Promise<RefundRefused> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RefundRefused);
    return error as RefundRefused;
  };

  it("Stripe: a full refund with the idempotency key; the same key again is the same refund; another amount under it is refused", async () => {
    const intent = s.stripe.createPaymentIntent({ amount: 49900, currency: "inr" });
    const params = { paymentId: intent.id, amountMinor: 49900, idempotencyKey: `refund-part_${intent.id.slice(-10)}`, notes: { participant_id: "part_1" } };
    const first = await stripe.refund(params);
    expect(first).toEqual({ id: expect.stringMatching(/^re_/), outcome: "accepted", status: "succeeded", amountMinor: 49900 });
    expect(await stripe.refund(params)).toEqual(first);
    expect(s.stripe.refunds().filter((r) => r.payment_intent === intent.id)).toHaveLength(1);
    expect((await refused(stripe.refund({ ...params, amountMinor: 100 }))).message).toMatch(/StripeIdempotencyError: Keys for idempotent requests can only be used with the same parameters/);
    // A new key cannot refund it twice either.
    expect((await refused(stripe.refund({ ...params, idempotencyKey: "refund-another-key" }))).message).toMatch(/charge_already_refunded/);
  });

  it("Stripe: a 500 or a hang is an UpstreamError (retried later), within the deadline", async () => {
    const intent = s.stripe.createPaymentIntent({ amount: 1000, currency: "usd" });
    const params = { paymentId: intent.id, amountMinor: 1000, idempotencyKey: "refund-part_stripe_fault", notes: {} };
    s.stripe.failNext("POST /refunds", { status: 500 });
    expect((await upstreamError(stripe.refund(params))).status).toBe(500);
    s.stripe.failNext("POST /refunds", { hang: true });
    const started = Date.now();
    await upstreamError(stripe.refund(params));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 4);
    expect((await stripe.refund(params)).outcome).toBe("accepted");
  });

  it("Razorpay: the key travels as X-Refund-Idempotency; the same key again is the same refund; another body under it is refused", async () => {
    const payment = s.razorpay.createPayment({ amount: 49900 });
    const params = { paymentId: payment.id, amountMinor: 49900, idempotencyKey: `refund-part_${payment.id.slice(-10)}`, notes: { participant_id: "part_1" } };
    const first = await razorpay.refund(params);
    expect(first).toEqual({ id: expect.stringMatching(/^rfnd_/), outcome: "accepted", status: "processed", amountMinor: 49900 });
    expect(await razorpay.refund(params)).toEqual(first);
    expect(s.razorpay.refunds().filter((r) => r.payment_id === payment.id)).toHaveLength(1);
    expect(s.razorpay.payments().find((p) => p.id === payment.id)).toMatchObject({ status: "refunded", amount_refunded: 49900, refund_status: "full" });
    expect((await refused(razorpay.refund({ ...params, amountMinor: 100 }))).message).toMatch(/Different request with the same idempotency key has already been processed/);
    expect((await refused(razorpay.refund({ ...params, idempotencyKey: "refund-another-key" }))).message).toMatch(/fully refunded already/);
  });

  it("Razorpay: a 503 or a hang is an UpstreamError (retried later); an uncaptured payment is refused for good", async () => {
    const payment = s.razorpay.createPayment({ amount: 1000 });
    const params = { paymentId: payment.id, amountMinor: 1000, idempotencyKey: "refund-part_razorpay_fault", notes: {} };
    s.razorpay.failNext("POST /payments/:id/refund", { status: 503 });
    expect((await upstreamError(razorpay.refund(params))).status).toBe(503);
    s.razorpay.failNext("POST /payments/:id/refund", { hang: true });
    await upstreamError(razorpay.refund(params));
    expect((await razorpay.refund(params)).outcome).toBe("accepted");
    const authorized = s.razorpay.createPayment({ amount: 1000, status: "authorized" });
    expect((await refused(razorpay.refund({ ...params, paymentId: authorized.id, idempotencyKey: "refund-part_uncaptured" }))).message).toMatch(/not been captured/);
  });
});
