/**
 * One guard in front of every face (same-origin.ts): a state-changing request that the
 * session cookie authenticates must come from APP_URL's origin (http://app.test here),
 * whether it is a page action (a document POST, `?_data=`, `.data`), a resource route,
 * sign-out, GraphQL or REST. The cookie is a real one from the local sign-in; the web face
 * is the real web router and Remix handler over a hand-made build whose routes stand where
 * the app's do (the built app itself: web/e2e/same-origin.e2e.ts).
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENROLL } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { createSessionRest, expectSuccess, rest, seedCreateBody } from "../test-support/rest-client.js";
import { tinyRemixBuild } from "../test-support/tiny-remix-build.js";
import { graphQLText } from "../test-support/test-app.js";
import { signInOnWeb } from "../test-support/web-sign-in.js";
import { CROSS_SITE_API_MESSAGE, requestSource } from "./same-origin.js";
import { createWebRouter } from "./web.js";

const t = useTestApp();
const APP = "http://app.test";
const PAGE_CROSS_SITE = "This request came from another site, so it was refused. Open the app at http://app.test and try again.";
const PAGE_NO_SOURCE = "This request carries the session cookie but no Origin or Referer header, so it was refused. Open the app at http://app.test in a current browser and try again.";

let cookie: string;
let server: Server;
let base: string;
/** What reached a page action, by route. */
const reached: string[] = [];

beforeAll(async () => {
  const record = (route: string) => () => {
    reached.push(route);
    return { ok: true };
  };
  const web = createWebRouter(
    tinyRemixBuild({
      "routes/app.live.$id": { path: "app/live/:id", page: true, action: record("page") },
      "routes/app.live.$id.token": { path: "app/live/:id/token", action: record("token") },
      "routes/auth.logout": { path: "auth/logout", action: ({ request }) => t.app.composition.webAuth.signOut(request) },
    }),
    async () => ({}) as never,
    { secure: false },
  );
  // The composed app, and after it the web face, as compose() mounts it when built.
  const app = express().use(t.app.composition.app).use(web);
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});
beforeEach(async () => {
  reached.length = 0;
  // Signed-in sessions live in the database, which each test starts empty.
  cookie = (await signInOnWeb(t.app.composition.webAuth, APP, "priya")).sessionCookie;
});

