/**
 * Per-address rate limits, for the traffic the per-user limits cannot see: requests without
 * credentials (anyone can make as many as their script likes), and the sign-in routes,
 * which are how credentials are obtained and so count even for a caller who has some.
 * Fixed one-minute windows counted in PostgreSQL, so every instance counts against the
 * same limit (taken a few attempts at a time where the limit is large: see `leaseSize`);
 * windows that are over are purged on an interval.
 */
import { isIPv4, isIPv6 } from "node:net";
import { countAddressAttempts, deleteAddressWindowsBefore } from "../../repositories/rate-limits.js";
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
 * How many attempts an instance takes from the shared window at once. Counting every request
 * in PostgreSQL costs each one a round trip and an update of the one row everybody behind an
 * address shares (a school's router, a proxy, the benchmark's load generator): it was the
 * anonymous reads' largest cost after the reads themselves. Taken in leases, the limit still
 * holds across instances: an attempt passes only when its number in the shared count is
 * within the limit. What an instance has taken and not yet used counts as used for the
 * others, so an address busy on several instances may be refused up to
 * (instances − 1) × (lease − 1) attempts early. A lease is a hundredth of the limit, at most
 * 10 (6 for the default 600 a minute); below 200 it is 1: every attempt counted in
 * PostgreSQL as it comes, sign-in's 60 among them.
 */
export function leaseSize(max: number): number {
  return Math.min(10, Math.max(1, Math.floor(max / 100)));
}

/** An instance's lease on one address's window: attempt numbers `next`…`last` are its to hand out. */
interface Lease {
  windowStart: number;
  next: number;
  last: number;
}

interface LeaseBook {
  leases: Map<string, Lease>;
  /** The lease being taken for a key: callers meanwhile wait for it rather than take their own. */
  taking: Map<string, Promise<unknown>>;
}

/** Per instance: keyed by its database handle (every call of an instance passes the same one). */
const books = new WeakMap<object, LeaseBook>();
/** Past this many addresses, the leases of windows that are over are dropped. */
const BOOK_SWEEP_SIZE = 10_000;

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
  const size = leaseSize(limit.max);
  const key = addressKey(address);
  if (size === 1) {
    const now = deps.clock.now();
    const window = await countAddressAttempts(deps.db, { address: key, action, now, windowMs: limit.windowMs, attempts: 1 });
    return standing(action, limit, window.attempts, window.windowStart.getTime(), now);
  }
  let book = books.get(deps.db);
  if (!book) books.set(deps.db, (book = { leases: new Map(), taking: new Map() }));
  const leaseKey = `${action} ${key}`;
  for (;;) {
    const taking = book.taking.get(leaseKey);
    if (taking) {
      await taking.catch(() => undefined);
      continue;
    }
    const now = deps.clock.now();
    const lease = book.leases.get(leaseKey);
    if (lease && now.getTime() < lease.windowStart + limit.windowMs) {
      if (lease.next <= lease.last) return standing(action, limit, lease.next++, lease.windowStart, now);
      // The window is spent everywhere: refused here, without asking the database again.
      if (lease.last >= limit.max) return standing(action, limit, limit.max + 1, lease.windowStart, now);
    }
    const taken = countAddressAttempts(deps.db, { address: key, action, now, windowMs: limit.windowMs, attempts: size }).then((window) => {
      book.leases.set(leaseKey, { windowStart: window.windowStart.getTime(), next: window.attempts - size + 1, last: window.attempts });
    });
    book.taking.set(leaseKey, taken);
    try {
      await taken;
    } finally {
      book.taking.delete(leaseKey);
    }
    if (book.leases.size > BOOK_SWEEP_SIZE) forgetEndedLeases(book, now.getTime() - limit.windowMs);
  }
}

/** Where attempt number `attempt` of the window that opened at `windowStart` stands; throws past the limit. */
function standing(action: AddressLimitedAction, limit: RateLimit, attempt: number, windowStart: number, now: Date): RateLimitState {
  const resetSeconds = retryAfterSeconds(new Date(windowStart), limit.windowMs, now);
  if (attempt > limit.max) throw addressRateLimitedError(action, limit, resetSeconds);
  return { limit: limit.max, remaining: limit.max - attempt, resetSeconds };
}

/** Drops leases of windows opened before `openedBefore` (one forgotten early only loses its unused attempts). */
function forgetEndedLeases(book: LeaseBook, openedBefore: number): void {
  for (const [key, lease] of book.leases) if (lease.windowStart <= openedBefore) book.leases.delete(key);
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
