/**
 * The built app in Chromium against a page on another port of the same host: a "same-site"
 * attacker, to whom the browser hands the session cookie (SameSite=Lax) on a POST. Its
 * forms and fetches to page actions (by `.data` and `?_data=`), the token resource route
 * and sign-out are refused (api/http/same-origin.ts) and change nothing; the app's own forms
 * keep working.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAccountMenu, scheduleMeerasClass, signIn, startE2E, type E2E } from "./browser.js";

let e2e: E2E;
let sessionId: string;
let attacker: Server;
let attackerUrl: string;

beforeAll(async () => {
  e2e = await startE2E();
  // The attacker's forged requests are refused with 403: that refusal is what this file proves.
  e2e.expectConsoleErrors(/status of 403 \(Forbidden\)/);
  sessionId = await scheduleMeerasClass(e2e);

  // The attacker's pages: each sends one forged request to the app when opened.
  const app = e2e.url;
  const pages: Record<string, string> = {
    "/logout": `<form method="post" action="${app}/auth/logout"></form><script>document.forms[0].submit()</script>`,
    "/enroll-data": `<script>fetch("${app}/app/live/${sessionId}.data", { method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({ intent: "enroll" }) })</script>`,
    "/enroll-underscore-data": `<script>fetch("${app}/app/live/${sessionId}?_data=routes%2Fapp.live.%24id", { method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams({ intent: "enroll" }) })</script>`,
    "/token": `<script>fetch("${app}/app/live/${sessionId}/token", { method: "POST", mode: "no-cors", credentials: "include" })</script>`,
  };
  attacker = createServer((req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>evil</title>${pages[req.url ?? ""] ?? ""}`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  attacker?.close();
  await e2e?.close();
});

const enrolledCount = async () => (await e2e.composition.services.getSession(null, sessionId))?.enrolledCount;

describe("a page on another port of the same host", () => {
  it("cannot enroll, fetch a room token or sign the person out; the app's own forms still work", async () => {
    const { page } = await e2e.newUser();
    await signIn(page, "Priya Sharma", `/app/live/${sessionId}`);
    await expect.poll(() => page.locator("details.account-menu summary", { hasText: "Priya Sharma" }).isVisible()).toBe(true);

    for (const [path, target] of [
      ["/enroll-data", `/app/live/${sessionId}.data`],
      ["/enroll-underscore-data", `/app/live/${sessionId}?_data=`],
      ["/token", `/app/live/${sessionId}/token`],
    ] as const) {
      const forged = page.waitForResponse((r) => r.url().startsWith(`${e2e.url}${target}`) && r.request().method() === "POST");
      await page.goto(`${attackerUrl}${path}`);
      const res = await forged;
      // Only a request carrying a cookie is refused (without one it would reach the action as
      // anonymous): the browser did send it, and the guard refused it for where it came from.
      expect(`${path} → ${res.status()}`).toBe(`${path} → 403`);
    }

    const logout = page.waitForResponse((r) => r.url() === `${e2e.url}/auth/logout`);
    await page.goto(`${attackerUrl}/logout`);
    expect((await logout).status()).toBe(403);
    await expect.poll(() => page.locator("body").innerText()).toMatch(/came from another site, so it was refused/);
    await e2e.shot(page, "same-origin-refused");

    // Nothing changed: not enrolled, still signed in.
    expect(await enrolledCount()).toBe(0);
    await page.goto(`/app/live/${sessionId}`);
    await expect.poll(() => page.locator("details.account-menu summary", { hasText: "Priya Sharma" }).isVisible()).toBe(true);

    // The app's own form, sent by the app's own page, still enrolls.
    await page.getByRole("button", { name: "Enroll" }).click();
    await expect.poll(() => page.getByText("You're enrolled").isVisible()).toBe(true);
    expect(await enrolledCount()).toBe(1);

    // And its own sign-out still signs out.
    await openAccountMenu(page);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect.poll(() => page.getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);
  });
});
