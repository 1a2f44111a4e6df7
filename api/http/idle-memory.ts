/**
 * Hands back the memory a burst of work left behind once the server has gone quiet.
 *
 * V8 grows its young generation (up to 2 × 16 MiB on Node 20) while a process allocates fast —
 * at start-up and under load — and its old generation with the load; it gives them back only
 * after collections that run while allocation is slow. An idle server allocates almost nothing,
 * so it runs no collection and keeps what it grew: measured on the production build, an RSS of
 * ~136 MiB idle after start and ~240 MiB after a burst of list requests, for 40 s and more.
 *
 * So in each period of IDLE_MEMORY_TRIM_SECONDS in which no request started and none ran, one
 * young-generation collection runs (1–8 ms measured; nothing is waiting). Within about three
 * periods V8 shrinks the young generation and releases the old generation's emptied pages: the
 * same measures fell to ~106 MiB (BENCHMARKS.md, 2026-12-04 late; `npm run bench:startup`).
 * It needs `node --expose-gc` (npm start passes it); without it nothing runs, and production
 * says so once.
 */
import type { Logger } from "pino";

/** V8's `gc()` as `--expose-gc` exposes it. */
export type ExposedGc = (options?: { type?: "major" | "minor"; execution?: "sync" | "async" }) => void;

export interface IdleMemoryTrim {
  requestStarted(): void;
  stop(): void;
}

export interface IdleMemoryTrimOptions {
  /** How long the server must have been without requests before a collection; 0 turns trimming off. */
  idleMs: number;
  /** Whether a request is running now: the server's own count of them (server-lifecycle.ts). */
  busy(): boolean;
  logger: Logger;
  /** Production warns when `gc` is missing; elsewhere (tests, `npm run dev`) it is expected. */
  production: boolean;
  /** Defaults to the global that `--expose-gc` sets; null: none, as without the flag. */
  gc?: ExposedGc | null;
}

const MiB = 1024 * 1024;

export function trimMemoryWhenIdle(options: IdleMemoryTrimOptions): IdleMemoryTrim {
  const gc = options.gc === undefined ? (globalThis as { gc?: ExposedGc }).gc : options.gc;
  let started = 0;
  let startedAtLastLook = 0;
  let rssAtLastLook = process.memoryUsage.rss();

  const look = () => {
    const quiet = !options.busy() && started === startedAtLastLook;
    startedAtLastLook = started;
    if (!quiet || !gc) return;
    const startedAt = performance.now();
    gc({ type: "minor" });
    const ms = performance.now() - startedAt;
    const rss = process.memoryUsage.rss();
    // Most of what comes back comes a period or two later, when V8 releases pages on its own.
    if (rssAtLastLook - rss >= MiB) {
      options.logger.debug({ rssMiB: +(rss / MiB).toFixed(1), returnedMiB: +((rssAtLastLook - rss) / MiB).toFixed(1), ms: +ms.toFixed(1) }, "idle: memory handed back");
    }
    rssAtLastLook = rss;
  };

  if (options.idleMs > 0 && !gc && options.production) {
    options.logger.warn("IDLE_MEMORY_TRIM_SECONDS is set but the process was started without `node --expose-gc` (npm start passes it): idle memory is not handed back");
  }
  const timer = options.idleMs > 0 && gc ? setInterval(look, options.idleMs) : undefined;
  // Never what keeps the process alive.
  timer?.unref();

  return {
    requestStarted() {
      started++;
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
