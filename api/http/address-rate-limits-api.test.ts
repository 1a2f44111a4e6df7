/**
 * The per-address limits as each face answers them, through real HTTP: REST's envelope,
 * GraphQL's RATE_LIMITED, a page; who is counted (no or invalid credentials, sign-ins) and
 * who is not (signed-in callers, probes, assets); which address is counted (X-Forwarded-For
 * only from TRUST_PROXY's proxies); and, on real PostgreSQL, exactly the limit under a race.
 */
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../auth/web-auth.js";
import { LIST_SESSIONS } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { expectFailure, expectSuccess, rest } from "../test-support/rest-client.js";
import { graphQLText, type TestApp } from "../test-support/test-app.js";
import { realPostgresUrl } from "../test-support/test-database.js";

const LIMITS = { RATE_LIMIT_ANONYMOUS: "3", RATE_LIMIT_SIGN_IN: "2" };
const ANONYMOUS_MESSAGE = "Too many requests from your network address without signing in: the limit is 3 per minute. Try again in 60 seconds, or sign in.";

const list = (app: TestApp, headers: Record<string, string> = {}) => rest(app, "GET", "/api/live/sessions", { headers });
const page = (app: TestApp, path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers, redirect: "manual" });

/** Uses up the anonymous budget of 127.0.0.1 (3 requests) and checks the next is refused. */
async function exhaustAnonymous(app: TestApp) {
  for (let i = 0; i < 3; i++) expectSuccess(await list(app), 200);
  expectFailure(await list(app), 429, ANONYMOUS_MESSAGE);
}

