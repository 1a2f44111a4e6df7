/**
 * The server side of `npm run bench:room`, in its own process so its CPU can be measured
 * apart from the browsers: the whole service as `npm start` runs it (built web app, local
 * sign-in, 100ms emulator and the local media plane with its werift forwarder), on a
 * fresh PGlite directory. Prints one JSON line `{url, pid}` once it listens; stops when
 * its stdin closes (the bench ends or dies).
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { compose } from "../composition.js";
import { loadEnv } from "../config/env.js";
import { freeLoopbackPort } from "../test-support/free-port.js";

const port = await freeLoopbackPort();
const url = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "room-bench-"));
const env = loadEnv({
  NODE_ENV: "test",
  PORT: String(port),
  APP_URL: url,
  DEMO_DATA: "false",
  DATA_DIR: dataDir,
  // Three browsers sign in from 127.0.0.1 in quick succession: the per-address limits are not measured here.
  RATE_LIMIT_ANONYMOUS: "1000000",
  RATE_LIMIT_SIGN_IN: "1000000",
});
const composition = await compose(env, { logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? "silent" }), web: true });
const server: Server = await new Promise((resolve) => {
  const s = composition.app.listen(port, "127.0.0.1", () => resolve(s));
});
composition.listening(server);
process.stdout.write(`${JSON.stringify({ url, pid: process.pid })}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await composition.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.stdin.on("end", () => void stop());
process.stdin.on("close", () => void stop());
process.stdin.resume();
process.on("SIGTERM", () => void stop());
