/** A background task on an interval that never overlaps itself and never throws. */
import type { Logger } from "pino";

export function runEvery(intervalMs: number, name: string, task: () => Promise<unknown>, logger: Logger): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    // A slow run (a database hiccup) must not pile up copies of itself.
    if (running) return;
    running = task()
      .catch((error: unknown) => logger.error({ err: error, task: name }, `${name} failed; will retry`))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
