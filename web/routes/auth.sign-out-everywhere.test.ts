/** The web's "Sign out everywhere": every browser's session of the person ends, this one's cookie is cleared. */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../api/test-support/hooks.js";
import { webContextAs } from "../../api/test-support/web-context.js";
import { signInOnWeb } from "../../api/test-support/web-sign-in.js";
import * as everywhere from "./auth.sign-out-everywhere";

const t = useTestApp();
const BASE = "http://app.test";

describe("sign out everywhere", () => {
  it("ends the person's sessions in every browser, clears this one's cookie, and leaves others signed in", async () => {
    const auth = t.app.composition.webAuth;
    const here = (await signInOnWeb(auth, BASE, "priya")).sessionCookie;
    const elsewhere = (await signInOnWeb(auth, BASE, "priya")).sessionCookie;
    const someoneElse = (await signInOnWeb(auth, BASE, "tom")).sessionCookie;

    const request = new Request(`${BASE}/auth/sign-out-everywhere`, { method: "POST", headers: { cookie: here } });
    const res = (await everywhere.action({ request, params: {}, context: await webContextAs(t.app, "priya") } as never)) as Response;

    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toMatch(/^__session=;.*Max-Age=0/);
    expect(await auth.identityFromCookie(here)).toBeNull();
    expect(await auth.identityFromCookie(elsewhere)).toBeNull();
    expect(await auth.identityFromCookie(someoneElse)).toMatchObject({ subject: "local|tom" });
  });

  it("from a browser that is signed out already, only clears the cookie", async () => {
    const request = new Request(`${BASE}/auth/sign-out-everywhere`, { method: "POST" });
    const res = (await everywhere.action({ request, params: {}, context: await webContextAs(t.app, null) } as never)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toMatch(/^__session=;/);
  });
});
