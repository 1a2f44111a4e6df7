/**
 * Starts one baseline (catalogue.ts) in a process of its own, as the product runs in its own
 * (product-server.ts): its memory is then its alone, read from /proc like the product's, and it
 * shares no event loop with the bench. Its module is first compiled as the product's server is
 * (esbuild, one ESM file, packages external, into build/bench-baselines/) and run by plain node:
 * under tsx (`node --import tsx`) a process carries its loader, about 37 MiB of RSS here, which
 * the compiled product does not. NODE_ENV=production, as the product's.
 *
 * Before a size is measured, `verifyListPage` asks each baseline for its page once: a baseline
 * that answered errors, or an empty page, fast would otherwise look fast.
 */
import { fork } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { rssMiB } from "../product-server.js";
import type { Baseline, ListPage } from "./catalogue.js";

export interface BaselineServer {
  url: string;
  /** The process's resident memory, MiB (/proc/<pid>/status VmRSS). */
  rssMiB(): number;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
const OUT_DIR = fileURLToPath(new URL("../../../build/bench-baselines/", import.meta.url));

export async function launchBaseline(baseline: Baseline, databaseUrl: string): Promise<BaselineServer> {
  await build({
    entryPoints: [fileURLToPath(new URL(`./${baseline.module}`, import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir: OUT_DIR,
    logLevel: "warning",
  });
  const child = fork(join(OUT_DIR, baseline.module.replace(/\.ts$/, ".js")), [], {
    execArgv: [],
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${baseline.server}: no port within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    child.once("message", (message: { port: number }) => {
      settled = true;
      clearTimeout(timer);
      resolve(message.port);
    });
    void exited.then((code) => fail(new Error(`${baseline.server} (${baseline.module}) exited (${code}) before listening`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    rssMiB: () => rssMiB(child.pid!),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * One request of the baseline's list scenario: it must answer 200 with 20 sessions, each with
 * an id and its expert's name, and a total above 0; and, given the bare list's page, the same
 * sessions in the same order and the same total (the same page of the same data).
 */
export async function verifyListPage(baseline: Baseline, url: string, reference?: ListPage): Promise<ListPage> {
  const job = baseline.listJob(url);
  const answer = await fetch(job.url, { method: job.method ?? "GET", headers: job.headers, body: job.body });
  const text = await answer.text();
  const wrong = (why: string) => new Error(`${baseline.server}: ${why}; the answer (${answer.status}): ${text.slice(0, 500)}`);
  if (answer.status !== 200) throw wrong("not 200");
  let page: ListPage;
  try {
    page = baseline.page(JSON.parse(text));
  } catch {
    throw wrong("not the page's shape");
  }
  if (!Array.isArray(page.items) || page.items.length !== 20) throw wrong(`${page.items?.length} sessions, not 20`);
  if (page.items.some((item) => typeof item.id !== "string" || typeof item.expertName !== "string" || !item.expertName)) throw wrong("a session without its id or expert's name");
  if (!(page.total > 0)) throw wrong(`total ${page.total}`);
  if (reference) {
    const ids = page.items.map((item) => item.id).join();
    if (ids !== reference.items.map((item) => item.id).join()) throw wrong("not the bare list's sessions in its order");
    if (page.total !== reference.total) throw wrong(`total ${page.total}, the bare list's ${reference.total}`);
  }
  return page;
}
