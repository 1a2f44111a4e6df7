/**
 * A local stand-in for the part of Razorpay's REST API the app uses: payments
 * (`GET /v1/payments/:id`), refunds (`POST /v1/payments/:id/refund` with `amount`, `speed`,
 * `notes`, `receipt`, and Razorpay's idempotent refunds: an `X-Refund-Idempotency` key of 10+
 * letters, digits, `-` or `_`; the same key and body return the first refund, another body a
 * 400 "Different request with the same idempotency key has already been processed.") and orders (`POST /v1/orders`, `GET /v1/orders/:id`), with
 * Razorpay's entity shapes (amount in minor units, currency upper case, `status`
 * created | authorized | captured | refunded | failed; empty `notes` as `[]`), its Basic
 * key-id/secret check, and its error bodies `{error: {code, description, source, step,
 * reason, metadata, field?}}`: an unknown id is a 400 BAD_REQUEST_ERROR "The id provided
 * does not exist", bad credentials a 401, server trouble SERVER_ERROR.
 *
 * Control API (loopback only, no key; for tests and `npm start` demos):
 *   GET    /_stand-in/health
 *   GET    /_stand-in/payments                  {data: Payment[]}
 *   POST   /_stand-in/payments                  {amount, currency? ("INR"), status? ("captured"), order_id?, notes?} → Payment
 *   GET    /_stand-in/orders                    {data: Order[]}
 *   POST   /_stand-in/orders/:id/pay            the customer paid the order: a captured payment → Payment
 *   GET    /_stand-in/refunds                   {data: Refund[]}
 *   POST   /_stand-in/refunds/drop-next-answer  the next refund is made, but its answer is lost (the connection is cut)
 *   GET|POST|DELETE /_stand-in/faults           {route, status?, message?, delayMs?, hang?, times?}; route e.g. "GET /payments/:id"
 *   GET    /_stand-in/requests
 */
import { randomBytes } from "node:crypto";
import type { RequestRecord } from "../request-log.js";
import type { FaultSpec } from "../faults.js";
import {
  commonControlRoutes,
  droppedAnswers,
  gatewayId,
  type Route,
  StandInHttpError,
  type StandInLogger,
  startStandInServer,
} from "./stand-in-server.js";

export const RAZORPAY_STATUSES = ["created", "authorized", "captured", "refunded", "failed"] as const;
export type RazorpayStatus = (typeof RAZORPAY_STATUSES)[number];

type Notes = Record<string, string> | [];

export interface RazorpayPayment {
  id: string;
  entity: "payment";
  amount: number;
  currency: string;
  status: RazorpayStatus;
  order_id: string | null;
  invoice_id: null;
  international: boolean;
  method: "card";
  amount_refunded: number;
  refund_status: null | "partial" | "full";
  captured: boolean;
  description: string | null;
  card_id: null;
  bank: null;
  wallet: null;
  vpa: null;
  email: string;
  contact: string;
  notes: Notes;
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  created_at: number;
}

export interface RazorpayOrder {
  id: string;
  entity: "order";
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  offer_id: null;
  status: "created" | "attempted" | "paid";
  attempts: number;
  notes: Notes;
  created_at: number;
}

export interface RazorpayRefund {
  id: string;
  entity: "refund";
  amount: number;
  currency: string;
  payment_id: string;
  notes: Notes;
  receipt: string | null;
  acquirer_data: { arn: string | null };
  created_at: number;
  batch_id: null;
  status: "pending" | "processed" | "failed";
  speed_processed: "normal" | "optimum";
  speed_requested: "normal" | "optimum";
}

export interface CreatePaymentParams {
  amount: number;
  currency?: string;
  status?: RazorpayStatus;
  orderId?: string;
  notes?: Record<string, string>;
}

export interface CreateOrderParams {
  amount: number;
  currency?: string;
  receipt?: string;
  notes?: Record<string, string>;
}

