/**
 * A local stand-in for the part of Stripe's REST API the app uses: PaymentIntents
 * (`GET /v1/payment_intents/:intent`, `POST /v1/payment_intents`) and Refunds
 * (`POST /v1/refunds` with `payment_intent`, `amount`, `reason`, `metadata`), with Stripe's object
 * shape (amount in minor units, currency in lower case, `status`), its Bearer secret-key
 * check, and its error bodies `{error: {type, code?, param?, message, doc_url?}}` with
 * Stripe's status codes (400, 401, 404, 5xx). stripe-node talks to it through its
 * documented `host`/`port`/`protocol` options.
 *
 * Idempotent requests as Stripe documents them: the status and body of the first request
 * with an `Idempotency-Key` are saved once the endpoint starts executing (errors included)
 * and replayed for the same key; the same key with other parameters is a 400
 * `idempotency_error`. Injected faults happen before execution, so nothing is saved for them.
 * Refund errors: `charge_already_refunded`, `amount_too_large`, `resource_missing`.
 *
 * Control API (loopback only, no key; for tests and `npm start` demos):
 *   GET    /_stand-in/health
 *   GET    /_stand-in/payment_intents               {data: PaymentIntent[]}
 *   POST   /_stand-in/payment_intents               {amount, currency, status? ("succeeded"), metadata?} → PaymentIntent
 *   POST   /_stand-in/payment_intents/:id/succeed   the customer completed the payment → PaymentIntent
 *   GET    /_stand-in/refunds                       {data: Refund[]}
 *   POST   /_stand-in/refunds/drop-next-answer      the next refund is made, but its answer is lost (the connection is cut)
 *   GET|POST|DELETE /_stand-in/faults               {route, status?, message?, delayMs?, hang?, times?}; route e.g. "GET /payment_intents/:intent"
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

export const STRIPE_STATUSES = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
  "processing",
  "requires_capture",
  "canceled",
  "succeeded",
] as const;
export type StripeStatus = (typeof STRIPE_STATUSES)[number];

export interface StripePaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: "automatic";
  client_secret: string;
  confirmation_method: "automatic";
  created: number;
  currency: string;
  description: string | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  payment_method_types: string[];
  automatic_payment_methods: { enabled: boolean } | null;
  status: StripeStatus;
}

export interface StripeRefund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: "succeeded" | "pending" | "failed" | "canceled";
  transfer_reversal: null;
}

export interface CreatePaymentIntentParams {
  amount: number;
  currency: string;
  status?: StripeStatus;
  metadata?: Record<string, string>;
}

export interface StripeStandIn {
  /** What stripe-node's `host`, `port` and `protocol` options point at. */
  readonly host: string;
  readonly port: number;
  readonly protocol: "http";
  readonly origin: string;
  /** The only secret key the stand-in accepts (random per start). */
  readonly secretKey: string;
  readonly publishableKey: string;
  /** A PaymentIntent as if a customer had paid (default `succeeded`). */
  createPaymentIntent(params: CreatePaymentIntentParams): StripePaymentIntent;
  /** The customer completed the payment of an open PaymentIntent. */
  succeed(id: string): StripePaymentIntent;
  paymentIntents(): StripePaymentIntent[];
  refunds(): StripeRefund[];
  /** The next refund is made, but the connection is cut before its answer. */
  dropNextRefundAnswer(): void;
  failNext(route: string, fault?: FaultSpec): void;
  setFault(route: string, fault: FaultSpec): void;
  clearFaults(): void;
  requests(): RequestRecord[];
  close(): Promise<void>;
}

const DOC = "https://stripe.com/docs/error-codes";

const invalidRequest = (status: number, message: string, extra: { code?: string; param?: string } = {}) =>
  new StandInHttpError(status, {
    error: { ...(extra.code ? { code: extra.code, doc_url: `${DOC}/${extra.code.replace(/_/g, "-")}` } : {}), message, ...(extra.param ? { param: extra.param } : {}), type: "invalid_request_error" },
  });

