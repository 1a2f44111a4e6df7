/**
 * PaymentVerifier over the official `razorpay` library (v2.9). The reference a client sends
 * for Razorpay is a payment id; the money is ours when the payment is `captured` (enable
 * automatic capture in the dashboard, or an `authorized` payment is refused as unfinished).
 *
 * razorpay 2.9 has no option for its base URL or a timeout: its constructor builds
 * `this.api.rq = axios.create({baseURL: "https://api.razorpay.com", …})` (dist/api.js) and
 * every resource calls through it. `patchRazorpayClient` is the minimal wrapper around
 * that: it sets the instance's `defaults.baseURL` (for the local stand-in) and gives
 * every request the current call's AbortSignal, so our deadline cancels it, and the current
 * call's extra headers: the library lets no header through per request (its `allowedHeaders`
 * are two constructor options), yet refunds need `X-Refund-Idempotency`. It also knows
 * that the library's error handler (`normalizeError`) throws `{statusCode, error}` for an
 * HTTP answer but crashes with a TypeError when there was none (timeout, refused).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import Razorpay from "razorpay";
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

export const RAZORPAY_API_BASE_URL = "https://api.razorpay.com";

export interface RazorpayVerifierOptions {
  keyId: string;
  keySecret: string;
  timeoutMs: number;
  /** Default Razorpay's; the local stand-in's origin in development and tests. */
  baseUrl?: string;
}

/** Payment ids; anything else is refused before it reaches a URL (the library does not encode paths). */
const PAYMENT_ID = /^pay_[A-Za-z0-9]{1,40}$/;
const ORDER_ID = /^order_[A-Za-z0-9]{1,40}$/;

/** The few members of the library's private axios instance we touch. */
interface RequestConfig {
  signal?: unknown;
  headers?: { set?(name: string, value: string): unknown } & Record<string, unknown>;
}
interface RazorpayAxios {
  defaults: { baseURL?: string; timeout?: number };
  interceptors: { request: { use(onFulfilled: (config: RequestConfig) => RequestConfig): number } };
}

/** What the interceptor gives the request made within `run`. */
export interface RazorpayCallContext {
  signal: AbortSignal;
  headers?: Record<string, string>;
}

export function patchRazorpayClient(client: Razorpay, baseUrl: string): AsyncLocalStorage<RazorpayCallContext> {
  const rq = (client.api as unknown as { rq?: RazorpayAxios }).rq;
  if (!rq?.defaults || !rq.interceptors) throw new Error("razorpay: unexpected client (no axios instance at api.rq); check the library version");
  rq.defaults.baseURL = baseUrl.replace(/\/+$/, "");
  const current = new AsyncLocalStorage<RazorpayCallContext>();
  rq.interceptors.request.use((config) => {
    const context = current.getStore();
    if (context) config.signal = context.signal;
    for (const [name, value] of Object.entries(context?.headers ?? {})) {
      // axios 1 hands interceptors an AxiosHeaders (set); older shapes are plain objects.
      if (config.headers?.set) config.headers.set(name, value);
      else config.headers = { ...config.headers, [name]: value };
    }
    return config;
  });
  return current;
}

