/**
 * Per-user rate limits, as rules and as the services enforce them on a real database with
 * the test clock; on real PostgreSQL, two instances share one counter under a race.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { openSecondInstance } from "../../test-support/second-instance.js";
import { sessionInput, type ServiceHarness } from "../../test-support/service-harness.js";
import { realPostgresUrl } from "../../test-support/test-database.js";
import { DomainError } from "../errors.js";
import { describeDuration, describeWindow, rateLimitedError, retryAfterSeconds, type RateLimitPolicy } from "./rate-limits.js";

const HOUR = 3_600_000;
const LIMITS: RateLimitPolicy = {
  createSession: { max: 3, windowMs: HOUR },
  enroll: { max: 2, windowMs: HOUR },
  joinToken: { max: 4, windowMs: HOUR },
};

describe("rules", () => {
  it("retry-after is the rest of the window in whole seconds, rounded up, never 0", () => {
    const start = new Date("2030-01-15T09:00:00.000Z");
    expect(retryAfterSeconds(start, HOUR, start)).toBe(3600);
    expect(retryAfterSeconds(start, HOUR, new Date("2030-01-15T09:59:58.500Z"))).toBe(2);
    expect(retryAfterSeconds(start, HOUR, new Date("2030-01-15T09:59:59.999Z"))).toBe(1);
    expect(retryAfterSeconds(start, HOUR, new Date("2030-01-15T10:00:00.000Z"))).toBe(1);
  });

  it("durations read as a person would say them, rounded up", () => {
    expect(describeDuration(1)).toBe("1 second");
    expect(describeDuration(89)).toBe("89 seconds");
    expect(describeDuration(90)).toBe("2 minutes");
    expect(describeDuration(3600)).toBe("60 minutes");
    expect(describeDuration(5400)).toBe("2 hours");
    expect(describeWindow(HOUR)).toBe("hour");
    expect(describeWindow(2 * HOUR)).toBe("2 hours");
    expect(describeWindow(15 * 60_000)).toBe("15 minutes");
    expect(describeWindow(90_000)).toBe("90 seconds");
  });

  it("the error says what, the limit, and when to come back", () => {
    const error = rateLimitedError("enroll", { max: 60, windowMs: HOUR }, 725);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.details.retryAfterSeconds).toBe(725);
    expect(error.message).toBe("Too many enrollments: the limit is 60 per hour. Try again in 13 minutes.");
    expect(rateLimitedError("createSession", { max: 30, windowMs: 2 * HOUR }, 30).message).toBe(
      "Too many sessions scheduled: the limit is 30 per 2 hours. Try again in 30 seconds.",
    );
  });
});

async function liveSessionWith(h: ServiceHarness, students: number) {
  const deepak = await h.viewer("deepak");
  const session = await h.services.createSession(deepak, sessionInput(h.clock, {}, 1));
  const enrolled = [];
  for (let i = 0; i < students; i++) {
    const s = await h.student(i);
    await h.services.enroll(s, session.id);
    enrolled.push(s);
  }
  h.clock.advance(HOUR);
  await h.services.startSession(deepak, session.id);
  return { deepak, session, students: enrolled };
}

/** Each test starts from the harness's own (unlimited) policy. */
function restoringPolicy(t: { h: ServiceHarness }) {
  let harnessPolicy: RateLimitPolicy | undefined;
  beforeEach(() => {
    harnessPolicy ??= t.h.deps.rateLimits;
    t.h.deps.rateLimits = harnessPolicy;
  });
}

