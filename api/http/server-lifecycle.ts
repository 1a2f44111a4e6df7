/**
 * The life of the server process, as `npm start` runs it: read the settings, compose,
 * listen, and on SIGTERM/SIGINT drain: stop accepting connections, let in-flight requests
 * finish (each answer closes its connection), then stop background work and close the
 * database pool, and exit 0. A drain that outlasts its deadline exits 1.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { EnvError, loadEnv, type Env } from "../config/env.js";
import { createProcessLogger } from "../logger.js";
import { trimMemoryWhenIdle } from "./idle-memory.js";
import { createLimitedServer } from "./server-limits.js";

/**
 * Longer than any request may take: the slowest (start, end) make two calls to 100ms in a
 * row, each bounded by HMS_TIMEOUT_MS. 25 s with the defaults.
 */
export const shutdownDeadlineMs = (env: Pick<Env, "HMS_TIMEOUT_MS">): number => Math.max(15_000, 2 * env.HMS_TIMEOUT_MS + 5_000);

/** What the process serves and closes: the composition root's, handed over by the entry point (api/main.ts). */
export interface Composition {
  app(req: IncomingMessage, res: ServerResponse): void;
  listening(server: Server): void;
  close(): Promise<void>;
}

export type Compose = (env: Env, options: { logger: Logger; sweeper: boolean; web: boolean }) => Promise<Composition>;

export interface RunOptions {
  /** Serve the built Remix app too (npm start does; API-only processes do not). */
  web: boolean;
  /** Builds the service (api/composition.ts's `compose`): this module sits below the composition root and receives it. */
  compose: Compose;
}

export async function runServer(options: RunOptions): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { logger, flush } = createProcessLogger(env.LOG_LEVEL);
  const composition = await options.compose(env, { logger, sweeper: true, web: options.web });
  const server = await listen(composition, env, logger);
  drainOnSignals(server, composition, logger, shutdownDeadlineMs(env), flush);
}

/**
 * Outside production the process runs the local stand-ins, whose /_local helpers hand out
 * tokens for any demo account: it listens on loopback unless HOST says otherwise. In
 * production (a container) every interface, unless HOST says otherwise.
 */
export function listenHost(env: Pick<Env, "HOST" | "NODE_ENV">): string {
  return env.HOST ?? (env.NODE_ENV === "production" ? "0.0.0.0" : "127.0.0.1");
}

interface DrainableServer {
  http: Server;
  /** From now on every answer closes its connection, in-flight ones included. */
  startDraining(): void;
}

async function listen(composition: Composition, env: Env, logger: Logger): Promise<DrainableServer> {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const idleMemory = trimMemoryWhenIdle({
    idleMs: env.IDLE_MEMORY_TRIM_SECONDS * 1000,
    busy: () => inFlight.size > 0,
    logger,
    production: env.NODE_ENV === "production",
  });
  const server = createLimitedServer(env, (req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    idleMemory.requestStarted();
    res.once("close", () => {
      inFlight.delete(res);
      // Its connection is idle now; while draining it must not wait for a next request.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    if (draining) res.setHeader("connection", "close");
    composition.app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, listenHost(env), () => {
      server.off("error", reject);
      resolve();
    });
  });
  composition.listening(server);
  const { address, port } = server.address() as AddressInfo;
  logger.info({ url: env.APP_URL, graphql: `${env.APP_URL}/graphql`, host: address, port, maxConnections: env.MAX_CONNECTIONS }, "Live Sessions is listening");
  return {
    http: server,
    startDraining() {
      draining = true;
      // Node would otherwise keep these connections open for their keep-alive time (5 s)
      // after answering, and the client would send its next request to a closing server.
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    },
  };
}

function drainOnSignals(server: DrainableServer, composition: Composition, logger: Logger, deadlineMs: number, flushLogs: () => void): void {
  let stopping = false;
  // The log is written asynchronously: what is still buffered goes out before the process ends.
  const exit = (code: number) => {
    flushLogs();
    process.exit(code);
  };
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.startDraining();
    logger.info({ signal }, "shutting down: no new connections; finishing in-flight requests");
    const deadline = setTimeout(() => {
      logger.error({ deadlineMs }, "shutdown deadline passed with requests still open; exiting anyway");
      server.http.closeAllConnections();
      exit(1);
    }, deadlineMs);
    deadline.unref();

    // close() stops listening at once (new connections are refused) and calls back once
    // every open connection has ended; idle keep-alive ones are closed now, busy ones after
    // their answer (which carries `Connection: close`).
    server.http.close(() => {
      logger.info("http server closed: every in-flight request answered");
      composition
        .close()
        .then(() => {
          logger.info("stopped: background work finished, database pool closed");
          exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, "closing the service failed");
          exit(1);
        });
    });
    server.http.closeIdleConnections();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
