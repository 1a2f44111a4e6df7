/**
 * The whole service as `npm start` runs it (built web app, local sign-in provider, 100ms
 * emulator) on a test database, and Debian's Chromium driven by playwright-core with a
 * fake camera and microphone.
 */
import { mkdirSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import type { Server } from "node:http";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import pino from "pino";
import { compose, type Composition } from "../../api/composition.js";
import { loadEnv } from "../../api/config/env.js";
import { openTestDatabase, type TestDatabase } from "../../api/test-support/test-database.js";
import { CHROMIUM, CHROMIUM_ARGS } from "./page-steps.js";

export { openAccountMenu, signIn, scheduleThroughForm, startFromSessionPage } from "./page-steps.js";

export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? "build/e2e-screenshots";

export interface E2E {
  url: string;
  composition: Composition;
  database: TestDatabase;
  browser: Browser;
  newUser(): Promise<{ context: BrowserContext; page: Page }>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** `chromiumArgs` are added last, so a journey can override a default (the fake camera's frame rate). */
export async function startE2E(options: { chromiumArgs?: string[] } = {}): Promise<E2E> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const port = await freePort();
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
  return {
    url,
    composition,
    database,
    browser,
    async newUser() {
      // A phone-sized screen: every journey must work there.
      const context = await browser.newContext({ baseURL: url, viewport: { width: 390, height: 844 }, permissions: ["camera", "microphone"] });
      return { context, page: await context.newPage() };
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
    thumbnail: "https://images.example.com/yin.jpg",
  });
  return session.id;
}
