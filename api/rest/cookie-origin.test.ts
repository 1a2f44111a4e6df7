/**
 * A browser attaches the session cookie to requests from any site, so a POST authenticated
 * by the cookie alone must come from the app's own origin (APP_URL http://app.test in
 * tests). Bearer calls carry their credential explicitly and are exempt.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createSessionRest, expectFailure, expectSuccess, rest, seedCreateBody } from "../test-support/rest-client.js";
import { useTestApp } from "../test-support/hooks.js";

const t = useTestApp();

const COOKIE = "__session=eyJ1c2VyIjoiZGVlcGFrIn0.c2lnbmF0dXJl";
const CROSS_SITE = "This request came from another site. Use the app itself, or call the API with an Authorization: Bearer token.";

/** Every POST route with a body it accepts (the session exists and is scheduled). */
function postRoutes(id: string): [string, unknown][] {
  return [
    ["/api/live/sessions", seedCreateBody(t.app.clock, { price: 0 }, 2)],
    [`/api/live/sessions/${id}/start`, undefined],
    [`/api/live/sessions/${id}/enroll`, undefined],
    [`/api/live/sessions/${id}/join-token`, undefined],
    [`/api/live/sessions/${id}/end`, undefined],
    [`/api/live/sessions/${id}/cancel`, undefined],
  ];
}


describe("a cookie-authenticated POST from another site is refused", () => {
  it("with Origin: https://evil.example → 403 on every POST route, and nothing changes", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    for (const [path, body] of postRoutes(id)) {
      const res = await rest(t.app, "POST", path, { body, headers: { cookie: COOKIE, origin: "https://evil.example" } });
      expect(`${path} → ${res.status}`).toBe(`${path} → 403`);
      expectFailure(res, 403, CROSS_SITE);
    }
    const after = expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200);
    expect(after.total).toBe(1);
    expect(after.data[0]).toMatchObject({ id, status: "scheduled", enrolledCount: 0 });
  });

  it.each([
    ["Sec-Fetch-Site: cross-site and no Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain) and no Origin", { "sec-fetch-site": "same-site" }],
    ["Origin: null (a sandboxed page)", { origin: "null" }],
    ["an Origin that only starts like the app's", { origin: "http://app.test.evil.example" }],
    ["the app's host on another scheme", { origin: "https://app.test" }],
    ["the app's host on another port", { origin: "http://app.test:8080" }],
    ["a same-origin Sec-Fetch-Site with a foreign Origin", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
  ])("with %s → 403", async (_label, headers) => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const res = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { headers: { cookie: COOKIE, ...headers } });
    expectFailure(res, 403, CROSS_SITE);
  });
});

describe("a cookie-authenticated POST that does not say where it came from", () => {
  it("with no Origin, Referer or Sec-Fetch-Site (not a current browser) → 403, pointing to Bearer tokens", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const res = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { headers: { cookie: COOKIE } });
    expectFailure(res, 403, "This request carries the session cookie but no Origin or Referer header, so it was refused. Browsers send one; other clients should call the API with an Authorization: Bearer token.");
    expect(expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200).data[0].enrolledCount).toBe(0);
  });
});

describe("what the guard lets through", () => {
  it("a cookie POST from the app's own origin, with Sec-Fetch-Site same-origin/none, or the app's Referer, reaches authentication", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const allowed: Record<string, string>[] = [
      { origin: "http://app.test" },
      { "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "none" },
      { referer: "http://app.test/app/live" },
    ];
    for (const headers of allowed) {
      const res = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { headers: { cookie: COOKIE, ...headers } });
      // Not the guard's refusal: the request went on to the viewer lookup.
      expect(res.status, `${JSON.stringify(headers)}: ${res.text}`).not.toBe(403);
      expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
      expect(res.body.success).toBe(false);
      expect(res.body.error).not.toBe(CROSS_SITE);
    }
  });

  it("a Bearer POST with a foreign Origin is not blocked, with or without a cookie", async () => {
    const created = await rest(t.app, "POST", "/api/live/sessions", {
      as: "deepak",
      body: seedCreateBody(t.app.clock, { price: 0 }),
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    const id = expectSuccess(created, 201).data.session.id;
    const enrolled = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, {
      as: "priya",
      headers: { origin: "https://evil.example", cookie: COOKIE },
    });
    expect(expectSuccess(enrolled, 200).message).toBe("Successfully enrolled in live session");
    const started = await rest(t.app, "POST", `/api/live/sessions/${id}/start`, {
      as: "deepak",
      headers: { cookie: COOKIE, "sec-fetch-site": "cross-site" },
    });
    expect(expectSuccess(started, 200).data.sessionUrl).toBe(`http://app.test/app/live/host/${id}`);
  });

  it("a GET with a cookie from another site is not blocked (reads change nothing)", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock, { price: 0 }));
    const headers = { cookie: COOKIE, origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    expect(expectSuccess(await rest(t.app, "GET", "/api/live/sessions", { headers }), 200).total).toBe(1);
    expect(expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { headers }), 200).data.session.id).toBe(id);
  });
});
