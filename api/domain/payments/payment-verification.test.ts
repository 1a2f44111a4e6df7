/**
 * Paid seats on a real database, with the real adapters against the local gateway
 * stand-ins: what the gateway says decides, a reference pays once, and an outage changes
 * nothing.
 */
import { describe, expect, it } from "vitest";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { createRazorpayVerifier } from "../../payments/razorpay-verifier.js";
import { createStripeVerifier } from "../../payments/stripe-verifier.js";
import type { PaymentSetup } from "../deps.js";
import { createServices } from "../services.js";

const t = useServiceHarness();

async function priced(overrides: Record<string, unknown> = {}) {
  const deepak = await t.h.viewer("deepak");
  return t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR", ...overrides }));
}

const participants = async () => (await t.database.query<{ n: number }>("select count(*)::int as n from live_session_participants"))[0]!.n;
const seatsTaken = async (id: string) => (await t.h.services.getSession(null, id))!.enrolledCount;

/** Services whose gateways answer within `timeoutMs` (the harness's own allow 2 s). */
function servicesWithPayments(payments: Partial<PaymentSetup> & { timeoutMs?: number }) {
  const { stripe, razorpay } = t.h.payments;
  const timeoutMs = payments.timeoutMs ?? 300;
  const verifiers = payments.verifiers ?? {
    stripe: createStripeVerifier({ secretKey: stripe.secretKey, publishableKey: stripe.publishableKey, timeoutMs, host: stripe.host, port: stripe.port, protocol: "http" }),
    razorpay: createRazorpayVerifier({ keyId: razorpay.keyId, keySecret: razorpay.keySecret, timeoutMs, baseUrl: razorpay.origin }),
  };
  return createServices({ ...t.h.deps, payments: { razorpayCurrencies: ["INR"], verifiers } });
}

describe("a paid seat needs a payment the gateway confirms", () => {
  it.each(["stripe", "razorpay"] as const)("a completed %s payment for the price enrolls as paid, once", async (gateway) => {
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const payment = payFor(t.h.payments, session, priya, gateway);
    const e = await t.h.services.enroll(priya, session.id, payment);
    expect(e.created).toBe(true);
    expect(e.participant).toMatchObject({ paid: true, paymentId: payment.paymentId, paymentGateway: gateway, amountPaid: 499 });
    expect(e.session.enrolledCount).toBe(1);
  });

  it.each([
    ["a forged Stripe reference", (_s: Session, _p: Payer) => ({ paymentId: "pi_3Forged0000000000000000", paymentGateway: "stripe" as const }), /Stripe has no payment "pi_3Forged/],
    ["the seed's illustrative reference", (_s: Session, _p: Payer) => ({ paymentId: "pay_abc123", paymentGateway: "stripe" as const }), /Stripe has no payment "pay_abc123"\. Send the id of a Stripe PaymentIntent/],
    ["a forged Razorpay reference", (_s: Session, _p: Payer) => ({ paymentId: "pay_Forged00000000", paymentGateway: "razorpay" as const }), /Razorpay has no payment/],
    ["a Stripe payment still waiting for the card", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "stripe", { status: "requires_payment_method" }), /not completed \(its status is requires_payment_method\)/],
    ["a Razorpay payment only authorized", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "razorpay", { status: "authorized" }), /not completed \(its status is authorized\)/],
    ["a refunded Razorpay payment", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "razorpay", { status: "refunded" }), /not completed \(its status is refunded\)/],
    ["a payment for less", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "stripe", { amountMinor: 49800 }), /is for 498\.00 INR, but this session costs 499\.00 INR/],
    ["499 rupees sent as 499 paise", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "razorpay", { amountMinor: 499 }), /is for 4\.99 INR, but this session costs 499\.00 INR/],
    ["a payment in another currency", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "stripe", { currency: "USD" }), /was made in USD, but this session costs 499\.00 INR/],
    ["a Stripe payment our checkout opened for another session", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "stripe", { openedFor: { sessionId: "ses_other" } }), /was made for another session\. Pay through this app's checkout for this session/],
    ["a Razorpay payment our checkout opened for another session", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "razorpay", { openedFor: { sessionId: "ses_other" } }), /was made for another session/],
    ["a Stripe payment our checkout opened for another student", (s: Session, _p: Payer) => payFor(t.h.payments, s, { id: "usr_lena" }, "stripe"), /was made by another account; a payment enrolls only the person who paid\. Pay through this app's checkout/],
    ["a Razorpay payment our checkout opened for another student", (s: Session, _p: Payer) => payFor(t.h.payments, s, { id: "usr_lena" }, "razorpay"), /was made by another account/],
    ["a Stripe payment made outside our checkout, for the right price", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "stripe", { openedFor: null }), /^Stripe payment pi_\w+ was not made through this app's checkout, so nothing ties it to this session and to you\. Pay through this app's checkout for this session/],
    ["a Razorpay payment made outside our checkout, for the right price", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "razorpay", { openedFor: null }), /^Razorpay payment pay_\w+ was not made through this app's checkout/],
    ["a Stripe payment naming the session but no student", (s: Session, p: Payer) => payFor(t.h.payments, s, p, "stripe", { openedFor: { userId: undefined } }), /was not made through this app's checkout/],
  ] as const)("%s is refused with a clear 400 and nothing stored", async (_name, make, message) => {
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const error = await expectDomainError(t.h.services.enroll(priya, session.id, make(session, priya)), "BAD_USER_INPUT", message);
    expect(error.details.fields?.[0]?.path).toBe("paymentId");
    expect(await participants()).toBe(0);
    expect(await seatsTaken(session.id)).toBe(0);
  });

  it("counts minor units by the currency: 1500 JPY is 1500, 12.5 KWD is 12500", async () => {
    for (const [price, currency, minor] of [[1500, "JPY", 1500], [12.5, "KWD", 12500], [12.5, "USD", 1250]] as const) {
      const session = await priced({ price, currency });
      const priya = await t.h.viewer("priya");
      await expectDomainError(t.h.services.enroll(priya, session.id, payFor(t.h.payments, session, priya, "stripe", { amountMinor: minor * 100 })), "BAD_USER_INPUT", /but this session costs/);
      const e = await t.h.services.enroll(priya, session.id, payFor(t.h.payments, session, priya, "stripe", { amountMinor: minor }));
      expect(e.participant).toMatchObject({ paid: true, amountPaid: price });
    }
  });

  it("a Razorpay payment is tied by the order our server created, not by notes the browser can set", async () => {
    const session = await priced();
    const priya = await t.h.viewer("priya");
    // Razorpay Checkout passes its `notes` option from the page onto the payment: anyone can write these.
    const selfLabelled = t.h.payments.razorpay.createPayment({ amount: 49900, currency: "INR", notes: { live_session_id: session.id, user_id: priya.id } });
    await expectDomainError(t.h.services.enroll(priya, session.id, { paymentId: selfLabelled.id, paymentGateway: "razorpay" }), "BAD_USER_INPUT", /was not made through this app's checkout/);
    expect(await participants()).toBe(0);
  });
});

