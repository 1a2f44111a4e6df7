/**
 * REST and GraphQL call the same services, so they must never disagree: the same session
 * reads the same through GET /api/live/sessions(/:id) and `session(id)` / `sessions`
 * (enum spelling aside), mutations answer the same values, and the same mistake gets the
 * same message (REST status ↔ GraphQL `extensions.code` through the one error table).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  CANCEL_SESSION,
  CREATE_SESSION,
  END_SESSION,
  ENROLL,
  JOIN_TOKEN,
  LIST_SESSIONS,
  START_SESSION,
  createInput,
  expectGqlError,
  postGraphQL,
} from "../test-support/graphql-documents.js";
import {
  createSessionRest,
  expectFailure,
  expectSuccess,
  rest,
  seedCreateBody,
  type HttpMethod,
  type RestOptions,
} from "../test-support/rest-client.js";
import { startTestApp, type Caller, type GraphQLResponse, type TestApp } from "../test-support/test-app.js";
import { useTestApp } from "../test-support/hooks.js";
import { asGraphQLPayment, payAs, seedPaymentBody } from "../test-support/payments.js";
import { graphql } from "../test-support/__generated__/index.js";

const t = useTestApp();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const UNKNOWN_ID = "ses_doesnotexist00";

/** Every field the seed's REST session object has, asked of GraphQL. */
const REST_FIELDS = graphql(`
  fragment RestFields on LiveSession {
    id expertId expertName expertAvatar title description thumbnail sessionType
    scheduledStartTime scheduledEndTime actualStartTime actualEndTime
    maxParticipants currentViewers price currency status
    hmsDetails { roomId roomCode sessionId recordingId }
    recordingS3Key recordedLessonId recordingAvailable enrolledCount attendedCount
    metadata { category difficulty equipment tags }
    featured isFree
    participants {
      id sessionId userId userName userEmail userAvatar enrolledAt attended joinedAt leftAt watchTime
      paid paymentId paymentGateway amountPaid chatMessages feedbackRating feedbackComment createdAt updatedAt
    }
    createdAt updatedAt
  }
`);
const SESSION_AS_REST = graphql(`
  query SessionAsRest($id: ID!) { session(id: $id) { ...RestFields } }
`);
const SESSIONS_AS_REST = graphql(`
  query SessionsAsRest($status: SessionStatus, $expertId: ID, $featured: Boolean, $search: String, $limit: Int, $skip: Int) {
    sessions(status: $status, expertId: $expertId, featured: $featured, search: $search, limit: $limit, skip: $skip) { total items { ...RestFields } }
  }
`);

const GRAPHQL_TO_REST_ENUM: Record<string, string> = {
  ONE_ON_ONE: "1-on-1",
  GROUP: "group",
  WORKSHOP: "workshop",
  SCHEDULED: "scheduled",
  LIVE: "live",
  ENDED: "ended",
  CANCELLED: "cancelled",
  STRIPE: "stripe",
  RAZORPAY: "razorpay",
  HOST: "host",
  GUEST: "guest",
};
const ENUM_FIELDS = new Set(["sessionType", "status", "paymentGateway", "role"]);

/**
 * A GraphQL object in REST's terms: the seed's enum spellings, and absent instead of null
 * (the seed marks such fields optional, and REST leaves them out).
 */
function asRest(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => asRest(v));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, asRest(v, k)]),
    );
  }
  if (key && ENUM_FIELDS.has(key) && typeof value === "string") {
    const mapped = GRAPHQL_TO_REST_ENUM[value];
    expect(mapped, `GraphQL ${key} ${value}`).toBeDefined();
    return mapped;
  }
  return value;
}

/** REST's list items never carry participants; GraphQL gives them to the owner. */
function withoutParticipants<T extends Record<string, unknown>>(session: T): Omit<T, "participants"> {
  const { participants: _p, ...rest } = session;
  return rest;
}

