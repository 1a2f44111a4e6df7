/**
 * Every rule of the domain, seen through GraphQL: the `extensions.code` it answers with
 * and a message a person can act on (asserted on a key phrase).
 */
import { describe, expect, it } from "vitest";
import {
  CANCEL_SESSION,
  CREATE_SESSION,
  END_SESSION,
  ENROLL,
  GET_SESSION,
  JOIN_TOKEN,
  LIST_SESSIONS,
  START_SESSION,
  createInput,
  createSessionId,
  expectGqlError,
} from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";

const t = useTestApp();


const HOUR = 3_600_000;
const UNKNOWN_ID = "ses_doesnotexist0000";

const roomsOf = (sessionId: string) => t.app.emulator.rooms().filter((r) => r.name === `live-session-${sessionId}`);

async function statusOf(id: string): Promise<string> {
  return (await t.app.gqlOk(GET_SESSION, { id }, null)).session!.status;
}

async function totalSessions(): Promise<number> {
  return (await t.app.gqlOk(LIST_SESSIONS, { limit: 100 }, null)).sessions.total;
}


describe("UNAUTHENTICATED: mutations without a token", () => {
  it("refuses createSession and creates nothing", async () => {
    const res = await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock) }, null);
    expectGqlError(res, "UNAUTHENTICATED", /Sign in/);
    expect(res.data).toBeNull();
    expect(await totalSessions()).toBe(0);
  });

  it.each([
    ["startSession", START_SESSION, "id"],
    ["endSession", END_SESSION, "id"],
    ["cancelSession", CANCEL_SESSION, "id"],
    ["enroll", ENROLL, "sessionId"],
    ["joinToken", JOIN_TOKEN, "sessionId"],
  ])("refuses %s on an existing session and leaves it as it was", async (field, document, argument) => {
    const id = await createSessionId(t.app);
    const res = await t.app.gql(document, { [argument]: id }, null);
    const error = expectGqlError(res, "UNAUTHENTICATED", /Sign in/);
    expect(error.path).toEqual([field]);
    expect(await statusOf(id)).toBe("SCHEDULED");
    expect((await t.app.gqlOk(GET_SESSION, { id }, null)).session!.enrolledCount).toBe(0);
  });
});

describe("UNAUTHENTICATED comes before NOT_FOUND", () => {
  it.each([
    ["startSession", START_SESSION, "id"],
    ["endSession", END_SESSION, "id"],
    ["cancelSession", CANCEL_SESSION, "id"],
    ["enroll", ENROLL, "sessionId"],
    ["joinToken", JOIN_TOKEN, "sessionId"],
  ])("%s without a token on an unknown id asks the caller to sign in", async (_field, document, argument) => {
    expectGqlError(await t.app.gql(document, { [argument]: UNKNOWN_ID }, null), "UNAUTHENTICATED", /Sign in/);
  });
});

