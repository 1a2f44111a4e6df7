/**
 * The REST compatibility routes of the seed's API document, as one table. The router
 * serves it and the OpenAPI document is generated from it, so the two cannot drift.
 * A handler parses nothing itself (the domain's schemas do), calls one service and
 * shapes the answer; no rule lives here.
 */
import { z } from "zod";
import type { Readers } from "../domain/readers.js";
import type { RequestScope } from "../domain/request-scope.js";
import { createSessionInput, listSessionsInput, paymentInput } from "../domain/sessions/session-input.js";
import { PAYMENT_GATEWAYS, REFUND_STATUSES, VIDEO_ROLES } from "../domain/sessions/session-values.js";
import type { RefundRow, WaitlistEntryRow } from "../db/schema.js";
import { DomainError } from "../domain/errors.js";
import { feedbackInput } from "../domain/feedback/feedback-input.js";
import { hostRoomUrl } from "../web-links.js";
import { sessionJson, sessionsToJson } from "./session-json.js";

/** The request's scope, plus what the route reads from the request. */
export interface RestCall extends RequestScope {
  /** The web app's public address (APP_URL), for the links answers carry (`sessionUrl`). */
  appUrl: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface RestRoute {
  method: "get" | "post";
  /** Express-style path under /api/live. */
  path: string;
  summary: string;
  /** Whether the route answers without credentials. */
  public: boolean;
  body?: z.ZodType;
  /** Whether a request without a body is refused (documented in OpenAPI). */
  bodyRequired?: boolean;
  query?: z.ZodType;
  /** Schema of `data` in the success envelope. */
  data: z.ZodType;
  /** Other top-level members of the success envelope (e.g. `total`). */
  extra?: Record<string, z.ZodType>;
  status: number;
  message?: string;
  /** Error statuses this route can answer, besides 500 (documented in OpenAPI). */
  errors: number[];
  handle(call: RestCall): Promise<{ data: unknown; extra?: Record<string, unknown> }>;
}

export const refundJson = z.object({
  id: z.string(),
  status: z.enum(REFUND_STATUSES),
  amount: z.number().describe("the full amount paid, in major units"),
  currency: z.string(),
  paymentGateway: z.enum(PAYMENT_GATEWAYS),
  refundedAt: z.iso.datetime().optional().describe("present once refunded"),
});

const toRefundJson = (r: RefundRow): z.infer<typeof refundJson> => ({
  id: r.id,
  status: r.status,
  amount: Number(r.amount),
  currency: r.currency,
  paymentGateway: r.gateway,
  ...(r.refundedAt ? { refundedAt: r.refundedAt.toISOString() } : {}),
});

export const waitlistJson = z.object({
  sessionId: z.string(),
  position: z.number().int().nullable().describe("1 for the first in line; null once a seat is offered"),
  offered: z.boolean(),
  offeredUntil: z.iso.datetime().optional().describe("until when the offered seat is held for you to enroll"),
});

const toWaitlistJson = (e: WaitlistEntryRow, position: number | null): z.infer<typeof waitlistJson> => ({
  sessionId: e.sessionId,
  position,
  offered: e.status === "offered",
  ...(e.offeredUntil ? { offeredUntil: e.offeredUntil.toISOString() } : {}),
});

const LIST_QUERY_KEYS = ["status", "expertId", "featured", "category", "difficulty", "search", "limit", "skip"] as const;

/** Unknown query parameters are ignored, as REST clients expect; known ones are validated. */
function knownQuery(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(LIST_QUERY_KEYS.filter((k) => query[k] !== undefined).map((k) => [k, query[k]]));
}

/** An absent or empty body means "no payment"; anything else is the payment to check. */
function optionalPayment(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "object" && !Array.isArray(body) && Object.keys(body).length === 0) return undefined;
  return body;
}

async function oneSessionJson(readers: Readers, session: Parameters<typeof sessionsToJson>[1][number], withParticipants = false) {
  const [json] = await sessionsToJson(readers, [session], { withParticipants });
  return json!;
}