async function graphqlSession(id: string, as: Caller): Promise<Record<string, unknown>> {
  const data = await t.app.gqlOk(SESSION_AS_REST, { id }, as);
  expect(data.session, `GraphQL session(${id})`).not.toBeNull();
  return asRest(data.session) as Record<string, unknown>;
}

async function restSession(id: string, as: Caller): Promise<Record<string, unknown>> {
  return expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as }), 200).data.session;
}

/** The session as each viewer sees it, through GET /:id, the REST list and GraphQL: all must agree. */
async function expectAgreement(id: string, viewers: Caller[]): Promise<Record<string, Record<string, unknown>>> {
  const views: Record<string, Record<string, unknown>> = {};
  for (const as of viewers) {
    const who = typeof as === "string" ? as : as === null ? "anonymous" : as.sub;
    const viaRest = await restSession(id, as);
    const viaGraphql = await graphqlSession(id, as);
    expect(viaRest, `${who}: GET /api/live/sessions/${id} vs session(id)`).toEqual(viaGraphql);

    const status = viaRest.status as string;
    const restList = expectSuccess(await rest(t.app, "GET", `/api/live/sessions?status=${status}&limit=100`, { as }), 200);
    const gqlList = (await t.app.gqlOk(
      SESSIONS_AS_REST,
      { status: status.toUpperCase(), limit: 100 },
      as,
    )).sessions;
    expect(restList.total, `${who}: list totals`).toBe(gqlList.total);
    const restItem = restList.data.find((s: { id: string }) => s.id === id);
    const gqlItem = (asRest(gqlList.items) as Record<string, unknown>[]).find((s) => s.id === id);
    expect(restItem, `${who}: the REST list holds ${id}`).toBeDefined();
    expect(restItem, `${who}: REST list item vs GraphQL sessions item`).toEqual(withoutParticipants(gqlItem!));
    expect(restItem, `${who}: the list item is GET /:id without participants`).toEqual(withoutParticipants(viaRest));
    views[who] = viaRest;
  }
  return views;
}


