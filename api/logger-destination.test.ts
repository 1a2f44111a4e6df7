/**
 * The server's logger writes asynchronously (pino.destination sync:false): a line logged just
 * before the process exits must still be written once flush() runs, with the same redaction
 * as every other line.
 */
import { mkdtempSync, readFileSync, openSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProcessLogger } from "./logger.js";

describe("the process logger", () => {
  it("has written every line, redacted, once flush() returns", () => {
    const file = join(mkdtempSync(join(tmpdir(), "logger-")), "log.ndjson");
    const fd = openSync(file, "w");
    const { logger, flush } = createProcessLogger("info", fd);
    for (let i = 0; i < 200; i++) logger.info({ i, authorization: "Bearer secret-token-value" }, "request completed");
    logger.debug("below the level");
    flush();
    const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { i: number; authorization: string; msg: string });
    closeSync(fd);
    expect(lines).toHaveLength(200);
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(lines.every((l) => l.authorization === "[redacted]" && l.msg === "request completed")).toBe(true);
  });
});