describe("FORBIDDEN", () => {
  it("a student cannot create a session", async () => {
    expectGqlError(await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock) }, "priya"), "FORBIDDEN", /Only experts/);
    expect(await totalSessions()).toBe(0);
  });

  it("an admin who is not an expert cannot create a session", async () => {
    expectGqlError(await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock) }, "admin"), "FORBIDDEN", /Only experts/);
  });

  it("an expert cannot set featured; an admin expert can", async () => {
    const res = await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock, { featured: true }) }, "deepak");
    expectGqlError(res, "FORBIDDEN", /Only admins can feature/);
    expect(await totalSessions()).toBe(0);

    const adminExpert = { sub: "test|admin-expert", name: "Ana Admin", roles: ["expert", "admin"] };
    const ok = await t.app.gqlOk(CREATE_SESSION, { input: createInput(t.app.clock, { featured: true }) }, adminExpert);
    expect(ok.createSession.featured).toBe(true);
    const featured = await t.app.gqlOk(LIST_SESSIONS, { featured: true }, null);
    expect(featured.sessions.total).toBe(1);
  });

  it("another expert cannot start, end or cancel the session", async () => {
    const id = await createSessionId(t.app);
    expectGqlError(await t.app.gql(START_SESSION, { id }, "meera"), "FORBIDDEN", /Only the session's expert can start/);
    expectGqlError(await t.app.gql(CANCEL_SESSION, { id }, "meera"), "FORBIDDEN", /Only the session's expert \(or an admin\) can cancel/);
    expect(await statusOf(id)).toBe("SCHEDULED");
    expect(roomsOf(id)).toHaveLength(0);

    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(END_SESSION, { id }, "meera"), "FORBIDDEN", /Only the session's expert can end/);
    expect(await statusOf(id)).toBe("LIVE");
  });

  it("a student cannot start, end or cancel the session", async () => {
    const id = await createSessionId(t.app);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expectGqlError(await t.app.gql(START_SESSION, { id }, "priya"), "FORBIDDEN", /Only the session's expert/);
    expectGqlError(await t.app.gql(END_SESSION, { id }, "priya"), "FORBIDDEN", /Only the session's expert/);
    expectGqlError(await t.app.gql(CANCEL_SESSION, { id }, "priya"), "FORBIDDEN", /Only the session's expert/);
    expect(await statusOf(id)).toBe("SCHEDULED");
  });

  it("a user who is not enrolled gets no join token, nor does another expert", async () => {
    const id = await createSessionId(t.app);
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(JOIN_TOKEN, { sessionId: id }, "tom"), "FORBIDDEN", /Enroll first/);
    expectGqlError(await t.app.gql(JOIN_TOKEN, { sessionId: id }, "meera"), "FORBIDDEN", /Enroll first/);
  });

  it("an expert cannot enroll in their own session", async () => {
    const id = await createSessionId(t.app);
    expectGqlError(await t.app.gql(ENROLL, { sessionId: id }, "deepak"), "FORBIDDEN", /experts do not enroll in their own sessions/);
    expect((await t.app.gqlOk(GET_SESSION, { id }, null)).session!.enrolledCount).toBe(0);
  });
});

describe("NOT_FOUND: an unknown session id", () => {
  it.each([
    ["startSession", START_SESSION, "id", "deepak"],
    ["endSession", END_SESSION, "id", "deepak"],
    ["cancelSession", CANCEL_SESSION, "id", "deepak"],
    ["enroll", ENROLL, "sessionId", "priya"],
    ["joinToken", JOIN_TOKEN, "sessionId", "priya"],
  ] as const)("%s answers NOT_FOUND naming the id", async (field, document, argument, as) => {
    const error = expectGqlError(await t.app.gql(document, { [argument]: UNKNOWN_ID }, as), "NOT_FOUND", /No live session has the id/);
    expect(error.message).toContain(UNKNOWN_ID);
    expect(error.path).toEqual([field]);
  });

  it("session(id) answers null, not an error", async () => {
    const res = await t.app.gql(GET_SESSION, { id: UNKNOWN_ID }, null);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ session: null });
  });
});