describe("a payment enrolls the person who paid, in the session they paid for", () => {
  it.each(["stripe", "razorpay"] as const)("Lena's %s checkout payment cannot seat Priya; Lena then enrolls with it", async (gateway) => {
    const session = await priced(gateway === "stripe" ? { price: 20, currency: "EUR" } : {});
    const [lena, priya] = [await t.h.viewer("lena"), await t.h.viewer("priya")];
    const checkout = await t.h.services.startCheckout(lena, session.id);
    expect(checkout.gateway).toBe(gateway);
    const paymentId = gateway === "stripe" ? t.h.payments.stripe.succeed(checkout.reference).id : t.h.payments.razorpay.payOrder(checkout.reference).id;
    const payment = { paymentId, paymentGateway: gateway };

    const error = await expectDomainError(t.h.services.enroll(priya, session.id, payment), "BAD_USER_INPUT", /was made by another account; a payment enrolls only the person who paid/);
    expect(error.details.fields?.[0]?.path).toBe("paymentId");
    expect(await participants()).toBe(0);
    // Her payment is still hers: not "already used".
    expect((await t.h.services.enroll(lena, session.id, payment)).participant).toMatchObject({ userId: lena.id, paid: true, paymentId });
    expect(await seatsTaken(session.id)).toBe(1);
  });

  it("a checkout payment for one session cannot pay for another at the same price", async () => {
    const [a, b] = [await priced(), await priced({ title: "Evening Yin" })];
    const priya = await t.h.viewer("priya");
    const checkout = await t.h.services.startCheckout(priya, a.id);
    const paid = t.h.payments.razorpay.payOrder(checkout.reference);
    await expectDomainError(t.h.services.enroll(priya, b.id, { paymentId: paid.id, paymentGateway: "razorpay" }), "BAD_USER_INPUT", /was made for another session/);
    expect(await seatsTaken(b.id)).toBe(0);
    expect((await t.h.services.enroll(priya, a.id, { paymentId: paid.id, paymentGateway: "razorpay" })).participant.paid).toBe(true);
  });
});