export interface RazorpayStandIn {
  /** What the adapter's base URL points at (Razorpay's is `https://api.razorpay.com`). */
  readonly origin: string;
  readonly keyId: string;
  readonly keySecret: string;
  /** A payment as if a customer had paid (default `captured`, INR). */
  createPayment(params: CreatePaymentParams): RazorpayPayment;
  /** An order as our server's checkout opens one (`POST /v1/orders`). */
  createOrder(params: CreateOrderParams): RazorpayOrder;
  /** The customer paid an order opened by the checkout: a captured payment for its amount. */
  payOrder(orderId: string): RazorpayPayment;
  payments(): RazorpayPayment[];
  orders(): RazorpayOrder[];
  refunds(): RazorpayRefund[];
  /** The next refund is made, but the connection is cut before its answer. */
  dropNextRefundAnswer(): void;
  failNext(route: string, fault?: FaultSpec): void;
  setFault(route: string, fault: FaultSpec): void;
  clearFaults(): void;
  requests(): RequestRecord[];
  close(): Promise<void>;
}

function razorpayError(status: number, description: string, extra: { code?: string; field?: string; source?: string; step?: string; reason?: string } = {}) {
  return new StandInHttpError(status, {
    error: {
      code: extra.code ?? "BAD_REQUEST_ERROR",
      description,
      source: extra.source ?? "business",
      step: extra.step ?? "payment_initiation",
      reason: extra.reason ?? "input_validation_failed",
      metadata: {},
      ...(extra.field ? { field: extra.field } : {}),
    },
  });
}

const doesNotExist = () => razorpayError(400, "The id provided does not exist", { field: "id" });