describe("BAD_USER_INPUT with extensions.fields", () => {
  const at = (ms: number) => new Date(Date.parse("2030-01-15T09:00:00.000Z") + ms).toISOString();

  it.each([
    ["a short title", { title: "ab" }, "title", /title must be at least 3 characters/],
    ["a long title", { title: "x".repeat(121) }, "title", /title must be at most 120/],
    ["a long description", { description: "x".repeat(5001) }, "description", /description must be at most 5000/],
    ["a start in the past", { scheduledStartTime: at(-60_000), scheduledEndTime: at(HOUR) }, "scheduledStartTime", /must be in the future/],
    ["an end before the start", { scheduledStartTime: at(2 * HOUR), scheduledEndTime: at(HOUR) }, "scheduledEndTime", /after scheduledStartTime/],
    ["more than 6 hours", { scheduledStartTime: at(HOUR), scheduledEndTime: at(7 * HOUR + 60_000) }, "scheduledEndTime", /at most 6 hours/],
    ["a start that is not a date", { scheduledStartTime: "tomorrow" }, "scheduledStartTime", /ISO-8601/],
    ["zero seats", { maxParticipants: 0 }, "maxParticipants", /maxParticipants must be at least 1/],
    ["too many seats", { maxParticipants: 100_000 }, "maxParticipants", /maxParticipants can be at most 2500/],
    ["a 1-on-1 with five seats", { sessionType: "ONE_ON_ONE", maxParticipants: 5 }, "maxParticipants", /one seat/],
    ["a negative price", { price: -1 }, "price", /price cannot be negative/],
    ["three decimals", { price: 10.555 }, "price", /at most 2 decimals/],
    ["a huge price", { price: 1e9 }, "price", /price can be at most/],
    ["yen with decimals", { price: 100.5, currency: "JPY" }, "price", /whole number/],
    ["an unknown currency", { currency: "XYZ" }, "currency", /ISO-4217/],
    ["a javascript: thumbnail", { thumbnail: "javascript:alert(1)" }, "thumbnail", /http\(s\) URL/],
    ["too many tags", { metadata: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } }, "metadata.tags", /at most 20 tags/],
    ["a long category", { metadata: { category: "x".repeat(51) } }, "metadata.category", /metadata.category must be at most 50/],
  ])("createSession refuses %s, naming the field", async (_what, overrides, field, message) => {
    const res = await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock, overrides) }, "deepak");
    const error = expectGqlError(res, "BAD_USER_INPUT", message);
    expect(error.extensions?.fields).toEqual(expect.arrayContaining([{ path: field, message: expect.stringMatching(message) }]));
    expect(await totalSessions()).toBe(0);
  });

  it("lists every bad field at once", async () => {
    const res = await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock, { title: "ab", price: -5, currency: "XYZ" }) }, "deepak");
    const error = expectGqlError(res, "BAD_USER_INPUT", /title/);
    const paths = (error.extensions?.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "price", "currency"]));
  });

  it.each([
    ["limit 101", { limit: 101 }, "limit", /limit must be a whole number between 1 and 100/],
    ["limit 0", { limit: 0 }, "limit", /limit must be a whole number between 1 and 100/],
    ["a negative limit", { limit: -1 }, "limit", /limit must be a whole number between 1 and 100/],
    ["a negative skip", { skip: -1 }, "skip", /skip must be a whole number between 0/],
  ])("sessions refuses %s, naming the bound", async (_what, variables, field, message) => {
    const res = await t.app.gql(LIST_SESSIONS, variables, null);
    const error = expectGqlError(res, "BAD_USER_INPUT", message);
    expect(error.extensions?.fields).toEqual([{ path: field, message: expect.stringMatching(message) }]);
    expect(res.data).toBeNull();
  });

  it("sessions accepts the bounds themselves (limit 1 and 100, skip 0)", async () => {
    await createSessionId(t.app);
    for (const limit of [1, 100]) {
      const page = (await t.app.gqlOk(LIST_SESSIONS, { limit, skip: 0 }, null)).sessions;
      expect(page).toMatchObject({ limit, skip: 0, total: 1 });
    }
  });

  it("a non-numeric limit is refused by GraphQL's own type check", async () => {
    const res = await t.app.gql(LIST_SESSIONS, { limit: "ten" }, null);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/\$limit/);
  });

  it("enroll refuses an unknown payment gateway at the GraphQL edge", async () => {
    const id = await createSessionId(t.app, { price: 499 });
    const res = await t.app.gql(ENROLL, { sessionId: id, payment: { paymentId: "pay_1", paymentGateway: "PAYPAL" } }, "priya");
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/PaymentGateway/);
  });

  it("enroll refuses an empty paymentId, naming the field", async () => {
    const id = await createSessionId(t.app, { price: 499 });
    const res = await t.app.gql(ENROLL, { sessionId: id, payment: { paymentId: "", paymentGateway: "STRIPE" } }, "priya");
    const error = expectGqlError(res, "BAD_USER_INPUT", /paymentId is required/);
    expect(error.extensions?.fields).toEqual([{ path: "paymentId", message: "paymentId is required" }]);
  });

  it("a paid session without payment is refused with the price and what to send", async () => {
    const id = await createSessionId(t.app, { price: 499, currency: "INR" });
    const res = await t.app.gql(ENROLL, { sessionId: id }, "priya");
    // The issue asks for "400" here; the domain reports a missing input field (BAD_USER_INPUT).
    const error = expectGqlError(res, "BAD_USER_INPUT", /costs 499 INR.*paymentId and paymentGateway/);
    expect(error.extensions?.fields).toEqual([expect.objectContaining({ path: "paymentId" })]);
    expect((await t.app.gqlOk(GET_SESSION, { id }, null)).session!.enrolledCount).toBe(0);
  });
});

