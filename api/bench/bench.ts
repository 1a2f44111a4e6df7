/**
 * `npm run bench`: throughput and latency of the main reads and writes at 32 connections,
 * against a real PostgreSQL seeded with 1,000 and then 100,000 live sessions, beside baselines
 * serving the same page of the same data (issue 18; api/bench/baselines/): a bare node:http
 * server running the same SQL through postgres-js (the list; and a bare enroll, one transaction),
 * which every ratio divides by; Fastify 5 with the same SQL; PostGraphile 4; Apollo Server 5 with a
 * hand-written schema and the same SQL. The product runs as production does (product-server.ts:
 * the compiled server, NODE_ENV=production, request logging at info, compression on) in its own
 * process, each baseline in its own (baselines/launch.ts, which checks each one's page before a
 * size is measured), and so does the load generator (load-generator.ts). Prints figures, the
 * product's memory idle after start and after the run (each read at once and again once the
 * process has been idle for SETTLE_MS) and each baseline's after the run; never
 * passes or fails. `npm run bench` builds first (the server runs build/api/main.js).
 *
 * Settings: DATABASE_URL (a server to create a scratch database on; default the local
 * PostgreSQL), BENCH_SECONDS (per scenario and round, default 10), BENCH_SIZES (default 1000,100000),
 * BENCH_ROUNDS (turns each read scenario takes, default 3; the median is reported),
 * BENCH_ONLY (comma-separated scenario names to run, e.g. "baseline,rest-list" while profiling:
 * "baseline" is the bare node:http list, "fastify", "postgraphile" and "apollo" the other baselines'
 * lists, then the product's "rest-list", "graphql-list", "detail", "enroll" (with the bare enroll)
 * and "join-token"; the bare node:http server always starts, for the ratios and the bare enroll),
 * BENCH_GZIP: "both" (default: each of the product's reads with and without `Accept-Encoding: gzip`,
 * as browsers and most clients send it), "true" (with only) or "false" (without only); the
 * baselines never compress, so their lists run once, without, whatever it says, and every read's
 * ratio is to the bare list without. BENCH_SETTLE_MS (default 40000): how long the product sits
 * idle before its memory is read again, after start and after the run. BENCH_LOG_STATEMENTS=1
 * has PostgreSQL log every statement of the scratch database with its duration (to its server log:
 * where each connection's time goes, e.g. how long a transaction holds a row lock; it slows the run).
 */
import { randomBytes } from "node:crypto";
import { cpus, totalmem } from "node:os";
import { fork } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDatabase } from "../db/client.js";
import { BASELINES, LIST_QUERY } from "./baselines/catalogue.js";
import { launchBaseline, verifyListPage } from "./baselines/launch.js";
import type { LoadFigures, LoadJob } from "./load-generator.js";
import { SETTLE_MS, startProductServer } from "./product-server.js";
import { seedBenchData, seedBaselineStudents } from "./seed-bench-data.js";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const CONNECTIONS = 32;
const GZIP = process.env.BENCH_GZIP ?? "both";
if (!["both", "true", "false"].includes(GZIP)) throw new Error(`BENCH_GZIP: "${GZIP}"; choose both, true or false`);
const ENCODINGS = GZIP === "both" ? [false, true] : [GZIP === "true"];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = Math.min(3, SECONDS);
const SCENARIOS = ["baseline", "fastify", "postgraphile", "apollo", "rest-list", "graphql-list", "detail", "enroll", "join-token"] as const;
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
    generator.send({ connections: CONNECTIONS, ...(job.amount ? {} : { duration: SECONDS }), ...job });
  }).then((r) => {
    process.stdout.write(`  ${name}: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${Math.round(r.bytesPerRequest)} B/response\n`);
    return r;
  });
}

/** Every read's ratio divides by this scenario's figures (enrolls by the bare enroll's). */
const BARE_LIST = "baseline list (node:http)";
const BARE_ENROLL = "baseline enroll (node:http)";

