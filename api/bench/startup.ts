/**
 * `npm run bench:startup`: how long the production server takes to answer its first request
 * and how much memory it holds idle, as `node build/api/main.js` (npm start) and, for
 * comparison, as `tsx api/main.ts` (how npm start ran it before issue 18). Production settings
 * (api/bench/product-server.ts) on a scratch PostgreSQL database, migrated before the clock
 * starts; idle RSS is read 3 s after the first answer and again once the idle trim has run.
 * Prints figures; passes or fails nothing.
 *
 * Settings: DATABASE_URL (a server to create the scratch database on), STARTUP_RUNS (default 3;
 * the median is printed), STARTUP_ROOT (another checkout to measure with tsx, e.g. an older one).
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { openDatabase } from "../db/client.js";
import { SETTLE_MS, startProductServer, type ProductServerOptions } from "./product-server.js";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const RUNS = Number(process.env.STARTUP_RUNS ?? 3);

async function measure(databaseUrl: string, options: ProductServerOptions): Promise<{ startMs: number; idleMiB: number; settledMiB: number }> {
  const server = await startProductServer(databaseUrl, {}, options);
  await sleep(3000);
  const idleMiB = server.rssMiB();
  await sleep(SETTLE_MS - 3000);
  const figures = { startMs: server.startMs, idleMiB, settledMiB: server.rssMiB() };
  await server.close();
  return figures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const name = `startup_${process.pid}_${randomBytes(3).toString("hex")}`;
const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
try {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() });
  await database.migrate();
  await database.close();
  const variants: { label: string; options: ProductServerOptions }[] = [
    { label: "node --expose-gc build/api/main.js (npm start)", options: { runner: "compiled" } },
    { label: "tsx api/main.ts", options: { runner: "tsx" } },
    ...(process.env.STARTUP_ROOT ? [{ label: `tsx api/main.ts in ${process.env.STARTUP_ROOT}`, options: { runner: "tsx" as const, root: process.env.STARTUP_ROOT } }] : []),
  ];
  console.log(`production start-up, median of ${RUNS} runs each`);
  console.log(`server | first answer ms | idle RSS MiB 3 s after | ${SETTLE_MS / 1000} s after`);
  for (const variant of variants) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(url.toString(), variant.options));
    console.log(
      `${variant.label} | ${Math.round(median(runs.map((r) => r.startMs)))} | ${median(runs.map((r) => r.idleMiB)).toFixed(0)} | ${median(runs.map((r) => r.settledMiB)).toFixed(0)}`,
    );
  }
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
