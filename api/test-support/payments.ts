/**
 * Real payments on the local Stripe and Razorpay stand-ins, for tests that enroll in priced
 * sessions: the server verifies every reference with the gateway, so a made-up one fails.
 */
import type { PaymentSetup } from "../domain/deps.js";
import type { PaymentGatewayName } from "../domain/ports.js";
import { toMinorUnits } from "../domain/sessions/currency.js";
import { createRazorpayVerifier } from "../payments/razorpay-verifier.js";
import { startPaymentStandIns, type PaymentStandIns, type RazorpayStatus, type StripeStatus } from "../payments/stand-ins/index.js";
import { createStripeVerifier } from "../payments/stripe-verifier.js";

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
  /** Recorded in the payment's metadata/notes as our checkout does; default none. */
  sessionId?: string;
}

/** A payment made on the stand-in for this session's price: the reference to enroll with. */
export function payFor(
  standIns: PaymentStandIns | undefined,
  session: { price: number; currency: string },
  gateway: PaymentGatewayName = "stripe",
  overrides: PaymentOverrides = {},
): TestPayment {
  if (!standIns) throw new Error("payFor: the local payment stand-ins are not running (LOCAL_PAYMENTS=false?)");
  const currency = overrides.currency ?? session.currency;
  const amount = overrides.amountMinor ?? toMinorUnits(session.price, session.currency);
  const meta = overrides.sessionId ? { live_session_id: overrides.sessionId } : undefined;
  const paymentId =
    gateway === "stripe"
      ? standIns.stripe.createPaymentIntent({ amount, currency, status: (overrides.status as StripeStatus | undefined) ?? "succeeded", metadata: meta }).id
      : standIns.razorpay.createPayment({ amount, currency, status: (overrides.status as RazorpayStatus | undefined) ?? "captured", notes: meta }).id;
  return { paymentId, paymentGateway: gateway };
}

/** The same payment as GraphQL's PaymentInput spells it (`STRIPE`, `RAZORPAY`). */
export const asGraphQLPayment = (p: TestPayment) => ({ paymentId: p.paymentId, paymentGateway: p.paymentGateway.toUpperCase() as "STRIPE" | "RAZORPAY" });

/** The seed's enroll body (`{paymentId, paymentGateway: "stripe"}`) with a real payment for the seed session's 499 INR. */
export function seedPaymentBody(standIns: PaymentStandIns | undefined): TestPayment {
  return payFor(standIns, { price: 499, currency: "INR" }, "stripe");
}
