/**
 * The product as production runs it, for the benchmark: `node --expose-gc build/api/main.js` (the compiled
 * server, `npm start`'s) in its own process with NODE_ENV=production and request logging at
 * info. Production refuses the local stand-ins, so the bench gives it what it needs instead:
 * - Auth0: an https issuer on loopback serving a JWKS (a self-signed certificate made with
 *   openssl, trusted by the server through NODE_EXTRA_CA_CERTS); the bench signs the students'
 *   access tokens with its key, exactly as Auth0 would.
 * - 100ms, SMTP: settings that are never contacted on the measured paths (join tokens are
 *   signed locally; the notification worker, which would mail, is given an hour's interval).
 * Its log goes to a file under build/bench-data (written, as production's stdout is, not dropped).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, readFileSync, mkdtempSync, closeSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const AUDIENCE = "https://bench.live-sessions.test/api";

/**
 * How long the product is left idle before its memory is read a second time (after start, after
 * a run): long enough for the idle trim (IDLE_MEMORY_TRIM_SECONDS, 10 s; api/http/idle-memory.ts)
 * to have run its collections, so the figure is what an idle instance holds, not what the last
 * burst left behind. BENCH_SETTLE_MS overrides it (after a heavy run V8 may take longer).
 */
export const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 40_000);
if (!Number.isInteger(SETTLE_MS) || SETTLE_MS < 3_000) throw new Error(`BENCH_SETTLE_MS: "${process.env.BENCH_SETTLE_MS}"; give milliseconds, 3000 or more`);

export interface ProductServer {
  url: string;
  /** The server process's resident memory, MiB (/proc/<pid>/status VmRSS). */
  rssMiB(): number;
  /** Milliseconds from spawning the process to its first answer. */
  startMs: number;
  mintAccessToken(claims: { sub: string; name: string }): Promise<string>;
  close(): Promise<void>;
}

export interface ProductServerOptions {
  /** "compiled": `node build/api/main.js`, as npm start runs it; "tsx": `tsx api/main.ts`, as npm start ran it before. */
  runner?: "compiled" | "tsx";
  /** The checkout to run (default this one): the start-up measure compares with an older tree. */
  root?: string;
}

export async function startProductServer(databaseUrl: string, extraEnv: Record<string, string>, options: ProductServerOptions = {}): Promise<ProductServer> {
  const root = options.root ?? ROOT;
  const dir = mkdtempSync(join(tmpdir(), "bench-issuer-"));
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });

  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "RS256", use: "sig" };
  const issuerServer = createHttpsServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => issuerServer.listen(0, "127.0.0.1", r));
  const issuer = `https://127.0.0.1:${(issuerServer.address() as AddressInfo).port}/`;

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(ROOT, "build/bench-data"), { recursive: true });
  const log = openSync(join(ROOT, "build/bench-data/server.log"), "w");
  const started = performance.now();
  // BENCH_SERVER_NODE_FLAGS: e.g. "--cpu-prof --cpu-prof-dir=build/bench-data/profiles" to profile the server under the bench.
  const flags = (process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  // --expose-gc as npm start passes it (api/http/idle-memory.ts).
  const entry = options.runner === "tsx" ? ["--import", "tsx", join(root, "api/main.ts")] : ["--expose-gc", join(root, "build/api/main.js")];
  const args = [...flags, ...entry];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", log, log],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NODE_EXTRA_CA_CERTS: certFile,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
      AUTH0_ISSUER_BASE_URL: issuer,
      AUTH0_AUDIENCE: AUDIENCE,
      AUTH0_CLIENT_ID: "bench-client",
      AUTH0_CLIENT_SECRET: randomBytes(16).toString("hex"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      HMS_APP_ACCESS_KEY: "bench-access-key",
      HMS_APP_SECRET: randomBytes(32).toString("hex"),
      HMS_TEMPLATE_ID: "bench-template",
      HMS_API_BASE_URL: "https://127.0.0.1:9/v2",
      HMS_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
      SMTP_URL: "smtp://127.0.0.1:9",
      MAIL_FROM: "Live Sessions <bench@live-sessions.test>",
      NOTIFICATION_INTERVAL_MS: "3600000",
      ...extraEnv,
    },
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  let startMs = 0;
  for (;;) {
    const answer = await fetch(`${url}/api/live/sessions?limit=1`).catch(() => undefined);
    if (answer?.ok) {
      startMs = performance.now() - started;
      break;
    }
    if (child.exitCode !== null) throw new Error(`The product server exited (${child.exitCode}) before answering; see build/bench-data/server.log`);
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    url,
    startMs,
    rssMiB: () => rssMiB(child.pid!),
    mintAccessToken: ({ sub, name }) =>
      new SignJWT({ name })
        .setProtectedHeader({ alg: "RS256", kid: "bench" })
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime("2h")
        .sign(privateKey),
    async close() {
      child.kill("SIGTERM");
      await exited;
      closeSync(log);
      await new Promise((r) => issuerServer.close(r));
    },
  };
}

/** Resident memory of a process, MiB. */
export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
