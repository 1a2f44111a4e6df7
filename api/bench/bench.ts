/**
 * `npm run bench`: throughput and latency of the main reads and writes at 32 connections,
 * against a real PostgreSQL seeded with 1,000 and then 100,000 live sessions, beside bare
 * node:http baselines running the same SQL (the list; an enroll's one transaction). The load
 * generator runs in its own process (load-generator.ts), so the measured server has its
 * event loop to itself. Prints figures; never passes or fails.
 *
 * Settings: DATABASE_URL (a server to create a scratch database on; default the local
 * PostgreSQL), BENCH_SECONDS (per scenario and round, default 10), BENCH_SIZES (default 1000,100000),
 * BENCH_ROUNDS (turns each read scenario takes, default 3; the median is reported),
 * BENCH_ONLY (comma-separated scenario names to run, e.g. "baseline,rest-list" while profiling),
 * BENCH_GZIP=true (every request says `Accept-Encoding: gzip`, as browsers and most clients do).
 */
import { randomBytes } from "node:crypto";
import { cpus, totalmem } from "node:os";
import type { AddressInfo } from "node:net";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import pino from "pino";
import postgres from "postgres";
import { compose } from "../composition.js";
import { loadEnv } from "../config/env.js";
import { openDatabase } from "../db/client.js";
import { startBaseline } from "./baseline-server.js";
import type { LoadFigures, LoadJob } from "./load-generator.js";
import { seedBenchData, seedBaselineStudents } from "./seed-bench-data.js";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const CONNECTIONS = 32;
const GZIP = process.env.BENCH_GZIP === "true";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCENARIOS = ["baseline", "rest-list", "graphql-list", "detail", "enroll", "join-token"] as const;
type Scenario = (typeof SCENARIOS)[number];
const ONLY = new Set((process.env.BENCH_ONLY ?? SCENARIOS.join(",")).split(",").map((s) => s.trim()));
const unknownScenario = [...ONLY].find((s) => !(SCENARIOS as readonly string[]).includes(s));
if (unknownScenario) throw new Error(`BENCH_ONLY: unknown scenario "${unknownScenario}"; choose from ${SCENARIOS.join(", ")}`);
const wanted = (s: Scenario) => ONLY.has(s);

interface Result extends LoadFigures {
  scenario: string;
  size: number;
}

/** The load generator's process (api/bench/load-generator.ts), one job at a time. */
const generator = fork(fileURLToPath(new URL("./load-generator.ts", import.meta.url)), { stdio: "inherit" });

function run(name: string, job: Omit<LoadJob, "connections">): Promise<LoadFigures> {
  return new Promise<LoadFigures>((resolve, reject) => {
    generator.once("message", (answer: { ok: true; figures: LoadFigures } | { ok: false; error: string }) =>
      answer.ok ? resolve(answer.figures) : reject(new Error(answer.error)),
    );
    // A fixed number of requests (`amount`) replaces the duration.
    const headers = { ...job.headers, ...(GZIP && { "accept-encoding": "gzip" }) };
    generator.send({ connections: CONNECTIONS, ...(job.amount ? {} : { duration: SECONDS }), ...job, headers });
  }).then((r) => {
    process.stdout.write(`  ${name}: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${Math.round(r.bytesPerRequest)} B/response\n`);
    return r;
  });
}

const LIST_QUERY = `query { sessions(status: LIVE, limit: 20) { total items { id expertId expertName expertAvatar title description sessionType
  scheduledStartTime scheduledEndTime actualStartTime maxParticipants currentViewers price currency status recordingAvailable
  enrolledCount attendedCount metadata { category difficulty equipment tags } featured isFree createdAt updatedAt } } }`;

