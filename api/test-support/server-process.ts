/**
 * Real server processes for the tests that need them (several instances on one database,
 * signals): `node --import tsx api/test-support/serve-for-test.ts`, which runs the same
 * lifecycle as `npm start`. What they share (the 100ms emulator and the identity
 * provider) runs in the test, and reaches them through the same settings real 100ms and
 * Auth0 would: HMS_API_BASE_URL + credentials, AUTH0_ISSUER_BASE_URL + AUTH0_AUDIENCE.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getDemoUser } from "../stand-ins/auth0/demo-users.js";
import { startLocalIssuer, type LocalIssuer } from "../stand-ins/auth0/local-issuer.js";
import { startHmsEmulator, type HmsEmulator } from "../stand-ins/hms-emulator/index.js";
import { HMS_TEST_CREDENTIALS } from "./service-harness.js";
import type { Caller } from "./test-app.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ENTRY = fileURLToPath(new URL("./serve-for-test.ts", import.meta.url));

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  /** Every JSON log line so far (non-JSON output is kept as `{ raw }`). */
  logs(): Record<string, unknown>[];
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM and wait for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** Starts one server process with these settings (on top of quiet test defaults) and waits until it listens. */
export async function spawnServer(settings: Record<string, string>, opts: { readyTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "ls-server-"));
  // --expose-gc as npm start passes it (api/http/idle-memory.ts).
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", ENTRY], {
    cwd: REPO_ROOT,
    // Only what the process needs: nothing of the test runner's environment leaks in.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      APP_URL: "http://app.test",
      LOG_LEVEL: "info",
      DEMO_DATA: "false",
      DATA_DIR: dataDir,
      // Every test request comes from 127.0.0.1; tests that mean to hit the limit set their own.
      RATE_LIMIT_ANONYMOUS: "1000000",
      RATE_LIMIT_SIGN_IN: "1000000",
      ...settings,
    },
    // stdin stays open while this process lives: serve-for-test.ts stops when it closes.
    stdio: ["pipe", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  let listening: ((port: number) => void) | undefined;
  const onLine = (line: string) => {
    if (line.trim() === "") return;
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      entry = { raw: line };
    }
    lines.push(entry);
    if (entry.msg === "Live Sessions is listening" && typeof entry.port === "number") listening?.(entry.port);
  };
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      parts.forEach(onLine);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // "close", not "exit": by then its output has been read to the end.
    child.once("close", (code, signal) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, signal });
    });
  });
  const describe = () => lines.map((l) => JSON.stringify(l)).join("\n");

  const port = await new Promise<number>((resolve, reject) => {
    const timeoutMs = opts.readyTimeoutMs ?? 90_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The server process did not listen within ${timeoutMs} ms. Output:\n${describe()}`));
    }, timeoutMs);
    listening = (p) => {
      clearTimeout(timer);
      resolve(p);
    };
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The server process exited (code ${code}, signal ${signal}) before listening. Output:\n${describe()}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    logs: () => [...lines],
    exited,
    signal: (signal) => void child.kill(signal),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The 100ms emulator and identity provider every spawned instance shares, and their settings. */
export interface SharedStandIns {
  emulator: HmsEmulator;
  issuer: LocalIssuer;
  /** HMS_* and AUTH0_* settings pointing a server process at them. */
  settings: Record<string, string>;
  tokenFor(caller: Exclude<Caller, null>): Promise<string>;
  close(): Promise<void>;
}

export async function startSharedStandIns(opts: { hmsTimeoutMs?: number } = {}): Promise<SharedStandIns> {
  const quiet = { info() {}, warn() {} };
  const emulator = await startHmsEmulator({ ...HMS_TEST_CREDENTIALS, logger: quiet });
  const issuer = await startLocalIssuer({ logger: quiet });
  const tokens = new Map<string, Promise<string>>();
  return {
    emulator,
    issuer,
    settings: {
      HMS_APP_ACCESS_KEY: HMS_TEST_CREDENTIALS.accessKey,
      HMS_APP_SECRET: HMS_TEST_CREDENTIALS.secret,
      HMS_TEMPLATE_ID: HMS_TEST_CREDENTIALS.templateId,
      HMS_API_BASE_URL: emulator.url,
      HMS_TIMEOUT_MS: String(opts.hmsTimeoutMs ?? 5000),
      HMS_WEBHOOK_SECRET: randomBytes(16).toString("hex"),
      AUTH0_ISSUER_BASE_URL: issuer.issuer,
      AUTH0_AUDIENCE: issuer.audience,
    },
    tokenFor(caller) {
      const claims =
        typeof caller === "string"
          ? (({ sub, name, email, picture, roles }) => ({ sub, name, email, picture, roles }))(getDemoUser(caller))
          : { sub: caller.sub, name: caller.name ?? caller.sub, roles: caller.roles ?? [] };
      const key = JSON.stringify(claims);
      if (!tokens.has(key)) tokens.set(key, issuer.mintAccessToken(claims));
      return tokens.get(key)!;
    },
    async close() {
      await emulator.close();
      await issuer.close();
    },
  };
}