describe("a payment reference is usable once", () => {
  it("enrolling again with it is idempotent for the same student", async () => {
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const payment = payFor(t.h.payments, session, priya);
    const first = await t.h.services.enroll(priya, session.id, payment);
    const again = await t.h.services.enroll(priya, session.id, payment);
    expect(again).toMatchObject({ created: false, participant: { id: first.participant.id } });
    expect(await seatsTaken(session.id)).toBe(1);
  });

  it("another student cannot use it", async () => {
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const payment = payFor(t.h.payments, session, priya);
    await t.h.services.enroll(priya, session.id, payment);
    await expectDomainError(t.h.services.enroll(await t.h.viewer("tom"), session.id, payment), "BAD_USER_INPUT", /already been used/);
    expect(await participants()).toBe(1);
    expect(await seatsTaken(session.id)).toBe(1);
  });

  it("the same student cannot use it for a second session at the same price", async () => {
    const [a, b] = [await priced(), await priced({ title: "Evening Yin" })];
    const priya = await t.h.viewer("priya");
    const payment = payFor(t.h.payments, a, priya);
    await t.h.services.enroll(priya, a.id, payment);
    await expectDomainError(t.h.services.enroll(priya, b.id, payment), "BAD_USER_INPUT", /already been used/);
    expect(await seatsTaken(b.id)).toBe(0);
  });

  it("the database refuses a second row with the same reference, even past the service's checks", async () => {
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const payment = payFor(t.h.payments, session, priya);
    await t.h.services.enroll(priya, session.id, payment);
    const tom = await t.h.viewer("tom");
    await expect(
      t.database.query(
        `insert into live_session_participants (id, session_id, user_id, user_name, enrolled_at, paid, payment_id, payment_gateway, created_at, updated_at)
         values ('part_dup', $1, $2, 'Tom', now(), true, $3, 'stripe', now(), now())`,
        [session.id, tom.id, payment.paymentId],
      ),
    ).rejects.toThrow(/live_session_participants_payment_key|duplicate key/);
  });

  it("the same reference id at the other gateway is a different payment", async () => {
    // Gateways' id spaces are separate: the key is (gateway, reference).
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const stripePayment = payFor(t.h.payments, session, priya, "stripe");
    await t.h.services.enroll(priya, session.id, stripePayment);
    await expectDomainError(
      t.h.services.enroll(await t.h.viewer("tom"), session.id, { paymentId: stripePayment.paymentId, paymentGateway: "razorpay" }),
      "BAD_USER_INPUT",
      /Razorpay has no payment/,
    );
  });
});

describe("gateway outages", () => {
  it.each([
    ["stripe", "GET /payment_intents/:intent", { status: 500 }],
    ["stripe", "GET /payment_intents/:intent", { hang: true }],
    ["razorpay", "GET /payments/:id", { status: 503 }],
    ["razorpay", "GET /payments/:id", { hang: true }],
    // The order carries who and what the payment is for: without it nothing can be decided.
    ["razorpay", "GET /orders/:id", { status: 502 }],
  ] as const)("%s failing (%s, %j) enrolls nobody and holds no seat; a retry after it recovers enrolls once", async (gateway, route, fault) => {
    const services = servicesWithPayments({ timeoutMs: 300 });
    const session = await priced({ maxParticipants: 1 });
    const priya = await t.h.viewer("priya");
    const payment = payFor(t.h.payments, session, priya, gateway);
    t.h.payments[gateway].failNext(route, fault);
    const error = await expectDomainError(services.enroll(priya, session.id, payment), "UPSTREAM_UNAVAILABLE", /could not confirm your payment just now\. You have not been enrolled and no seat was taken; please try again/);
    expect(error.message).toContain(`(${gateway})`);
    expect(error.details.retryable).toBe(true);
    expect(await participants()).toBe(0);
    expect(await seatsTaken(session.id)).toBe(0);

    const retried = await services.enroll(priya, session.id, payment);
    expect(retried).toMatchObject({ created: true, participant: { paid: true, paymentId: payment.paymentId } });
    expect((await services.enroll(priya, session.id, payment)).created).toBe(false);
    expect(await seatsTaken(session.id)).toBe(1);
  });

  it("a gateway that rejects our key is an outage to the student, not their mistake", async () => {
    const { stripe } = t.h.payments;
    const services = servicesWithPayments({
      verifiers: { stripe: createStripeVerifier({ secretKey: "sk_test_revoked", timeoutMs: 300, host: stripe.host, port: stripe.port, protocol: "http" }) },
    });
    const session = await priced();
    const priya = await t.h.viewer("priya");
    await expectDomainError(services.enroll(priya, session.id, payFor(t.h.payments, session, priya)), "UPSTREAM_UNAVAILABLE");
    expect(await participants()).toBe(0);
  });
});

