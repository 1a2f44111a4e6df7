/**
 * CORS for browser apps on other sites (CORS_ORIGINS; none by default): the API's routes
 * (/graphql, /api/live) answer those origins' preflights and let them read the answers.
 *
 * Bearer only. No `Access-Control-Allow-Credentials`, so a browser refuses to send our cookie on
 * such a request (a preflighted request with credentials fails without it), and same-origin.ts
 * refuses any cookie-borne change from another origin regardless. An allowed origin acts with
 * the token its user gave it, as any other integrator.
 */
import cors from "cors";
import type { RequestHandler } from "express";

/** The headers a cross-site client may send: its token, JSON, its own request id. */
const ALLOWED_HEADERS = ["authorization", "content-type", "x-request-id", "idempotency-key"];
/** What it may read besides the simple headers: when to come back, which request it was, why a 401. */
const EXPOSED_HEADERS = ["retry-after", "x-request-id", "www-authenticate", "idempotent-replayed", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"];

/** Undefined when no origin is allowed: then nothing is added and preflights find no route. */
export function apiCors(origins: readonly string[]): RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({
    origin: [...origins],
    methods: ["GET", "POST"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    // Browsers cap this (Chromium at two hours); ten minutes keeps a changed list quick to take effect.
    maxAge: 600,
  });
}