describe("the same session reads the same through REST and GraphQL", () => {
  it("the seed's session, created and enrolled in through REST, through its whole life, for its expert, a student and a visitor", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya", body: await seedPaymentBody(t.app, id, "priya") }), 200);
    // Tom enrolls a minute later through GraphQL: REST must show his enrollment the same way.
    t.app.clock.advance(MINUTE);
    await t.app.gqlOk(ENROLL, { sessionId: id, payment: asGraphQLPayment(await payAs(t.app, "tom", { id, price: 499, currency: "INR" }, "razorpay")) }, "tom");
    const viewers: Caller[] = ["deepak", "priya", "meera", null];

    const scheduled = await expectAgreement(id, viewers);
    expect(scheduled.deepak).toMatchObject({ sessionType: "group", status: "scheduled", enrolledCount: 2, isFree: false, price: 499 });
    const participants = scheduled.deepak!.participants as Record<string, unknown>[];
    expect(participants.map((p) => [p.userName, p.paymentGateway, p.amountPaid])).toEqual([
      ["Priya Sharma", "stripe", 499],
      ["Tom Becker", "razorpay", 499],
    ]);
    expect(scheduled.priya).not.toHaveProperty("participants");

    t.app.clock.set("2030-01-16T08:00:00.000Z");
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
    const live = await expectAgreement(id, viewers);
    expect(live.deepak).toMatchObject({ status: "live", hmsDetails: { roomId: expect.any(String), roomCode: expect.any(String) } });
    expect(live.priya).not.toHaveProperty("hmsDetails");
    expect(live.anonymous).not.toHaveProperty("hmsDetails");

    t.app.clock.advance(65 * MINUTE);
    await t.app.gqlOk(END_SESSION, { id }, "deepak");
    const ended = await expectAgreement(id, viewers);
    expect(ended.anonymous).toMatchObject({ status: "ended", actualEndTime: "2030-01-16T09:05:00.000Z", currentViewers: 0 });
  });

  it("sessions created through GraphQL read the same through REST, for each session type, and a cancelled one", async () => {
    const ids: string[] = [];
    for (const sessionType of ["ONE_ON_ONE", "GROUP", "WORKSHOP"]) {
      const created = await t.app.gqlOk(
        CREATE_SESSION,
        { input: createInput(t.app.clock, { sessionType, maxParticipants: sessionType === "ONE_ON_ONE" ? 1 : 20, price: 250.5, currency: "USD" }, ids.length + 1) },
        "meera",
      );
      ids.push(created.createSession.id);
    }
    const types = [];
    for (const id of ids) types.push((await expectAgreement(id, ["meera", "priya", null])).meera!.sessionType);
    expect(types).toEqual(["1-on-1", "group", "workshop"]);

    await t.app.gqlOk(CANCEL_SESSION, { id: ids[0] }, "meera");
    expect((await expectAgreement(ids[0]!, ["meera", null])).anonymous).toMatchObject({ status: "cancelled" });
  });

  it("?status=live&limit=10 and sessions(status: LIVE, limit: 10) list the same sessions in the same order with the same total", async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) ids.push(await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0, title: `Flow ${i}` }, i)));
    for (const id of [ids[2]!, ids[0]!, ids[3]!]) expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);

    for (const [query, variables] of [
      ["status=live&limit=10", { status: "LIVE", limit: 10 }],
      ["status=live&limit=2&skip=1", { status: "LIVE", limit: 2, skip: 1 }],
      ["limit=3", { limit: 3 }],
      ["status=scheduled", { status: "SCHEDULED" }],
      ["search=flow%203", { search: "flow 3" }],
      ["search=FLO&status=live&limit=2", { search: "FLO", status: "LIVE", limit: 2 }],
    ] as const) {
      for (const as of ["deepak", "priya", null] as Caller[]) {
        const viaRest = expectSuccess(await rest(t.app, "GET", `/api/live/sessions?${query}`, { as }), 200);
        const viaGraphql = (await t.app.gqlOk(SESSIONS_AS_REST, variables, as)).sessions;
        expect(viaRest.total, query).toBe(viaGraphql.total);
        expect(viaRest.data, query).toEqual((asRest(viaGraphql.items) as Record<string, unknown>[]).map(withoutParticipants));
      }
    }
    expect(expectSuccess(await rest(t.app, "GET", "/api/live/sessions?status=live&limit=10"), 200).total).toBe(3);
    expect(expectSuccess(await rest(t.app, "GET", "/api/live/sessions?search=flow%203"), 200).data.map((s: { id: string }) => s.id)).toEqual([ids[2]]);
  });
});

describe("mutations answer the same values", () => {
  it("start, enroll, join-token and end give the same room, participant, role and duration through both", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const enrolled = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" }), 200);
    const again = await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expect(again.enroll.participantId).toBe(enrolled.data.participantId);

    const started = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
    const startedAgain = await t.app.gqlOk(START_SESSION, { id }, "deepak");
    expect({ roomId: startedAgain.startSession.roomId, roomCode: startedAgain.startSession.roomCode, sessionUrl: startedAgain.startSession.sessionUrl }).toEqual(
      started.data,
    );

    for (const as of ["deepak", "priya"] as const) {
      const viaRest = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/join-token`, { as }), 200).data;
      const viaGraphql = (await t.app.gqlOk(JOIN_TOKEN, { sessionId: id }, as)).joinToken;
      expect({ role: viaRest.role, userName: viaRest.userName }).toEqual(asRest({ role: viaGraphql.role, userName: viaGraphql.userName }));
    }

    t.app.clock.advance(65 * MINUTE);
    const ended = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/end`, { as: "deepak" }), 200);
    const endedAgain = await t.app.gqlOk(END_SESSION, { id }, "deepak");
    expect({ sessionId: endedAgain.endSession.sessionId, duration: endedAgain.endSession.duration }).toEqual(ended.data);
    expect(ended.data.duration).toBe(65);
  });
});