describe("gateways that are not configured", () => {
  it("refuses a payment through a gateway this server does not have, naming it and the one it has", async () => {
    const { stripe } = t.h.payments;
    const services = servicesWithPayments({
      verifiers: { stripe: createStripeVerifier({ secretKey: stripe.secretKey, timeoutMs: 300, host: stripe.host, port: stripe.port, protocol: "http" }) },
    });
    const session = await priced();
    const priya = await t.h.viewer("priya");
    const error = await expectDomainError(
      services.enroll(priya, session.id, payFor(t.h.payments, session, priya, "razorpay")),
      "BAD_USER_INPUT",
      /^Payments through razorpay are not configured on this server\. Pay with stripe instead\.$/,
    );
    expect(error.details.fields?.[0]?.path).toBe("paymentGateway");
    expect(await participants()).toBe(0);
  });

  it("with no gateway at all, refuses every paid enrollment but free sessions never need one", async () => {
    const services = createServices({ ...t.h.deps, payments: undefined });
    const session = await priced();
    const priya = await t.h.viewer("priya");
    await expectDomainError(
      services.enroll(priya, session.id, payFor(t.h.payments, session, priya, "stripe")),
      "BAD_USER_INPUT",
      /^Payments through stripe are not configured on this server\. This server cannot take payments/,
    );
    const free = await priced({ price: 0 });
    expect((await services.enroll(await t.h.viewer("priya"), free.id)).participant.paid).toBe(false);
    expect(services.checkoutGateway(session)).toBeNull();
    await expectDomainError(services.startCheckout(await t.h.viewer("priya"), session.id), "FAILED_PRECONDITION", /Payments are not configured/);
  });
});

describe("startCheckout", () => {
  it("opens a Razorpay order for rupees and a Stripe PaymentIntent for other currencies, for the price in minor units", async () => {
    const priya = await t.h.viewer("priya");
    const inr = await priced();
    const usd = await priced({ price: 12.5, currency: "USD" });
    expect(t.h.services.checkoutGateway(inr)).toBe("razorpay");
    expect(t.h.services.checkoutGateway(usd)).toBe("stripe");
    expect(await t.h.services.startCheckout(priya, inr.id)).toMatchObject({ gateway: "razorpay", reference: expect.stringMatching(/^order_/), amountMinor: 49900, currency: "INR" });
    expect(await t.h.services.startCheckout(priya, usd.id)).toMatchObject({ gateway: "stripe", reference: expect.stringMatching(/^pi_/), amountMinor: 1250, currency: "USD" });
  });

  it("grants nothing until paid: the opened PaymentIntent's id is refused, then accepted once paid", async () => {
    const priya = await t.h.viewer("priya");
    const session = await priced({ price: 20, currency: "EUR" });
    const checkout = await t.h.services.startCheckout(priya, session.id);
    await expectDomainError(t.h.services.enroll(priya, session.id, { paymentId: checkout.reference, paymentGateway: "stripe" }), "BAD_USER_INPUT", /not completed/);
    t.h.payments.stripe.succeed(checkout.reference);
    expect((await t.h.services.enroll(priya, session.id, { paymentId: checkout.reference, paymentGateway: "stripe" })).participant.paid).toBe(true);
    // A checkout opened by priya for this session cannot seat tom in another one.
    const other = await priced({ price: 20, currency: "EUR", title: "Other class" });
    await expectDomainError(t.h.services.enroll(await t.h.viewer("tom"), other.id, { paymentId: checkout.reference, paymentGateway: "stripe" }), "BAD_USER_INPUT", /already been used/);
  });

  it("is refused for free and full sessions, for the session's expert, and once enrolled", async () => {
    const priya = await t.h.viewer("priya");
    await expectDomainError(t.h.services.startCheckout(priya, (await priced({ price: 0 })).id), "FAILED_PRECONDITION", /free/);
    const full = await priced({ maxParticipants: 1 });
    const tom = await t.h.viewer("tom");
    await t.h.services.enroll(tom, full.id, payFor(t.h.payments, full, tom));
    await expectDomainError(t.h.services.startCheckout(priya, full.id), "SESSION_FULL", /full/);
    await expectDomainError(t.h.services.startCheckout(await t.h.viewer("deepak"), full.id), "FORBIDDEN");
    await expectDomainError(t.h.services.startCheckout(await t.h.viewer("tom"), full.id), "CONFLICT", /already enrolled/);
  });

  it("a gateway outage while opening is retryable and opens nothing", async () => {
    const services = servicesWithPayments({ timeoutMs: 300 });
    const session = await priced();
    t.h.payments.razorpay.failNext("POST /orders", { status: 500 });
    await expectDomainError(services.startCheckout(await t.h.viewer("priya"), session.id), "UPSTREAM_UNAVAILABLE", /open a checkout/);
    expect(t.h.payments.razorpay.orders().filter((o) => o.receipt === session.id)).toHaveLength(0);
  });
});

type Session = { id: string; price: number; currency: string };
type Payer = { id: string };
