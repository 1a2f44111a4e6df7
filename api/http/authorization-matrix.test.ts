/**
 * The authorization matrix (issue 7): every operation of the API — each REST route in
 * REST_ROUTES, each Query and Mutation field of schema.graphql, each webhook route — for
 * each kind of caller, with the outcome it must get; and, for the fields whose visibility
 * depends on who asks, what each caller sees.
 *
 * The list of operations is read from the code and the schema, not written here: adding a
 * route or a root field without adding its row fails this file, and so does a row for an
 * operation that no longer exists. Each row runs against its own fresh database, in the
 * state it needs, built here.
 */
import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isObjectType, type GraphQLField } from "graphql";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { getDemoUser, type DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import type { DomainErrorCode } from "../domain/errors.js";
import type { Viewer } from "../domain/viewer.js";
import { ERROR_MAP } from "../errors-map.js";
import { REST_ROUTES } from "../rest/routes.js";
import { hmsWebhooks } from "../test-support/hms-webhook-payloads.js";
import { useTestApp } from "../test-support/hooks.js";
import { payFor } from "../test-support/payments.js";
import { expectFailure, freeSessionBody, rest } from "../test-support/rest-client.js";
import { sessionInput } from "../test-support/service-harness.js";
import { createInput } from "../test-support/graphql-documents.js";
import { createHmsWebhookRouter } from "../webhooks/hms-webhook-router.js";

const SECRET = "webhook-secret-for-the-authorization-matrix";
const t = useTestApp({ env: { HMS_WEBHOOK_SECRET: SECRET } });

// ---------------------------------------------------------------------------------------
// Who calls

const PERSONAS = ["anonymous", "student", "enrolledStudent", "otherExpert", "owningExpert", "admin"] as const;
type Persona = (typeof PERSONAS)[number];

/** The demo accounts playing each part: deepak owns every session here; priya is enrolled. */
const CALLER: Record<Persona, DemoUserKey | null> = {
  anonymous: null,
  student: "tom",
  enrolledStudent: "priya",
  otherExpert: "meera",
  owningExpert: "deepak",
  admin: "admin",
};

/** "ok", or the code of the error the caller must get. */
type Outcome = "ok" | DomainErrorCode;

const row = (anonymous: Outcome, student: Outcome, enrolledStudent: Outcome, otherExpert: Outcome, owningExpert: Outcome, admin: Outcome) => ({
  anonymous,
  student,
  enrolledStudent,
  otherExpert,
  owningExpert,
  admin,
});

const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";

// ---------------------------------------------------------------------------------------
// The world a row needs

type State = "none" | "scheduled" | "live" | "ended" | "priced" | "bookable" | "full" | "cancelledPriced" | "webhook";

interface World {
  /** The session the row acts on (deepak's; priya enrolled), or "" for state "none". */
  id: string;
  roomId: string | null;
  users: Record<DemoUserKey, Viewer>;
  /** State "webhook": deepak's endpoint, and the delivery of his session's creation to it. */
  webhook?: { endpointId: string; deliveryId: string };
}

async function buildWorld(state: State): Promise<World> {
  const { services } = t.app.composition;
  const users = {} as Record<DemoUserKey, Viewer>;
  for (const key of ["deepak", "meera", "priya", "tom", "lena", "admin"] as const) {
    const u = getDemoUser(key);
    users[key] = await services.resolveViewer({ subject: u.sub, name: u.name, email: u.email, picture: u.picture, roles: [...u.roles] });
  }
  if (state === "none") return { id: "", roomId: null, users };
  if (state === "webhook") {
    // A loopback receiver is allowed outside production; nothing listens there, nothing is sent here.
    const { endpoint } = await services.createWebhookEndpoint(users.deepak, { url: "http://127.0.0.1:9/hooks", events: ["session.created"] });
    const session = await services.createSession(users.deepak, sessionInput(t.app.clock, {}, 48));
    const [logged] = await services.webhookDeliveries(users.deepak, endpoint.id);
    return { id: session.id, roomId: null, users, webhook: { endpointId: endpoint.id, deliveryId: logged!.delivery.id } };
  }
  if (state === "bookable") {
    // Two days ahead: before the booking cancellation cut-off.
    const session = await services.createSession(users.deepak, sessionInput(t.app.clock, {}, 48));
    await services.enroll(users.priya, session.id);
    return { id: session.id, roomId: null, users };
  }
  if (state === "full") {
    // One seat, priya's; tom waits for it.
    const session = await services.createSession(users.deepak, sessionInput(t.app.clock, { maxParticipants: 1 }, 48));
    await services.enroll(users.priya, session.id);
    await services.joinWaitlist(users.tom, session.id);
    return { id: session.id, roomId: null, users };
  }
  if (state === "cancelledPriced") {
    const session = await services.createSession(users.deepak, sessionInput(t.app.clock, { price: 499, currency: "INR" }, 48));
    await services.enroll(users.priya, session.id, payFor(t.app.payments, session, users.priya));
    await services.cancelSession(users.deepak, session.id);
    return { id: session.id, roomId: null, users };
  }
  if (state === "priced") {
    const session = await services.createSession(users.deepak, sessionInput(t.app.clock, { price: 499, currency: "INR" }, 1));
    await services.enroll(users.priya, session.id, payFor(t.app.payments, session, users.priya));
    return { id: session.id, roomId: null, users };
  }
  const session = await services.createSession(users.deepak, sessionInput(t.app.clock, {}, 1));
  await services.enroll(users.priya, session.id);
  if (state === "scheduled") return { id: session.id, roomId: null, users };
  const { roomId } = await services.startSession(users.deepak, session.id);
  if (state === "live") return { id: session.id, roomId, users };
  // Ended: priya came, the class ended, 100ms reported the recording, and she rated it.
  t.app.emulator.joinPeer(roomId, { userId: users.priya.id, role: "guest", name: users.priya.name });
  await t.app.emulator.webhooksSettled();
  t.app.clock.advance(30 * 60_000);
  await services.endSession(users.deepak, session.id);
  await t.app.emulator.webhooksSettled();
  await services.submitFeedback(users.priya, session.id, { rating: 5, comment: "Calm and clear" });
  return { id: session.id, roomId, users };
}

// ---------------------------------------------------------------------------------------
// Operations

interface Call {
  outcome: Outcome;
  /** `data` of a REST success envelope, or the root field's value in GraphQL. */
  data: any;
}

interface OperationRow {
  state: State;
  expect: Record<Persona, Outcome>;
  /** REST: the request body, if the route takes one. */
  body?: (w: World) => unknown;
  /** GraphQL: the operation and its variables. */
  query?: string;
  variables?: (w: World) => Record<string, unknown>;
  /** For a caller who got "ok": what they may and may not see. */
  sees?: (persona: Persona, data: any, w: World) => void;
  /** A world of its own for each caller: more than one may act, and the first would change what the next finds (a cancel). */
  worldPerCaller?: boolean;
}

const hasPriyasEmail = (data: unknown) => JSON.stringify(data).includes(getDemoUser("priya").email);

const OPERATIONS: Record<string, OperationRow> = {
  // REST: /api/live
  "POST /api/live/sessions": {
    state: "none",
    expect: row(U, F, F, "ok", "ok", F),
    body: () => freeSessionBody(t.app.clock),
  },
  "GET /api/live/sessions": {
    state: "live",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    sees: (p, data, w) => {
      const mine = (data as { id: string; hmsDetails?: unknown }[]).find((s) => s.id === w.id)!;
      expect(mine.hmsDetails !== undefined, `hmsDetails for ${p}`).toBe(p === "owningExpert");
    },
  },
  "GET /api/live/sessions/:id": {
    state: "live",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    sees: (p, data) => {
      expect(data.session.hmsDetails !== undefined, `hmsDetails for ${p}`).toBe(p === "owningExpert");
      expect(data.session.participants !== undefined, `participants for ${p}`).toBe(p === "owningExpert");
      expect(hasPriyasEmail(data), `a participant's email for ${p}`).toBe(p === "owningExpert");
    },
  },
  "POST /api/live/sessions/:id/start": { state: "scheduled", expect: row(U, F, F, F, "ok", F) },
  "POST /api/live/sessions/:id/enroll": { state: "scheduled", expect: row(U, "ok", "ok", "ok", F, "ok") },
  // As Mutation.startCheckout: priya already paid for this priced session (CONFLICT).
  "POST /api/live/sessions/:id/checkout": { state: "priced", expect: row(U, "ok", "CONFLICT", "ok", F, "ok") },
  "POST /api/live/sessions/:id/join-token": {
    state: "live",
    expect: row(U, F, "ok", F, "ok", F),
    sees: (p, data) => expect(data.role).toBe(p === "owningExpert" ? "host" : "guest"),
  },
  "POST /api/live/sessions/:id/end": { state: "live", expect: row(U, F, F, F, "ok", F) },
  // Its expert, or an admin (a studio cancelling for an expert who cannot come).
  "POST /api/live/sessions/:id/cancel": { state: "scheduled", expect: row(U, F, F, F, "ok", "ok"), worldPerCaller: true },
  "GET /api/live/sessions/:id/recording": { state: "ended", expect: row(U, F, "ok", F, "ok", F) },
  "POST /api/live/sessions/:id/feedback": { state: "ended", expect: row(U, F, "ok", F, F, F), body: () => ({ rating: 4 }) },
  // Only one's own booking: anyone else has none to cancel.
  "POST /api/live/sessions/:id/enrollment/cancel": { state: "bookable", expect: row(U, "NOT_FOUND", "ok", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND") },
  // Tom is on the list already (answered with his place); priya has the seat; the expert does not enroll in his own class.
  "POST /api/live/sessions/:id/waitlist": { state: "full", expect: row(U, "ok", "CONFLICT", "ok", F, "ok") },
  "POST /api/live/sessions/:id/waitlist/leave": {
    state: "full",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    // Only ever one's own place.
    sees: (p, data) => expect(data.left).toBe(p === "student"),
  },

  // GraphQL: Query
  "Query.sessions": {
    state: "live",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    query: "{ sessions(limit: 100) { total items { id hmsDetails { roomId } participants { id } feedback { count } } } }",
    variables: () => ({}),
    sees: (p, data, w) => {
      const mine = data.items.find((s: { id: string }) => s.id === w.id);
      expect(mine.hmsDetails !== null, `hmsDetails for ${p}`).toBe(p === "owningExpert");
      expect(mine.participants !== null, `participants for ${p}`).toBe(p === "owningExpert");
      expect(mine.feedback !== null, `feedback for ${p}`).toBe(p === "owningExpert");
    },
  },
  "Query.sessionsConnection": {
    state: "live",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    query: "{ sessionsConnection(first: 100) { totalCount edges { node { id hmsDetails { roomId } participants { id } } } } }",
    variables: () => ({}),
    sees: (p, data, w) => {
      const mine = data.edges.find((e: { node: { id: string } }) => e.node.id === w.id).node;
      expect(mine.hmsDetails !== null, `hmsDetails for ${p}`).toBe(p === "owningExpert");
      expect(mine.participants !== null, `participants for ${p}`).toBe(p === "owningExpert");
    },
  },
  "Query.session": {
    state: "scheduled",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    query: "query($id: ID!) { session(id: $id) { id } }",
    variables: (w) => ({ id: w.id }),
    sees: (_p, data, w) => expect(data).toEqual({ id: w.id }),
  },
  "Query.me": {
    state: "none",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    query: "{ me { id email } }",
    variables: () => ({}),
    sees: (p, data, w) => {
      const key = CALLER[p];
      expect(data).toEqual(key ? { id: w.users[key].id, email: getDemoUser(key).email } : null);
    },
  },
  "Query.myEnrollments": {
    state: "scheduled",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "{ myEnrollments { sessionId userId } }",
    variables: () => ({}),
    sees: (p, data, w) => expect(data).toEqual(p === "enrolledStudent" ? [{ sessionId: w.id, userId: w.users.priya.id }] : []),
  },
  "Query.myEnrollmentsConnection": {
    state: "scheduled",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "{ myEnrollmentsConnection { totalCount edges { node { sessionId userId } } } }",
    variables: () => ({}),
    // Only one's own: priya's enrollment is nobody else's.
    sees: (p, data, w) =>
      expect(data).toEqual(
        p === "enrolledStudent" ? { totalCount: 1, edges: [{ node: { sessionId: w.id, userId: w.users.priya.id } }] } : { totalCount: 0, edges: [] },
      ),
  },
  "Query.recordingUrl": {
    state: "ended",
    expect: row(U, F, "ok", F, "ok", F),
    query: "query($id: ID!) { recordingUrl(sessionId: $id) { url } }",
    variables: (w) => ({ id: w.id }),
  },

  // GraphQL: Mutation
  "Mutation.createSession": {
    state: "none",
    expect: row(U, F, F, "ok", "ok", F),
    query: "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }",
    variables: () => ({ input: createInput(t.app.clock) }),
  },
  "Mutation.startSession": {
    state: "scheduled",
    expect: row(U, F, F, F, "ok", F),
    query: "mutation($id: ID!) { startSession(sessionId: $id) { roomId } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.enroll": {
    state: "scheduled",
    expect: row(U, "ok", "ok", "ok", F, "ok"),
    query: "mutation($id: ID!) { enroll(sessionId: $id) { userId } }",
    variables: (w) => ({ id: w.id }),
    sees: (p, data, w) => expect(data.userId).toBe(w.users[CALLER[p]!].id),
  },
  "Mutation.startCheckout": {
    // A priced session priya already paid for: she has nothing to pay (CONFLICT).
    state: "priced",
    expect: row(U, "ok", "CONFLICT", "ok", F, "ok"),
    query: "mutation($id: ID!) { startCheckout(sessionId: $id) { gateway reference } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.joinToken": {
    state: "live",
    expect: row(U, F, "ok", F, "ok", F),
    query: "mutation($id: ID!) { joinToken(sessionId: $id) { role } }",
    variables: (w) => ({ id: w.id }),
    sees: (p, data) => expect(data.role).toBe(p === "owningExpert" ? "HOST" : "GUEST"),
  },
  "Mutation.endSession": {
    state: "live",
    expect: row(U, F, F, F, "ok", F),
    query: "mutation($id: ID!) { endSession(sessionId: $id) { sessionId } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.cancelSession": {
    state: "scheduled",
    expect: row(U, F, F, F, "ok", "ok"),
    worldPerCaller: true,
    query: "mutation($id: ID!) { cancelSession(sessionId: $id) { id } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.updateSession": {
    state: "scheduled",
    expect: row(U, F, F, F, "ok", "ok"),
    query: 'mutation($id: ID!) { updateSession(sessionId: $id, input: { description: "Bring a strap." }) { id description } }',
    variables: (w) => ({ id: w.id }),
    sees: (_p, data, w) => expect(data).toEqual({ id: w.id, description: "Bring a strap." }),
  },
  "Mutation.cancelEnrollment": {
    state: "bookable",
    expect: row(U, "NOT_FOUND", "ok", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
    query: "mutation($id: ID!) { cancelEnrollment(sessionId: $id) { session { id } refund { id } } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.joinWaitlist": {
    state: "full",
    expect: row(U, "ok", "CONFLICT", "ok", F, "ok"),
    query: "mutation($id: ID!) { joinWaitlist(sessionId: $id) { position offered } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.leaveWaitlist": {
    state: "full",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "mutation($id: ID!) { leaveWaitlist(sessionId: $id) }",
    variables: (w) => ({ id: w.id }),
    sees: (p, data) => expect(data).toBe(p === "student"),
  },
  "Query.myRefunds": {
    state: "cancelledPriced",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "{ myRefunds { userId } }",
    variables: () => ({}),
    // Only ever one's own.
    sees: (p, data, w) => expect(data).toEqual(p === "enrolledStudent" ? [{ userId: w.users.priya.id }] : []),
  },
  "Query.refunds": {
    state: "cancelledPriced",
    expect: row(U, F, F, F, F, "ok"),
    query: "{ refunds { userId status } }",
    variables: () => ({}),
    sees: (_p, data, w) => expect(data).toEqual([{ userId: w.users.priya.id, status: "PENDING" }]),
  },
  "Query.myWaitlist": {
    state: "full",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "{ myWaitlist { sessionId position } }",
    variables: () => ({}),
    sees: (p, data, w) => expect(data).toEqual(p === "student" ? [{ sessionId: w.id, position: 1 }] : []),
  },
  "Query.expert": {
    state: "scheduled",
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    query: "query($id: ID!) { expert(id: $id) { id name ratingCount averageRating } }",
    variables: (w) => ({ id: w.users.deepak.id }),
    // Public: the same profile for everyone, and never an email.
    sees: (_p, data, w) => expect(data).toEqual({ id: w.users.deepak.id, name: getDemoUser("deepak").name, ratingCount: 0, averageRating: null }),
  },
  "Mutation.submitFeedback": {
    state: "ended",
    expect: row(U, F, "ok", F, F, F),
    query: "mutation($id: ID!) { submitFeedback(sessionId: $id, input: {rating: 4}) { feedbackRating } }",
    variables: (w) => ({ id: w.id }),
  },
  "Mutation.signOutEverywhere": {
    state: "none",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "mutation { signOutEverywhere { userId endedSessions } }",
    variables: () => ({}),
    // Only ever one's own sessions.
    sees: (p, data, w) => expect(data).toEqual({ userId: w.users[CALLER[p]!].id, endedSessions: 0 }),
  },
  "Mutation.endUserSessions": {
    state: "none",
    expect: row(U, F, F, F, F, "ok"),
    query: "mutation($id: ID!) { endUserSessions(userId: $id) { userId endedSessions } }",
    variables: (w) => ({ id: w.users.priya.id }),
  },

  "Query.notificationSettings": {
    state: "none",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: "{ notificationSettings { timeZone emailReminders emailNotices } }",
    variables: () => ({}),
    sees: (_p, data) => expect(data).toEqual({ timeZone: null, emailReminders: true, emailNotices: true }),
  },
  "Mutation.updateNotificationSettings": {
    state: "none",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: 'mutation { updateNotificationSettings(input: { emailReminders: false }) { emailReminders emailNotices } }',
    variables: () => ({}),
    // Only ever one's own: each caller's row starts fresh and changes alone.
    sees: (_p, data) => expect(data).toEqual({ emailReminders: false, emailNotices: true }),
  },
  "Mutation.noteBrowserTimeZone": {
    state: "none",
    expect: row(U, "ok", "ok", "ok", "ok", "ok"),
    query: 'mutation { noteBrowserTimeZone(timeZone: "Asia/Kolkata") { timeZone } }',
    variables: () => ({}),
    sees: (_p, data) => expect(data).toEqual({ timeZone: "Asia/Kolkata" }),
  },

  // Outbound webhook endpoints: experts (their classes) and admins (every class); each endpoint is its owner's alone.
  "Mutation.createWebhookEndpoint": {
    state: "none",
    expect: row(U, F, F, "ok", "ok", "ok"),
    query: "mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { id secret endpoint { allSessions } } }",
    variables: () => ({ input: { url: "http://127.0.0.1:9/hooks", events: ["session.started"] } }),
    sees: (p, data) => expect(data).toMatchObject({ endpoint: { allSessions: p === "admin" }, secret: expect.stringMatching(/^whsec_/) }),
  },
  "Query.webhookEndpoints": {
    state: "webhook",
    expect: row(U, F, F, "ok", "ok", "ok"),
    query: "{ webhookEndpoints { id } }",
    variables: () => ({}),
    sees: (p, data, w) => expect(data).toEqual(p === "owningExpert" ? [{ id: w.webhook!.endpointId }] : []),
  },
  "Query.webhookDeliveries": {
    state: "webhook",
    expect: row(U, F, F, "NOT_FOUND", "ok", "NOT_FOUND"),
    query: "query($id: ID!) { webhookDeliveries(endpointId: $id) { id eventType } }",
    variables: (w) => ({ id: w.webhook!.endpointId }),
    sees: (_p, data, w) => expect(data).toEqual([{ id: w.webhook!.deliveryId, eventType: "session.created" }]),
  },
  "Mutation.updateWebhookEndpoint": {
    state: "webhook",
    expect: row(U, F, F, "NOT_FOUND", "ok", "NOT_FOUND"),
    query: "mutation($id: ID!) { updateWebhookEndpoint(endpointId: $id, input: { events: [\"session.ended\"] }) { events } }",
    variables: (w) => ({ id: w.webhook!.endpointId }),
  },
  "Mutation.deleteWebhookEndpoint": {
    state: "webhook",
    expect: row(U, F, F, "NOT_FOUND", "ok", "NOT_FOUND"),
    query: "mutation($id: ID!) { deleteWebhookEndpoint(endpointId: $id) }",
    variables: (w) => ({ id: w.webhook!.endpointId }),
    worldPerCaller: true,
  },
  "Mutation.rotateWebhookSecret": {
    state: "webhook",
    expect: row(U, F, F, "NOT_FOUND", "ok", "NOT_FOUND"),
    query: "mutation($id: ID!) { rotateWebhookSecret(endpointId: $id) { id secret } }",
    variables: (w) => ({ id: w.webhook!.endpointId }),
  },
  "Mutation.resendWebhookDelivery": {
    state: "webhook",
    expect: row(U, F, F, "NOT_FOUND", "ok", "NOT_FOUND"),
    query: "mutation($id: ID!) { resendWebhookDelivery(deliveryId: $id) { id status } }",
    variables: (w) => ({ id: w.webhook!.deliveryId }),
  },

  // Webhooks: only 100ms, by the secret header; no user's credentials open it.
  "POST /api/webhooks/100ms": { state: "live", expect: row(U, U, U, U, U, U) },
};

async function callRest(key: string, op: OperationRow, persona: Persona, w: World): Promise<Call> {
  const [method, fullPath] = key.split(" ") as ["GET" | "POST", string];
  const route = REST_ROUTES.find((r) => `${r.method.toUpperCase()} /api/live${r.path}` === key)!;
  const expected = op.expect[persona];
  const res = await rest(t.app, method, fullPath.replace(":id", w.id), { as: CALLER[persona], body: op.body?.(w) });
  if (expected === "ok") {
    expect(res.status, `${key} as ${persona}: ${res.text.slice(0, 300)}`).toBe(route.status);
    expect(res.body.success).toBe(true);
    return { outcome: "ok", data: res.body.data };
  }
  expectFailure(res, ERROR_MAP[expected].http, /\S/);
  return { outcome: expected, data: undefined };
}

async function callGraphQL(key: string, op: OperationRow, persona: Persona, w: World): Promise<Call> {
  const res = await t.app.gql(op.query!, op.variables!(w), CALLER[persona]);
  const field = key.split(".")[1]!;
  if (res.errors?.length) {
    expect(res.errors, JSON.stringify(res.errors)).toHaveLength(1);
    expect(res.data?.[field] ?? null).toBeNull();
    return { outcome: res.errors[0]!.extensions?.code as Outcome, data: undefined };
  }
  return { outcome: "ok", data: res.data![field] };
}

async function callWebhook(_key: string, _op: OperationRow, persona: Persona, w: World): Promise<Call> {
  const key = CALLER[persona];
  const delivery = hmsWebhooks.peerJoin(
    { roomId: w.roomId!, roomName: `live-session-${w.id}`, sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: t.app.clock.now() },
    { peerId: `peer-${persona}`, userId: key ? w.users[key].id : "nobody", userName: "x", role: "guest" },
    t.app.clock.now(),
  );
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${await t.app.tokenFor(key)}`;
  const res = await fetch(`${t.app.url}/api/webhooks/100ms`, { method: "POST", headers, body: JSON.stringify(delivery) });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status === 200) return { outcome: "ok", data: body };
  expect(res.status).toBe(401);
  expect(body).toEqual({ error: "Missing or wrong x-webhook-secret header." });
  return { outcome: "UNAUTHENTICATED", data: undefined };
}

const callFor = (key: string) => (key.startsWith("Query.") || key.startsWith("Mutation.") ? callGraphQL : key.startsWith("POST /api/webhooks/") ? callWebhook : callRest);

// ---------------------------------------------------------------------------------------
// Fields whose value depends on who asks

interface VisibilityRow {
  state: State;
  query: string;
  /** Whether the caller got to see it in `session`. */
  visible: (session: any) => boolean;
  expect: Record<Persona, "visible" | "hidden">;
}

const vis = (anonymous: boolean, student: boolean, enrolledStudent: boolean, otherExpert: boolean, owningExpert: boolean, admin: boolean) => {
  const v = (b: boolean) => (b ? ("visible" as const) : ("hidden" as const));
  return { anonymous: v(anonymous), student: v(student), enrolledStudent: v(enrolledStudent), otherExpert: v(otherExpert), owningExpert: v(owningExpert), admin: v(admin) };
};

const VISIBILITY: Record<string, VisibilityRow> = {
  "LiveSession.hmsDetails": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { hmsDetails { roomId roomCode } } }",
    visible: (s) => s.hmsDetails !== null,
    expect: vis(false, false, false, false, true, false),
  },
  "LiveSession.participants": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { participants { userId } } }",
    visible: (s) => s.participants !== null,
    expect: vis(false, false, false, false, true, false),
  },
  // A student (enrolled or not) cannot list a class's participants: the session's expert only.
  "LiveSession.participantsConnection": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { participantsConnection(first: 10) { totalCount edges { node { userId } } } } }",
    visible: (s) => s.participantsConnection !== null,
    expect: vis(false, false, false, false, true, false),
  },
  "LiveSession.feedback": {
    state: "ended",
    query: "query($id: ID!) { session(id: $id) { feedback { count comments { comment } } } }",
    visible: (s) => s.feedback !== null,
    expect: vis(false, false, false, false, true, false),
  },
  "LiveSession.viewerEnrollment": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { viewerEnrollment { id } } }",
    visible: (s) => s.viewerEnrollment !== null,
    expect: vis(false, false, true, false, false, false),
  },
  "LiveSession.viewerIsHost": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { viewerIsHost } }",
    visible: (s) => s.viewerIsHost === true,
    expect: vis(false, false, false, false, true, false),
  },
  "LiveSession.canWatchRecording": {
    state: "ended",
    query: "query($id: ID!) { session(id: $id) { recordingAvailable canWatchRecording } }",
    visible: (s) => {
      expect(s.recordingAvailable).toBe(true);
      return s.canWatchRecording === true;
    },
    expect: vis(false, false, true, false, true, false),
  },
  "LiveSession.viewerCan": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { viewerCan { end { allowed } } } }",
    visible: (s) => s.viewerCan.end.allowed === true,
    // Only the session's expert may end it.
    expect: vis(false, false, false, false, true, false),
  },
  "LiveSession.viewerRefund": {
    state: "cancelledPriced",
    query: "query($id: ID!) { session(id: $id) { viewerRefund { id status } } }",
    visible: (s) => s.viewerRefund !== null,
    expect: vis(false, false, true, false, false, false),
  },
  "LiveSession.viewerWaitlist": {
    state: "full",
    query: "query($id: ID!) { session(id: $id) { viewerWaitlist { position } } }",
    visible: (s) => s.viewerWaitlist !== null,
    expect: vis(false, true, false, false, false, false),
  },
  "LiveSession.viewerCalendar": {
    state: "scheduled",
    query: "query($id: ID!) { session(id: $id) { viewerCalendar { googleCalendarUrl } } }",
    visible: (s) => s.viewerCalendar !== null,
    expect: vis(false, false, true, false, true, false),
  },
  "Enrollment.refund": {
    state: "cancelledPriced",
    query: "query($id: ID!) { session(id: $id) { participants { refund { id } } viewerEnrollment { refund { id } } } }",
    visible: (s) => Boolean(s.participants?.[0]?.refund || s.viewerEnrollment?.refund),
    // The student it is owed to, and the expert who sees their class's participants.
    expect: vis(false, false, true, false, true, false),
  },
  "User.email": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { expert { email } } }",
    visible: (s) => s.expert.email !== null,
    // The session's expert's own address: theirs and admins' to see.
    expect: vis(false, false, false, false, true, true),
  },
  "Enrollment.userEmail": {
    state: "live",
    query: "query($id: ID!) { session(id: $id) { participants { userEmail } viewerEnrollment { userEmail } } }",
    visible: (s) => hasPriyasEmail(s),
    // A participant's address: the session's expert (who teaches them) and the participant.
    expect: vis(false, false, true, false, true, false),
  },
};

// ---------------------------------------------------------------------------------------
// What must have a row

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));

function existingOperations(): string[] {
  const rest = REST_ROUTES.map((r) => `${r.method.toUpperCase()} /api/live${r.path}`);
  const graphql = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
  const router = createHmsWebhookRouter({ services: { recordRoomEvent: async () => ({ outcome: "ignored", type: "", reason: "" }) }, logger: pino({ level: "silent" }), secret: "x" });
  const webhooks = (router.stack as { route?: { path: string; methods: Record<string, boolean> } }[]).flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} /api/webhooks${layer.route!.path}`) : [],
  );
  return [...rest, ...graphql, ...webhooks];
}

/** Fields (outside Query and Mutation) documented as depending on the viewer, or of a type that does. */
function viewerDependentFields(): string[] {
  const SAYS_WHO = /\bviewer\b|visible to/i;
  // What the viewer may do is checked against the mutations themselves, state by state and
  // caller by caller, in api/graphql/viewer-can-api.test.ts; here only its entry point has a row.
  const roots = new Set([schema.getQueryType()!.name, schema.getMutationType()!.name, "SessionPermissions", "Ability"]);
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith("__") && !roots.has(type.name))
    .flatMap((type) =>
      Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields())
        .filter((f) => SAYS_WHO.test(f.description ?? "") || SAYS_WHO.test(getNamedType(f.type).description ?? ""))
        .map((f) => `${type.name}.${f.name}`),
    );
}

function fieldExists(coordinate: string): boolean {
  const [typeName, field] = coordinate.split(".") as [string, string];
  const type = schema.getType(typeName);
  return Boolean(type && isObjectType(type) && type.getFields()[field]);
}

describe("every operation has a row", () => {
  it("each REST route, GraphQL root field and webhook route appears in the matrix", () => {
    const operations = existingOperations();
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((op) => !(op in OPERATIONS))).toEqual([]);
  });

  it("and the matrix names nothing that does not exist", () => {
    const operations = new Set(existingOperations());
    expect(Object.keys(OPERATIONS).filter((op) => !operations.has(op))).toEqual([]);
  });

  it("each field documented as depending on the viewer has a visibility row, and each row names a real field", () => {
    expect(viewerDependentFields().filter((f) => !(f in VISIBILITY))).toEqual([]);
    expect(Object.keys(VISIBILITY).filter((f) => !fieldExists(f))).toEqual([]);
  });
});

describe("operations × callers", () => {
  it.each(Object.keys(OPERATIONS))("%s", async (key) => {
    const op = OPERATIONS[key]!;
    let w = await buildWorld(op.state);
    // Callers who may act go last, so a success (an end, a cancel) cannot change another's answer.
    const order = [...PERSONAS].sort((a, b) => Number(op.expect[a] === "ok") - Number(op.expect[b] === "ok"));
    const got = {} as Record<Persona, Outcome>;
    for (const persona of order) {
      if (op.worldPerCaller) w = await buildWorld(op.state);
      const call = await callFor(key)(key, op, persona, w);
      got[persona] = call.outcome;
      if (call.outcome === "ok") op.sees?.(persona, call.data, w);
    }
    expect(got).toEqual(op.expect);
  });

  it("the webhook endpoint opens to 100ms's secret alone", async () => {
    const w = await buildWorld("live");
    const delivery = hmsWebhooks.peerJoin(
      { roomId: w.roomId!, roomName: `live-session-${w.id}`, sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: t.app.clock.now() },
      { peerId: "peer-1", userId: w.users.priya.id, userName: "Priya Sharma", role: "guest" },
      t.app.clock.now(),
    );
    const res = await fetch(`${t.app.url}/api/webhooks/100ms`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-webhook-secret": SECRET },
      body: JSON.stringify(delivery),
    });
    expect(await res.json()).toEqual({ received: true, outcome: "applied" });
  });
});

describe("what each caller sees", () => {
  it.each(Object.keys(VISIBILITY))("%s", async (coordinate) => {
    const v = VISIBILITY[coordinate]!;
    const w = await buildWorld(v.state);
    const got = {} as Record<Persona, "visible" | "hidden">;
    for (const persona of PERSONAS) {
      const res = await t.app.gqlOk<{ session: unknown }>(v.query, { id: w.id }, CALLER[persona]);
      got[persona] = v.visible(res.session) ? "visible" : "hidden";
    }
    expect(got).toEqual(v.expect);
  });
});