export function createRazorpayVerifier(opts: RazorpayVerifierOptions): PaymentVerifier {
  if (!opts.keyId || !opts.keySecret) throw new Error("createRazorpayVerifier: keyId and keySecret are required");
  const client = new Razorpay({ key_id: opts.keyId, key_secret: opts.keySecret });
  const signals = patchRazorpayClient(client, opts.baseUrl ?? RAZORPAY_API_BASE_URL);

  const call = <T>(doing: string, run: () => Promise<T>, headers?: Record<string, string>): Promise<T> =>
    withDeadline("razorpay", doing, opts.timeoutMs, (signal) => signals.run({ signal, headers }, run)).catch((e: unknown) => {
      throw e instanceof UpstreamError ? e : upstream(doing, e);
    });

  /** The order's string notes (Razorpay sends empty notes as `[]`); none for an unknown order. */
  async function orderNotes(orderId: string): Promise<Record<string, string | undefined>> {
    const order = await call(`looking up order ${orderId}`, () => client.orders.fetch(orderId)).catch((e: unknown) => {
      if (e instanceof UpstreamError && (e.status === 400 || e.status === 404)) return null;
      throw e;
    });
    const notes = order?.notes as unknown;
    if (typeof notes !== "object" || notes === null || Array.isArray(notes)) return {};
    return Object.fromEntries(Object.entries(notes).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  }

  return {
    gateway: "razorpay",
    canOpenCheckout: true,

    async findPayment(reference: string): Promise<GatewayPayment | null> {
      if (!PAYMENT_ID.test(reference)) return null;
      const payment = await call(`looking up payment ${reference}`, () => client.payments.fetch(reference)).catch((e: unknown) => {
        // Razorpay answers an unknown id with 400 BAD_REQUEST_ERROR "The id provided does not exist".
        if (e instanceof UpstreamError && (e.status === 400 || e.status === 404)) return null;
        throw e;
      });
      if (!payment) return null;
      // Who and what the payment is for comes from the order our server created (openCheckout),
      // never from the payment's own notes: Razorpay Checkout takes `notes` from the browser.
      const orderId = typeof payment.order_id === "string" && ORDER_ID.test(payment.order_id) ? payment.order_id : undefined;
      const notes = orderId ? await orderNotes(orderId) : {};
      return {
        id: payment.id,
        completed: payment.status === "captured",
        status: payment.status,
        amountMinor: Number(payment.amount),
        currency: String(payment.currency).toUpperCase(),
        sessionId: notes.live_session_id,
        userId: notes.user_id,
      };
    },

    async openCheckout(p: OpenCheckoutParams): Promise<OpenedCheckout> {
      const order = await call("creating an order", () =>
        client.orders.create({
          amount: p.amountMinor,
          currency: p.currency,
          // Razorpay caps receipts at 40 characters.
          receipt: `${p.sessionId}`.slice(0, 40),
          notes: { live_session_id: p.sessionId, user_id: p.userId },
        }),
      );
      return {
        gateway: "razorpay",
        reference: order.id,
        publicKey: opts.keyId,
        amountMinor: Number(order.amount),
        currency: order.currency,
      };
    },

    async refund(p: RefundParams): Promise<GatewayRefund> {
      if (!PAYMENT_ID.test(p.paymentId)) throw new RefundRefused(`${p.paymentId} is not a Razorpay payment id`);
      if (!IDEMPOTENCY_KEY.test(p.idempotencyKey)) throw new Error(`Razorpay idempotency keys are 10+ letters, digits, - or _: ${p.idempotencyKey}`);
      let refund: { id: string; status?: string; amount?: number | string };
      try {
        // The same key and body after a lost answer return the first refund (Razorpay's idempotent refunds).
        refund = await call(
          `refunding payment ${p.paymentId}`,
          () => client.payments.refund(p.paymentId, { amount: p.amountMinor, speed: "normal", notes: p.notes }) as Promise<{ id: string; status?: string; amount?: number }>,
          { "X-Refund-Idempotency": p.idempotencyKey },
        );
      } catch (e) {
        // 400 BAD_REQUEST_ERROR is Razorpay's answer for a lasting refusal (fully refunded already,
        // not captured, a key reused with another body); 409 is a concurrent request with the key.
        if (e instanceof UpstreamError && (e.status === 400 || e.status === 404)) throw new RefundRefused(e.message);
        throw e;
      }
      const status = refund.status ?? "unknown";
      return { id: refund.id, outcome: status === "failed" ? "failed" : "accepted", status, amountMinor: Number(refund.amount) };
    },
  };
}

/** Razorpay's rule for X-Refund-Idempotency: at least 10 letters, digits, hyphens or underscores. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{10,}$/;

/** What the library throws: `{statusCode, error: {code, description}}` for an answer, a TypeError for none. */
function upstream(doing: string, e: unknown): UpstreamError {
  if (typeof e === "object" && e !== null && "statusCode" in e) {
    const { statusCode, error } = e as { statusCode: unknown; error?: { code?: string; description?: string } };
    const status = Number(statusCode);
    return new UpstreamError("razorpay", `Razorpay answered ${status} ${doing}: ${error?.code ?? "no error code"}: ${error?.description ?? "no description"}`, status);
  }
  return new UpstreamError("razorpay", `could not reach Razorpay ${doing}: ${e instanceof Error ? e.message : String(e)}`);
}