describe("FAILED_PRECONDITION: the session's state does not allow it", () => {
  it("starting an ended session", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    await t.app.gqlOk(END_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(START_SESSION, { id }, "deepak"), "FAILED_PRECONDITION", /already ended; it cannot be started again/);
    expect(await statusOf(id)).toBe("ENDED");
  });

  it("starting a cancelled session", async () => {
    const id = await createSessionId(t.app);
    await t.app.gqlOk(CANCEL_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(START_SESSION, { id }, "deepak"), "FAILED_PRECONDITION", /was cancelled; it cannot be started/);
    expect(roomsOf(id)).toHaveLength(0);
  });

  it("starting after the scheduled end has passed", async () => {
    const id = await createSessionId(t.app, {}, 1);
    t.app.clock.advance(2 * HOUR);
    expectGqlError(await t.app.gql(START_SESSION, { id }, "deepak"), "FAILED_PRECONDITION", /scheduled end time has passed/);
    expect(await statusOf(id)).toBe("SCHEDULED");
    expect(roomsOf(id)).toHaveLength(0);
  });

  it("enrolling in a full session", async () => {
    const id = await createSessionId(t.app, { maxParticipants: 1 });
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expectGqlError(await t.app.gql(ENROLL, { sessionId: id }, "tom"), "SESSION_FULL", /full; no seats are left/);
    const session = (await t.app.gqlOk(GET_SESSION, { id }, null)).session!;
    expect(session).toMatchObject({ enrolledCount: 1, seatsLeft: 0 });
  });

  it("enrolling in a 1-on-1 that is taken", async () => {
    const id = await createSessionId(t.app, { sessionType: "ONE_ON_ONE", maxParticipants: null });
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expectGqlError(await t.app.gql(ENROLL, { sessionId: id }, "lena"), "SESSION_FULL", /full/);
  });

  it("enrolling in a cancelled session", async () => {
    const id = await createSessionId(t.app);
    await t.app.gqlOk(CANCEL_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(ENROLL, { sessionId: id }, "priya"), "FAILED_PRECONDITION", /cancelled; enrollment is closed/);
  });

  it("enrolling in an ended session", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    await t.app.gqlOk(END_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(ENROLL, { sessionId: id }, "priya"), "FAILED_PRECONDITION", /has ended; enrollment is closed/);
  });

  it("enrolling in a live session is allowed", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    const enrolled = await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expect(enrolled.enroll.session).toMatchObject({ status: "LIVE", enrolledCount: 1 });
  });

  it("asking for a join token before the session starts", async () => {
    const id = await createSessionId(t.app);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    expectGqlError(await t.app.gql(JOIN_TOKEN, { sessionId: id }, "priya"), "FAILED_PRECONDITION", /has not started yet/);
    expectGqlError(await t.app.gql(JOIN_TOKEN, { sessionId: id }, "deepak"), "FAILED_PRECONDITION", /has not started yet/);
  });

  it("asking for a join token after the session ended", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    await t.app.gqlOk(END_SESSION, { id }, "deepak");
    expectGqlError(await t.app.gql(JOIN_TOKEN, { sessionId: id }, "priya"), "FAILED_PRECONDITION", /room is closed/);
  });

  it("asking for a join token past the 6-hour limit plus an hour", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    t.app.clock.advance(7 * HOUR + 1000);
    expectGqlError(await t.app.gql(JOIN_TOKEN, { sessionId: id }, "priya"), "FAILED_PRECONDITION", /6-hour limit/);
  });

  it("asking for a join token in the last second before the limit: a precondition, never an internal error", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    // Start off a whole second, so the limit (actual start + 7 h) is too.
    t.app.clock.advance(500);
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    // 300 ms before the limit: the token could live less than the one second a 100ms token needs.
    t.app.clock.advance(7 * HOUR - 300);
    const res = await t.app.gql(JOIN_TOKEN, { sessionId: id }, "priya");
    // Whatever the answer, no internals reach the caller.
    expect(JSON.stringify(res.errors)).not.toMatch(/RangeError|joinToken:|expiresAt must be|stack/);
    expectGqlError(res, "FAILED_PRECONDITION", /6-hour limit/);
  });

  it("ending a session that has not started", async () => {
    const id = await createSessionId(t.app);
    expectGqlError(await t.app.gql(END_SESSION, { id }, "deepak"), "FAILED_PRECONDITION", /not started yet\. Cancel it instead/);
    expect(await statusOf(id)).toBe("SCHEDULED");
  });

  it("cancelling a live session, or cancelling twice", async () => {
    const live = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(START_SESSION, { id: live }, "deepak");
    expectGqlError(await t.app.gql(CANCEL_SESSION, { id: live }, "deepak"), "FAILED_PRECONDITION", /only a scheduled session can be cancelled\. End it instead/);
    expect(await statusOf(live)).toBe("LIVE");

    const once = await createSessionId(t.app);
    await t.app.gqlOk(CANCEL_SESSION, { id: once }, "deepak");
    expectGqlError(await t.app.gql(CANCEL_SESSION, { id: once }, "deepak"), "FAILED_PRECONDITION", /already cancelled/);
  });
});

