/**
 * Idempotency-Key on REST POSTs and GraphQL mutations, through real HTTP: a retry with the same
 * key and body answers the first answer without acting again; another body under the key is 422;
 * keys are each user's own; answers a retry may not meet again are not kept; after 24 hours the
 * key is free again. The race (identical requests at once) needs real PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { purgeExpiredIdempotencyKeys } from "../domain/idempotency/idempotent-requests.js";
import { CREATE_SESSION, createInput, postGraphQL } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { expectFailure, expectSuccess, rest, seedCreateBody } from "../test-support/rest-client.js";
import { realPostgresUrl } from "../test-support/test-database.js";

const t = useTestApp({ maxConnections: 20 });
const HOUR = 3_600_000;

const sessionCount = async () => (await t.database.query<{ n: number }>("select count(*)::int as n from live_sessions"))[0]!.n;
const createWithKey = (key: string, body: Record<string, unknown>, as: "deepak" | "meera" = "deepak") =>
  rest(t.app, "POST", "/api/live/sessions", { as, body, headers: { "idempotency-key": key } });
const gqlCreateWithKey = async (key: string, input: Record<string, unknown>, as: "deepak" | "meera" = "deepak") =>
  postGraphQL(t.app, CREATE_SESSION, { authorization: `Bearer ${await t.app.tokenFor(as)}`, "idempotency-key": key }, { input });

describe("REST POSTs with an Idempotency-Key", () => {
  it("a retry with the same key and body answers the first answer, and creates nothing more", async () => {
    const key = randomUUID();
    const body = seedCreateBody(t.app.clock);
    const first = expectSuccess(await createWithKey(key, body), 201);
    const retry = await createWithKey(key, { ...body });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(expectSuccess(retry, 201)).toEqual(first);
    expect(await sessionCount()).toBe(1);
    // Key order does not make another request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(expectSuccess(await createWithKey(key, reordered), 201).data.session.id).toBe(first.data.session.id);
    // Without a key, the same body acts again, as it always has.
    expectSuccess(await rest(t.app, "POST", "/api/live/sessions", { as: "deepak", body }), 201);
    expect(await sessionCount()).toBe(2);
  });

  it("the same key with another body is 422 IDEMPOTENCY_KEY_REUSED, and changes nothing", async () => {
    const key = randomUUID();
    expectSuccess(await createWithKey(key, seedCreateBody(t.app.clock)), 201);
    const other = await createWithKey(key, seedCreateBody(t.app.clock, { title: "Evening Yin" }));
    expectFailure(other, 422, /already used for a different request/, "IDEMPOTENCY_KEY_REUSED");
    // …and on another route too: the key names one request.
    const id = (await t.database.query<{ id: string }>("select id from live_sessions"))[0]!.id;
    const start = await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak", headers: { "idempotency-key": key } });
    expectFailure(start, 422, /already used for a different request/, "IDEMPOTENCY_KEY_REUSED");
    expect(await sessionCount()).toBe(1);
    expect((await t.database.query<{ status: string }>("select status from live_sessions"))[0]!.status).toBe("scheduled");
  });

  it("a refusal is kept like any answer: the retry of a full session's enroll is the same SESSION_FULL", async () => {
    const id = expectSuccess(await createWithKey(randomUUID(), seedCreateBody(t.app.clock, { price: 0, maxParticipants: 1 })), 201).data.session.id;
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" }), 200);
    const key = randomUUID();
    const enroll = () => rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "tom", headers: { "idempotency-key": key } });
    expectFailure(await enroll(), 400, /full/, "SESSION_FULL");
    const again = await enroll();
    expectFailure(again, 400, /full/, "SESSION_FULL");
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("keys are each user's own: another expert's same key acts for them", async () => {
    const key = randomUUID();
    const body = seedCreateBody(t.app.clock);
    const deepaks = expectSuccess(await createWithKey(key, body, "deepak"), 201);
    const meeras = await createWithKey(key, body, "meera");
    expect(meeras.headers.get("idempotent-replayed")).toBeNull();
    expect(expectSuccess(meeras, 201).data.session.id).not.toBe(deepaks.data.session.id);
    expect(expectSuccess(meeras, 201).data.session.expertName).toBe("Meera Iyer");
    expect(await sessionCount()).toBe(2);
  });

  it("a malformed key is 400 BAD_USER_INPUT naming the header, and nothing is created", async () => {
    const res = await createWithKey("x".repeat(256), seedCreateBody(t.app.clock));
    expectFailure(res, 400, /Idempotency-Key header must be 1 to 255 visible ASCII characters/, "BAD_USER_INPUT");
    expect(res.body.fields).toEqual([{ path: "Idempotency-Key", message: expect.any(String) }]);
    expect(await sessionCount()).toBe(0);
  });

  it("an answer a retry may not meet again (100ms unavailable) is not kept: the retry acts", async () => {
    const key = randomUUID();
    const body = seedCreateBody(t.app.clock);
    // 100ms refuses to open the room once: 503, and the retry with the same key starts it.
    const id = expectSuccess(await createWithKey(randomUUID(), body), 201).data.session.id;
    t.app.emulator.failNext("POST /rooms", { status: 503 });
    const start = () => rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak", headers: { "idempotency-key": key } });
    expectFailure(await start(), 503, /./, "UPSTREAM_UNAVAILABLE");
    const retried = await start();
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(expectSuccess(retried, 200).data.roomId).toEqual(expect.any(String));
  });

  it("after 24 hours the key is free again, and the purge forgets it", async () => {
    const key = randomUUID();
    const body = seedCreateBody(t.app.clock, {}, 3);
    expectSuccess(await createWithKey(key, body), 201);
    t.app.clock.advance(25 * HOUR);
    const later = await createWithKey(key, body);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expectSuccess(later, 201);
    expect(await sessionCount()).toBe(2);
    t.app.clock.advance(25 * HOUR);
    expect(await purgeExpiredIdempotencyKeys(t.app.composition.deps)).toBe(1);
    expect((await t.database.query<{ n: number }>("select count(*)::int as n from idempotency_keys"))[0]!.n).toBe(0);
  });
});

describe("GraphQL mutations with an Idempotency-Key", () => {
  it("a retry with the same key and variables answers the first answer; other variables are 422", async () => {
    const key = randomUUID();
    const input = createInput(t.app.clock);
    const first = await gqlCreateWithKey(key, input);
    expect(first.errors).toBeUndefined();
    const retry = await gqlCreateWithKey(key, input);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.data).toEqual(first.data);
    expect(await sessionCount()).toBe(1);

    const other = await gqlCreateWithKey(key, { ...input, title: "Evening Yin" });
    expect(other.status).toBe(422);
    expect(other.data).toBeUndefined();
    expect(other.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await sessionCount()).toBe(1);
  });

  it("queries pass untouched: the key is not spent on them", async () => {
    const key = randomUUID();
    const query = await postGraphQL(t.app, "{ sessions { total } }", { authorization: `Bearer ${await t.app.tokenFor("deepak")}`, "idempotency-key": key });
    expect(query.data).toEqual({ sessions: { total: 0 } });
    expect((await gqlCreateWithKey(key, createInput(t.app.clock))).errors).toBeUndefined();
  });
});

describe.skipIf(!realPostgresUrl())("identical requests at once (need real PostgreSQL: set DATABASE_URL)", () => {
  it("ten identical creates with one key at once make one session, and all ten get its answer", async () => {
    const key = randomUUID();
    const body = seedCreateBody(t.app.clock);
    const answers = await Promise.all(Array.from({ length: 10 }, () => createWithKey(key, body)));
    const ids = answers.map((a) => expectSuccess(a, 201).data.session.id);
    expect(new Set(ids).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === null)).toHaveLength(1);
    expect(await sessionCount()).toBe(1);
  });

  it("ten identical GraphQL creates with one key at once make one session", async () => {
    const key = randomUUID();
    const input = createInput(t.app.clock);
    const answers = await Promise.all(Array.from({ length: 10 }, () => gqlCreateWithKey(key, input)));
    expect(new Set(answers.map((a) => (a.data as { createSession: { id: string } }).createSession.id)).size).toBe(1);
    expect(await sessionCount()).toBe(1);
  });
});
