/** The production logger (api/logger.ts) writing to memory, so a test can read what was logged. */
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { createLogger } from "../logger.js";

export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  req?: { id?: string; url?: string };
  res?: { statusCode?: number };
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

export interface CapturedLogs {
  logger: Logger;
  /** Every line exactly as it would have reached stdout. */
  text(): string;
  lines(): LogLine[];
  clear(): void;
}

/** pino's numeric levels. */
export const LEVEL = { info: 30, warn: 40, error: 50 } as const;

export function captureLogs(level = "trace"): CapturedLogs {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
    clear: () => {
      chunks.length = 0;
    },
  };
}
