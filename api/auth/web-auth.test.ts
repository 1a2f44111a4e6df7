import { describe, expect, it } from "vitest";
import { createOidcClient } from "./oidc-client.js";
import { createWebAuth, SESSION_COOKIE, SIGNED_OUT_COOKIE, type WebSessionStore } from "./web-auth.js";

describe("the session cookie", () => {
  const asked: string[] = [];
  // Records what the cookie handling asks of the session store; the store's own rules are
  // tested on a real database (api/domain/sign-in, api/auth/web-sessions.test.ts).
  const sessions: WebSessionStore = {
    startSignInSession: () => Promise.reject(new Error("not in this test")),
    identityOfSignInSession: async (id) => {
      asked.push(`identity ${id}`);
      return null;
    },
    endSignInSession: async (id) => {
      asked.push(`end ${id}`);
    },
  };
  const auth = createWebAuth({
    oidc: createOidcClient({ issuer: "http://127.0.0.1:9/", clientId: "c", clientSecret: "s", appUrl: "http://app.test", rolesClaim: "r", secureCookies: false }),
    sessions,
    appUrl: "http://app.test",
    sessionSecret: "x".repeat(32),
    secureCookies: false,
    sessionMaxAgeSeconds: 8 * 3600,
  });

  it("is ignored when absent or empty, and otherwise looked up by its id alone", async () => {
    asked.length = 0;
    expect(await auth.identityFromCookie(undefined)).toBeNull();
    expect(await auth.identityFromCookie("theme=dark; __session=")).toBeNull();
    expect(asked).toEqual([]);
    // The old format (a signed copy of the identity) is just an unknown id now.
    const forged = Buffer.from(JSON.stringify({ identity: { subject: "auth0|admin", roles: ["admin"] } })).toString("base64");
    expect(await auth.identityFromCookie(`theme=dark; ${SESSION_COOKIE}=${forged}; x=1`)).toBeNull();
    expect(asked).toEqual([`identity ${forged}`]);
  });

  it("sign-out ends the session on the server and clears the cookie, even when the provider cannot be reached", async () => {
    asked.length = 0;
    const res = await auth.signOut(new Request("http://app.test/auth/logout", { method: "POST", headers: { cookie: `${SESSION_COOKIE}=abc` } }));
    expect(asked).toEqual(["end abc"]);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("http://app.test/app/live");
    const [cleared, signedOut] = res.headers.getSetCookie();
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    // The next sign-in in this browser lets the person choose an account (prompt=login).
    expect(signedOut).toMatch(new RegExp(`^${SIGNED_OUT_COOKIE}=1;.*Path=/auth; HttpOnly`));
  });
});
