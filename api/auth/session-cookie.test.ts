/**
 * The cookies the web sign-in sets, read from the real Set-Cookie headers of a sign-in
 * through the local OpenID Connect provider: HttpOnly and SameSite always, Secure when the
 * app runs with secure cookies (production).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSignInHarness, type SignInHarness } from "../test-support/sign-in-harness.js";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { signInOnWeb } from "../test-support/web-sign-in.js";
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE, type WebAuth } from "./web-auth.js";

function attributes(setCookie: string): { name: string; value: string; flags: Map<string, string | true> } {
  const [pair, ...rest] = setCookie.split(";").map((p) => p.trim());
  const at = pair!.indexOf("=");
  const flags = new Map<string, string | true>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    flags.set((eq < 0 ? part : part.slice(0, eq)).toLowerCase(), eq < 0 ? true : part.slice(eq + 1));
  }
  return { name: pair!.slice(0, at), value: pair!.slice(at + 1), flags };
}

const named = (lines: string[], name: string) => {
  // remix-auth-oauth2 names its state cookie per sign-in: `__oauth_state:<uuid>`.
  const line = lines.find((l) => l.startsWith(`${name}=`) || l.startsWith(`${name}:`));
  expect(line, `a Set-Cookie for ${name} in ${JSON.stringify(lines)}`).toBeDefined();
  return attributes(line!);
};

describe.each([
  { secureCookies: false, appUrl: "http://app.test" },
  { secureCookies: true, appUrl: "https://app.test" },
])("with secureCookies: $secureCookies", ({ secureCookies, appUrl }) => {
  let database: TestDatabase;
  let harness: SignInHarness;
  let auth: WebAuth;
  beforeAll(async () => {
    database = await openTestDatabase();
    harness = await startSignInHarness(database, { appUrl, secureCookies });
    auth = harness.auth;
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it("the signed-in session cookie is HttpOnly, SameSite=Lax, site-wide, 8 hours" + (secureCookies ? ", Secure" : ", not Secure"), async () => {
    const signedIn = await signInOnWeb(auth, appUrl, "priya");
    expect(await auth.identityFromCookie(signedIn.sessionCookie)).toMatchObject({ subject: "local|priya", name: "Priya Sharma" });
    const session = named(signedIn.setCookies.callback, SESSION_COOKIE);
    expect(session.flags.get("httponly")).toBe(true);
    expect(session.flags.get("samesite")).toMatch(/^lax$/i);
    expect(session.flags.get("path")).toBe("/");
    expect(session.flags.get("max-age")).toBe(String(8 * 3600));
    expect(session.flags.has("secure")).toBe(secureCookies);
  });

  it("so are the cookies of the sign-in's first leg (the PKCE/state cookie and the pending sign-in)", async () => {
    const { setCookies } = await signInOnWeb(auth, appUrl, "deepak");
    expect(setCookies.firstLeg.length).toBeGreaterThanOrEqual(2);
    for (const line of setCookies.firstLeg) {
      const cookie = attributes(line);
      expect(cookie.flags.get("httponly"), cookie.name).toBe(true);
      expect(cookie.flags.get("samesite"), cookie.name).toMatch(/^lax$/i);
      expect(cookie.flags.has("secure"), cookie.name).toBe(secureCookies);
    }
    named(setCookies.firstLeg, "__oauth_state");
    named(setCookies.firstLeg, PENDING_SIGN_IN_COOKIE);
  });

  it("signing out expires the session cookie with the same attributes", async () => {
    const { sessionCookie } = await signInOnWeb(auth, appUrl, "lena");
    const res = await auth.signOut(new Request(`${appUrl}/auth/logout`, { method: "POST", headers: { cookie: sessionCookie } }));
    const cleared = named(res.headers.getSetCookie(), SESSION_COOKIE);
    expect(cleared.value).toBe("");
    expect(cleared.flags.get("httponly")).toBe(true);
    expect(cleared.flags.get("samesite")).toMatch(/^lax$/i);
    expect(cleared.flags.has("secure")).toBe(secureCookies);
  });
});
