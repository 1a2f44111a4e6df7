/**
 * PaymentVerifier over the official `stripe` library (v23). The reference a client sends
 * for Stripe is a PaymentIntent id; the money is ours when the intent is `succeeded`.
 * `host`/`port`/`protocol` are stripe-node's documented options for talking to another
 * endpoint (the local stand-in); the library's own retries are off so one call costs at
 * most one deadline.
 */
import Stripe from "stripe";
import {
  type GatewayPayment,
  type GatewayRefund,
  type OpenCheckoutParams,
  type OpenedCheckout,
  type PaymentVerifier,
  RefundRefused,
  type RefundParams,
  UpstreamError,
} from "../domain/ports.js";
import { withDeadline } from "./gateway-deadline.js";

export interface StripeVerifierOptions {
  secretKey: string;
  /** Lets the web checkout open the Payment Element; without it Stripe still verifies. */
  publishableKey?: string;
  timeoutMs: number;
  /** Another endpoint than api.stripe.com (the local stand-in). */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
}

/** PaymentIntent ids; anything else is refused before it reaches a URL. */
const PAYMENT_INTENT_ID = /^pi_[A-Za-z0-9]{1,250}$/;

export function createStripeVerifier(opts: StripeVerifierOptions): PaymentVerifier {
  if (!opts.secretKey) throw new Error("createStripeVerifier: secretKey is required");
  const stripe = new Stripe(opts.secretKey, {
    host: opts.host,
    port: opts.port,
    protocol: opts.protocol,
    timeout: opts.timeoutMs,
    maxNetworkRetries: 0,
    telemetry: false,
    appInfo: { name: "live-sessions" },
  });

  // stripe-node takes no AbortSignal: its own `timeout` ends the request, the deadline the wait.
  const call = <T>(doing: string, run: () => Promise<T>) =>
    withDeadline("stripe", doing, opts.timeoutMs, run).catch((e: unknown) => {
      throw e instanceof UpstreamError ? e : upstream(doing, e);
    });

  return {
    gateway: "stripe",
    canOpenCheckout: Boolean(opts.publishableKey),

    async findPayment(reference: string): Promise<GatewayPayment | null> {
      if (!PAYMENT_INTENT_ID.test(reference)) return null;
      let intent: Stripe.PaymentIntent;
      try {
        intent = await call(`looking up PaymentIntent ${reference}`, () => stripe.paymentIntents.retrieve(reference));
      } catch (e) {
        if (e instanceof UpstreamError && e.status === 404) return null;
        throw e;
      }
      const completed = intent.status === "succeeded";
      return {
        id: intent.id,
        completed,
        status: intent.status,
        // What was actually collected once it succeeded (a partial capture collects less).
        amountMinor: completed ? intent.amount_received : intent.amount,
        currency: intent.currency.toUpperCase(),
        // Written by openCheckout with our secret key; the browser's publishable key cannot change metadata.
        sessionId: intent.metadata?.live_session_id || undefined,
        userId: intent.metadata?.user_id || undefined,
      };
    },

    async openCheckout(p: OpenCheckoutParams): Promise<OpenedCheckout> {
      if (!opts.publishableKey) throw new Error("Stripe checkout needs STRIPE_PUBLISHABLE_KEY");
      const intent = await call("creating a PaymentIntent", () =>
        stripe.paymentIntents.create({
          amount: p.amountMinor,
          currency: p.currency.toLowerCase(),
          description: p.description,
          automatic_payment_methods: { enabled: true },
          metadata: { live_session_id: p.sessionId, user_id: p.userId },
        }),
      );
      if (!intent.client_secret) throw new UpstreamError("stripe", "Stripe created a PaymentIntent without a client secret");
      return {
        gateway: "stripe",
        reference: intent.id,
        clientSecret: intent.client_secret,
        publicKey: opts.publishableKey,
        amountMinor: intent.amount,
        currency: intent.currency.toUpperCase(),
      };
    },

    async refund(p: RefundParams): Promise<GatewayRefund> {
      if (!PAYMENT_INTENT_ID.test(p.paymentId)) throw new RefundRefused(`${p.paymentId} is not a Stripe PaymentIntent id`);
      let refund: Stripe.Refund;
      try {
        // Stripe saves the first answer under the key and replays it: a retry after a lost answer refunds once.
        refund = await call(`refunding PaymentIntent ${p.paymentId}`, () =>
          stripe.refunds.create(
            { payment_intent: p.paymentId, amount: p.amountMinor, reason: "requested_by_customer", metadata: p.notes },
            { idempotencyKey: p.idempotencyKey },
          ),
        );
      } catch (e) {
        throw refusedForGood(e) ? new RefundRefused(e.message) : e;
      }
      const failed = refund.status === "failed" || refund.status === "canceled";
      return { id: refund.id, outcome: failed ? "failed" : "accepted", status: refund.status ?? "unknown", amountMinor: refund.amount };
    },
  };
}

/**
 * An answer Stripe will give again to the same request: 400 (already refunded, amount too
 * large, a key reused with other parameters), 402, 404. Everything else is worth retrying:
 * 409 (a concurrent request with the key), 429, 5xx, no answer, and 401/403 (a key an
 * operator can fix while the attempts last).
 */
function refusedForGood(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError && (e.status === 400 || e.status === 402 || e.status === 404);
}

/** Every stripe-node failure becomes an UpstreamError carrying the HTTP status, if any. */
function upstream(doing: string, e: unknown): UpstreamError {
  if (e instanceof Stripe.errors.StripeError) {
    if (e instanceof Stripe.errors.StripeConnectionError) return new UpstreamError("stripe", `could not reach Stripe ${doing}: ${e.message}`);
    return new UpstreamError("stripe", `Stripe answered ${e.statusCode ?? "?"} ${doing}: ${e.type}${e.code ? `/${e.code}` : ""}: ${e.message}`, e.statusCode);
  }
  return new UpstreamError("stripe", `Stripe call failed ${doing}: ${e instanceof Error ? e.message : String(e)}`);
}
