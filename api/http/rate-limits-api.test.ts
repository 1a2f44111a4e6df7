/**
 * The per-user rate limits as each face of the service answers them: REST 429 with a
 * Retry-After header in the seed's envelope, GraphQL RATE_LIMITED with `retryAfter`, the
 * web app's token route 429 and its forms the message. One counter behind all of them.
 */
import { describe, expect, it } from "vitest";
import { CREATE_SESSION, ENROLL, JOIN_TOKEN, createInput } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { expectFailure, expectSuccess, rest } from "../test-support/rest-client.js";
import { sessionInput } from "../test-support/service-harness.js";
import { outcome, webContextAs } from "../test-support/web-context.js";
import * as sessionPage from "../../web/routes/app.live.$id.js";
import * as tokenRoute from "../../web/routes/app.live.$id.token.js";

const t = useTestApp({
  env: { RATE_LIMIT_WINDOW_SECONDS: "3600", RATE_LIMIT_CREATE_SESSION: "3", RATE_LIMIT_ENROLL: "2", RATE_LIMIT_JOIN_TOKEN: "2" },
});

const createRest = (as: "deepak" | "meera" = "deepak") => rest(t.app, "POST", "/api/live/sessions", { as, body: sessionInput(t.app.clock) });
const createGql = (as: "deepak" | "meera" = "deepak") => t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock) }, as);

/** A live session of deepak's with priya enrolled, made through the services (which count too). */
async function liveSession() {
  const services = t.app.composition.services;
  const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", email: "deepak@example.com", roles: ["expert"] });
  const priya = await services.resolveViewer({ subject: "local|priya", name: "Priya Sharma", email: "priya@example.com", roles: [] });
  const created = await services.createSession(deepak, sessionInput(t.app.clock, {}, 1));
  await services.enroll(priya, created.id);
  // Experts may start early; the clock stays in the window of these first attempts.
  await services.startSession(deepak, created.id);
  return created.id;
}