export const REST_ROUTES: RestRoute[] = [
  {
    method: "post",
    path: "/sessions",
    summary: "Create a live session (experts only)",
    public: false,
    body: createSessionInput,
    data: z.object({ session: sessionJson }),
    status: 201,
    message: "Live session created successfully. Start the session when ready to generate video room.",
    errors: [400, 401, 403, 413, 415, 429],
    handle: async ({ viewer, services, readers, body }) => {
      const session = await services.createSession(viewer, body);
      return { data: { session: await oneSessionJson(readers, session) } };
    },
  },
  {
    method: "get",
    path: "/sessions",
    summary: "List live sessions",
    public: true,
    query: listSessionsInput,
    data: z.array(sessionJson),
    extra: { total: z.number().int() },
    status: 200,
    errors: [400, 401],
    handle: async ({ viewer, services, readers, query }) => {
      // The scope told its readers of the page's experts: the items' expert names cost no query.
      const page = await services.listSessions(viewer, knownQuery(query));
      return { data: await sessionsToJson(readers, page.items), extra: { total: page.total } };
    },
  },
  {
    method: "get",
    path: "/sessions/:id",
    summary: "Get one live session (participants and hmsDetails for its expert only)",
    public: true,
    data: z.object({ session: sessionJson }),
    status: 200,
    errors: [400, 401, 404],
    handle: async ({ viewer, services, readers, params }) => {
      const session = await services.getSession(viewer, params.id);
      if (!session) throw new DomainError("NOT_FOUND", `No live session has the id "${params.id}".`);
      return { data: { session: await oneSessionJson(readers, session, true) } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/start",
    summary: "Start a live session and create its 100ms video room (its expert only)",
    public: false,
    data: z.object({ roomId: z.string(), roomCode: z.string(), sessionUrl: z.string() }),
    status: 200,
    message: "Session started. Click the link to join the video room.",
    errors: [400, 401, 403, 404, 503],
    handle: async ({ viewer, services, params, appUrl }) => {
      const { roomId, roomCode, session } = await services.startSession(viewer, params.id);
      return { data: { roomId, roomCode, sessionUrl: hostRoomUrl(appUrl, session.id) } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/checkout",
    summary:
      "Open a payment for a priced session with the gateway that takes its price (a Stripe PaymentIntent or a Razorpay order), for the student to pay in the gateway's own checkout; then enroll with the completed payment's id. Opening one grants nothing",
    public: false,
    data: z.object({
      gateway: z.enum(PAYMENT_GATEWAYS).describe("the paymentGateway to enroll with"),
      reference: z.string().describe("Stripe: the PaymentIntent id (pi_…), also the paymentId to enroll with; Razorpay: the order id (order_…) for Razorpay Checkout"),
      clientSecret: z.string().optional().describe("Stripe only: the PaymentIntent's client secret, for Stripe.js"),
      publicKey: z.string().describe("the Stripe publishable key or the Razorpay key id"),
      amount: z.number().describe("the price in major units of the currency (499.5 INR), as every amount in this API"),
      amountInMinorUnits: z.number().int().describe("the price in the currency's minor units (paise, cents), as the gateway's checkout widget takes it"),
      currency: z.string().describe("ISO-4217"),
    }),
    status: 200,
    message: "Checkout opened",
    errors: [400, 401, 403, 404, 429, 503],
    handle: async ({ viewer, services, params }) => {
      const { amountMinor, clientSecret, ...checkout } = await services.startCheckout(viewer, params.id);
      return { data: { ...checkout, ...(clientSecret ? { clientSecret } : {}), amountInMinorUnits: amountMinor } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/enroll",
    summary: "Enroll the signed-in user (a priced session needs paymentId and paymentGateway of a completed payment this user opened through the app's checkout for this session, checked with the gateway)",
    public: false,
    body: paymentInput.partial(),
    data: z.object({ participantId: z.string() }),
    status: 200,
    message: "Successfully enrolled in live session",
    errors: [400, 401, 403, 404, 413, 415, 429, 503],
    handle: async ({ viewer, services, params, body }) => {
      const { participant } = await services.enroll(viewer, params.id, optionalPayment(body));
      return { data: { participantId: participant.id } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/join-token",
    summary: "Get a 100ms token to join the video room (enrolled users and the expert)",
    public: false,
    data: z.object({ token: z.string(), role: z.enum(VIDEO_ROLES), userName: z.string() }),
    status: 200,
    message: "Join token generated",
    errors: [400, 401, 403, 404, 429, 503],
    handle: async ({ viewer, services, params }) => {
      const { token, role, userName } = await services.joinToken(viewer, params.id);
      return { data: { token, role, userName } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/end",
    summary: "End a live session and close its video room (its expert only)",
    public: false,
    data: z.object({ sessionId: z.string(), duration: z.number().int().describe("minutes") }),
    status: 200,
    message: "Session ended successfully",
    errors: [400, 401, 403, 404],
    handle: async ({ viewer, services, params }) => {
      const { sessionId, duration } = await services.endSession(viewer, params.id);
      return { data: { sessionId, duration } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/cancel",
    summary: "Cancel a scheduled session (its expert only)",
    public: false,
    data: z.object({ session: sessionJson }),
    status: 200,
    message: "Session cancelled",
    errors: [400, 401, 403, 404],
    handle: async ({ viewer, services, readers, params }) => {
      const session = await services.cancelSession(viewer, params.id);
      return { data: { session: await oneSessionJson(readers, session) } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/enrollment/cancel",
    summary: "Cancel the signed-in student's own booking, until CANCELLATION_CUTOFF_MINUTES before the start; a paid seat is refunded in full",
    public: false,
    data: z.object({ sessionId: z.string(), refund: refundJson.nullable().describe("null for a free seat") }),
    status: 200,
    message: "Your booking is cancelled",
    errors: [400, 401, 404],
    handle: async ({ viewer, services, params }) => {
      const { session, refund } = await services.cancelEnrollment(viewer, params.id);
      return { data: { sessionId: session.id, refund: refund ? toRefundJson(refund) : null } };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/waitlist",
    summary: "Join a full session's waitlist; joining again answers with the place held",
    public: false,
    data: waitlistJson,
    status: 200,
    message: "You are on the waitlist",
    errors: [400, 401, 403, 404],
    handle: async ({ viewer, services, params }) => {
      const { entry, position } = await services.joinWaitlist(viewer, params.id);
      return { data: toWaitlistJson(entry, position) };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/waitlist/leave",
    summary: "Leave a session's waitlist (a seat held for you goes to the next in line)",
    public: false,
    data: z.object({ sessionId: z.string(), left: z.boolean().describe("false when you were not on it") }),
    status: 200,
    message: "You have left the waitlist",
    errors: [400, 401, 404],
    handle: async ({ viewer, services, params }) => {
      const { session, left } = await services.leaveWaitlist(viewer, params.id);
      return { data: { sessionId: session.id, left } };
    },
  },
  {
    method: "get",
    path: "/sessions/:id/recording",
    summary: "A short-lived link to watch the session's recording (its expert and its participants)",
    public: false,
    data: z.object({
      url: z.string().describe("Pre-signed by 100ms; stops working at expiresAt, so ask again rather than storing it"),
      expiresAt: z.iso.datetime(),
      durationSeconds: z.number().int().optional(),
    }),
    status: 200,
    errors: [400, 401, 403, 404, 503],
    handle: async ({ viewer, services, params }) => {
      const link = await services.recordingUrl(viewer, params.id);
      return {
        data: {
          url: link.url,
          expiresAt: link.expiresAt.toISOString(),
          ...(link.durationSeconds === null ? {} : { durationSeconds: link.durationSeconds }),
        },
      };
    },
  },
  {
    method: "post",
    path: "/sessions/:id/feedback",
    summary: "Rate an ended session you attended, 1–5 with an optional comment; sending again edits it for 7 days",
    public: false,
    body: feedbackInput,
    bodyRequired: true,
    data: z.object({
      participantId: z.string(),
      rating: z.number().int().min(1).max(5),
      comment: z.string().optional(),
      feedbackAt: z.iso.datetime(),
    }),
    status: 200,
    message: "Thank you for your feedback",
    errors: [400, 401, 403, 404, 413, 415],
    handle: async ({ viewer, services, params, body }) => {
      const p = await services.submitFeedback(viewer, params.id, body ?? {});
      return {
        data: {
          participantId: p.id,
          rating: p.feedbackRating!,
          ...(p.feedbackComment ? { comment: p.feedbackComment } : {}),
          feedbackAt: p.feedbackAt!.toISOString(),
        },
      };
    },
  },
];
