/**
 * Paid enrollment through the GraphQL API, with the server's gateways on the local
 * stand-ins: refusals are BAD_USER_INPUT on `paymentId`, outages UPSTREAM_UNAVAILABLE, and
 * nothing is stored by either; the checkout mutation opens a payment the gateway can take.
 */
import { describe, expect, it } from "vitest";
import { ENROLL, createSessionId, expectGqlError } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { asGraphQLPayment, payAs } from "../test-support/payments.js";
import type { TestApp } from "../test-support/test-app.js";
import { graphql } from "../test-support/__generated__/index.js";

const START_CHECKOUT = graphql(`
  mutation StartCheckout($sessionId: ID!) {
    startCheckout(sessionId: $sessionId) { gateway reference clientSecret publicKey amount amountInMinorUnits currency }
  }
`);
const CHECKOUT_GATEWAY = graphql(`
  query CheckoutGateway($id: ID!) {
    session(id: $id) { checkoutGateway isFree enrolledCount }
  }
`);

const INR = { price: 499, currency: "INR" };

async function enrolledCount(app: TestApp, id: string): Promise<number> {
  return (await app.gqlOk(CHECKOUT_GATEWAY, { id })).session!.enrolledCount;
}

describe("with the local gateway stand-ins", () => {
  const t = useTestApp({ env: { PAYMENT_TIMEOUT_MS: "500" } });

  it("a completed payment enrolls once; again is the same enrollment for the same student, refused for another", async () => {
    const id = await createSessionId(t.app, INR);
    const payment = asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "razorpay"));
    const first = (await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya")).enroll;
    expect(first).toMatchObject({ paid: true, paymentId: payment.paymentId, paymentGateway: "RAZORPAY", amountPaid: 499 });
    const again = (await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya")).enroll;
    expect(again.id).toBe(first.id);
    const tom = await t.app.gql(ENROLL, { sessionId: id, payment }, "tom");
    const error = expectGqlError(tom, "BAD_USER_INPUT", /^This payment has already been used for an enrollment; each payment pays for one seat\.$/);
    expect(error.extensions?.fields).toEqual([{ path: "paymentId", message: error.message }]);
    expect(await enrolledCount(t.app, id)).toBe(1);
  });

  it.each([
    ["forged", async (_id: string) => ({ paymentId: "pi_3NotARealPaymentIntent00", paymentGateway: "STRIPE" as const }), /Stripe has no payment "pi_3NotARealPaymentIntent00"/],
    ["unpaid", async (id: string) => asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "stripe", { status: "requires_payment_method" })), /is not completed/],
    ["wrong amount", async (id: string) => asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "razorpay", { amountMinor: 100 })), /is for 1\.00 INR, but this session costs 499\.00 INR/],
    ["wrong currency", async (id: string) => asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "stripe", { currency: "EUR" })), /was made in EUR/],
    ["someone else's", async (id: string) => asGraphQLPayment(await payAs(t.app, "lena", { id, ...INR }, "razorpay")), /^Razorpay payment pay_\w+ was made by another account; a payment enrolls only the person who paid\. Pay through this app's checkout for this session/],
    [
      "not-from-our-checkout",
      async (id: string) => asGraphQLPayment(await payAs(t.app, "priya", { id, ...INR }, "stripe", { openedFor: null })),
      /^Stripe payment pi_\w+ was not made through this app's checkout, so nothing ties it to this session and to you\. Pay through this app's checkout for this session/,
    ],
  ] as const)("a %s payment is BAD_USER_INPUT on paymentId and nothing is stored", async (_name, make, message) => {
    const id = await createSessionId(t.app, INR);
    const res = await t.app.gql(ENROLL, { sessionId: id, payment: await make(id) }, "priya");
    expect(res.data).toBeNull();
    const error = expectGqlError(res, "BAD_USER_INPUT", message);
    expect(error.extensions?.fields?.[0]?.path).toBe("paymentId");
    expect(await enrolledCount(t.app, id)).toBe(0);
  });

  it.each([
    ["a 500", { status: 500 }],
    ["a time-out", { hang: true }],
  ] as const)("a gateway %s is UPSTREAM_UNAVAILABLE saying to retry, stores nothing, and the retry enrolls", async (_name, fault) => {
    const id = await createSessionId(t.app, { price: 12.5, currency: "USD" });
    const payment = asGraphQLPayment(await payAs(t.app, "priya", { id, price: 12.5, currency: "USD" }, "stripe"));
    t.app.payments!.stripe.failNext("GET /payment_intents/:intent", fault);
    const res = await t.app.gql(ENROLL, { sessionId: id, payment }, "priya");
    expectGqlError(res, "UPSTREAM_UNAVAILABLE", /payment gateway \(stripe\) could not confirm your payment just now\. You have not been enrolled and no seat was taken; please try again/);
    expect(await enrolledCount(t.app, id)).toBe(0);
    const retried = (await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya")).enroll;
    expect(retried).toMatchObject({ paid: true, amountPaid: 12.5 });
    expect(await enrolledCount(t.app, id)).toBe(1);
  });

  it("says which gateway takes a session, opens its checkout, and enrolls with the paid result", async () => {
    const inr = await createSessionId(t.app, INR);
    const usd = await createSessionId(t.app, { price: 12.5, currency: "USD" });
    const free = await createSessionId(t.app, { price: 0 });
    expect((await t.app.gqlOk(CHECKOUT_GATEWAY, { id: inr })).session!.checkoutGateway).toBe("RAZORPAY");
    expect((await t.app.gqlOk(CHECKOUT_GATEWAY, { id: usd })).session!.checkoutGateway).toBe("STRIPE");
    expect((await t.app.gqlOk(CHECKOUT_GATEWAY, { id: free })).session!.checkoutGateway).toBeNull();

    const stripe = (await t.app.gqlOk(START_CHECKOUT, { sessionId: usd }, "priya")).startCheckout;
    expect(stripe).toMatchObject({
      gateway: "STRIPE",
      reference: expect.stringMatching(/^pi_/),
      clientSecret: expect.stringMatching(/_secret_/),
      publicKey: t.app.payments!.stripe.publishableKey,
      // The price in major units, as everywhere in the API; the minor units for the gateway's widget.
      amount: 12.5,
      amountInMinorUnits: 1250,
      currency: "USD",
    });
    t.app.payments!.stripe.succeed(stripe.reference);
    const enrolled = await t.app.gqlOk(ENROLL, { sessionId: usd, payment: { paymentId: stripe.reference, paymentGateway: "STRIPE" } }, "priya");
    expect(enrolled.enroll).toMatchObject({ paid: true, paymentGateway: "STRIPE" });

    const razorpay = (await t.app.gqlOk(START_CHECKOUT, { sessionId: inr }, "tom")).startCheckout;
    expect(razorpay).toMatchObject({ gateway: "RAZORPAY", reference: expect.stringMatching(/^order_/), clientSecret: null, amount: 499, amountInMinorUnits: 49900 });
    const paid = t.app.payments!.razorpay.payOrder(razorpay.reference);
    const viaOrder = await t.app.gqlOk(ENROLL, { sessionId: inr, payment: { paymentId: paid.id, paymentGateway: "RAZORPAY" } }, "tom");
    expect(viaOrder.enroll).toMatchObject({ paid: true, amountPaid: 499 });
  });

  it("checkout needs a signed-in student", async () => {
    const id = await createSessionId(t.app, INR);
    expectGqlError(await t.app.gql(START_CHECKOUT, { sessionId: id }), "UNAUTHENTICATED", /Sign in/);
    expectGqlError(await t.app.gql(START_CHECKOUT, { sessionId: id }, "deepak"), "FORBIDDEN", /expert/);
  });
});

describe("with no payment gateway configured", () => {
  const t = useTestApp({ env: { LOCAL_PAYMENTS: "false" } });

  it("refuses a paid enrollment with a 400 naming the gateway, shows no checkout, and free sessions still enroll", async () => {
    expect(t.app.payments).toBeUndefined();
    const id = await createSessionId(t.app, INR);
    const res = await t.app.gql(ENROLL, { sessionId: id, payment: { paymentId: "pay_Anything000000", paymentGateway: "RAZORPAY" } }, "priya");
    const error = expectGqlError(res, "BAD_USER_INPUT", /^Payments through razorpay are not configured on this server\./);
    expect(error.extensions?.fields?.[0]?.path).toBe("paymentGateway");
    expect((await t.app.gqlOk(CHECKOUT_GATEWAY, { id })).session!).toEqual({ checkoutGateway: null, isFree: false, enrolledCount: 0 });
    expectGqlError(await t.app.gql(START_CHECKOUT, { sessionId: id }, "priya"), "FAILED_PRECONDITION", /Payments are not configured on this server/);
    const free = await createSessionId(t.app, { price: 0 });
    expect((await t.app.gqlOk(ENROLL, { sessionId: free }, "priya")).enroll).toMatchObject({ paid: false });
  });
});