async function main() {
  const name = `bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const results: Result[] = [];
  console.log(`Live Sessions benchmark: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per scenario and round, ${ROUNDS} rounds of the reads, ${GZIP === "both" ? "reads with and without Accept-Encoding: gzip" : GZIP === "true" ? "Accept-Encoding: gzip" : "no Accept-Encoding"}, scratch database ${name}\n`);
  // What to stop, last started first, however the run ends: a failed check must not leave the product's process running.
  const stops: (() => Promise<unknown>)[] = [async () => generator.connected && generator.disconnect()];
  try {
    const database = await openDatabase({ kind: "postgres", url: databaseUrl, maxConnections: 10 });
    stops.unshift(() => database.close());
    await database.migrate();
    if (process.env.BENCH_LOG_STATEMENTS) await admin.unsafe(`alter database ${name} set log_min_duration_statement = 0`);
    // Rate limits off: the write scenarios measure the work, not 429s.
    // The anonymous reads still count (the counting is part of their cost), they are just never refused.
    const unlimited = { RATE_LIMIT_CREATE_SESSION: "1000000", RATE_LIMIT_ENROLL: "1000000", RATE_LIMIT_JOIN_TOKEN: "1000000", RATE_LIMIT_ANONYMOUS: "1000000000" };
    const product = await startProductServer(databaseUrl, unlimited);
    stops.unshift(() => product.close());
    // Idle: what the process holds once started, after a moment for start-up's garbage to go;
    // then once it has been idle long enough to hand back memory (api/http/idle-memory.ts).
    await sleep(3000);
    const idleRss = product.rssMiB();
    await sleep(SETTLE_MS - 3000);
    const idleSettledRss = product.rssMiB();
    console.log(
      `product server: first answer ${Math.round(product.startMs)} ms after spawning, idle RSS ${idleRss.toFixed(0)} MiB 3 s later, ${idleSettledRss.toFixed(0)} MiB ${SETTLE_MS / 1000} s later\n`,
    );
    const base = product.url;
    // The bare node:http server always runs (the ratios, the bare enroll); the others when asked for.
    const launched = await Promise.allSettled(
      BASELINES.filter((b) => b.scenario === "baseline" || wanted(b.scenario)).map(async (kind) => ({ kind, server: await launchBaseline(kind, databaseUrl) })),
    );
    const baselines = launched.flatMap((l) => (l.status === "fulfilled" ? [l.value] : []));
    for (const b of baselines) stops.unshift(() => b.server.close());
    for (const l of launched) if (l.status === "rejected") throw l.reason;
    const bare = baselines.find((b) => b.kind.scenario === "baseline")!;
    const baseline = bare.server;
    for (const b of baselines) console.log(`${b.kind.server}: listening, RSS ${b.server.rssMiB().toFixed(0)} MiB`);
    console.log("");

    for (const size of SIZES) {
      console.log(`${size.toLocaleString("en")} live sessions`);
      await seedBenchData(database, size);
      // Each baseline's page, checked once before anything is measured: 200, 20 sessions, the bare list's page and total.
      const reference = await verifyListPage(bare.kind, bare.server.url);
      for (const b of baselines) if (b !== bare) await verifyListPage(b.kind, b.server.url, reference);
      const add = (scenario: string, r: LoadFigures) => results.push({ scenario, size, ...r });

      // The read scenarios take turns, round after round, and each reports its median round:
      // this machine's speed drifts over a minute, and the ratios to the baseline should not.
      type Read = { key: Scenario; label: string; opts: Omit<LoadJob, "connections"> };
      // The baselines never compress: their lists run without gzip only.
      const baselineReads: Read[] = baselines.map((b) => ({ key: b.kind.scenario, label: b.kind.label, opts: b.kind.listJob(b.server.url) }));
      const productReads: Read[] = [
        { key: "rest-list", label: "REST list", opts: { url: `${base}/api/live/sessions?status=live&limit=20` } },
        {
          key: "graphql-list",
          label: "GraphQL list",
          opts: { url: `${base}/graphql`, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: LIST_QUERY }) },
        },
        { key: "detail", label: "REST session detail", opts: { url: `${base}/api/live/sessions/ses_bench0000500` } },
      ];
      const reads = [
        ...baselineReads,
        ...ENCODINGS.flatMap((gzip) =>
          productReads.map((r) => (gzip ? { ...r, label: `${r.label} (gzip)`, opts: { ...r.opts, headers: { ...r.opts.headers, "accept-encoding": "gzip" } } } : r)),
        ),
      ];
      // A warm-up turn first, not counted: the product's JIT, prepared statements and PostgreSQL's
      // caches start cold, and the first size's first round measured that rather than the server.
      for (const read of reads.filter((r) => wanted(r.key))) await run(`${read.label}, warm-up (not counted)`, { ...read.opts, duration: WARM_UP_SECONDS });
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
        Array.from({ length: students }, (_, i) => product.mintAccessToken({ sub: `bench|student-${size}-${i}`, name: `Student ${i}` })),
      );
      const rotating = (url: string, authorizations: string[]): Omit<LoadJob, "connections"> => ({ url, method: "POST", amount: students, authorizations });
      const bearers = tokens.map((t) => `Bearer ${t}`);
      if (wanted("enroll")) {
        // The bare enroll's students exist already; the product's are seen for the first time.
        const baselineStudents = await seedBaselineStudents(database, size, students);
        add(BARE_ENROLL, await run("baseline enroll", rotating(`${baseline.url}/enroll/ses_bench0000002`, baselineStudents)));
      }
      // joinToken needs the students enrolled, so it runs enroll first.
      if (writes) add("enroll (distinct students)", await run("enroll", rotating(`${base}/api/live/sessions/ses_bench0000001/enroll`, bearers)));
      if (wanted("join-token")) add("joinToken (enrolled students)", await run("joinToken", rotating(`${base}/api/live/sessions/ses_bench0000001/join-token`, bearers)));
      console.log("");
    }

    const afterRss = product.rssMiB();
    // Each baseline's process after the run: the bare node:http's serves the bare enroll too.
    const baselineRss = new Map<string, number>();
    for (const b of baselines) baselineRss.set(b.kind.label, b.server.rssMiB());
    baselineRss.set(BARE_ENROLL, baseline.rssMiB());
    await sleep(SETTLE_MS);
    const afterSettledRss = product.rssMiB();
    printSummary(results);
    printIssueTable(results, { idleRss, idleSettledRss, afterRss, afterSettledRss, startMs: product.startMs, baselineRss });
  } finally {
    for (const stop of stops) await stop().catch((error: Error) => console.error(`while stopping: ${error.message}`));
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
    // Enrolls compare with the bare enroll; reads (gzip ones too: the bare list never compresses) and joinToken with the bare list.
    const write = /enroll/.test(r.scenario);
    const baseline = results.find((b) => b.size === r.size && b.scenario === (write ? BARE_ENROLL : BARE_LIST));
    const ratio = baseline ? (r.rps / baseline.rps).toFixed(2) : "–";
    const p99Ratio = baseline ? (r.p99 / Math.max(baseline.p99, 0.5)).toFixed(2) : "–";
    console.log(
      `${r.scenario} | ${r.size.toLocaleString("en")} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} | ${p99Ratio} | ${Math.round(r.bytesPerRequest)} | ${r.errors}`,
    );
  }
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  if (small !== large) {
    for (const scenario of ["REST list", "GraphQL list", "REST list (gzip)", "GraphQL list (gzip)"]) {
      const a = results.find((r) => r.scenario === scenario && r.size === small);
      const b = results.find((r) => r.scenario === scenario && r.size === large);
      if (!a || !b) continue;
      console.log(`${scenario}: p50 at ${large.toLocaleString("en")} / ${small.toLocaleString("en")} = ${(b.p50 / Math.max(a.p50, 0.5)).toFixed(2)}, p99 ratio ${(b.p99 / Math.max(a.p99, 0.5)).toFixed(2)}`);
    }
  }
}

/**
 * Issue 18's table: each baseline's and each product scenario's req/s at the smallest and largest
 * size with its ratio to the bare baseline of the same run (reads and joinToken to the bare list,
 * enroll to the bare enroll), the p99 ratio, and the memory of the process that served it after the
 * run (the product's idle after start too). Baselines are named by their server.
 */
interface ProductMemory {
  idleRss: number;
  idleSettledRss: number;
  afterRss: number;
  afterSettledRss: number;
  startMs: number;
  baselineRss: Map<string, number>;
}

function printIssueTable(results: Result[], memory: ProductMemory) {
  const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
  const sizes = small === large ? [small] : [small, large];
  const cell = (scenario: string, size: number) => {
    const r = results.find((x) => x.scenario === scenario && x.size === size);
    if (!r) return "–";
    const write = /enroll/.test(scenario);
    const base = results.find((b) => b.size === size && b.scenario === (write ? BARE_ENROLL : BARE_LIST));
    if (!base) return `${Math.round(r.rps)}`;
    return `${Math.round(r.rps).toLocaleString("en")} (${(r.rps / base.rps).toFixed(2)}; p99 ×${(r.p99 / Math.max(base.p99, 0.5)).toFixed(2)})`;
  };
  const name = (scenario: string) => {
    const server = BASELINES.find((b) => b.label === scenario)?.server;
    return server ? `${server} (list)` : scenario === BARE_ENROLL ? "bare node:http + postgres-js (enroll)" : `product ${scenario}`;
  };
  const rss = (scenario: string) => {
    const mib = memory.baselineRss.get(scenario);
    return mib !== undefined
      ? `${mib.toFixed(0)} MiB`
      : `${memory.afterRss.toFixed(0)} MiB, ${memory.afterSettledRss.toFixed(0)} once idle (idle after start ${memory.idleRss.toFixed(0)}, ${memory.idleSettledRss.toFixed(0)} once idle)`;
  };
  console.log(`\nserver (same SQL, same data) | ${sizes.map((n) => `${n.toLocaleString("en")} sessions req/s (÷ node:http; p99 ÷)`).join(" | ")} | RSS after run`);
  const rows = [...new Set(results.map((r) => r.scenario))];
  for (const scenario of rows) console.log(`${name(scenario)} | ${sizes.map((n) => cell(scenario, n)).join(" | ")} | ${rss(scenario)}`);
  const settled = `${SETTLE_MS / 1000} s later`;
  console.log(
    `product server RSS: idle after start ${memory.idleRss.toFixed(0)} MiB (${memory.idleSettledRss.toFixed(0)} ${settled}), ` +
      `after the run ${memory.afterRss.toFixed(0)} MiB (${memory.afterSettledRss.toFixed(0)} ${settled}); first answer ${Math.round(memory.startMs)} ms after spawning`,
  );
}

await main();
