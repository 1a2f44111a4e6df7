/**
 * The whole service as `npm start` runs it (built web app, local sign-in provider, 100ms
 * emulator) on a test database, and Debian's Chromium driven by playwright-core with a
 * fake camera and microphone.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import pino from "pino";
import { expect } from "vitest";
import { compose, type Composition } from "../../api/composition.js";
import { loadEnv } from "../../api/config/env.js";
import { freeLoopbackPort } from "../../api/test-support/free-port.js";
import { openTestDatabase, type TestDatabase } from "../../api/test-support/test-database.js";
import { CHROMIUM, CHROMIUM_ARGS } from "./page-steps.js";

export { openAccountMenu, signIn, scheduleThroughForm, startFromSessionPage } from "./page-steps.js";

/** What the page prints when a journey refuses the SDK's /init on purpose (page.route … abort). */
export const REFUSED_INIT = /ERR_CONNECTION_REFUSED \[http:\/\/127\.0\.0\.1:\d+\/init\?/;

export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? "build/e2e-screenshots";

/** The two screens every journey is checked at: a phone and a laptop. */
export const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

export interface E2E {
  url: string;
  composition: Composition;
  database: TestDatabase;
  browser: Browser;
  newUser(): Promise<{ context: BrowserContext; page: Page }>;
  shot(page: Page, name: string): Promise<void>;
  /**
   * A console error or uncaught exception a journey provokes on purpose (a refused request, a
   * policy violation it checks): matching lines are not stray. Say why beside the call.
   */
  expectConsoleErrors(pattern: RegExp): void;
  /** Fails (throws) when any page printed an error nobody expected: a stray error is a bug the user may not see. */
  close(): Promise<void>;
}

/** An error line a page printed, or an exception it did not catch. */
interface ConsoleError {
  /** The test running when it was printed ("after the tests" once they are over). */
  test: string;
  url: string;
  text: string;
}

const currentTest = () => expect.getState().currentTestName ?? "outside a test";

/** `chromiumArgs` are added last, so a journey can override a default (the fake camera's frame rate). */
export async function startE2E(options: { chromiumArgs?: string[] } = {}): Promise<E2E> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const database = await openTestDatabase();
  // The journeys sign in and browse many times from 127.0.0.1: the per-address limits are not what they test.
  const env = loadEnv({ NODE_ENV: "test", PORT: String(port), APP_URL: url, DEMO_DATA: "false", DATA_DIR: "build/e2e-data", RATE_LIMIT_ANONYMOUS: "1000000", RATE_LIMIT_SIGN_IN: "1000000" });
  const composition = await compose(env, { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }), database, web: true });
  const server: Server = await new Promise((resolve) => {
    const s = composition.app.listen(port, "127.0.0.1", () => resolve(s));
  });
  // The local emulator's webhooks go to the app's own URL, known once it listens.
  composition.listening(server);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      ...(options.chromiumArgs ?? []),
    ],
  });
  const consoleErrors: ConsoleError[] = [];
  const expected: RegExp[] = [
    // On the local media plane the page's policy keeps the room on this machine (docs/security.md):
    // the SDK's HTTP telemetry to 100ms, sent after a leave or a failed join, is refused by design.
    /event\.100ms\.live\/v2\/client\/report/,
    // A click that submits a form while the page's data is reloading (a live update's revalidation)
    // makes React Router abort that reload, as it should: the newer request wins and the person sees
    // nothing. Remix 2's single fetch still logs the abort when it came while the answer was being
    // decoded (@remix-run/react single-fetch.js: `console.error(e)` before its rethrow; React Router 7
    // dropped the log). Matched only when the abort was raised inside the router's own chunk.
    /^AbortError: signal is aborted without reason\s+at \S+ \(http:\/\/127\.0\.0\.1:\d+\/assets\/components-[\w-]+\.js:/,
  ];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      // "Failed to load resource" names no resource in its text: the location does.
      const source = message.location().url;
      if (message.type() === "error") consoleErrors.push({ test: currentTest(), url: page.url(), text: source && source !== page.url() ? `${message.text()} [${source}]` : message.text() });
    });
    page.on("pageerror", (error) => consoleErrors.push({ test: currentTest(), url: page.url(), text: `uncaught: ${error.stack ?? error.message}` }));
  };
  return {
    url,
    composition,
    database,
    browser,
    async newUser() {
      // A phone-sized screen: every journey must work there.
      const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 }, permissions: ["camera", "microphone"] });
      context.on("page", watch);
      return { context, page: await context.newPage() };
    },
    expectConsoleErrors(pattern) {
      expected.push(pattern);
    },
    async shot(page, name) {
      await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    },
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await composition.close();
      await database.close();
      const stray = consoleErrors.filter((e) => !expected.some((pattern) => pattern.test(e.text)));
      if (stray.length > 0) {
        throw new Error(`Pages printed ${stray.length} unexpected console error(s):\n${stray.map((e) => `  [${e.test}] ${e.url}: ${e.text}`).join("\n")}`);
      }
    },
  };
}

/** Meera (an expert demo account) schedules a free class two hours from now; its id. */
export async function scheduleMeerasClass(e2e: E2E, title = "Evening Yin"): Promise<string> {
  const services = e2e.composition.services;
  const meera = await services.resolveViewer({ subject: "local|meera", name: "Meera Iyer", roles: ["expert"] });
  const start = new Date(Date.now() + 2 * 3_600_000);
  const session = await services.createSession(meera, {
    title,
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  return session.id;
}
