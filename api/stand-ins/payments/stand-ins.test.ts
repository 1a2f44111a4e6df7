/**
 * The stand-ins answer as Stripe's and Razorpay's documented REST APIs do, over plain HTTP:
 * the entity shapes the verifiers read, the credential checks, and the error bodies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPaymentStandIns, type PaymentStandIns } from "./index.js";
import { startStripeStandIn } from "./stripe-stand-in.js";

let s: PaymentStandIns;
beforeAll(async () => {
  s = await startPaymentStandIns({ logger: { info() {}, warn() {} } });
});
afterAll(() => s?.close());
beforeEach(() => s.clearFaults());

const stripeAuth = () => ({ authorization: `Bearer ${s.stripe.secretKey}` });
const razorpayAuth = () => ({ authorization: `Basic ${Buffer.from(`${s.razorpay.keyId}:${s.razorpay.keySecret}`).toString("base64")}` });

async function call(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

describe("Stripe stand-in", () => {
  it("answers a PaymentIntent in Stripe's shape: minor units, lower-case currency, status, metadata", async () => {
    const made = s.stripe.createPaymentIntent({ amount: 49900, currency: "INR", metadata: { live_session_id: "ses_1" } });
    expect(made.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    const res = await call(`${s.stripe.origin}/v1/payment_intents/${made.id}`, { headers: stripeAuth() });
    expect(res.status).toBe(200);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    expect(res.body).toMatchObject({
      id: made.id,
      object: "payment_intent",
      amount: 49900,
      amount_received: 49900,
      currency: "inr",
      status: "succeeded",
      livemode: false,
      metadata: { live_session_id: "ses_1" },
      client_secret: expect.stringMatching(new RegExp(`^${made.id}_secret_`)),
    });
  });

  it("answers an unknown PaymentIntent with 404 resource_missing, as Stripe documents", async () => {
    const res = await call(`${s.stripe.origin}/v1/payment_intents/pi_nope`, { headers: stripeAuth() });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: {
        code: "resource_missing",
        doc_url: "https://stripe.com/docs/error-codes/resource-missing",
        message: "No such payment_intent: 'pi_nope'",
        param: "intent",
        type: "invalid_request_error",
      },
    });
  });

  it("refuses a missing or wrong secret key with 401 invalid_request_error", async () => {
    const missing = await call(`${s.stripe.origin}/v1/payment_intents/pi_x`);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ type: "invalid_request_error", message: expect.stringMatching(/did not provide an API key/) });
    const wrong = await call(`${s.stripe.origin}/v1/payment_intents/pi_x`, { headers: { authorization: "Bearer sk_test_wrong000000" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/^Invalid API Key provided: sk_test_\*{4}0000$/);
  });

  it("creates a PaymentIntent from a form-encoded body, waiting for payment until the customer pays", async () => {
    const res = await call(`${s.stripe.origin}/v1/payment_intents`, {
      method: "POST",
      headers: { ...stripeAuth(), "content-type": "application/x-www-form-urlencoded" },
      body: "amount=1500&currency=JPY&metadata[live_session_id]=ses_9&automatic_payment_methods[enabled]=true",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ amount: 1500, currency: "jpy", status: "requires_payment_method", amount_received: 0, metadata: { live_session_id: "ses_9" } });
    expect(s.stripe.succeed(res.body.id)).toMatchObject({ status: "succeeded", amount_received: 1500 });
  });

  it("refuses a create without an amount with parameter_missing", async () => {
    const res = await call(`${s.stripe.origin}/v1/payment_intents`, {
      method: "POST",
      headers: { ...stripeAuth(), "content-type": "application/x-www-form-urlencoded" },
      body: "currency=inr",
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", code: "parameter_missing", param: "amount", message: "Missing required param: amount." });
  });

  it("injects faults in Stripe's api_error shape, and refuses unknown route keys", async () => {
    s.stripe.failNext("GET /payment_intents/:intent", { status: 503, message: "Stripe is resting" });
    const res = await call(`${s.stripe.origin}/v1/payment_intents/pi_x`, { headers: stripeAuth() });
    expect(res).toMatchObject({ status: 503, body: { error: { type: "api_error", message: "Stripe is resting" } } });
    expect(() => s.stripe.failNext("GET /charges/:id")).toThrow(/Unknown route key/);
  });

  it("lets a separate process create payments and faults through its control API", async () => {
    const made = await call(`${s.stripe.origin}/_stand-in/payment_intents`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: 1250, currency: "usd", status: "requires_action" }),
    });
    expect(made.body).toMatchObject({ amount: 1250, currency: "usd", status: "requires_action" });
    const fault = await call(`${s.stripe.origin}/_stand-in/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ route: "*", status: 500 }),
    });
    expect(fault.body).toMatchObject({ route: "*", status: 500, remaining: 1 });
    expect((await call(`${s.stripe.origin}/v1/payment_intents/${made.body.id}`, { headers: stripeAuth() })).status).toBe(500);
    expect((await call(`${s.stripe.origin}/v1/payment_intents/${made.body.id}`, { headers: stripeAuth() })).status).toBe(200);
  });
});

describe("Razorpay stand-in", () => {
  it("answers a payment in Razorpay's shape: minor units, upper-case currency, status, empty notes as []", async () => {
    const made = s.razorpay.createPayment({ amount: 49900 });
    expect(made.id).toMatch(/^pay_[A-Za-z0-9]{14}$/);
    const res = await call(`${s.razorpay.origin}/v1/payments/${made.id}`, { headers: razorpayAuth() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: made.id, entity: "payment", amount: 49900, currency: "INR", status: "captured", captured: true, notes: [] });
  });

  it("answers an unknown payment id with 400 BAD_REQUEST_ERROR, as Razorpay does", async () => {
    const res = await call(`${s.razorpay.origin}/v1/payments/pay_doesnotexist00`, { headers: razorpayAuth() });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: {
        code: "BAD_REQUEST_ERROR",
        description: "The id provided does not exist",
        source: "business",
        step: "payment_initiation",
        reason: "input_validation_failed",
        metadata: {},
        field: "id",
      },
    });
  });

  it("refuses wrong credentials with 401 Authentication failed", async () => {
    const res = await call(`${s.razorpay.origin}/v1/payments/pay_x`, { headers: { authorization: `Basic ${Buffer.from("rzp_test_x:nope").toString("base64")}` } });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description: "Authentication failed" });
  });

  it("opens an order from JSON and, once the customer pays it, has a captured payment for its amount", async () => {
    const res = await call(`${s.razorpay.origin}/v1/orders`, {
      method: "POST",
      headers: { ...razorpayAuth(), "content-type": "application/json" },
      body: JSON.stringify({ amount: 89900, currency: "INR", receipt: "ses_1", notes: { live_session_id: "ses_1" } }),
    });
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^order_/), entity: "order", amount: 89900, amount_due: 89900, status: "created" });
    const payment = (await call(`${s.razorpay.origin}/_stand-in/orders/${res.body.id}/pay`, { method: "POST" })).body;
    expect(payment).toMatchObject({ amount: 89900, currency: "INR", status: "captured", order_id: res.body.id, notes: { live_session_id: "ses_1" } });
    expect(s.razorpay.orders().find((o) => o.id === res.body.id)).toMatchObject({ status: "paid", amount_paid: 89900, amount_due: 0 });
    expect(() => s.razorpay.payOrder(res.body.id)).toThrow(/already been paid/);
  });

  it("refuses an order below 1.00 with a field error", async () => {
    const res = await call(`${s.razorpay.origin}/v1/orders`, {
      method: "POST",
      headers: { ...razorpayAuth(), "content-type": "application/json" },
      body: JSON.stringify({ amount: 50, currency: "INR" }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "BAD_REQUEST_ERROR", field: "amount" });
  });

  it("injects faults in Razorpay's SERVER_ERROR shape", async () => {
    s.razorpay.failNext("GET /payments/:id", { status: 502, message: "upstream trouble" });
    const res = await call(`${s.razorpay.origin}/v1/payments/pay_x`, { headers: razorpayAuth() });
    expect(res).toMatchObject({ status: 502, body: { error: { code: "SERVER_ERROR", description: "upstream trouble" } } });
  });
});

describe("production", () => {
  it("never starts a stand-in when NODE_ENV is production", async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(startStripeStandIn({ logger: { info() {}, warn() {} } })).rejects.toThrow(/Refusing to start the local Stripe stand-in/);
      await expect(startPaymentStandIns({ logger: { info() {}, warn() {} } })).rejects.toThrow(/NODE_ENV is "production"/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});
