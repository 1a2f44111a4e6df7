/**
 * The per-file set-up every database test shares: one database and one harness (or one
 * whole app) per file, truncated and reset before each test. Returns an object whose
 * fields are filled in by `beforeAll`.
 */
import type { Logger } from "pino";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { OpenOptions } from "../db/client.js";
import { startServiceHarness, type ServiceHarness } from "./service-harness.js";
import { startTestApp, type TestApp } from "./test-app.js";
import { openTestDatabase, type TestDatabase } from "./test-database.js";

/** Where every test clock starts. */
export const TEST_START = "2030-01-15T09:00:00.000Z";

type DatabaseOptions = OpenOptions & { maxConnections?: number };

export function useServiceHarness(options: DatabaseOptions = {}): { database: TestDatabase; h: ServiceHarness } {
  const ctx = {} as { database: TestDatabase; h: ServiceHarness };
  beforeAll(async () => {
    ctx.database = await openTestDatabase(options);
    ctx.h = await startServiceHarness(ctx.database);
  });
  afterAll(async () => {
    await ctx.h?.close();
    await ctx.database?.close();
  });
  beforeEach(async () => {
    await ctx.database.truncate();
    ctx.h.emulator.clearFaults();
    ctx.h.payments.clearFaults();
    ctx.h.clock.set(TEST_START);
  });
  return ctx;
}

/** `logger`: where the app logs (a test reading its log passes captureLogs()'s). */
export function useTestApp(options: DatabaseOptions & { env?: Record<string, string>; logger?: Logger } = {}): { database: TestDatabase; app: TestApp } {
  const ctx = {} as { database: TestDatabase; app: TestApp };
  beforeAll(async () => {
    ctx.database = await openTestDatabase(options);
    ctx.app = await startTestApp(ctx.database, { env: options.env, logger: options.logger });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
  });
  beforeEach(async () => {
    // The emulator's webhooks from the last test must land before the tables are emptied.
    await ctx.app.emulator.webhooksSettled();
    await ctx.database.truncate();
    ctx.app.emulator.clearFaults();
    ctx.app.payments?.clearFaults();
    ctx.app.clock.set(TEST_START);
  });
  return ctx;
}