async function main() {
  const name = `bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const results: Result[] = [];
  console.log(`Live Sessions benchmark: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per scenario and round, ${ROUNDS} rounds of the reads, ${GZIP ? "Accept-Encoding: gzip" : "no Accept-Encoding"}, scratch database ${name}\n`);
  try {
    const database = await openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 10 });
    await database.migrate();
    // Rate limits off: the write scenarios measure the work, not 429s.
    // The anonymous reads still count (the counting is part of their cost), they are just never refused.
    const unlimited = { RATE_LIMIT_CREATE_SESSION: "1000000", RATE_LIMIT_ENROLL: "1000000", RATE_LIMIT_JOIN_TOKEN: "1000000", RATE_LIMIT_ANONYMOUS: "1000000000" };
    const env = loadEnv({ NODE_ENV: "test", PORT: "0", DATABASE_URL: databaseUrl, DEMO_DATA: "false", LOG_LEVEL: "silent", DATA_DIR: "build/bench-data", ...unlimited });
    const app = await compose(env, { logger: pino({ level: "silent" }), database });
    const server = app.app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const baseline = await startBaseline(databaseUrl);
    const issuer = app.localIssuer!;

    for (const size of SIZES) {
      console.log(`${size.toLocaleString("en")} live sessions`);
      await seedBenchData(database, size);
      const add = (scenario: string, r: LoadFigures) => results.push({ scenario, size, ...r });

      // The read scenarios take turns, round after round, and each reports its median round:
      // this machine's speed drifts over a minute, and the ratios to the baseline should not.
      const reads: { key: Scenario; label: string; opts: Omit<LoadJob, "connections"> }[] = [
        { key: "baseline", label: "baseline list (node:http)", opts: { url: `${baseline.url}/?status=live&limit=20` } },
        { key: "rest-list", label: "REST list", opts: { url: `${base}/api/live/sessions?status=live&limit=20` } },
        {
          key: "graphql-list",
          label: "GraphQL list",
          opts: { url: `${base}/graphql`, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: LIST_QUERY }) },
        },
        { key: "detail", label: "REST session detail", opts: { url: `${base}/api/live/sessions/ses_bench0000500` } },
      ];
      const rounds = new Map<string, LoadFigures[]>();
      for (let round = 1; round <= ROUNDS; round++) {
        for (const read of reads.filter((r) => wanted(r.key))) {
          const result = await run(`${read.label}, round ${round}`, read.opts);
          rounds.set(read.label, [...(rounds.get(read.label) ?? []), result]);
        }
      }
      for (const [label, all] of rounds) {
        results.push({
          scenario: label,
          size,
          rps: median(all.map((r) => r.rps)),
          p50: median(all.map((r) => r.p50)),
          p99: median(all.map((r) => r.p99)),
          bytesPerRequest: median(all.map((r) => r.bytesPerRequest)),
          errors: all.reduce((sum, r) => sum + r.errors, 0),
        });
      }

      // Writes: each request is a different student (tokens minted up front), into one uncapped live session.
      const writes = wanted("enroll") || wanted("join-token");
      const students = writes ? Math.min(20_000, Math.max(2_000, SECONDS * 1_500)) : 0;
      const tokens = await Promise.all(
        Array.from({ length: students }, (_, i) => issuer.mintAccessToken({ sub: `bench|student-${size}-${i}`, name: `Student ${i}`, roles: [] })),
      );
      const rotating = (url: string, authorizations: string[]): Omit<LoadJob, "connections"> => ({ url, method: "POST", amount: students, authorizations });
      const bearers = tokens.map((t) => `Bearer ${t}`);
      if (wanted("enroll")) {
        // The bare enroll's students exist already; the product's are seen for the first time.
        const baselineStudents = await seedBaselineStudents(database, size, students);
        add("baseline enroll (node:http)", await run("baseline enroll", rotating(`${baseline.url}/enroll/ses_bench0000002`, baselineStudents)));
      }
      // joinToken needs the students enrolled, so it runs enroll first.
      if (writes) add("enroll (distinct students)", await run("enroll", rotating(`${base}/api/live/sessions/ses_bench0000001/enroll`, bearers)));
      if (wanted("join-token")) add("joinToken (enrolled students)", await run("joinToken", rotating(`${base}/api/live/sessions/ses_bench0000001/join-token`, bearers)));
      console.log("");
    }

    printSummary(results);
    generator.disconnect();
    await baseline.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await app.close();
    await database.close();
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function printSummary(results: Result[]) {
  console.log("scenario | sessions | req/s | p50 ms | p99 ms | × baseline req/s | × baseline p99 | B/response | errors");
  for (const r of results) {
    // Enrolls compare with the bare enroll; reads and joinToken with the bare list.
    const write = /enroll/.test(r.scenario);
    const baseline = results.find((b) => b.size === r.size && b.scenario.startsWith(write ? "baseline enroll" : "baseline list"));
    const ratio = baseline ? (r.rps / baseline.rps).toFixed(2) : "–";
    const p99Ratio = baseline ? (r.p99 / Math.max(baseline.p99, 0.5)).toFixed(2) : "–";
    console.log(
      `${r.scenario} | ${r.size.toLocaleString("en")} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} | ${p99Ratio} | ${Math.round(r.bytesPerRequest)} | ${r.errors}`,
    );
  }
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  if (small !== large) {
    for (const scenario of ["REST list", "GraphQL list"]) {
      const a = results.find((r) => r.scenario === scenario && r.size === small);
      const b = results.find((r) => r.scenario === scenario && r.size === large);
      if (!a || !b) continue;
      console.log(`${scenario}: p50 at ${large.toLocaleString("en")} / ${small.toLocaleString("en")} = ${(b.p50 / Math.max(a.p50, 0.5)).toFixed(2)}, p99 ratio ${(b.p99 / Math.max(a.p99, 0.5)).toFixed(2)}`);
    }
  }
}

await main();
