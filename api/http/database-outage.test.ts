/**
 * PostgreSQL goes away and comes back while the app runs. The app reaches its (fresh)
 * database through a TCP proxy in this test, which is cut and restored: the shared
 * PostgreSQL server other tests use is never touched. Needs real PostgreSQL.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.js";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../errors-map.js";
import { ENROLL, LIST_SESSIONS } from "../test-support/graphql-documents.js";
import { hmsWebhooks } from "../test-support/hms-webhook-payloads.js";
import { TEST_START } from "../test-support/hooks.js";
import { createSessionRest, expectFailure, expectSuccess, freeSessionBody, rest } from "../test-support/rest-client.js";
import { startTcpProxy, type TcpProxy } from "../test-support/tcp-proxy.js";
import { startTestApp, type Caller, type TestApp } from "../test-support/test-app.js";
import { captureLogs, LEVEL } from "../test-support/captured-logs.js";
import { tinyRemixBuild } from "../test-support/tiny-remix-build.js";
import { outcome, webContextAs } from "../test-support/web-context.js";
import * as browse from "../../web/routes/app.live._index.js";
import { OUTAGE_ADVICE, OUTAGE_TITLE } from "./outage-page.js";
import { escapeHtml } from "./plain-page.js";
import { createWebRouter } from "./web.js";
import { openTestDatabase, realPostgresUrl, type TestDatabase } from "../test-support/test-database.js";

const serverUrl = realPostgresUrl();
/** However the database fails, an answer comes within this (the readiness ping's deadline is 2 s). */
const BOUND_MS = 4000;
const WEBHOOK_SECRET = "outage-test-webhook-secret-0123456789";