describe("REST", () => {
  it("the fourth create in the hour is 429 with Retry-After and the seed's envelope; nothing is created", async () => {
    for (let i = 0; i < 3; i++) {
      expectSuccess(await createRest(), 201);
      t.app.clock.advance(10_000);
    }
    const refused = await createRest();
    expectFailure(refused, 429, /^Too many sessions scheduled: the limit is 3 per hour\. Try again in 60 minutes\.$/);
    expect(refused.headers.get("retry-after")).toBe(String(3600 - 30));
    const listed = await rest(t.app, "GET", "/api/live/sessions?limit=100");
    expect(listed.body.total).toBe(3);
  });

  it("enroll and join-token answer 429 with Retry-After too", async () => {
    const id = await liveSession();
    // priya enrolled once already (in liveSession); the second attempt is her last.
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" }), 200);
    const enroll = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" });
    expectFailure(enroll, 429, /Too many enrollments/);
    expect(Number(enroll.headers.get("retry-after"))).toBeGreaterThan(0);

    for (let i = 0; i < 2; i++) expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/join-token`, { as: "priya" }), 200);
    const token = await rest(t.app, "POST", `/api/live/sessions/${id}/join-token`, { as: "priya" });
    expectFailure(token, 429, /Too many requests to join a video room/);
    expect(token.headers.get("retry-after")).toBe("3600");
  });

  it("the window ends on the test clock", async () => {
    for (let i = 0; i < 3; i++) expectSuccess(await createRest(), 201);
    expect((await createRest()).status).toBe(429);
    t.app.clock.advance(3_600_000);
    expectSuccess(await createRest(), 201);
  });

  it("documents the per-user 429 and its Retry-After header on the three limited routes only (every route has the per-address one)", async () => {
    const doc = (await rest(t.app, "GET", "/api/live/openapi.json")).body;
    const tooMany = (path: string) => doc.paths[path].post.responses["429"];
    expect(tooMany("/api/live/sessions").headers["Retry-After"].schema).toEqual({ type: "integer", minimum: 1 });
    expect(tooMany("/api/live/sessions").description).toMatch(/from this user/);
    expect(tooMany("/api/live/sessions/{id}/enroll").description).toMatch(/from this user/);
    expect(tooMany("/api/live/sessions/{id}/join-token").description).toMatch(/from this user/);
    // Start is not limited per user: only an anonymous caller's address can run out.
    expect(tooMany("/api/live/sessions/{id}/start").description).not.toMatch(/from this user/);
    expect(tooMany("/api/live/sessions/{id}/start").description).toMatch(/without valid credentials from this address/);
    // The limited routes' successful answers carry where the user stands; the others do not.
    const usage = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];
    expect(Object.keys(doc.paths["/api/live/sessions"].post.responses["201"].headers)).toEqual(expect.arrayContaining(usage));
    expect(Object.keys(doc.paths["/api/live/sessions/{id}/enroll"].post.responses["200"].headers)).toEqual(expect.arrayContaining(usage));
    expect(Object.keys(doc.paths["/api/live/sessions/{id}/start"].post.responses["200"].headers)).toEqual(["Idempotent-Replayed"]);
  });
});

describe("GraphQL", () => {
  it("answers RATE_LIMITED with retryAfter in seconds, and creates nothing", async () => {
    for (let i = 0; i < 3; i++) expect((await createGql()).errors).toBeUndefined();
    t.app.clock.advance(90_000);
    const res = await createGql();
    expect(res.data ?? null).toBeNull();
    // The only field asked was refused: the answer is the refusal, as REST's 429 with Retry-After.
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3510");
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toEqual({ code: "RATE_LIMITED", retryAfter: 3510 });
    expect(res.errors![0]!.message).toBe("Too many sessions scheduled: the limit is 3 per hour. Try again in 59 minutes.");
  });

  it("an operation partly refused by a limit answers 200 with what it did, and still says when to come back", async () => {
    for (let i = 0; i < 2; i++) expect((await createGql()).errors).toBeUndefined();
    const input = createInput(t.app.clock);
    const res = await t.app.gql("mutation Two($input: CreateSessionInput!) { a: createSession(input: $input) { id } b: createSession(input: $input) { id } }", { input }, "deepak");
    // Not a refusal as a whole: `a` created the third session (createSession is non-null, so
    // `b`'s refusal nulls the whole data; the session exists all the same).
    expect(res.status).toBe(200);
    expect(res.errors!.map((e) => e.extensions?.code)).toEqual(["RATE_LIMITED"]);
    expect(res.errors![0]!.path).toEqual(["b"]);
    expect(res.headers.get("retry-after")).toBe("3600");
    expect((await rest(t.app, "GET", "/api/live/sessions?limit=100")).body.total).toBe(3);
  });

  it("enroll and joinToken are limited the same way", async () => {
    const id = await liveSession();
    expect((await t.app.gql(ENROLL, { sessionId: id }, "priya")).errors).toBeUndefined();
    expect((await t.app.gql(ENROLL, { sessionId: id }, "priya")).errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED" });
    for (let i = 0; i < 2; i++) expect((await t.app.gql(JOIN_TOKEN, { sessionId: id }, "deepak")).errors).toBeUndefined();
    expect((await t.app.gql(JOIN_TOKEN, { sessionId: id }, "deepak")).errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: 3600 });
  });
});

/** The RateLimit-* headers of a response, as numbers (null when absent). */
const rateLimitHeaders = (headers: Headers) => ({
  limit: headers.get("ratelimit-limit"),
  remaining: headers.get("ratelimit-remaining"),
  reset: headers.get("ratelimit-reset"),
});

describe("RateLimit-* headers before the limit is hit", () => {
  it("REST: each limited answer says the limit, what is left and the seconds until the window closes; the refusal says 0 and Retry-After", async () => {
    expect(rateLimitHeaders((await createRest()).headers)).toEqual({ limit: "3", remaining: "2", reset: "3600" });
    t.app.clock.advance(60_000);
    expect(rateLimitHeaders((await createRest()).headers)).toEqual({ limit: "3", remaining: "1", reset: "3540" });
    expect(rateLimitHeaders((await createRest()).headers)).toEqual({ limit: "3", remaining: "0", reset: "3540" });
    const refused = await createRest();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3540");
    expect(rateLimitHeaders(refused.headers)).toEqual({ limit: "3", remaining: "0", reset: "3540" });
    // A signed-in read counts against no limit, so it carries none of the headers.
    expect(rateLimitHeaders((await rest(t.app, "GET", "/api/live/sessions", { as: "deepak" })).headers)).toEqual({ limit: null, remaining: null, reset: null });
  });

  it("GraphQL: the same headers on createSession, enroll and joinToken, and 429 with Retry-After when refused", async () => {
    const created = await createGql();
    expect(created.status).toBe(200);
    expect(rateLimitHeaders(created.headers)).toEqual({ limit: "3", remaining: "2", reset: "3600" });
    const id = await liveSession();
    // priya's enrollment in liveSession counted (limit 2): this one is her last.
    const enrolled = await t.app.gql(ENROLL, { sessionId: id }, "priya");
    expect(enrolled.errors).toBeUndefined();
    expect(rateLimitHeaders(enrolled.headers)).toEqual({ limit: "2", remaining: "0", reset: "3600" });
    const refused = await t.app.gql(ENROLL, { sessionId: id }, "priya");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(rateLimitHeaders(refused.headers)).toEqual({ limit: "2", remaining: "0", reset: "3600" });
    expect(rateLimitHeaders((await t.app.gql(JOIN_TOKEN, { sessionId: id }, "deepak")).headers)).toEqual({ limit: "2", remaining: "1", reset: "3600" });
    // A query counts against no per-user limit.
    expect(rateLimitHeaders((await t.app.gql("{ sessions { total } }", {}, "deepak")).headers).limit).toBeNull();
  });

  it("GraphQL: two limited mutations in one request answer with the tighter limit", async () => {
    const id = await liveSession();
    const res = await t.app.gql(
      "mutation Both($input: CreateSessionInput!, $id: ID!) { joinToken(sessionId: $id) { token } createSession(input: $input) { id } }",
      { input: createInput(t.app.clock), id },
      "deepak",
    );
    expect(res.errors).toBeUndefined();
    // joinToken: 1 of 2 left; createSession: 1 of 3 left (liveSession made one): the same
    // remaining, so the first met stays.
    expect(rateLimitHeaders(res.headers)).toEqual({ limit: "2", remaining: "1", reset: "3600" });
    const again = await t.app.gql(JOIN_TOKEN, { sessionId: id }, "deepak");
    expect(rateLimitHeaders(again.headers)).toEqual({ limit: "2", remaining: "0", reset: "3600" });
  });
});

describe("one counter per user behind every face", () => {
  it("GraphQL and REST count against the same limit", async () => {
    expect((await createGql()).errors).toBeUndefined();
    expectSuccess(await createRest(), 201);
    expect((await createGql()).errors).toBeUndefined();
    expect((await createRest()).status).toBe(429);
    expect((await createGql()).errors![0]!.extensions?.code).toBe("RATE_LIMITED");
  });

  it("another user has a limit of their own", async () => {
    for (let i = 0; i < 3; i++) expectSuccess(await createRest("deepak"), 201);
    expect((await createRest("deepak")).status).toBe(429);
    expectSuccess(await createRest("meera"), 201);
    expect((await createGql("meera")).errors).toBeUndefined();
  });

  it("the web app: the room's token route answers 429 with Retry-After, the enroll form shows the message", async () => {
    const id = await liveSession();
    const tokenArgs = async () =>
      ({ request: new Request(`http://app.test/app/live/${id}/token`, { method: "POST" }), params: { id }, context: await webContextAs(t.app, "priya") }) as never;
    for (let i = 0; i < 2; i++) expect(((await tokenRoute.action(await tokenArgs())) as Response).status).toBe(200);
    const refused = (await tokenRoute.action(await tokenArgs())) as Response;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(await refused.json()).toEqual({ code: "RATE_LIMITED", error: "Too many requests to join a video room: the limit is 2 per hour. Try again in 60 minutes." });

    const enrollArgs = async () =>
      ({
        request: new Request(`http://app.test/app/live/${id}`, { method: "POST", body: new URLSearchParams({ intent: "enroll" }) }),
        params: { id },
        context: await webContextAs(t.app, "priya"),
      }) as never;
    // Her enrollment in liveSession counted; this is her second and last.
    expect((await outcome(async () => sessionPage.action(await enrollArgs()))).value).toMatchObject({ ok: expect.any(String) });
    expect((await outcome(async () => sessionPage.action(await enrollArgs()))).value).toMatchObject({ error: expect.stringMatching(/^Too many enrollments/) });
  });
});
