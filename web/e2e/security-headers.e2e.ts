/**
 * The built web app behind its security headers: every page carries them, each response
 * has its own script nonce and every inline script carries it, and in Chromium the pages
 * still hydrate with the policy enforced, without a single violation.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSED_INIT, scheduleMeerasClass, signIn, startE2E, type E2E } from "./browser.js";

let e2e: E2E;
let sessionId: string;

beforeAll(async () => {
  e2e = await startE2E();
  // The host page's check runs without a video service on purpose (its /init is refused).
  e2e.expectConsoleErrors(REFUSED_INIT);
  sessionId = await scheduleMeerasClass(e2e);
});
afterAll(async () => {
  await e2e?.close();
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

async function page(path: string) {
  const res = await fetch(`${e2e.url}${path}`, { redirect: "manual" });
  return { res, html: await res.text() };
}

describe("headers on pages", () => {
  it.each(["/app/live", "/app/live?tab=past", "/app/live/SESSION", "/no-such-page"])("%s carries them", async (raw) => {
    const { res, html } = await page(raw.replace("SESSION", sessionId));
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = directives(res.headers.get("content-security-policy") ?? "");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    // Beside the emulator the video SDK connects to the local media plane (init over http, signalling over ws) instead of 100ms.
    const plane = e2e.composition.mediaPlane!.origin;
    expect(csp.get("connect-src")).toEqual(["'self'", plane, plane.replace(/^http/, "ws")]);
    expect(csp.get("media-src")).toEqual(expect.arrayContaining(["blob:"]));
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    // Plain HTTP here: nothing to upgrade, no HSTS.
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("permissions-policy")).toMatch(/camera=\(self\), microphone=\(self\)/);
    expect(res.headers.get("x-powered-by")).toBeNull();

    // Scripts run only from our origin or with this response's nonce, and every inline one has it.
    const scriptSrc = csp.get("script-src")!;
    expect(scriptSrc).toHaveLength(2);
    expect(scriptSrc[0]).toBe("'self'");
    const nonce = /^'nonce-([A-Za-z0-9+/=]{20,})'$/.exec(scriptSrc[1]!)?.[1];
    expect(nonce, scriptSrc.join(" ")).toBeDefined();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("gives every response a nonce of its own", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add((await page("/app/live")).res.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1]!);
    expect(nonces.size).toBe(5);
  });

  it("lets sign-out leave for the sign-in provider (and the stand-ins' pages), and nothing from other sites frame the app", async () => {
    const csp = directives((await page("/app/live")).res.headers.get("content-security-policy")!);
    expect(csp.get("form-action")).toEqual(expect.arrayContaining(["'self'", "https:", new URL(e2e.composition.webAuth.issuer).origin]));
  });

  it("the JSON API answers with a policy that allows nothing", async () => {
    const res = await fetch(`${e2e.url}/api/live/sessions`);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

/** Policy violations the page reports, and Chromium's console complaints about the policy. */
async function watchViolations(p: Page): Promise<string[]> {
  const found: string[] = [];
  p.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) found.push(m.text());
  });
  await p.exposeFunction("__reportViolation", (text: string) => found.push(text));
  await p.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  return found;
}

async function hydrated(p: Page): Promise<void> {
  await expect.poll(() => p.evaluate(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter)), { timeout: 15_000 }).toBe(true);
}

describe("in Chromium, with the policy enforced", () => {
  it("the browse page hydrates: its links then navigate without reloading the document", async () => {
    const { context, page: p } = await e2e.newUser();
    try {
      const violations = await watchViolations(p);
      await p.goto("/app/live");
      await hydrated(p);
      await p.evaluate(() => {
        (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      });
      await p.getByRole("link", { name: "Past" }).click();
      await p.waitForURL(/tab=past/);
      await expect.poll(() => p.getByRole("link", { name: "Past" }).getAttribute("aria-current")).toBe("page");
      expect(await p.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a signed-in expert's pages and a session's page run without a violation", async () => {
    const { context, page: p } = await e2e.newUser();
    try {
      const violations = await watchViolations(p);
      await signIn(p, "Meera", "/app/live/dashboard");
      await hydrated(p);
      await p.goto("/app/live/new");
      await hydrated(p);
      await p.goto(`/app/live/${sessionId}`);
      await hydrated(p);
      await expect.poll(() => p.getByRole("heading", { name: "Evening Yin" }).isVisible()).toBe(true);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the host room loads the 100ms SDK (its workers, media, connections) without a violation", async () => {
    const services = e2e.composition.services;
    const meera = await services.resolveViewer({ subject: "local|meera", name: "Meera Iyer", roles: ["expert"] });
    await services.startSession(meera, sessionId);
    const { context, page: p } = await e2e.newUser();
    try {
      const violations = await watchViolations(p);
      // No video service here: 100ms's init request (allowed by the policy, or it would never
      // reach the network) is refused, and the page says so.
      let initRequested = false;
      await p.route(/prod-init\.100ms\.live|\/init\?/, async (route) => {
        initRequested = true;
        await route.abort("connectionrefused");
      });
      await signIn(p, "Meera", `/app/live/host/${sessionId}`);
      await expect.poll(() => p.getByText("The room could not open").isVisible(), { timeout: 15_000 }).toBe(true);
      expect(initRequested).toBe(true);
      // On the local stand-ins connect-src names the local media plane alone, so the SDK's failure
      // reports to 100ms (which carry the join token) are refused on purpose; nothing else may be.
      expect(violations.filter((v) => !v.includes("https://event.100ms.live/v2/client/report"))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