describe.skipIf(!serverUrl)("the database goes away and comes back (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = {} as { database: TestDatabase; proxy: TcpProxy; app: TestApp; closeAppDatabase(): Promise<void> };
  const logs = captureLogs("info");

  beforeAll(async () => {
    t.database = await openTestDatabase();
    const direct = new URL(t.database.url!);
    t.proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = await openDatabase({ kind: "postgres", url: t.proxy.proxiedUrl(t.database.url!), maxConnections: 10 });
    t.closeAppDatabase = () => viaProxy.close();
    t.app = await startTestApp({ ...viaProxy, truncate: () => t.database.truncate() }, { env: { HMS_WEBHOOK_SECRET: WEBHOOK_SECRET }, logger: logs.logger });
  });
  afterAll(async () => {
    await t.app?.close();
    await t.closeAppDatabase?.();
    await t.proxy?.close();
    await t.database?.close();
  });
  beforeEach(async () => {
    await t.proxy.restore();
    await waitUntilReady();
    await t.database.truncate();
    t.app.clock.set(TEST_START);
  });

  async function timed<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const value = await run();
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    return value;
  }

  const get = (path: string) => timed(() => fetch(`${t.app.url}${path}`).then(async (r) => ({ status: r.status, body: await r.json() })));

  /** The service must come back by itself: /readyz turns 200 without anyone restarting it. */
  async function waitUntilReady(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const ready = await fetch(`${t.app.url}/readyz`);
      if (ready.status === 200) return Date.now() - started;
      expect(Date.now() - started, "the service did not recover by itself within 10 s").toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const student = (n: number): Exclude<Caller, null> => ({ sub: `test|outage-student-${n}`, name: `Student ${n}`, roles: [] });
  const enroll = (id: string, as: Exclude<Caller, null>) => rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as });
  const participants = async (id: string) =>
    (await t.database.query<{ n: number }>("select count(*)::int as n from live_session_participants where session_id = $1", [id]))[0]!.n;
  const enrolledCount = async (id: string) =>
    (await t.database.query<{ enrolled_count: number }>("select enrolled_count from live_sessions where id = $1", [id]))[0]!.enrolled_count;

  it("while it is away every face answers 503 in its own envelope, /readyz is not ready, /healthz is alive; then it recovers by itself with nothing lost", async () => {
    const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
    expectSuccess(await enroll(id, "priya"), 200);
    expect(await get("/readyz")).toEqual({ status: 200, body: { status: "ready" } });
    await t.app.tokenFor("tom");

    await t.proxy.cut();

    expect(await get("/healthz")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await get("/readyz")).toEqual({ status: 503, body: { status: "not ready", reason: "The database is not answering." } });

    // REST: anonymous reads, and a signed-in write (which fails finding the viewer).
    const list = await timed(() => rest(t.app, "GET", "/api/live/sessions"));
    expectFailure(list, 503, DATABASE_UNAVAILABLE_MESSAGE);
    expect(list.headers.get("retry-after")).toBe("30");
    expectFailure(await timed(() => rest(t.app, "GET", `/api/live/sessions/${id}`)), 503, DATABASE_UNAVAILABLE_MESSAGE);
    expectFailure(await timed(() => enroll(id, "tom")), 503, DATABASE_UNAVAILABLE_MESSAGE);

    // GraphQL: the same 503, with the code in extensions, for a query and a signed-in mutation.
    for (const [query, variables, as] of [
      [LIST_SESSIONS, { limit: 5 }, null],
      [ENROLL, { sessionId: id }, "tom"],
    ] as const) {
      const res = await timed(() => t.app.gql(query, variables, as));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(res.errors).toEqual([
        expect.objectContaining({ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE", retryable: true } }),
      ]);
      expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|CONNECTION_|127\.0\.0\.1|select |Failed query/);
    }

    // 100ms's webhooks: 503, so 100ms delivers again later.
    const delivery = hmsWebhooks.sessionOpen({ roomId: "room-outage", roomName: "live-session-x", sessionId: "hms-session-1", sessionStartedAt: new Date() });
    const deliver = () =>
      timed(() =>
        fetch(`${t.app.url}/api/webhooks/100ms`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-webhook-secret": WEBHOOK_SECRET },
          body: JSON.stringify(delivery),
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      );
    expect(await deliver()).toEqual({ status: 503, body: { error: "The database is unavailable; the webhook will be retried." } });

    await t.proxy.restore();
    await waitUntilReady();
    expect((await deliver()).status).toBe(200);

    // Nothing from before is lost, and the refused enrollment goes through on a retry.
    expectSuccess(await enroll(id, "tom"), 200);
    const session = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200).data.session;
    expect(session.enrolledCount).toBe(2);
    expect(session.participants.map((p: { userName: string }) => p.userName).sort()).toEqual(["Priya Sharma", "Tom Becker"].sort());
    expect(await participants(id)).toBe(2);
  });

  it("pages answer a 503 page saying the service is briefly unavailable (never a 500), and every 503 is logged as a warning", async () => {
    // The web face as compose() mounts it behind the app, over a real Remix handler whose
    // browse route is the web app's own (its loader asks GraphQL in-process). `x-as` signs in.
    const tiny = tinyRemixBuild({});
    const build = { ...tiny, routes: { ...tiny.routes, "routes/app.live._index": { id: "routes/app.live._index", parentId: "root", path: "app/live", module: browse as never } } };
    const web = createWebRouter(build, async (req) => webContextAs(t.app, req.headers["x-as"] ? "priya" : null), { secure: false });
    const server: Server = await new Promise((resolve) => {
      const s = express().use(t.app.composition.app).use(web).listen(0, "127.0.0.1", () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await timed(() => fetch(`${base}/app/live`))).status).toBe(200);
      await t.proxy.cut();
      logs.clear();

      // A visitor: the page's data cannot be read; Remix answers the web app's 503 (its error page says why).
      const visitor = await timed(() => fetch(`${base}/app/live`));
      expect(visitor.status).toBe(503);
      // A signed-in person: finding who they are already fails; the outage page answers.
      const signedIn = await timed(() => fetch(`${base}/app/live`, { headers: { "x-as": "priya" } }));
      expect(signedIn.status).toBe(503);
      expect(signedIn.headers.get("content-type")).toMatch(/^text\/html/);
      expect(signedIn.headers.get("retry-after")).toBe("30");
      const html = await signedIn.text();
      expect(html).toContain(`<h1>${OUTAGE_TITLE}</h1>`);
      expect(html).toContain(escapeHtml(OUTAGE_ADVICE));
      expect(html).not.toMatch(/ECONNREFUSED|CONNECTION_|127\.0\.0\.1|stack|at /);
      // The loader's own answer, as the web app's error boundary receives it.
      const { response } = await outcome(async () =>
        browse.loader({ request: new Request("http://app.test/app/live"), params: {}, context: await webContextAs(t.app, null) } as never),
      );
      expect(response?.status).toBe(503);
      expect(response?.headers.get("retry-after")).toBe("30");
      expect(await response?.text()).toBe(DATABASE_UNAVAILABLE_MESSAGE);

      // REST and GraphQL answer their 503s too; the access log says "warn" for each, nobody says "error".
      expect((await timed(() => rest(t.app, "GET", "/api/live/sessions"))).status).toBe(503);
      expect((await timed(() => t.app.gql(LIST_SESSIONS, { limit: 5 }))).status).toBe(503);
      const answered = logs.lines().filter((l) => l.res?.statusCode === 503);
      expect(answered.map((l) => l.req?.url)).toEqual(["/app/live", "/app/live", "/api/live/sessions", "/graphql"]);
      expect(answered.map((l) => l.level)).toEqual(answered.map(() => LEVEL.warn));
      expect(logs.lines().filter((l) => l.level >= LEVEL.error)).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it("enrollments in flight when it goes: each answered 200 or 503 (never 500), and retrying the 503s afterwards seats everyone exactly once", async () => {
    const id = await createSessionRest(t.app, freeSessionBody(t.app.clock, { maxParticipants: 100 }));
    const students = Array.from({ length: 60 }, (_, i) => student(i));
    await Promise.all(students.map((s) => t.app.tokenFor(s)));

    const before = await Promise.all(students.slice(0, 20).map((s) => enroll(id, s)));
    // The connection drops as soon as the first of these is answered: the others are on
    // their way (some mid-transaction).
    const racingAnswers = students.slice(20, 40).map((s) => enroll(id, s));
    await Promise.race(racingAnswers);
    await t.proxy.cut();
    const during = await timed(() => Promise.all(students.slice(40).map((s) => enroll(id, s))));
    const across = await timed(() => Promise.all(racingAnswers));

    expect(before.map((a) => a.status)).toEqual(before.map(() => 200));
    expect(during.map((a) => a.status)).toEqual(during.map(() => 503));
    for (const a of across) expect([200, 503], a.text).toContain(a.status);
    expect(across.some((a) => a.status === 200)).toBe(true);

    await t.proxy.restore();
    await waitUntilReady();
    const answers = [...before, ...across, ...during];
    const retried = await Promise.all(students.map((s, i) => (answers[i]!.status === 503 ? enroll(id, s) : Promise.resolve(answers[i]!))));
    expect(retried.map((a) => a.status)).toEqual(students.map(() => 200));
    expect(new Set(retried.map((a) => a.body.data.participantId)).size).toBe(60);
    expect(await participants(id)).toBe(60);
    expect(await enrolledCount(id)).toBe(60);
  });

  it("PostgreSQL terminating every connection (a restart, 57P01): requests see 503 at worst, never 500, and the pool reconnects", async () => {
    const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    try {
      const name = new URL(t.database.url!).pathname.slice(1);
      const list = () => rest(t.app, "GET", "/api/live/sessions");
      const inFlight = Promise.all(Array.from({ length: 20 }, list));
      const [terminated] = await admin<{ n: number }[]>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
      expect(terminated!.n).toBeGreaterThan(0);
      for (const a of await inFlight) expect([200, 503], a.text).toContain(a.status);
      await waitUntilReady();
      const after = await Promise.all(Array.from({ length: 5 }, list));
      expect(after.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(after[0]!.body.data.map((s: { id: string }) => s.id)).toContain(id);
    } finally {
      await admin.end();
    }
  });
});
