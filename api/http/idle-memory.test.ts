/**
 * The idle trim (idle-memory.ts) with V8's real collector: it collects in each quiet period,
 * never while a request runs or while requests keep arriving. What that hands back is V8's doing
 * and takes tens of seconds, so it is measured, not tested: `npm run bench:startup` and the
 * memory lines of `npm run bench` read RSS at once and after SETTLE_MS.
 */
import { setFlagsFromString } from "node:v8";
import { setTimeout as sleep } from "node:timers/promises";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { captureLogs, LEVEL } from "../test-support/captured-logs.js";
import { trimMemoryWhenIdle, type ExposedGc, type IdleMemoryTrim } from "./idle-memory.js";

// What `node --expose-gc` puts on the global, taken from a fresh context (vitest's workers run without the flag).
setFlagsFromString("--expose-gc");
const realGc = runInNewContext("gc") as ExposedGc;

/** The real collector, with a record of each call. */
function countedGc() {
  const calls: Parameters<ExposedGc>[0][] = [];
  const gc: ExposedGc = (options) => {
    calls.push(options);
    realGc(options);
  };
  return { gc, calls };
}

let trim: IdleMemoryTrim | undefined;
afterEach(() => trim?.stop());

describe("trimMemoryWhenIdle", () => {
  it("never collects while a request runs or while requests keep arriving, and does once they stop", async () => {
    const { gc, calls } = countedGc();
    let running = 0;
    trim = trimMemoryWhenIdle({ idleMs: 200, busy: () => running > 0, logger: captureLogs().logger, production: true, gc });

    // A request running through three periods.
    running++;
    trim.requestStarted();
    await sleep(600);
    expect(calls).toHaveLength(0);
    running--;

    // Short requests every 20 ms through four periods: each period saw one start.
    for (let i = 0; i < 40; i++) {
      trim.requestStarted();
      await sleep(20);
    }
    expect(calls).toHaveLength(0);

    await sleep(500);
    expect(calls.length).toBeGreaterThanOrEqual(1);
  });

  it("collects once in each quiet period while the quiet lasts", async () => {
    const { gc, calls } = countedGc();
    trim = trimMemoryWhenIdle({ idleMs: 40, busy: () => false, logger: captureLogs().logger, production: true, gc });
    await sleep(420);
    // Ten periods: one collection each (a timer may run a period late on a busy machine).
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(new Set(calls.map((c) => c?.type))).toEqual(new Set(["minor"]));
  });

  it("without --expose-gc, production says how to turn it on, once; elsewhere it stays quiet", () => {
    const production = captureLogs();
    trim = trimMemoryWhenIdle({ idleMs: 10_000, busy: () => false, logger: production.logger, production: true, gc: null });
    trim.stop();
    expect(production.lines().filter((l) => l.level === LEVEL.warn).map((l) => l.msg)).toEqual([expect.stringContaining("node --expose-gc")]);

    const development = captureLogs();
    trim = trimMemoryWhenIdle({ idleMs: 10_000, busy: () => false, logger: development.logger, production: false, gc: null });
    expect(development.lines()).toEqual([]);
  });

  it("with IDLE_MEMORY_TRIM_SECONDS=0 never collects", async () => {
    const { gc, calls } = countedGc();
    const logs = captureLogs();
    trim = trimMemoryWhenIdle({ idleMs: 0, busy: () => false, logger: logs.logger, production: true, gc });
    await sleep(200);
    expect(calls).toHaveLength(0);
    expect(logs.lines()).toEqual([]);
  });
});
