/**
 * Capacity and start/end races over HTTP on real PostgreSQL: first against one app in this
 * process, then against two server processes sharing one database, one 100ms emulator and
 * one identity provider. PGlite runs one transaction at a time, so without DATABASE_URL
 * these are reported as skipped.
 */
import postgres from "postgres";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../db/client.js";
import { useTestApp } from "../test-support/hooks.js";
import { manyStarts, oneStudentManyTimes, raceForSeats, startRacingEnd, type RaceTarget } from "../test-support/race-scenarios.js";
import { spawnServer, startSharedStandIns, type ServerProcess, type SharedStandIns } from "../test-support/server-process.js";
import { realPostgresUrl } from "../test-support/test-database.js";

const serverUrl = realPostgresUrl();

describe.skipIf(!serverUrl)("races through one app instance (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useTestApp({ maxConnections: 20 });
  const target = (): RaceTarget => ({
    urls: [t.app.url],
    tokenFor: (c) => t.app.tokenFor(c),
    emulator: t.app.emulator,
    count: async (sql, params) => (await t.database.query<{ n: number }>(sql, params))[0]!.n,
    now: () => t.app.clock.now(),
  });

  it("200 students racing for 50 seats: exactly 50 enroll, 150 hear it is full", async () => {
    await raceForSeats(target(), 50, 200);
  });
  it("one student enrolling 20 times at once (REST and GraphQL) gets one seat", async () => {
    await oneStudentManyTimes(target(), 20);
  });
  it("10 starts at once create one room and all answer with it", async () => {
    await manyStarts(target(), 10);
  });
  it("a start racing an end leaves one room and a consistent session", async () => {
    await startRacingEnd(target(), 5);
  });
});

describe.skipIf(!serverUrl)("races through two server processes sharing one database (need real PostgreSQL: set DATABASE_URL)", () => {
  const ctx = {} as { standIns: SharedStandIns; servers: ServerProcess[]; database: OpenDatabase; dropDatabase(): Promise<void> };

  beforeAll(async () => {
    // An empty database: both processes migrate it at the same moment as they start.
    const name = `ls_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    ctx.dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    ctx.standIns = await startSharedStandIns();
    const settings = { ...ctx.standIns.settings, DATABASE_URL: url.toString() };
    const spawned = await Promise.allSettled([spawnServer(settings), spawnServer(settings)]);
    ctx.servers = spawned.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = spawned.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    ctx.database = await openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 2 });
  });
  afterAll(async () => {
    await Promise.all((ctx.servers ?? []).map((s) => s.stop()));
    await ctx.database?.close();
    await ctx.standIns?.close();
    await ctx.dropDatabase?.();
  });

  const target = (): RaceTarget => ({
    urls: ctx.servers.map((s) => s.url),
    tokenFor: (c) => ctx.standIns.tokenFor(c),
    emulator: ctx.standIns.emulator,
    count: async (sql, params) => (await ctx.database.query<{ n: number }>(sql, params))[0]!.n,
    now: () => new Date(),
  });

  it("both processes started on one fresh database and applied its migrations once", async () => {
    expect(ctx.servers.map((s) => s.pid)[0]).not.toBe(ctx.servers[1]!.pid);
    const applied = await ctx.database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    const expected = (await import("../../drizzle/meta/_journal.json", { with: { type: "json" } })).default.entries.length;
    expect(applied[0]!.n).toBe(expected);
  });
  it("200 students racing for 50 seats across both: exactly 50 enroll, 150 hear it is full", async () => {
    await raceForSeats(target(), 50, 200);
  });
  it("one student enrolling 20 times at once across both gets one seat", async () => {
    await oneStudentManyTimes(target(), 20);
  });
  it("10 starts at once across both create one room and all answer with it", async () => {
    await manyStarts(target(), 10);
  });
  it("a start on one process racing an end on the other leaves one room and a consistent session", async () => {
    await startRacingEnd(target(), 5);
  });
});