describe("the same mistake gets the same error", () => {
  /** REST's answer and GraphQL's to one mistake: the status and code must map, the messages must be equal. */
  async function expectSameError(
    restCall: [HttpMethod, string, RestOptions?],
    graphqlCall: () => Promise<GraphQLResponse>,
    status: number,
    code: string,
    message: RegExp,
  ): Promise<string> {
    const [method, path, opts] = restCall;
    // The same code too: REST's `code` is GraphQL's `extensions.code`.
    const restMessage = expectFailure(await rest(t.app, method, path, opts), status, message, code);
    const gqlError = expectGqlError(await graphqlCall(), code, message);
    expect(restMessage).toBe(gqlError.message);
    return restMessage;
  }

  it("enroll in a full session: 400 ↔ SESSION_FULL", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0, maxParticipants: 1 }));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" }), 200);
    const message = await expectSameError(
      ["POST", `/api/live/sessions/${id}/enroll`, { as: "tom" }],
      () => t.app.gql(ENROLL, { sessionId: id }, "lena"),
      400,
      "SESSION_FULL",
      /full/,
    );
    expect(message).toBe("This session is full; no seats are left.");
  });

  it("start by another expert: 403 ↔ FORBIDDEN", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    const message = await expectSameError(
      ["POST", `/api/live/sessions/${id}/start`, { as: "meera" }],
      () => t.app.gql(START_SESSION, { id }, "meera"),
      403,
      "FORBIDDEN",
      /session's expert/,
    );
    expect(message).toBe("Only the session's expert can start it.");
  });

  it("the other refusals of the rules agree too", async () => {
    const paid = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    const free = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }, 2));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${free}/enroll`, { as: "priya" }), 200);
    const cancelled = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }, 3));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${cancelled}/cancel`, { as: "deepak" }), 200);

    const cases: [string, [HttpMethod, string, RestOptions?], () => Promise<GraphQLResponse>, number, string, RegExp][] = [
      ["anonymous enroll", ["POST", `/api/live/sessions/${free}/enroll`], () => t.app.gql(ENROLL, { sessionId: free }, null), 401, "UNAUTHENTICATED", /Sign in/],
      [
        "a student creates",
        ["POST", "/api/live/sessions", { as: "priya", body: seedCreateBody(t.app.clock) }],
        () => t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock) }, "priya"),
        403,
        "FORBIDDEN",
        /Only experts/,
      ],
      [
        "a too-short title",
        ["POST", "/api/live/sessions", { as: "deepak", body: seedCreateBody(t.app.clock, { title: "ab" }) }],
        () => t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock, { title: "ab" }) }, "deepak"),
        400,
        "BAD_USER_INPUT",
        /title must be at least 3 characters/,
      ],
      [
        "a start in the past",
        ["POST", "/api/live/sessions", { as: "deepak", body: seedCreateBody(t.app.clock, { scheduledStartTime: "2025-11-01T08:00:00Z", scheduledEndTime: "2025-11-01T09:00:00Z" }) }],
        () => t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock, { scheduledStartTime: "2025-11-01T08:00:00Z", scheduledEndTime: "2025-11-01T09:00:00Z" }) }, "deepak"),
        400,
        "BAD_USER_INPUT",
        /must be in the future/,
      ],
      [
        "a list limit over 100",
        ["GET", "/api/live/sessions?limit=101"],
        () => t.app.gql(LIST_SESSIONS, { limit: 101 }, null),
        400,
        "BAD_USER_INPUT",
        /limit must be a whole number between 1 and 100/,
      ],
      [
        "a priced session without a payment",
        ["POST", `/api/live/sessions/${paid}/enroll`, { as: "tom" }],
        () => t.app.gql(ENROLL, { sessionId: paid }, "lena"),
        400,
        "BAD_USER_INPUT",
        /costs 499 INR/,
      ],
      [
        "an expert enrolling in their own session",
        ["POST", `/api/live/sessions/${free}/enroll`, { as: "deepak" }],
        () => t.app.gql(ENROLL, { sessionId: free }, "deepak"),
        403,
        "FORBIDDEN",
        /experts do not enroll in their own sessions/,
      ],
      [
        "a join token before the start",
        ["POST", `/api/live/sessions/${free}/join-token`, { as: "priya" }],
        () => t.app.gql(JOIN_TOKEN, { sessionId: free }, "priya"),
        400,
        "FAILED_PRECONDITION",
        /has not started yet/,
      ],
      [
        "a join token without enrolling",
        ["POST", `/api/live/sessions/${free}/join-token`, { as: "tom" }],
        () => t.app.gql(JOIN_TOKEN, { sessionId: free }, "tom"),
        403,
        "FORBIDDEN",
        /Enroll first/,
      ],
      [
        "ending a session that has not started",
        ["POST", `/api/live/sessions/${free}/end`, { as: "deepak" }],
        () => t.app.gql(END_SESSION, { id: free }, "deepak"),
        400,
        "FAILED_PRECONDITION",
        /Cancel it instead/,
      ],
      [
        "cancelling twice",
        ["POST", `/api/live/sessions/${cancelled}/cancel`, { as: "deepak" }],
        () => t.app.gql(CANCEL_SESSION, { id: cancelled }, "deepak"),
        400,
        "FAILED_PRECONDITION",
        /already cancelled/,
      ],
      [
        "an unknown session",
        ["POST", `/api/live/sessions/${UNKNOWN_ID}/start`, { as: "deepak" }],
        () => t.app.gql(START_SESSION, { id: UNKNOWN_ID }, "deepak"),
        404,
        "NOT_FOUND",
        new RegExp(`No live session has the id "${UNKNOWN_ID}"`),
      ],
    ];
    for (const [label, restCall, graphqlCall, status, code, message] of cases) {
      const restMessage = expectFailure(await rest(t.app, restCall[0], restCall[1], restCall[2]), status, message);
      const gqlError = expectGqlError(await graphqlCall(), code, message);
      expect(restMessage, label).toBe(gqlError.message);
    }
  });

  it("an expired token: 401 ↔ UNAUTHENTICATED with the same words", async () => {
    const expired = await t.app.tokenFor("deepak", { expiresInSeconds: -60 });
    const restMessage = expectFailure(
      await rest(t.app, "POST", "/api/live/sessions", { body: seedCreateBody(t.app.clock), headers: { authorization: `Bearer ${expired}` } }),
      401,
      /expired/,
    );
    const gql = await postGraphQL(t.app, CREATE_SESSION, { authorization: `Bearer ${expired}` }, { input: createInput(t.app.clock) });
    expect(gql.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(gql.errors?.[0]?.message).toBe(restMessage);
  });

  it("100ms down on start: 503 ↔ UPSTREAM_UNAVAILABLE, and neither changes the session", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    t.app.emulator.failNext("POST /rooms", { status: 500 });
    t.app.emulator.failNext("POST /rooms", { status: 500 });
    const message = await expectSameError(
      ["POST", `/api/live/sessions/${id}/start`, { as: "deepak" }],
      () => t.app.gql(START_SESSION, { id }, "deepak"),
      503,
      "UPSTREAM_UNAVAILABLE",
      /video service \(100ms\) could not create the video room/,
    );
    expect(message).toMatch(/Nothing was changed/);
    expect((await graphqlSession(id, "deepak")).status).toBe("scheduled");
    expect((await restSession(id, "deepak")).status).toBe("scheduled");
  });
});
