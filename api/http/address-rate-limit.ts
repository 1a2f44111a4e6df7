/**
 * The per-address limits (api/domain/rate-limits/address-limits.ts) at the door: every
 * request without valid credentials, and every request to the sign-in routes, is counted
 * against the client's address (`req.ip`, which believes X-Forwarded-For only as far as
 * TRUST_PROXY says). Over the limit, each face answers 429 with Retry-After in its own
 * shape: the REST envelope, a GraphQL error, a small page.
 */
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import type { AddressLimitedAction } from "../domain/rate-limits/address-limits.js";
import type { DomainError } from "../domain/errors.js";
import { asDomainError } from "../errors-map.js";
import type { ViewerLookup } from "./viewer.js";

export interface AddressRateLimitOptions {
  take(action: AddressLimitedAction, address: string): Promise<{ limit: number; remaining: number; resetSeconds: number }>;
  viewerOf: ViewerLookup;
  logger: Logger;
}

/** Probes, the fingerprinted bundle, 100ms's webhooks (authenticated by their secret) and the local stand-ins. */
const NOT_COUNTED = /^\/(?:healthz|readyz|favicon\.ico|assets\/|api\/webhooks(?:\/|$)|_local(?:\/|$))/;
/** How credentials are obtained: counted even for a caller who has some. */
const SIGN_IN = /^\/auth\/(?:login|callback)\/?$/;

export function addressRateLimit(opts: AddressRateLimitOptions) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (NOT_COUNTED.test(req.path)) return next();
    try {
      const action: AddressLimitedAction | null = SIGN_IN.test(req.path) ? "signIn" : (await isAnonymous(opts.viewerOf, req)) ? "anonymous" : null;
      if (action) {
        const state = await opts.take(action, req.ip ?? req.socket.remoteAddress ?? "unknown");
        // Before the limit is hit, say how much of it is left (draft-ietf-httpapi-ratelimit-headers).
        res.setHeader("RateLimit-Limit", String(state.limit));
        res.setHeader("RateLimit-Remaining", String(state.remaining));
        res.setHeader("RateLimit-Reset", String(state.resetSeconds));
      }
    } catch (error) {
      const limited = asDomainError(error);
      if (limited?.code === "RATE_LIMITED") return refuse(req, res, limited);
      // Counting failed (the database is away): let the request through to be answered as it
      // would be anyway; a limit that fails closed would turn a hiccup into an outage.
      opts.logger.warn({ err: error, requestId: String(req.id ?? "") }, "could not count a request against its address's rate limit; let it through");
    }
    next();
  };
}

/**
 * No valid credentials: none at all, or ones that do not check out (a made-up cookie or
 * token must not buy a way around the limit). The lookup is the request's own, shared with
 * the face that answers it (viewer.ts), so a signed-in request costs no second lookup.
 */
async function isAnonymous(viewerOf: ViewerLookup, req: Request): Promise<boolean> {
  try {
    return (await viewerOf(req.headers)) === null;
  } catch {
    return true;
  }
}

function refuse(req: Request, res: Response, error: DomainError): void {
  const retryAfter = error.details.retryAfterSeconds ?? 60;
  res.setHeader("RateLimit-Remaining", "0").setHeader("RateLimit-Reset", String(retryAfter));
  res.status(429).setHeader("Retry-After", String(retryAfter)).setHeader("Cache-Control", "no-store");
  if (req.path === "/api" || req.path.startsWith("/api/")) {
    res.json({ success: false, error: error.message, code: "RATE_LIMITED" });
  } else if (req.path === "/graphql" || req.path.startsWith("/graphql/")) {
    res.json({ errors: [{ message: error.message, extensions: { code: "RATE_LIMITED", retryAfter } }] });
  } else {
    // Before the web router, so without its headers: a page that loads nothing at all.
    res
      .setHeader("Content-Security-Policy", "default-src 'none'")
      .setHeader("X-Content-Type-Options", "nosniff")
      .type("html")
      .send(page(error.message));
  }
}

function page(message: string): string {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Too many requests · Live Sessions</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>Too many requests</h1>
<p>${text}</p>
</body>
</html>
`;
}
