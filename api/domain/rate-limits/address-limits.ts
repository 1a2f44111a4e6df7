/**
 * Per-address rate limits, for the traffic the per-user limits cannot see: requests without
 * credentials (anyone can make as many as their script likes), and the sign-in routes,
 * which are how credentials are obtained and so count even for a caller who has some.
 * Fixed one-minute windows counted in PostgreSQL, so every instance counts against the
 * same limit; windows that are over are purged on an interval.
 */
import { isIPv4, isIPv6 } from "node:net";
import { countAddressAttempt, deleteAddressWindowsBefore } from "../../repositories/rate-limits.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { runEvery } from "../periodic.js";
import { ADDRESS_LIMITED_ACTIONS, type AddressLimitedAction, type AddressRateLimitPolicy, type RateLimit } from "./rate-limit-policy.js";
import { describeDuration, describeWindow, retryAfterSeconds } from "./rate-limits.js";

export { ADDRESS_LIMITED_ACTIONS, type AddressLimitedAction, type AddressRateLimitPolicy } from "./rate-limit-policy.js";

const MINUTE = 60_000;

/**
 * Anonymous: ten a second, sustained for a minute, is more than a person browsing (even a
 * class of students behind one school or studio router) makes; a scraper makes more.
 * Sign-in: each sign-in is two requests (login, callback); thirty people signing in from
 * one router in the same minute still fit, a script hammering the identity provider
 * through us does not.
 */
export const DEFAULT_ADDRESS_RATE_LIMITS: AddressRateLimitPolicy = {
  anonymous: { max: 600, windowMs: MINUTE },
  signIn: { max: 60, windowMs: MINUTE },
};

export function addressRateLimitedError(action: AddressLimitedAction, limit: RateLimit, retryAfter: number): DomainError {
  const per = describeWindow(limit.windowMs);
  const wait = describeDuration(retryAfter);
  const message =
    action === "anonymous"
      ? `Too many requests from your network address without signing in: the limit is ${limit.max} per ${per}. Try again in ${wait}, or sign in.`
      : `Too many sign-in attempts from your network address: the limit is ${limit.max} per ${per}. Try again in ${wait}.`;
  return new DomainError("RATE_LIMITED", message, { retryAfterSeconds: retryAfter });
}

/**
 * What one limit counts for a client address. IPv4 addresses (also written as IPv6
 * `::ffff:a.b.c.d`) are one each; IPv6 counts by its /64, which is what one home or one
 * server is given: per single IPv6 address, one machine would have 2^64 limits.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros, `::` expanded, any zone dropped. */
function expandIPv6(address: string): string[] {
  const bare = address.split("%")[0]!.toLowerCase();
  const [head, tail] = bare.includes("::") ? bare.split("::") : [bare, undefined];
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const left = groups(head);
  const right = groups(tail);
  // An embedded IPv4 tail (`::1.2.3.4`) is two groups; only its prefix matters here.
  const width = (gs: string[]) => gs.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const middle = tail === undefined ? [] : Array.from({ length: 8 - width(left) - width(right) }, () => "0");
  return [...left, ...middle, ...right].map((g) => (g.includes(".") ? g : g.replace(/^0+(?=.)/, "")));
}

/** Where a caller stands in a limit's window, for the RateLimit-* headers (draft-ietf-httpapi-ratelimit-headers). */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window closes. */
  resetSeconds: number;
}

/**
 * Counts a request from `address` and answers where it stands in its window; throws
 * RATE_LIMITED when it is one too many.
 */
export async function takeAddressAttempt(
  deps: Pick<ServiceDeps, "db" | "clock" | "addressRateLimits">,
  action: AddressLimitedAction,
  address: string,
): Promise<RateLimitState> {
  const limit = (deps.addressRateLimits ?? DEFAULT_ADDRESS_RATE_LIMITS)[action];
  const now = deps.clock.now();
  const window = await countAddressAttempt(deps.db, { address: addressKey(address), action, now, windowMs: limit.windowMs });
  const resetSeconds = retryAfterSeconds(window.windowStart, limit.windowMs, now);
  if (window.attempts > limit.max) throw addressRateLimitedError(action, limit, resetSeconds);
  return { limit: limit.max, remaining: limit.max - window.attempts, resetSeconds };
}

const PURGE_INTERVAL_MS = 5 * MINUTE;

/** Deletes the windows that are over (older than the longest window); returns how many. */
export async function forgetEndedAddressWindows(deps: Pick<ServiceDeps, "db" | "clock" | "addressRateLimits">): Promise<number> {
  const policy = deps.addressRateLimits ?? DEFAULT_ADDRESS_RATE_LIMITS;
  const longest = Math.max(...ADDRESS_LIMITED_ACTIONS.map((a) => policy[a].windowMs));
  return deleteAddressWindowsBefore(deps.db, new Date(deps.clock.now().getTime() - longest));
}

/** One row per address that called lately: without this the table grows with every address ever seen. */
export function startAddressWindowPurge(deps: ServiceDeps): () => Promise<void> {
  return runEvery(PURGE_INTERVAL_MS, "address rate-limit purge", () => forgetEndedAddressWindows(deps), deps.logger);
}
