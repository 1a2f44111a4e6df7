/**
 * `npm run bench:web`: what the web app costs a phone. Lighthouse's mobile run (a mid-range
 * phone on a slow 4G link, simulated) on the browse page, three times, with the median; then
 * the bytes each page sends over the wire to a fresh phone-sized Chromium, signed out and
 * signed in. Figures only, nothing passes or fails. Debian's Chromium (CHROMIUM_PATH), no
 * download; the service runs as the browser tests run it (built web app, local stand-ins).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium, type Browser, type Response } from "playwright-core";
import pino from "pino";
import { compose, type Composition } from "../composition.js";
import { loadEnv } from "../config/env.js";
import { freeLoopbackPort } from "../test-support/free-port.js";
import { CHROMIUM, CHROMIUM_ARGS, signIn } from "../../web/e2e/page-steps.js";

/** The service as `npm start` runs it (built web app, local stand-ins) on a fresh PGlite directory. */
interface Running {
  url: string;
  composition: Composition;
  browser: Browser;
}

async function start(): Promise<Running & { stop(): Promise<void> }> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "web-bench-"));
  const env = loadEnv({ NODE_ENV: "test", PORT: String(port), APP_URL: url, DEMO_DATA: "false", DATA_DIR: dataDir, RATE_LIMIT_ANONYMOUS: "1000000", RATE_LIMIT_SIGN_IN: "1000000" });
  const composition = await compose(env, { logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? "silent" }), web: true });
  const server: Server = await new Promise((resolve) => {
    const s = composition.app.listen(port, "127.0.0.1", () => resolve(s));
  });
  composition.listening(server);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url,
    composition,
    browser,
    async stop() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await composition.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const HOUR = 3_600_000;

/** A browse page as people meet it: a full first page of upcoming classes, and more pages. */
async function seed(e2e: Running): Promise<string> {
  const services = e2e.composition.services;
  const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
  let first = "";
  for (let i = 0; i < 14; i++) {
    const start = new Date(Date.now() + (i + 1) * 3 * HOUR);
    const s = await services.createSession(deepak, {
      title: ["Morning Vinyasa Flow", "Gentle Hatha", "Yin for Sleep", "Power Flow", "Breath and Balance", "Hip Openers", "Core Strength"][i % 7]!,
      description: "Breath, flow and rest.",
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
      maxParticipants: 20,
      price: i % 3 === 0 ? 499 : 0,
      currency: "INR",
      metadata: { category: "Vinyasa", difficulty: "beginner" },
    });
    first ||= s.id;
  }
  return first;
}

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  bytes: number;
}

async function lighthouseOnce(url: string): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    const lhr = result!.lhr;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      bytes: audit("total-byte-weight"),
    };
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Bytes of each kind a fresh phone-sized page receives while opening `path` (compressed, as sent). */
async function wireBytes(e2e: Running, path: string, as?: { name: string }): Promise<Record<string, number>> {
  const phone = { baseURL: e2e.url, viewport: { width: 390, height: 844 } };
  // Signed in, then a fresh context with only the cookies: nothing of the sign-in's pages stays cached.
  let storageState: Awaited<ReturnType<import("playwright-core").BrowserContext["storageState"]>> | undefined;
  if (as) {
    const signing = await e2e.browser.newContext(phone);
    await signIn(await signing.newPage(), as.name);
    storageState = await signing.storageState();
    await signing.close();
  }
  const context = await e2e.browser.newContext({ ...phone, storageState });
  const page = await context.newPage();
  const responses: Response[] = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(path, { waitUntil: "networkidle" });
  const out: Record<string, number> = { document: 0, script: 0, stylesheet: 0, fetch: 0, other: 0 };
  for (const r of responses) {
    if (!r.url().startsWith(e2e.url)) continue;
    const type = r.request().resourceType();
    const key = type in out ? type : "other";
    out[key] = out[key]! + (await r.request().sizes()).responseBodySize;
  }
  await context.close();
  return out;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const e2e = await start();
try {
  const id = await seed(e2e);
  console.log(`Lighthouse ${RUNS}× on ${e2e.url}/app/live (mobile, simulated slow 4G and 4× CPU slowdown), signed out:`);
  const runs: LighthouseFigures[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await lighthouseOnce(`${e2e.url}/app/live`);
    runs.push(r);
    console.log(`  run ${i + 1}: performance ${r.performance}, accessibility ${r.accessibility}, FCP ${(r.fcp / 1000).toFixed(2)} s, LCP ${(r.lcp / 1000).toFixed(2)} s, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, ${kb(r.bytes)} KB`);
  }
  const m = (key: keyof LighthouseFigures) => median(runs.map((r) => r[key]));
  console.log(`  median: performance ${m("performance")}, accessibility ${m("accessibility")}, FCP ${(m("fcp") / 1000).toFixed(2)} s, LCP ${(m("lcp") / 1000).toFixed(2)} s, TBT ${Math.round(m("tbt"))} ms`);

  console.log("\nBytes on the wire per page (a fresh phone-sized Chromium, nothing cached; KB as sent):");
  console.log("| page | who | HTML | JS | CSS | data | other | total |");
  console.log("|---|---|---|---|---|---|---|---|");
  const pages: [string, string, { name: string } | undefined][] = [
    ["/app/live", "signed out", undefined],
    [`/app/live/${id}`, "signed out", undefined],
    ["/app/live", "student", { name: "Priya Sharma" }],
    [`/app/live/${id}`, "student", { name: "Priya Sharma" }],
    ["/app/live/enrollments", "student", { name: "Priya Sharma" }],
    [`/app/live/join/${id}`, "student", { name: "Priya Sharma" }],
    ["/app/live/dashboard", "expert", { name: "Deepak Kumar" }],
    ["/app/live/new", "expert", { name: "Deepak Kumar" }],
  ];
  for (const [path, who, as] of pages) {
    const b = await wireBytes(e2e, path, as);
    const total = Object.values(b).reduce((s, v) => s + v, 0);
    console.log(`| \`${path.replace(id, ":id")}\` | ${who} | ${kb(b.document!)} | ${kb(b.script!)} | ${kb(b.stylesheet!)} | ${kb(b.fetch!)} | ${kb(b.other!)} | ${kb(total)} |`);
  }
} finally {
  await e2e.stop();
}
