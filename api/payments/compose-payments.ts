/**
 * Which payment gateways this process verifies with, chosen once from the settings (called
 * by the composition root): the real Stripe and/or Razorpay for the keys that are set;
 * with no key at all outside production, the local stand-ins for both (announced, and
 * unless LOCAL_PAYMENTS=false); otherwise none, and priced enrollments are refused with a
 * message naming the gateway.
 */
import type { Logger } from "pino";
import type { Env } from "../config/env.js";
import type { PaymentSetup } from "../domain/deps.js";
// Types only: the stand-ins are loaded with import() when chosen, never in production.
import type { LocalPayments, PaymentStandIns } from "../stand-ins/payments/index.js";

export interface ComposedPayments {
  setup: PaymentSetup;
  /** Present while the local stand-ins run (tests drive them). */
  standIns?: PaymentStandIns;
  /** The web checkout's local "pay" step; present only with the stand-ins. */
  local?: LocalPayments;
}

export async function composePayments(env: Env, logger: Logger, closers: (() => Promise<void>)[]): Promise<ComposedPayments> {
  const { payments } = env;
  // The gateways' SDKs are loaded only for a gateway in use: an idle one costs no memory.
  const stripeModule = () => import("./stripe-verifier.js");
  const razorpayModule = () => import("./razorpay-verifier.js");
  const base = { razorpayCurrencies: payments.razorpayCurrencies };
  if (payments.local) {
    const { createLocalPayments, startPaymentStandIns } = await import("../stand-ins/payments/index.js");
    const standIns = await startPaymentStandIns({ logger: logger.child({ component: "payment-stand-ins" }) });
    closers.push(() => standIns.close());
    const { stripe, razorpay } = standIns;
    const [{ createStripeVerifier }, { createRazorpayVerifier }] = await Promise.all([stripeModule(), razorpayModule()]);
    logger.info("LOCAL STAND-IN: payments go to the local Stripe and Razorpay stand-ins; no money moves (set gateway keys for real payments)");
    return {
      setup: {
        ...base,
        verifiers: {
          stripe: createStripeVerifier({
            secretKey: stripe.secretKey,
            publishableKey: stripe.publishableKey,
            timeoutMs: payments.timeoutMs,
            host: stripe.host,
            port: stripe.port,
            protocol: stripe.protocol,
          }),
          razorpay: createRazorpayVerifier({ keyId: razorpay.keyId, keySecret: razorpay.keySecret, timeoutMs: payments.timeoutMs, baseUrl: razorpay.origin }),
        },
      },
      standIns,
      local: createLocalPayments(standIns),
    };
  }
  const verifiers: PaymentSetup["verifiers"] = {};
  if (payments.stripe) verifiers.stripe = (await stripeModule()).createStripeVerifier({ ...payments.stripe, timeoutMs: payments.timeoutMs });
  if (payments.razorpay) verifiers.razorpay = (await razorpayModule()).createRazorpayVerifier({ ...payments.razorpay, timeoutMs: payments.timeoutMs });
  const names = Object.keys(verifiers);
  if (names.length === 0) {
    logger.warn("payments: no gateway is configured; priced sessions cannot be enrolled in (set STRIPE_SECRET_KEY and/or RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET)");
  } else {
    logger.info({ gateways: names, stripeCheckout: Boolean(payments.stripe?.publishableKey) }, `payments: ${names.join(", ")}`);
  }
  return { setup: { ...base, verifiers } };
}
