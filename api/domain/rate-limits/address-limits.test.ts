/**
 * Per-address limits as rules, on a real database with the test clock, and (on real
 * PostgreSQL) under a race between two instances.
 */
import { describe, expect, it } from "vitest";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { openSecondInstance } from "../../test-support/second-instance.js";
import { realPostgresUrl } from "../../test-support/test-database.js";
import { DomainError } from "../errors.js";
import {
  addressKey,
  addressRateLimitedError,
  DEFAULT_ADDRESS_RATE_LIMITS,
  forgetEndedAddressWindows,
  leaseSize,
  takeAddressAttempt,
  type AddressRateLimitPolicy,
} from "./address-limits.js";

const MINUTE = 60_000;
const LIMITS: AddressRateLimitPolicy = { anonymous: { max: 3, windowMs: MINUTE }, signIn: { max: 2, windowMs: MINUTE } };

describe("rules", () => {
  it("defaults: 600 anonymous requests and 60 sign-in requests a minute per address", () => {
    expect(DEFAULT_ADDRESS_RATE_LIMITS).toEqual({ anonymous: { max: 600, windowMs: MINUTE }, signIn: { max: 60, windowMs: MINUTE } });
  });

  it("the message says what, the limit, when to come back, and (anonymous) that signing in lifts it", () => {
    const anonymous = addressRateLimitedError("anonymous", { max: 600, windowMs: MINUTE }, 42);
    expect(anonymous).toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: 42 } });
    expect(anonymous.message).toBe("Too many requests from your network address without signing in: the limit is 600 per minute. Try again in 42 seconds, or sign in.");
    expect(addressRateLimitedError("signIn", { max: 60, windowMs: MINUTE }, 1).message).toBe(
      "Too many sign-in attempts from your network address: the limit is 60 per minute. Try again in 1 second.",
    );
  });

  it("counts IPv4 by address (also when written IPv4-mapped) and IPv6 by its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    // Anything else (a test's made-up name) is its own key.
    expect(addressKey("unknown")).toBe("unknown");
  });
});

describe("on the database", () => {
  const t = useServiceHarness();
  const deps = () => ({ ...t.h.deps, addressRateLimits: LIMITS });
  const rows = async () => (await t.database.query<{ n: number }>("select count(*)::int as n from address_rate_limits"))[0]!.n;

  it("lets the limit through, then answers RATE_LIMITED with the rest of the window", async () => {
    for (let i = 0; i < 3; i++) {
      await takeAddressAttempt(deps(), "anonymous", "203.0.113.7");
      t.h.clock.advance(5_000);
    }
    const error = await expectDomainError(takeAddressAttempt(deps(), "anonymous", "203.0.113.7"), "RATE_LIMITED", /without signing in: the limit is 3 per minute/);
    expect(error.details.retryAfterSeconds).toBe(45);
    t.h.clock.advance(45_000);
    await takeAddressAttempt(deps(), "anonymous", "203.0.113.7");
  });

  it("addresses, IPv6 /64s and the two actions count separately", async () => {
    for (let i = 0; i < 3; i++) await takeAddressAttempt(deps(), "anonymous", "203.0.113.7");
    await expectDomainError(takeAddressAttempt(deps(), "anonymous", "203.0.113.7"), "RATE_LIMITED");
    await takeAddressAttempt(deps(), "anonymous", "203.0.113.8");
    await takeAddressAttempt(deps(), "signIn", "203.0.113.7");
    await takeAddressAttempt(deps(), "signIn", "203.0.113.7");
    await expectDomainError(takeAddressAttempt(deps(), "signIn", "203.0.113.7"), "RATE_LIMITED", /Too many sign-in attempts/);

    for (let i = 0; i < 3; i++) await takeAddressAttempt(deps(), "anonymous", `2001:db8:1:2::${i + 1}`);
    // Another address in the same /64 is the same machine, or the same home.
    await expectDomainError(takeAddressAttempt(deps(), "anonymous", "2001:db8:1:2:ffff::9"), "RATE_LIMITED");
    await takeAddressAttempt(deps(), "anonymous", "2001:db8:1:3::1");
  });

  it("the purge forgets windows that are over and keeps the current ones", async () => {
    await takeAddressAttempt(deps(), "anonymous", "203.0.113.1");
    await takeAddressAttempt(deps(), "signIn", "203.0.113.1");
    t.h.clock.advance(MINUTE + 1);
    await takeAddressAttempt(deps(), "anonymous", "203.0.113.2");
    expect(await rows()).toBe(3);
    expect(await forgetEndedAddressWindows(deps())).toBe(2);
    expect(await t.database.query("select address, action from address_rate_limits")).toEqual([{ address: "203.0.113.2", action: "anonymous" }]);
  });
});