describe("UPSTREAM_UNAVAILABLE: 100ms fails", () => {
  it("creating the room fails: the caller is told to retry and the session stays SCHEDULED", async () => {
    const id = await createSessionId(t.app, {}, 1);
    t.app.emulator.failNext("POST /rooms", { status: 500 });
    const res = await t.app.gql(START_SESSION, { id }, "deepak");
    const error = expectGqlError(res, "UPSTREAM_UNAVAILABLE", /could not create the video room.*try again/);
    expect(error.extensions?.retryable).toBe(true);
    expect(error.message).not.toMatch(/emulated fault|127\.0\.0\.1|\/v2\//);
    expect(res.data).toBeNull();

    const after = (await t.app.gqlOk(GET_SESSION, { id }, "deepak")).session!;
    expect(after).toMatchObject({ status: "SCHEDULED", actualStartTime: null, hmsDetails: null });

    // Once 100ms is back, a retry starts the session.
    const retried = (await t.app.gqlOk(START_SESSION, { id }, "deepak")).startSession;
    expect(retried.session.status).toBe("LIVE");
    expect(roomsOf(id)).toHaveLength(1);
  });

  it("creating the room code fails after the room exists: the retry finds the same room", async () => {
    const id = await createSessionId(t.app, {}, 1);
    t.app.emulator.failNext("POST /room-codes/room/:id/role/:role", { status: 503 });
    expectGqlError(await t.app.gql(START_SESSION, { id }, "deepak"), "UPSTREAM_UNAVAILABLE", /try again/);
    expect(await statusOf(id)).toBe("SCHEDULED");
    expect(roomsOf(id)).toHaveLength(1);

    const retried = (await t.app.gqlOk(START_SESSION, { id }, "deepak")).startSession;
    expect(retried.roomId).toBe(roomsOf(id)[0]!.id);
    expect(roomsOf(id)).toHaveLength(1);
  });

  it("ending while 100ms is down still ends the session", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(START_SESSION, { id }, "deepak");
    t.app.emulator.setFault("*", { status: 503 });
    t.app.clock.advance(20 * 60_000);
    const ended = await t.app.gqlOk(END_SESSION, { id }, "deepak");
    expect(ended.endSession).toMatchObject({ duration: 20, session: { status: "ENDED" } });
  });
});
