/**
 * A payment reference raced on real PostgreSQL. Every racer passes the service's checks (the
 * reference is unused when each looks), so only the unique index on (gateway, reference)
 * can stop a second seat. PGlite runs one transaction at a time and would hide that: without
 * DATABASE_URL these are reported as skipped.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { realPostgresUrl } from "../../test-support/test-database.js";

describe.skipIf(!realPostgresUrl())("payment races (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });
  const count = async (sql: string) => (await t.database.query<{ n: number }>(sql))[0]!.n;

  it.each(["stripe", "razorpay"] as const)("the payer and 19 others enrolling at once with the payer's %s payment: one enrollment, the payer's", async (gateway) => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR", maxParticipants: 50 }));
    const students = await Promise.all(Array.from({ length: 20 }, (_, i) => t.h.student(i)));
    const payer = students[7]!;
    const payment = payFor(t.h.payments, session, payer, gateway);

    const results = await Promise.allSettled(students.map((s) => t.h.services.enroll(s, session.id, payment)));
    expect(results[7]!.status).toBe("fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe("BAD_USER_INPUT");
      // Whether the payer's row was there yet or not when each looked.
      expect((r.reason as DomainError).message).toMatch(/made by another account|already been used/);
    }
    const rows = await t.database.query<{ user_id: string }>("select user_id from live_session_participants");
    expect(rows).toEqual([{ user_id: payer.id }]);
    expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(1);
  });

  it("one student sending the same payment 20 times at once gets one seat, and every call answers with it", async () => {
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    // Several rounds: a call that looks just as another one commits must still be answered with
    // the seat, never with "already used" or "full" (the session has exactly one seat).
    for (let round = 0; round < 5; round++) {
      const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR", maxParticipants: 1 }));
      const payment = payFor(t.h.payments, session, priya);
      const results = await Promise.all(Array.from({ length: 20 }, () => t.h.services.enroll(priya, session.id, payment)));
      expect(new Set(results.map((r) => r.participant.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(1);
    }
  });

  it("the last seat raced by 10 students each with their own payment: one seat, and the others' payments stay unused", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR", maxParticipants: 1 }));
    const students = await Promise.all(Array.from({ length: 10 }, (_, i) => t.h.student(100 + i)));
    const payments = students.map((s) => payFor(t.h.payments, session, s));
    const results = await Promise.allSettled(students.map((s, i) => t.h.services.enroll(s, session.id, payments[i])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    for (const r of refused) expect((r.reason as DomainError).code).toBe("SESSION_FULL");
    // The refused students' rows were rolled back with their transactions: their payments are not spent.
    expect(await count("select count(*)::int as n from live_session_participants where payment_id is not null")).toBe(1);
  });
});