describe("leases: limits of 200 and more are taken from PostgreSQL a few attempts at a time", () => {
  const t = useServiceHarness();
  const limited = (max: number) => ({ ...t.h.deps, addressRateLimits: { ...LIMITS, anonymous: { max, windowMs: MINUTE } } });
  // Leases live as long as the instance: each case uses addresses of its own.
  const counted = async (address: string) =>
    (await t.database.query<{ attempts: number }>("select attempts from address_rate_limits where address = $1", [address]))[0]?.attempts;

  it("a lease is a hundredth of the limit, at least 1 and at most 10", () => {
    expect([1, 60, 199, 200, 300, 600, 999, 1000, 1e9].map(leaseSize)).toEqual([1, 1, 1, 2, 3, 6, 9, 10, 10]);
  });

  it("one count in PostgreSQL per lease, its attempts handed out in order", async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 7; i++) remaining.push((await takeAddressAttempt(limited(300), "anonymous", "192.0.2.10")).remaining);
    expect(remaining).toEqual([299, 298, 297, 296, 295, 294, 293]);
    expect(await counted("192.0.2.10")).toBe(9);
  });

  it("exactly the limit passes among many at once; a spent window is refused without asking PostgreSQL, until it ends", async () => {
    const deps = limited(200);
    const results = await Promise.allSettled(Array.from({ length: 260 }, () => takeAddressAttempt(deps, "anonymous", "192.0.2.11")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(200);
    for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("RATE_LIMITED");
    expect(await counted("192.0.2.11")).toBe(200);
    await expectDomainError(takeAddressAttempt(deps, "anonymous", "192.0.2.11"), "RATE_LIMITED");
    expect(await counted("192.0.2.11")).toBe(200);
    t.h.clock.advance(MINUTE);
    expect((await takeAddressAttempt(deps, "anonymous", "192.0.2.11")).remaining).toBe(199);
  });
});

describe.skipIf(!realPostgresUrl())("two instances, one counter per address (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });

  it("40 parallel anonymous requests from one address across two instances: exactly the limit (7) pass", async () => {
    const policy: AddressRateLimitPolicy = { ...LIMITS, anonymous: { max: 7, windowMs: MINUTE } };
    const first = { ...t.h.deps, addressRateLimits: policy };
    const second = await openSecondInstance(t.database, first);
    try {
      const calls = Array.from({ length: 40 }, (_, i) => takeAddressAttempt(i % 2 === 0 ? first : second.deps, "anonymous", "198.51.100.4"));
      const results = await Promise.allSettled(calls);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(7);
      for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("RATE_LIMITED");
      const [row] = await t.database.query<{ attempts: number }>("select attempts from address_rate_limits where address = '198.51.100.4'");
      expect(row!.attempts).toBe(40);
    } finally {
      await second.close();
    }
  });

  it("leases across two instances: never more than the limit, and at most (instances − 1) × (lease − 1) refused early", async () => {
    const policy: AddressRateLimitPolicy = { ...LIMITS, anonymous: { max: 300, windowMs: MINUTE } };
    const first = { ...t.h.deps, addressRateLimits: policy };
    const second = await openSecondInstance(t.database, first);
    try {
      const calls = Array.from({ length: 400 }, (_, i) => takeAddressAttempt(i % 2 === 0 ? first : { ...second.deps, addressRateLimits: policy }, "anonymous", "198.51.100.5"));
      const passed = (await Promise.allSettled(calls)).filter((r) => r.status === "fulfilled").length;
      expect(passed).toBeLessThanOrEqual(300);
      expect(passed).toBeGreaterThanOrEqual(300 - (leaseSize(300) - 1));
    } finally {
      await second.close();
    }
  });
});