describe("services", () => {
  const t = useServiceHarness();
  restoringPolicy(t);
  const withLimits = (limits: RateLimitPolicy) => {
    t.h.deps.rateLimits = limits;
  };
  const sessionsOf = async (expertId: string) =>
    (await t.database.query<{ n: number }>(`select count(*)::int as n from live_sessions where expert_id = '${expertId}'`))[0]!.n;

  it("createSession: the limit passes, the next is RATE_LIMITED with the rest of the window, and nothing is created", async () => {
    withLimits(LIMITS);
    const deepak = await t.h.viewer("deepak");
    for (let i = 0; i < 3; i++) {
      await t.h.services.createSession(deepak, sessionInput(t.h.clock));
      t.h.clock.advance(60_000);
    }
    const error = await expectDomainError(t.h.services.createSession(deepak, sessionInput(t.h.clock)), "RATE_LIMITED", /Too many sessions scheduled: the limit is 3 per hour/);
    // The window opened at the first attempt, three minutes ago.
    expect(error.details.retryAfterSeconds).toBe(57 * 60);
    expect(await sessionsOf(deepak.id)).toBe(3);
  });

  it("the window closes on the test clock: an hour after the first attempt the user may go on", async () => {
    withLimits(LIMITS);
    const deepak = await t.h.viewer("deepak");
    for (let i = 0; i < 3; i++) await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    t.h.clock.advance(HOUR - 1000);
    const error = await expectDomainError(t.h.services.createSession(deepak, sessionInput(t.h.clock)), "RATE_LIMITED");
    expect(error.details.retryAfterSeconds).toBe(1);
    t.h.clock.advance(1000);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    // A new window, opened now, with its own count.
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.createSession(deepak, sessionInput(t.h.clock)), "RATE_LIMITED");
    expect(await sessionsOf(deepak.id)).toBe(6);
  });

  it("users do not share a limit, and neither do actions", async () => {
    withLimits(LIMITS);
    const deepak = await t.h.viewer("deepak");
    const meera = await t.h.viewer("meera");
    for (let i = 0; i < 3; i++) await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.createSession(deepak, sessionInput(t.h.clock)), "RATE_LIMITED");
    const meeras = await t.h.services.createSession(meera, sessionInput(t.h.clock));
    // Deepak is out of createSession, not out of enrolling in Meera's session.
    await t.h.services.enroll(deepak, meeras.id);
    expect(await sessionsOf(meera.id)).toBe(1);
  });

  it("enroll counts every signed-in attempt, repeats included", async () => {
    withLimits(LIMITS);
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, session.id);
    await t.h.services.enroll(priya, session.id);
    await expectDomainError(t.h.services.enroll(priya, session.id), "RATE_LIMITED", /Too many enrollments/);
    // An anonymous caller has no user to count against: still 401.
    await expectDomainError(t.h.services.enroll(null, session.id), "UNAUTHENTICATED");
  });

  it("joinToken: the fifth token in the hour is refused, for students and the expert alike", async () => {
    const { deepak, session, students } = await liveSessionWith(t.h, 1);
    withLimits(LIMITS);
    for (let i = 0; i < 4; i++) {
      await t.h.services.joinToken(students[0]!, session.id);
      await t.h.services.joinToken(deepak, session.id);
    }
    await expectDomainError(t.h.services.joinToken(students[0]!, session.id), "RATE_LIMITED", /Too many requests to join a video room/);
    await expectDomainError(t.h.services.joinToken(deepak, session.id), "RATE_LIMITED");
  });

  it("without a configured policy the defaults apply (30 sessions an hour)", async () => {
    const configured = t.h.deps.rateLimits;
    t.h.deps.rateLimits = undefined;
    try {
      const meera = await t.h.viewer("meera");
      for (let i = 0; i < 30; i++) await t.h.services.createSession(meera, sessionInput(t.h.clock));
      await expectDomainError(t.h.services.createSession(meera, sessionInput(t.h.clock)), "RATE_LIMITED", /the limit is 30 per hour/);
    } finally {
      t.h.deps.rateLimits = configured;
    }
  });
});

const onPostgres = Boolean(realPostgresUrl());

describe.skipIf(!onPostgres)("two instances, one counter (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });
  restoringPolicy(t);

  it("30 parallel createSession calls by one expert across two instances: exactly the limit (5) pass", async () => {
    t.h.deps.rateLimits = { ...LIMITS, createSession: { max: 5, windowMs: HOUR } };
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const deepak = await t.h.viewer("deepak");
      const calls = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? t.h.services : second.services).createSession(deepak, sessionInput(t.h.clock)));
      const results = await Promise.allSettled(calls);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
      expect(refused).toHaveLength(25);
      for (const r of refused) expect((r.reason as DomainError).code).toBe("RATE_LIMITED");
      const [row] = await t.database.query<{ n: number }>("select count(*)::int as n from live_sessions");
      expect(row!.n).toBe(5);
      const [counter] = await t.database.query<{ attempts: number }>("select attempts from rate_limits where action = 'createSession'");
      expect(counter!.attempts).toBe(30);
    } finally {
      await second.close();
    }
  });

  it("20 parallel join tokens by one student across two instances: exactly the limit (4) pass", async () => {
    const { session, students } = await liveSessionWith(t.h, 1);
    t.h.deps.rateLimits = LIMITS;
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const calls = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? t.h.services : second.services).joinToken(students[0]!, session.id));
      const results = await Promise.allSettled(calls);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
      for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("RATE_LIMITED");
    } finally {
      await second.close();
    }
  });
});