export async function startStripeStandIn(opts: { logger: StandInLogger; port?: number; secretKey?: string }): Promise<StripeStandIn> {
  const secretKey = opts.secretKey ?? `sk_test_local${randomBytes(12).toString("hex")}`;
  const publishableKey = `pk_test_local${randomBytes(12).toString("hex")}`;
  const intents = new Map<string, StripePaymentIntent>();
  const refunds = new Map<string, StripeRefund>();
  /** Saved answers by Idempotency-Key: the request's parameters and what was answered. */
  const idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  const refundAnswers = droppedAnswers("refund");

  /** Stripe's idempotency: the first answer under a key is saved (errors too) and replayed. */
  function idempotently(key: string | undefined, path: string, params: unknown, run: () => unknown): unknown {
    if (!key) return run();
    const fingerprint = JSON.stringify([path, params]);
    const saved = idempotent.get(key);
    if (saved) {
      if (saved.params !== fingerprint) {
        throw new StandInHttpError(400, {
          error: {
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            type: "idempotency_error",
          },
        });
      }
      if (saved.status !== 200) throw new StandInHttpError(saved.status, saved.body);
      return structuredClone(saved.body);
    }
    try {
      const body = run();
      idempotent.set(key, { params: fingerprint, status: 200, body: structuredClone(body) });
      return body;
    } catch (e) {
      if (e instanceof StandInHttpError) idempotent.set(key, { params: fingerprint, status: e.status, body: e.body });
      throw e;
    }
  }

  function refund(body: Record<string, unknown>, now: Date): StripeRefund {
    const intentId = body.payment_intent;
    if (typeof intentId !== "string" || intentId === "") {
      throw invalidRequest(400, "One of the following params should be provided for this request: payment_intent or charge.", { code: "parameter_missing", param: "payment_intent" });
    }
    const intent = intents.get(intentId);
    if (!intent) throw invalidRequest(404, `No such payment_intent: '${intentId}'`, { code: "resource_missing", param: "payment_intent" });
    if (intent.status !== "succeeded" || !intent.latest_charge) {
      throw invalidRequest(400, `This PaymentIntent (${intentId}) does not have a successful charge to refund.`, { code: "charge_not_refundable" });
    }
    const refunded = [...refunds.values()].filter((r) => r.payment_intent === intentId && r.status !== "failed" && r.status !== "canceled").reduce((sum, r) => sum + r.amount, 0);
    const left = intent.amount_received - refunded;
    if (left <= 0) throw invalidRequest(400, `Charge ${intent.latest_charge} has already been refunded.`, { code: "charge_already_refunded" });
    const amount = body.amount === undefined ? left : requiredInteger(body, "amount");
    if (amount > left) {
      throw invalidRequest(400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, { code: "amount_too_large", param: "amount" });
    }
    const created: StripeRefund = {
      id: gatewayId("re_3", 23),
      object: "refund",
      amount,
      balance_transaction: gatewayId("txn_3", 23),
      charge: intent.latest_charge,
      created: Math.floor(now.getTime() / 1000),
      currency: intent.currency,
      metadata: stringMap(body.metadata),
      payment_intent: intentId,
      reason: typeof body.reason === "string" ? body.reason : null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    };
    refunds.set(created.id, created);
    return created;
  }

  function create(params: CreatePaymentIntentParams, now: Date): StripePaymentIntent {
    const id = gatewayId("pi_3", 23);
    const status = params.status ?? "requires_payment_method";
    const intent: StripePaymentIntent = {
      id,
      object: "payment_intent",
      amount: params.amount,
      amount_capturable: 0,
      amount_received: status === "succeeded" ? params.amount : 0,
      capture_method: "automatic",
      client_secret: `${id}_secret_${gatewayId("", 25)}`,
      confirmation_method: "automatic",
      created: Math.floor(now.getTime() / 1000),
      currency: params.currency.toLowerCase(),
      description: null,
      latest_charge: status === "succeeded" ? gatewayId("ch_3", 23) : null,
      livemode: false,
      metadata: params.metadata ?? {},
      payment_method_types: ["card"],
      automatic_payment_methods: { enabled: true },
      status,
    };
    intents.set(id, intent);
    return intent;
  }

  function find(id: string): StripePaymentIntent {
    const intent = intents.get(id);
    if (!intent) throw invalidRequest(404, `No such payment_intent: '${id}'`, { code: "resource_missing", param: "intent" });
    return intent;
  }

  function succeed(id: string): StripePaymentIntent {
    const intent = find(id);
    if (intent.status === "canceled" || intent.status === "succeeded") {
      throw invalidRequest(400, `This PaymentIntent's status is ${intent.status}, so it cannot be paid.`, { code: "payment_intent_unexpected_state" });
    }
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: gatewayId("ch_3", 23) });
    return intent;
  }

  const api: Route[] = [
    { method: "GET", pattern: "/payment_intents/:intent", handler: (c) => find(c.params.intent!) },
    {
      method: "POST",
      pattern: "/payment_intents",
      handler: (c) => {
        const body = (c.body ?? {}) as Record<string, unknown>;
        const amount = requiredInteger(body, "amount");
        const currency = requiredCurrency(body);
        const intent = create({ amount, currency, metadata: stringMap(body.metadata) }, c.now);
        if (typeof body.description === "string") intent.description = body.description;
        return intent;
      },
    },
    {
      method: "POST",
      pattern: "/refunds",
      handler: (c) => {
        const body = (c.body ?? {}) as Record<string, unknown>;
        const key = c.headers["idempotency-key"];
        const made = idempotently(typeof key === "string" ? key : undefined, "POST /v1/refunds", body, () => refund(body, c.now));
        return refundAnswers.answer(made);
      },
    },
  ];

  const server = await startStandInServer({
    gateway: "Stripe",
    api,
    control: (faults, requests) => [
      ...commonControlRoutes("Stripe", faults, requests),
      { method: "GET", pattern: "/payment_intents", handler: () => ({ data: [...intents.values()] }) },
      {
        method: "POST",
        pattern: "/payment_intents",
        handler: (c) => {
          const body = (c.body ?? {}) as Record<string, unknown>;
          const status = body.status ?? "succeeded";
          if (!STRIPE_STATUSES.includes(status as StripeStatus)) {
            throw invalidRequest(400, `status must be one of ${STRIPE_STATUSES.join(", ")}`, { param: "status" });
          }
          return create(
            { amount: requiredInteger(body, "amount"), currency: requiredCurrency(body), status: status as StripeStatus, metadata: stringMap(body.metadata) },
            c.now,
          );
        },
      },
      { method: "POST", pattern: "/payment_intents/:id/succeed", handler: (c) => succeed(c.params.id!) },
      { method: "GET", pattern: "/refunds", handler: () => ({ data: [...refunds.values()] }) },
      refundAnswers.controlRoute("/refunds/drop-next-answer"),
    ],
    authenticate: (headers) => {
      const auth = headers.authorization ?? "";
      if (!auth.startsWith("Bearer ")) {
        throw invalidRequest(
          401,
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        );
      }
      const given = auth.slice("Bearer ".length);
      if (given !== secretKey) throw invalidRequest(401, `Invalid API Key provided: ${given.slice(0, 8)}****${given.slice(-4)}`);
    },
    serverErrorBody: (_status, message) => ({ error: { message, type: "api_error" } }),
    notFoundBody: (method, path) => ({ error: { message: `Unrecognized request URL (${method}: ${path}).`, type: "invalid_request_error" } }),
    headers: () => ({ "request-id": gatewayId("req_", 14) }),
    port: opts.port,
    logger: opts.logger,
    announce: { secretKey: `${secretKey.slice(0, 12)}…`, publishableKey },
  });

  return {
    host: "127.0.0.1",
    port: server.port,
    protocol: "http",
    origin: server.origin,
    secretKey,
    publishableKey,
    createPaymentIntent: (params) => structuredClone(create({ status: "succeeded", ...params }, new Date())),
    succeed: (id) => {
      try {
        return structuredClone(succeed(id));
      } catch (e) {
        throw e instanceof StandInHttpError ? new Error(`Stripe stand-in: ${JSON.stringify(e.body)}`) : e;
      }
    },
    paymentIntents: () => structuredClone([...intents.values()]),
    refunds: () => structuredClone([...refunds.values()]),
    dropNextRefundAnswer: refundAnswers.dropNext,
    failNext: server.failNext,
    setFault: server.setFault,
    clearFaults: server.clearFaults,
    requests: server.requests,
    close: server.close,
  };
}

function requiredInteger(body: Record<string, unknown>, field: string): number {
  const raw = body[field];
  if (raw === undefined || raw === "") throw invalidRequest(400, `Missing required param: ${field}.`, { code: "parameter_missing", param: field });
  const n = typeof raw === "number" ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw invalidRequest(400, `Invalid integer: ${String(raw)}`, { code: "parameter_invalid_integer", param: field });
  return n;
}

function requiredCurrency(body: Record<string, unknown>): string {
  const raw = body.currency;
  if (raw === undefined || raw === "") throw invalidRequest(400, "Missing required param: currency.", { code: "parameter_missing", param: "currency" });
  if (typeof raw !== "string" || !/^[a-zA-Z]{3}$/.test(raw)) {
    throw invalidRequest(400, `Invalid currency: ${String(raw)}. Stripe currently supports these currencies: usd, eur, inr, …`, { code: "parameter_invalid_string", param: "currency" });
  }
  return raw.toLowerCase();
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
