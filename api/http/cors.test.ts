/**
 * CORS (api/http/cors.ts): the origins in CORS_ORIGINS get their preflights answered and may read
 * the API's answers, with a Bearer token only; any other origin gets nothing; cookies never go
 * cross-site (no Allow-Credentials, and cookie-borne changes stay refused by same-origin.ts).
 */
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "../config/env.js";
import { LIST_SESSIONS } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { graphQLText, type TestApp } from "../test-support/test-app.js";

const PARTNER = "https://partner.example";

function preflight(app: TestApp, path: string, origin: string) {
  return fetch(`${app.url}${path}`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
}

describe("with CORS_ORIGINS", () => {
  const t = useTestApp({ env: { CORS_ORIGINS: `${PARTNER}, https://other.example:8443/` } });

  it.each(["/graphql", "/api/live/sessions"])("answers a listed origin's preflight to %s: its origin, Bearer and JSON allowed, no credentials", async (path) => {
    const res = await preflight(t.app, path, PARTNER);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,POST");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toMatch(/origin/i);
  });

  it("takes each listed origin as written, a trailing slash aside", async () => {
    const res = await preflight(t.app, "/graphql", "https://other.example:8443");
    expect(res.headers.get("access-control-allow-origin")).toBe("https://other.example:8443");
  });

  it("gives an origin it does not list nothing to read", async () => {
    for (const origin of ["https://evil.example", "http://partner.example", "https://partner.example.evil.example"]) {
      const res = await preflight(t.app, "/graphql", origin);
      expect(res.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("lets a listed origin read a Bearer call's answer and the headers it needs (GraphQL and REST)", async () => {
    const token = await t.app.tokenFor("priya");
    const gql = await fetch(`${t.app.url}/graphql`, {
      method: "POST",
      headers: { origin: PARTNER, authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ query: graphQLText(LIST_SESSIONS), variables: { limit: 1 } }),
    });
    expect(gql.status).toBe(200);
    expect(gql.headers.get("access-control-allow-origin")).toBe(PARTNER);
    expect(gql.headers.get("access-control-expose-headers")).toBe("retry-after,x-request-id,www-authenticate,idempotent-replayed,ratelimit-limit,ratelimit-remaining,ratelimit-reset");
    expect(((await gql.json()) as { data: { sessions: { total: number } } }).data.sessions.total).toBe(0);

    const restList = await fetch(`${t.app.url}/api/live/sessions`, { headers: { origin: PARTNER, authorization: `Bearer ${token}` } });
    expect(restList.status).toBe(200);
    expect(restList.headers.get("access-control-allow-origin")).toBe(PARTNER);
  });

  it("still refuses a change the cookie alone would authenticate from a listed origin", async () => {
    const res = await fetch(`${t.app.url}/graphql`, {
      method: "POST",
      headers: { origin: PARTNER, cookie: "ls_session=whatever", "content-type": "application/json" },
      body: JSON.stringify({ query: "mutation { signOutEverywhere }" }),
    });
    expect(res.status).toBe(403);
  });

  it("does not open the pages or the other routes", async () => {
    for (const path of ["/app/live", "/healthz", "/api/webhooks/100ms"]) {
      const res = await preflight(t.app, path, PARTNER);
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });
});

describe("without CORS_ORIGINS (the default)", () => {
  const t = useTestApp();

  it("answers no origin's preflight", async () => {
    const res = await preflight(t.app, "/graphql", PARTNER);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("the setting", () => {
  it("is a list of origins; anything else is refused with the rule", () => {
    expect(loadEnv({ CORS_ORIGINS: "https://a.example,http://localhost:3000/" }).CORS_ORIGINS).toEqual(["https://a.example", "http://localhost:3000"]);
    expect(loadEnv({}).CORS_ORIGINS).toEqual([]);
    for (const bad of ["*", "https://a.example/app", "partner.example", "ftp://a.example"]) {
      expect(() => loadEnv({ CORS_ORIGINS: bad }), bad).toThrow(EnvError);
      expect(() => loadEnv({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS must list origins such as https:\/\/partner\.example/);
    }
  });
});
