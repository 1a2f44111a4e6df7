/**
 * What one HTTP server will give its clients, so that slow or numerous connections cannot
 * hold it: Node's defaults let a client take 60 s to send its headers (checked only every
 * 30 s) and 5 minutes to send its request, and accept connections without end. 2,000
 * connections that each sent half a header were all held for about 69 s.
 *
 * - headers must arrive within HEADERS_TIMEOUT_MS (10 s), the whole request within
 *   REQUEST_TIMEOUT_MS (30 s; bodies are at most 100 KB): then 408 and the connection closes.
 *   Neither bounds how long we take to answer.
 * - an idle keep-alive connection closes after KEEP_ALIVE_TIMEOUT_MS (5 s, Node's default;
 *   behind a load balancer make it longer than the balancer's idle time-out).
 * - at most MAX_CONNECTIONS (1,000) are open at once; more are closed as they arrive, so an
 *   attacker runs out of slots before the process runs out of memory or file descriptors.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { Env } from "../config/env.js";

export type ServerLimits = Pick<Env, "HEADERS_TIMEOUT_MS" | "REQUEST_TIMEOUT_MS" | "KEEP_ALIVE_TIMEOUT_MS" | "MAX_CONNECTIONS">;

export function createLimitedServer(limits: ServerLimits, listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.HEADERS_TIMEOUT_MS,
      requestTimeout: limits.REQUEST_TIMEOUT_MS,
      keepAliveTimeout: limits.KEEP_ALIVE_TIMEOUT_MS,
      // Node checks the two time-outs above only this often (30 s by default).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.HEADERS_TIMEOUT_MS / 20))),
    },
    listener,
  );
  server.maxConnections = limits.MAX_CONNECTIONS;
  return server;
}
