import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runEvery } from "./periodic.js";

describe("runEvery", () => {
  afterEach(() => vi.useRealTimers());

  it("runs on each interval, skips a tick while the last run is still going, and stops", async () => {
    vi.useFakeTimers();
    let runs = 0;
    let release: () => void = () => {};
    const stop = runEvery(
      1000,
      "test task",
      () => {
        runs++;
        return new Promise<void>((r) => (release = r));
      },
      pino({ level: "silent" }),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1); // still running: no pile-up
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    release();
    await stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });

  it("logs a failure and tries again on the next tick", async () => {
    vi.useFakeTimers();
    const errors: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(JSON.parse(line).msg) });
    let runs = 0;
    const stop = runEvery(1000, "flaky task", async () => {
      runs++;
      throw new Error("database hiccup");
    }, logger);
    await vi.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(2);
    expect(errors).toEqual(["flaky task failed; will retry", "flaky task failed; will retry"]);
    await stop();
  });
});
