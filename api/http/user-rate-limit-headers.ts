/**
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (draft-ietf-httpapi-ratelimit-headers)
 * for the per-user limits (api/domain/rate-limits/rate-limits.ts) on the GraphQL and REST
 * operations that count against one: createSession, enroll, joinToken. The limit is counted
 * inside the services, which tell the request's observer; the headers are set before the
 * answer is written. Over the limit the faces answer 429 with Retry-After themselves.
 *
 * Mounted after the body is read: a stream's events do not carry the request's async context.
 */
import type { NextFunction, Request, Response } from "express";
import { observeRateLimits, type UserRateLimitState } from "../domain/rate-limits/rate-limits.js";

export function userRateLimitHeaders() {
  return (_req: Request, res: Response, next: NextFunction): void => {
    // Several limited operations in one request (aliased mutations): the tightest one is told,
    // as it is the one the caller will meet first.
    let tightest: UserRateLimitState | null = null;
    observeRateLimits(
      (state) => {
        if (tightest && tightest.remaining <= state.remaining) return;
        tightest = state;
        if (res.headersSent) return;
        res.setHeader("RateLimit-Limit", String(state.limit));
        res.setHeader("RateLimit-Remaining", String(state.remaining));
        res.setHeader("RateLimit-Reset", String(state.resetSeconds));
      },
      () => next(),
    );
  };
}
