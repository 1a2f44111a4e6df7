/**
 * returnTo through the whole sign-in (first leg, the local provider, the callback): a
 * hostile value never sends the person to another site, and never costs them the sign-in.
 */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { signInOnWeb } from "../test-support/web-sign-in.js";

const t = useTestApp();

describe("after signing in, the callback sends the person", () => {
  it.each([
    ["/app/live/ses_1?tab=past", "/app/live/ses_1?tab=past"],
    // What /auth/login?returnTo=/%09/evil.example hands over once decoded.
    ["/\t/evil.example", "/app/live"],
    ["/\\evil.example", "/app/live"],
    ["/.//evil.example", "/app/live"],
    ["https://evil.example/", "/app/live"],
    // Used to be a 500 after the login code was spent: a CR cannot go in a Location header.
    ["/app/live\r", "/app/live"],
    ["/app/live\r\nSet-Cookie: x=1", "/app/live"],
  ])("asked for %j, to %j, signed in", async (returnTo, expected) => {
    const signedIn = await signInOnWeb(t.app.composition.webAuth, "http://app.test", "priya", returnTo);
    expect(signedIn.location).toBe(expected);
    expect(signedIn.sessionCookie).toMatch(/^__session=./);
  });
});
