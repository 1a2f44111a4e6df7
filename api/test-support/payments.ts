/**
 * Real payments on the local Stripe and Razorpay stand-ins, for tests that enroll in priced
 * sessions: the server verifies every reference with the gateway, so a made-up one fails.
 */
import { getDemoUser, type DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import type { PaymentSetup } from "../domain/deps.js";
import type { PaymentGatewayName } from "../domain/ports.js";
import { toMinorUnits } from "../domain/sessions/currency.js";
import { createRazorpayVerifier } from "../payments/razorpay-verifier.js";
import { startPaymentStandIns, type PaymentStandIns, type RazorpayStatus, type StripeStatus } from "../stand-ins/payments/index.js";
import { createStripeVerifier } from "../payments/stripe-verifier.js";
import type { TestApp } from "./test-app.js";

const quiet = { info() {}, warn() {} };

/** Both stand-ins and verifiers pointed at them, as the composition root builds them locally. */
export async function startTestPayments(opts: { timeoutMs?: number } = {}): Promise<{ standIns: PaymentStandIns; setup: PaymentSetup }> {
  const standIns = await startPaymentStandIns({ logger: quiet });
  const timeoutMs = opts.timeoutMs ?? 2000;
  const { stripe, razorpay } = standIns;
  return {
    standIns,
    setup: {
      razorpayCurrencies: ["INR"],
      verifiers: {
        stripe: createStripeVerifier({ secretKey: stripe.secretKey, publishableKey: stripe.publishableKey, timeoutMs, host: stripe.host, port: stripe.port, protocol: stripe.protocol }),
        razorpay: createRazorpayVerifier({ keyId: razorpay.keyId, keySecret: razorpay.keySecret, timeoutMs, baseUrl: razorpay.origin }),
      },
    },
  };
}

export interface TestPayment {
  paymentId: string;
  paymentGateway: PaymentGatewayName;
}

export interface PaymentOverrides {
  /** Default: the session's price in minor units. */
  amountMinor?: number;
  /** Default: the session's currency. */
  currency?: string;
  /** Default: completed (Stripe `succeeded`, Razorpay `captured`). */
  status?: StripeStatus | RazorpayStatus;
  /**
   * What our checkout writes on the payment (Stripe metadata, the Razorpay order's notes);
   * default this session and this payer. `null`: a payment made outside our checkout.
   */
  openedFor?: { sessionId?: string; userId?: string } | null;
}

/**
 * A payment made on the stand-in, as our checkout opens it, for this session's price by
 * this payer: the reference to enroll with. Razorpay's is a payment of an order carrying
 * the notes, as Razorpay Checkout makes one.
 */
export function payFor(
  standIns: PaymentStandIns | undefined,
  session: { id: string; price: number; currency: string },
  payer: { id: string },
  gateway: PaymentGatewayName = "stripe",
  overrides: PaymentOverrides = {},
): TestPayment {
  if (!standIns) throw new Error("payFor: the local payment stand-ins are not running (LOCAL_PAYMENTS=false?)");
  const currency = overrides.currency ?? session.currency;
  const amount = overrides.amountMinor ?? toMinorUnits(session.price, session.currency);
  const openedFor = overrides.openedFor === null ? undefined : { sessionId: session.id, userId: payer.id, ...overrides.openedFor };
  const meta = openedFor && Object.fromEntries(Object.entries({ live_session_id: openedFor.sessionId, user_id: openedFor.userId }).filter((e): e is [string, string] => e[1] !== undefined));
  if (gateway === "stripe") {
    const status = (overrides.status as StripeStatus | undefined) ?? "succeeded";
    return { paymentId: standIns.stripe.createPaymentIntent({ amount, currency, status, metadata: meta }).id, paymentGateway: gateway };
  }
  const status = (overrides.status as RazorpayStatus | undefined) ?? "captured";
  const orderId = meta ? standIns.razorpay.createOrder({ amount, currency, notes: meta }).id : undefined;
  return { paymentId: standIns.razorpay.createPayment({ amount, currency, status, orderId }).id, paymentGateway: gateway };
}

/** The user id behind a test app's caller (the same row its Bearer token resolves to). */
export async function userIdOf(app: TestApp, caller: DemoUserKey): Promise<string> {
  const u = getDemoUser(caller);
  return (await app.composition.services.resolveViewer({ subject: u.sub, name: u.name, email: u.email, picture: u.picture, roles: [...u.roles] })).id;
}

/** payFor through a test app: the payment `caller` would make in our checkout for this session. */
export async function payAs(
  app: TestApp,
  caller: DemoUserKey,
  session: { id: string; price: number; currency: string },
  gateway: PaymentGatewayName = "stripe",
  overrides: PaymentOverrides = {},
): Promise<TestPayment> {
  return payFor(app.payments, session, { id: await userIdOf(app, caller) }, gateway, overrides);
}

/** The same payment as GraphQL's PaymentInput spells it (`STRIPE`, `RAZORPAY`). */
export const asGraphQLPayment = (p: TestPayment) => ({ paymentId: p.paymentId, paymentGateway: p.paymentGateway.toUpperCase() as "STRIPE" | "RAZORPAY" });

/**
 * The seed's enroll body (`{paymentId, paymentGateway: "stripe"}`) with a real payment by
 * `caller` for the seed session's 499 INR, opened for session `sessionId`.
 */
export function seedPaymentBody(app: TestApp, sessionId: string, caller: DemoUserKey): Promise<TestPayment> {
  return payAs(app, caller, { id: sessionId, price: 499, currency: "INR" }, "stripe");
}