describe("without TRUST_PROXY", () => {
  const t = useTestApp({ env: LIMITS });

  describe("each face answers 429 with Retry-After", () => {
    it("REST: the seed's envelope, and the window ends on the clock", async () => {
      for (let i = 0; i < 3; i++) {
        const res = await list(t.app);
        expectSuccess(res, 200);
        // Before the limit is hit, the RateLimit-* headers say what is left and when the window closes.
        expect([res.headers.get("ratelimit-limit"), res.headers.get("ratelimit-remaining"), res.headers.get("ratelimit-reset")]).toEqual(["3", String(2 - i), String(60 - 5 * i)]);
        t.app.clock.advance(5_000);
      }
      const refused = await list(t.app);
      expectFailure(refused, 429, /^Too many requests from your network address without signing in: the limit is 3 per minute\. Try again in 45 seconds, or sign in\.$/);
      expect(refused.headers.get("retry-after")).toBe("45");
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
      t.app.clock.advance(45_000);
      expectSuccess(await list(t.app), 200);
    });

    it("GraphQL: RATE_LIMITED with retryAfter, as the per-user limits answer", async () => {
      for (let i = 0; i < 3; i++) expect((await t.app.gql(LIST_SESSIONS, {})).errors).toBeUndefined();
      const res = await fetch(`${t.app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: graphQLText(LIST_SESSIONS) }) });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("60");
      expect(await res.json()).toEqual({ errors: [{ message: ANONYMOUS_MESSAGE, extensions: { code: "RATE_LIMITED", retryAfter: 60 } }] });
    });

    it("pages: a small HTML page with the message", async () => {
      for (let i = 0; i < 3; i++) expect((await page(t.app, "/app/live")).status).not.toBe(429);
      const res = await page(t.app, "/app/live");
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("60");
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
      const html = await res.text();
      expect(html).toContain("<h1>Too many requests</h1>");
      expect(html).toContain(ANONYMOUS_MESSAGE);
    });
  });

  it("one budget per address across faces: REST, GraphQL and pages count together", async () => {
    expectSuccess(await list(t.app), 200);
    expect((await t.app.gql(LIST_SESSIONS, {})).errors).toBeUndefined();
    expect((await page(t.app, "/app/live")).status).not.toBe(429);
    expect((await t.app.gql(LIST_SESSIONS, {})).status).toBe(429);
  });

  it("signed-in (Bearer) calls are not counted, and are still served once the address's anonymous budget is spent", async () => {
    for (let i = 0; i < 10; i++) expectSuccess(await rest(t.app, "GET", "/api/live/sessions", { as: "priya" }), 200);
    await exhaustAnonymous(t.app);
    expectSuccess(await rest(t.app, "GET", "/api/live/sessions", { as: "priya" }), 200);
    expect((await t.app.gql(LIST_SESSIONS, {}, "priya")).errors).toBeUndefined();
  });

  it("made-up credentials buy no way around it: a forged token or session cookie counts as anonymous", async () => {
    expectFailure(await list(t.app, { authorization: "Bearer forged.token.here" }), 401, /.+/);
    expect((await page(t.app, "/app/live", { cookie: `${SESSION_COOKIE}=forged` })).status).not.toBe(429);
    expectSuccess(await list(t.app, { cookie: `${SESSION_COOKIE}=forged` }), 200);
    expectFailure(await list(t.app, { authorization: "Bearer forged.token.here" }), 429, ANONYMOUS_MESSAGE);
    expectFailure(await list(t.app, { cookie: `${SESSION_COOKIE}=forged` }), 429, ANONYMOUS_MESSAGE);
  });

  it("a forged X-Forwarded-For is not believed: a new one per request still hits the limit", async () => {
    for (let i = 0; i < 3; i++) expectSuccess(await list(t.app, { "x-forwarded-for": `198.51.100.${i}` }), 200);
    expectFailure(await list(t.app, { "x-forwarded-for": "198.51.100.99" }), 429, ANONYMOUS_MESSAGE);
  });

  it("probes, assets and 100ms's webhooks are not counted", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await page(t.app, "/healthz")).status).toBe(200);
      expect((await page(t.app, "/readyz")).status).toBe(200);
      expect((await page(t.app, "/assets/entry.client-abc.js")).status).not.toBe(429);
      expect((await page(t.app, "/favicon.ico")).status).not.toBe(429);
      expect((await fetch(`${t.app.url}/api/webhooks/hms`, { method: "POST" })).status).not.toBe(429);
    }
    await exhaustAnonymous(t.app);
  });

  describe("sign-in routes", () => {
    it("count against their own, lower limit even with credentials, with a page saying so", async () => {
      const bearer = { authorization: `Bearer ${await t.app.tokenFor("priya")}` };
      expect((await page(t.app, "/auth/login", bearer)).status).not.toBe(429);
      expect((await page(t.app, "/auth/callback?code=x&state=y")).status).not.toBe(429);
      const res = await page(t.app, "/auth/login?returnTo=%2Fapp%2Flive", bearer);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("60");
      expect(await res.text()).toContain("Too many sign-in attempts from your network address: the limit is 2 per minute. Try again in 60 seconds.");
      expect((await page(t.app, "/auth/callback?code=x&state=y")).status).toBe(429);
    });

    it("and only against it: browsing and signing in have separate budgets", async () => {
      await exhaustAnonymous(t.app);
      expect((await page(t.app, "/auth/login")).status).not.toBe(429);
      expect((await page(t.app, "/auth/login")).status).not.toBe(429);
      expect((await page(t.app, "/auth/login")).status).toBe(429);
    });
  });
});

describe("with TRUST_PROXY naming the proxy (loopback here)", () => {
  const t = useTestApp({ env: { ...LIMITS, TRUST_PROXY: "loopback" } });

  it("counts each client address the proxy reports separately", async () => {
    const from = (address: string) => ({ "x-forwarded-for": address });
    for (let i = 0; i < 3; i++) expectSuccess(await list(t.app, from("203.0.113.1")), 200);
    expectFailure(await list(t.app, from("203.0.113.1")), 429, ANONYMOUS_MESSAGE);
    expectSuccess(await list(t.app, from("203.0.113.2")), 200);
    // The address the proxy saw is the last one; what the client wrote before it is not believed.
    expectFailure(await list(t.app, from("192.0.2.50, 203.0.113.1")), 429, ANONYMOUS_MESSAGE);
    // Without the header the proxy itself is the client.
    for (let i = 0; i < 3; i++) expectSuccess(await list(t.app), 200);
    expect((await list(t.app)).status).toBe(429);
  });
});

describe.skipIf(!realPostgresUrl())("a burst from one address (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useTestApp({ maxConnections: 40, env: { RATE_LIMIT_ANONYMOUS: "5" } });

  it("30 concurrent anonymous requests: exactly the limit (5) are served, the rest are 429", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? list(t.app) : t.app.gql(LIST_SESSIONS, {}))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(25);
    const [row] = await t.database.query<{ attempts: number }>("select attempts from address_rate_limits where action = 'anonymous'");
    expect(row!.attempts).toBe(30);
  });
});
