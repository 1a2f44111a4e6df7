/**
 * Per-user rate limits on the actions worth abusing: scheduling sessions, enrolling and
 * minting video tokens. Fixed windows that open at a user's first attempt, counted in the
 * database so that every instance of the service counts against the same limit. Every
 * face of the API calls the services, so the limit holds for GraphQL, REST and the web
 * app alike.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { countAttempt } from "../../repositories/rate-limits.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import type { Viewer } from "../viewer.js";
import type { RateLimit, RateLimitedAction, RateLimitPolicy } from "./rate-limit-policy.js";

export { RATE_LIMITED_ACTIONS, type RateLimit, type RateLimitedAction, type RateLimitPolicy } from "./rate-limit-policy.js";

const HOUR = 3_600_000;

/** Far above what a person does by hand, far below what a script does. */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  createSession: { max: 30, windowMs: HOUR },
  enroll: { max: 60, windowMs: HOUR },
  joinToken: { max: 120, windowMs: HOUR },
};

const WHAT: Record<RateLimitedAction, string> = {
  createSession: "sessions scheduled",
  enroll: "enrollments",
  joinToken: "requests to join a video room",
};

/** Whole seconds until the window that opened at `windowStart` closes; at least 1. */
export function retryAfterSeconds(windowStart: Date, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
}

/** "45 seconds", "12 minutes", "2 hours": rounded up, so waiting that long is enough. */
export function describeDuration(seconds: number): string {
  const [amount, unit] = seconds < 90 ? [seconds, "second"] : seconds < 90 * 60 ? [Math.ceil(seconds / 60), "minute"] : [Math.ceil(seconds / 3600), "hour"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

/** "hour", "2 hours", "15 minutes": a window as configured. */
export function describeWindow(windowMs: number): string {
  const [amount, unit] = windowMs % HOUR === 0 ? [windowMs / HOUR, "hour"] : windowMs % 60_000 === 0 ? [windowMs / 60_000, "minute"] : [Math.ceil(windowMs / 1000), "second"];
  return amount === 1 ? unit : `${amount} ${unit}s`;
}

export function rateLimitedError(action: RateLimitedAction, limit: RateLimit, retryAfter: number): DomainError {
  const per = describeWindow(limit.windowMs);
  return new DomainError("RATE_LIMITED", `Too many ${WHAT[action]}: the limit is ${limit.max} per ${per}. Try again in ${describeDuration(retryAfter)}.`, {
    retryAfterSeconds: retryAfter,
  });
}

/** Where a user stands in one action's window, for the RateLimit-* headers (draft-ietf-httpapi-ratelimit-headers). */
export interface UserRateLimitState {
  action: RateLimitedAction;
  limit: number;
  /** Attempts left in the window after this one; 0 when this one was refused. */
  remaining: number;
  /** Seconds until the window closes. */
  resetSeconds: number;
}

/**
 * The request's listener for the limits it met. The services are the process's and the limit
 * is counted deep inside them, so a face that wants to tell the caller where they stand
 * (HTTP headers) runs the request inside `observeRateLimits` rather than every service
 * returning the state beside its answer.
 */
const observers = new AsyncLocalStorage<(state: UserRateLimitState) => void>();

/** Runs `fn` with `observer` told of every per-user limit counted while it runs (its async work included). */
export function observeRateLimits<T>(observer: (state: UserRateLimitState) => void, fn: () => T): T {
  return observers.run(observer, fn);
}

/** Counts the viewer's attempt at `action`; throws RATE_LIMITED when it is one too many. */
export async function takeRateLimitedAttempt(deps: ServiceDeps, action: RateLimitedAction, viewer: Viewer): Promise<void> {
  const limit = (deps.rateLimits ?? DEFAULT_RATE_LIMITS)[action];
  const now = deps.clock.now();
  const window = await countAttempt(deps.db, { userId: viewer.id, action, now, windowMs: limit.windowMs });
  const resetSeconds = retryAfterSeconds(window.windowStart, limit.windowMs, now);
  observers.getStore()?.({ action, limit: limit.max, remaining: Math.max(0, limit.max - window.attempts), resetSeconds });
  if (window.attempts > limit.max) throw rateLimitedError(action, limit, resetSeconds);
}