/** A browser's refused requests, each as the headers it would carry. */
const FOREIGN: [string, Record<string, string>][] = [
  ["another site's Origin", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
  ["a sibling subdomain (same-site)", { origin: "http://www.app.test", "sec-fetch-site": "same-site" }],
  ["another port of the same host", { origin: "http://app.test:8080" }],
  ["Origin: null (a sandboxed frame)", { origin: "null" }],
  ["only Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
  ["no Origin, another site's Referer", { referer: "https://evil.example/page" }],
];

async function post(path: string, headers: Record<string, string>, body?: string, type = "application/x-www-form-urlencoded") {
  const res = await fetch(`${base}${path}`, { method: "POST", redirect: "manual", headers: { cookie, "content-type": type, ...headers }, body });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text(), setCookie: res.headers.getSetCookie() };
}

describe("page actions and resource routes, by any path", () => {
  const PATHS: [string, string][] = [
    ["a document POST", "/app/live/ses_1"],
    ["a ?_data= request", "/app/live/ses_1?_data=routes%2Fapp.live.%24id"],
    ["a single-fetch .data request", "/app/live/ses_1.data"],
    ["the token resource route", "/app/live/ses_1/token"],
  ];

  it.each(PATHS)("%s from another site → 403, and the action never runs", async (_kind, path) => {
    for (const [label, headers] of FOREIGN) {
      const res = await post(path, headers, "intent=enroll");
      expect(`${label}: ${res.status} ${res.text}`).toBe(`${label}: 403 ${PAGE_CROSS_SITE}`);
      expect(res.type).toMatch(/^text\/plain/);
    }
    const bare = await post(path, {}, "intent=enroll");
    expect(`${bare.status} ${bare.text}`).toBe(`403 ${PAGE_NO_SOURCE}`);
    expect(reached).toEqual([]);
  });

  it("from the app's own pages, each reaches its action", async () => {
    const owns: Record<string, string>[] = [
      { origin: APP, "sec-fetch-site": "same-origin" },
      { origin: APP },
      // No Origin (an older browser): the Referer's origin decides.
      { referer: `${APP}/app/live/ses_1` },
      // Nothing but the browser's own word.
      { "sec-fetch-site": "same-origin" },
    ];
    for (const own of owns) {
      // Remix's own check (document POSTs only) compares Origin with the Host, which here is
      // 127.0.0.1:port: say which host app.test stands for, as a proxy in front would.
      const headers = { ...own, "x-forwarded-host": "app.test" };
      const doc = await post("/app/live/ses_1", headers, "intent=enroll");
      expect(doc.status, doc.text).toBe(200);
      expect((await post("/app/live/ses_1?_data=routes%2Fapp.live.%24id", headers, "intent=enroll")).status).toBe(200);
      expect((await post("/app/live/ses_1/token", headers)).status).toBe(200);
    }
    expect(reached).toEqual(Array.from({ length: owns.length }, () => ["page", "page", "token"]).flat());
  });

  it("without a cookie, or with a Bearer token, nothing is checked (nothing rides on the cookie)", async () => {
    const res = await fetch(`${base}/app/live/ses_1/token`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    const bearer = await post("/app/live/ses_1/token", { origin: "https://evil.example", authorization: `Bearer ${await t.app.tokenFor("priya")}` });
    expect(bearer.status).toBe(200);
    // A browser re-sends Basic credentials by itself: they exempt nothing.
    const basic = await post("/app/live/ses_1/token", { origin: "https://evil.example", authorization: "Basic cHJpeWE6cHc=" });
    expect(basic.status).toBe(403);
    expect(reached).toEqual(["token", "token"]);
  });
});

describe("sign-out", () => {
  it("from another site → 403, and the session cookie is left alone", async () => {
    for (const [label, headers] of FOREIGN) {
      const res = await post("/auth/logout", headers);
      expect(`${label}: ${res.status}`).toBe(`${label}: 403`);
      expect(res.setCookie).toEqual([]);
    }
  });

  it("from the app's own page signs out", async () => {
    const res = await post("/auth/logout", { origin: APP, "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(302);
    expect(res.setCookie.join("\n")).toMatch(/__session=;/);
  });
});

describe("GraphQL with the cookie", () => {
  async function enroll(id: string, headers: Record<string, string>) {
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: graphQLText(ENROLL), variables: { sessionId: id } }),
    });
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as { data?: unknown; errors?: unknown[] } };
  }
  const enrolledCount = async () => expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200).data[0].enrolledCount as number;

  it("from another site → 403 as a GraphQL error, and nothing changes", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    for (const [label, headers] of FOREIGN) {
      const res = await enroll(id, headers);
      expect(`${label}: ${res.status}`).toBe(`${label}: 403`);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.body).toEqual({ errors: [{ message: CROSS_SITE_API_MESSAGE, extensions: { code: "FORBIDDEN" } }] });
    }
    const bare = await enroll(id, {});
    expect(bare.status).toBe(403);
    expect(bare.body.errors).toEqual([{ message: expect.stringMatching(/no Origin or Referer header.*Authorization: Bearer/), extensions: { code: "FORBIDDEN" } }]);
    expect(await enrolledCount()).toBe(0);
  });

  it("from the app's own origin enrolls the signed-in person", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const res = await enroll(id, { origin: APP });
    expect(res.body.errors).toBeUndefined();
    expect(await enrolledCount()).toBe(1);
  });
});

describe("REST with the cookie", () => {
  it("from another site → 403 in the envelope, and nothing changes; from the app → enrolled", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    for (const [label, headers] of FOREIGN) {
      const res = await post(`/api/live/sessions/${id}/enroll`, headers, undefined, "application/json");
      expect(`${label}: ${res.status}`).toBe(`${label}: 403`);
      expect(JSON.parse(res.text)).toEqual({ success: false, error: CROSS_SITE_API_MESSAGE, code: "FORBIDDEN" });
    }
    expect(expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200).data[0].enrolledCount).toBe(0);
    const own = await post(`/api/live/sessions/${id}/enroll`, { origin: APP }, undefined, "application/json");
    expect(own.status, own.text).toBe(200);
  });
});

describe("requestSource", () => {
  const source = (headers: Record<string, string>) => requestSource(headers, "http://app.test");

  it("believes Sec-Fetch-Site over everything when it says another site", () => {
    expect(source({ origin: "http://app.test", "sec-fetch-site": "cross-site" })).toBe("foreign");
    expect(source({ origin: "http://app.test", "sec-fetch-site": "same-site" })).toBe("foreign");
  });

  it("compares origins exactly (scheme, host and port), and a Referer only when there is no Origin", () => {
    expect(source({ origin: "http://app.test" })).toBe("same-origin");
    expect(source({ origin: "http://app.test.evil.example" })).toBe("foreign");
    expect(source({ origin: "http://app.test, https://evil.example" })).toBe("foreign");
    expect(source({ referer: "http://app.test/app/live?tab=past" })).toBe("same-origin");
    expect(source({ referer: "http://app.test.evil.example/" })).toBe("foreign");
    expect(source({ referer: "not a url" })).toBe("foreign");
    expect(source({ origin: "https://evil.example", referer: "http://app.test/" })).toBe("foreign");
  });

  it("knows nothing when a request carries none of the three", () => {
    expect(source({})).toBe("unknown");
    expect(source({ "sec-fetch-site": "none" })).toBe("same-origin");
  });
});
