import { describe, expect, it } from "vitest";
import { createWebAuth, safeReturnTo, SESSION_COOKIE } from "./web-auth.js";

describe("safeReturnTo", () => {
  it.each([
    ["/app/live/ses_1", "/app/live/ses_1"],
    ["/app/live?tab=past", "/app/live?tab=past"],
    ["https://evil.example/", "/app/live"],
    ["//evil.example/path", "/app/live"],
    ["/\\evil.example", "/app/live"],
    ["javascript:alert(1)", "/app/live"],
    [undefined, "/app/live"],
  ])("%s → %s (never another site)", (given, expected) => {
    expect(safeReturnTo(given)).toBe(expected);
  });
});

describe("the session cookie", () => {
  const auth = createWebAuth({
    issuer: "http://127.0.0.1:9/",
    clientId: "c",
    clientSecret: "s",
    appUrl: "http://app.test",
    rolesClaim: "https://live-sessions.app/roles",
    sessionSecret: "x".repeat(32),
    secureCookies: false,
  });

  it("is ignored when absent, unsigned or signed with another secret", async () => {
    expect(await auth.identityFromCookie(undefined)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ identity: { subject: "auth0|admin", roles: ["admin"] } })).toString("base64");
    expect(await auth.identityFromCookie(`${SESSION_COOKIE}=${encodeURIComponent(forged)}`)).toBeNull();
    expect(await auth.identityFromCookie(`${SESSION_COOKIE}=${encodeURIComponent(forged)}.bm90LWEtc2lnbmF0dXJl`)).toBeNull();
  });

  it("sign-out clears it even when the provider cannot be reached", async () => {
    const res = await auth.signOut(new Request("http://app.test/auth/logout", { method: "POST" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("http://app.test/app/live");
    expect(res.headers.get("Set-Cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0|^${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
  });
});