export async function startRazorpayStandIn(opts: { logger: StandInLogger; port?: number }): Promise<RazorpayStandIn> {
  const keyId = `rzp_test_local${randomBytes(4).toString("hex")}`;
  const keySecret = randomBytes(16).toString("hex");
  const payments = new Map<string, RazorpayPayment>();
  const orders = new Map<string, RazorpayOrder>();
  const refunds = new Map<string, RazorpayRefund>();
  /** Refunds by X-Refund-Idempotency key, with the body they were made with. */
  const byKey = new Map<string, { body: string; refundId: string }>();
  const refundAnswers = droppedAnswers("refund");
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

  function refund(paymentId: string, body: Record<string, unknown>, key: string | undefined, now: Date): RazorpayRefund {
    const fingerprint = JSON.stringify([paymentId, body]);
    if (key !== undefined) {
      if (!/^[A-Za-z0-9_-]{10,}$/.test(key)) {
        throw razorpayError(400, "The idempotency key must be at least 10 characters long and can contain alphabets, numbers, hyphens and underscores only.", { source: "NA", step: "NA", reason: "NA" });
      }
      const seen = byKey.get(key);
      if (seen) {
        if (seen.body !== fingerprint) {
          throw razorpayError(400, "Different request with the same idempotency key has already been processed.", { source: "NA", step: "NA", reason: "NA" });
        }
        return refunds.get(seen.refundId)!;
      }
    }
    const payment = payments.get(paymentId);
    if (!payment) throw doesNotExist();
    if (!payment.captured) throw razorpayError(400, "The payment has not been captured and cannot be refunded", { field: "payment_id" });
    const left = payment.amount - payment.amount_refunded;
    if (left <= 0) throw razorpayError(400, "The payment has been fully refunded already", { field: "payment_id" });
    if (body.amount !== undefined && (typeof body.amount !== "number" || !Number.isInteger(body.amount) || body.amount < 100)) {
      throw razorpayError(400, "The amount must be at least INR 1.00", { field: "amount" });
    }
    const amount = (body.amount as number | undefined) ?? left;
    if (amount > left) throw razorpayError(400, "The refund amount provided is greater than amount captured", { field: "amount" });
    const speed = body.speed === "optimum" ? "optimum" : "normal";
    const notes: Notes = typeof body.notes === "object" && body.notes !== null && !Array.isArray(body.notes) && Object.keys(body.notes).length > 0 ? (body.notes as Record<string, string>) : [];
    const made: RazorpayRefund = {
      id: gatewayId("rfnd_", 14),
      entity: "refund",
      amount,
      currency: payment.currency,
      payment_id: paymentId,
      notes,
      receipt: typeof body.receipt === "string" ? body.receipt : null,
      acquirer_data: { arn: null },
      created_at: seconds(now),
      batch_id: null,
      // Test mode processes refunds at once; live ones may stay pending for days.
      status: "processed",
      speed_processed: "normal",
      speed_requested: speed,
    };
    refunds.set(made.id, made);
    if (key !== undefined) byKey.set(key, { body: fingerprint, refundId: made.id });
    payment.amount_refunded += amount;
    payment.refund_status = payment.amount_refunded >= payment.amount ? "full" : "partial";
    if (payment.refund_status === "full") payment.status = "refunded";
    return made;
  }

  function createPayment(p: CreatePaymentParams, now: Date): RazorpayPayment {
    const status = p.status ?? "captured";
    const payment: RazorpayPayment = {
      id: gatewayId("pay_", 14),
      entity: "payment",
      amount: p.amount,
      currency: (p.currency ?? "INR").toUpperCase(),
      status,
      order_id: p.orderId ?? null,
      invoice_id: null,
      international: false,
      method: "card",
      amount_refunded: status === "refunded" ? p.amount : 0,
      refund_status: status === "refunded" ? "full" : null,
      captured: status === "captured" || status === "refunded",
      description: null,
      card_id: null,
      bank: null,
      wallet: null,
      vpa: null,
      email: "void@razorpay.com",
      contact: "+919999999999",
      notes: p.notes && Object.keys(p.notes).length > 0 ? p.notes : [],
      fee: status === "captured" ? Math.round(p.amount * 0.02) : null,
      tax: status === "captured" ? 0 : null,
      error_code: status === "failed" ? "BAD_REQUEST_ERROR" : null,
      error_description: status === "failed" ? "Payment processing failed because of incorrect OTP" : null,
      created_at: seconds(now),
    };
    payments.set(payment.id, payment);
    return payment;
  }

  function createOrder(p: CreateOrderParams, now: Date): RazorpayOrder {
    const order: RazorpayOrder = {
      id: gatewayId("order_", 14),
      entity: "order",
      amount: p.amount,
      amount_paid: 0,
      amount_due: p.amount,
      currency: p.currency ?? "INR",
      receipt: p.receipt ?? null,
      offer_id: null,
      status: "created",
      attempts: 0,
      notes: p.notes && Object.keys(p.notes).length > 0 ? p.notes : [],
      created_at: seconds(now),
    };
    orders.set(order.id, order);
    return order;
  }

  function payOrder(orderId: string, now: Date): RazorpayPayment {
    const order = orders.get(orderId);
    if (!order) throw doesNotExist();
    if (order.status === "paid") throw razorpayError(400, "Order has already been paid", { field: "order_id" });
    const notes = Array.isArray(order.notes) ? undefined : order.notes;
    const payment = createPayment({ amount: order.amount, currency: order.currency, orderId, notes }, now);
    Object.assign(order, { status: "paid", amount_paid: order.amount, amount_due: 0, attempts: order.attempts + 1 });
    return payment;
  }

  const api: Route[] = [
    {
      method: "GET",
      pattern: "/payments/:id",
      handler: (c) => {
        const payment = payments.get(c.params.id!);
        if (!payment) throw doesNotExist();
        return payment;
      },
    },
    {
      method: "POST",
      pattern: "/orders",
      handler: (c) => {
        const body = (typeof c.body === "object" && c.body !== null ? c.body : {}) as Record<string, unknown>;
        if (body.amount === undefined) throw razorpayError(400, "The amount field is required.", { field: "amount" });
        if (typeof body.amount !== "number" || !Number.isInteger(body.amount)) throw razorpayError(400, "The amount must be an integer.", { field: "amount" });
        if (body.amount < 100) throw razorpayError(400, "The amount must be atleast INR 1.00", { field: "amount" });
        if (typeof body.currency !== "string" || !/^[A-Z]{3}$/.test(body.currency)) {
          throw razorpayError(400, "The currency field is required and must be a 3 letter code.", { field: "currency" });
        }
        const notes = typeof body.notes === "object" && body.notes !== null && !Array.isArray(body.notes) ? (body.notes as Record<string, string>) : {};
        return createOrder({ amount: body.amount, currency: body.currency, receipt: typeof body.receipt === "string" ? body.receipt : undefined, notes }, c.now);
      },
    },
    {
      method: "POST",
      pattern: "/payments/:id/refund",
      handler: (c) => {
        const body = (typeof c.body === "object" && c.body !== null ? c.body : {}) as Record<string, unknown>;
        const key = c.headers["x-refund-idempotency"];
        const made = refund(c.params.id!, body, typeof key === "string" ? key : undefined, c.now);
        return refundAnswers.answer(made);
      },
    },
    {
      method: "GET",
      pattern: "/orders/:id",
      handler: (c) => {
        const order = orders.get(c.params.id!);
        if (!order) throw doesNotExist();
        return order;
      },
    },
  ];

  const server = await startStandInServer({
    gateway: "Razorpay",
    api,
    control: (faults, requests) => [
      ...commonControlRoutes("Razorpay", faults, requests),
      { method: "GET", pattern: "/payments", handler: () => ({ data: [...payments.values()] }) },
      {
        method: "POST",
        pattern: "/payments",
        handler: (c) => {
          const body = (typeof c.body === "object" && c.body !== null ? c.body : {}) as Record<string, unknown>;
          if (typeof body.amount !== "number" || !Number.isSafeInteger(body.amount) || body.amount < 1) {
            throw razorpayError(400, "amount must be a positive integer (minor units)", { field: "amount" });
          }
          const status = body.status ?? "captured";
          if (!RAZORPAY_STATUSES.includes(status as RazorpayStatus)) {
            throw razorpayError(400, `status must be one of ${RAZORPAY_STATUSES.join(", ")}`, { field: "status" });
          }
          return createPayment(
            {
              amount: body.amount,
              currency: typeof body.currency === "string" ? body.currency : undefined,
              status: status as RazorpayStatus,
              orderId: typeof body.order_id === "string" ? body.order_id : undefined,
              notes: typeof body.notes === "object" && body.notes !== null ? (body.notes as Record<string, string>) : undefined,
            },
            c.now,
          );
        },
      },
      { method: "GET", pattern: "/orders", handler: () => ({ data: [...orders.values()] }) },
      { method: "POST", pattern: "/orders/:id/pay", handler: (c) => payOrder(c.params.id!, c.now) },
      { method: "GET", pattern: "/refunds", handler: () => ({ data: [...refunds.values()] }) },
      refundAnswers.controlRoute("/refunds/drop-next-answer"),
    ],
    authenticate: (headers) => {
      const auth = headers.authorization ?? "";
      const decoded = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString("utf8") : "";
      if (decoded !== `${keyId}:${keySecret}`) {
        throw razorpayError(401, "Authentication failed", { source: "NA", step: "NA", reason: "NA" });
      }
    },
    serverErrorBody: (_status, message) => ({
      error: { code: "SERVER_ERROR", description: message, source: "NA", step: "NA", reason: "NA", metadata: {} },
    }),
    notFoundBody: () => ({
      error: { code: "BAD_REQUEST_ERROR", description: "The requested URL was not found on the server.", source: "NA", step: "NA", reason: "NA", metadata: {} },
    }),
    port: opts.port,
    logger: opts.logger,
    announce: { keyId },
  });

  const unwrap = <T>(run: () => T): T => {
    try {
      return run();
    } catch (e) {
      throw e instanceof StandInHttpError ? new Error(`Razorpay stand-in: ${JSON.stringify(e.body)}`) : e;
    }
  };

  return {
    origin: server.origin,
    keyId,
    keySecret,
    createPayment: (params) => structuredClone(unwrap(() => createPayment(params, new Date()))),
    createOrder: (params) => structuredClone(createOrder(params, new Date())),
    payOrder: (orderId) => structuredClone(unwrap(() => payOrder(orderId, new Date()))),
    payments: () => structuredClone([...payments.values()]),
    orders: () => structuredClone([...orders.values()]),
    refunds: () => structuredClone([...refunds.values()]),
    dropNextRefundAnswer: refundAnswers.dropNext,
    failNext: server.failNext,
    setFault: server.setFault,
    clearFaults: server.clearFaults,
    requests: server.requests,
    close: server.close,
  };
}
