/** Local stand-ins of Stripe's and Razorpay's REST APIs. Never used in production (they refuse to start). */
import type { PaymentGatewayName } from "../../domain/ports.js";
import { startRazorpayStandIn, type RazorpayStandIn } from "./razorpay-stand-in.js";
import type { StandInLogger } from "./stand-in-server.js";
import { startStripeStandIn, type StripeStandIn } from "./stripe-stand-in.js";

export type { RazorpayOrder, RazorpayPayment, RazorpayRefund, RazorpayStandIn, RazorpayStatus } from "./razorpay-stand-in.js";
export type { StripePaymentIntent, StripeRefund, StripeStandIn, StripeStatus } from "./stripe-stand-in.js";

export interface PaymentStandIns {
  stripe: StripeStandIn;
  razorpay: RazorpayStandIn;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startPaymentStandIns(opts: { logger: StandInLogger }): Promise<PaymentStandIns> {
  const stripe = await startStripeStandIn({ logger: opts.logger });
  let razorpay: RazorpayStandIn;
  try {
    razorpay = await startRazorpayStandIn({ logger: opts.logger });
  } catch (e) {
    await stripe.close();
    throw e;
  }
  return {
    stripe,
    razorpay,
    clearFaults: () => {
      stripe.clearFaults();
      razorpay.clearFaults();
    },
    close: async () => {
      await Promise.all([stripe.close(), razorpay.close()]);
    },
  };
}

/**
 * The local "pay" step of the web checkout: what a customer completing the gateway's own
 * checkout would do, done on the stand-in. Exists only while the stand-ins run.
 */
export interface LocalPayments {
  /** Completes the checkout `reference` (a PaymentIntent or an order) and returns the payment reference to enroll with. */
  pay(checkout: { gateway: PaymentGatewayName; reference: string }): string;
}

export function createLocalPayments(standIns: PaymentStandIns): LocalPayments {
  return {
    pay: ({ gateway, reference }) => (gateway === "stripe" ? standIns.stripe.succeed(reference).id : standIns.razorpay.payOrder(reference).id),
  };
}
