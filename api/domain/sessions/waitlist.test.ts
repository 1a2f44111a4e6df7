/**
 * The waitlist: places, freed seats to the first in line (enrolled in a free class, offered
 * and held in a paid one), lapsed offers moving on; and the seat count exact under 50
 * concurrent cancellations and joins through two app instances on PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { openSecondInstance } from "../../test-support/second-instance.js";
import { DomainError } from "../errors.js";
import { realPostgresUrl, type TestDatabase } from "../../test-support/test-database.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { moveLapsedOffers } from "./waitlist-service.js";

/** The invariants: the count is the enrolled rows, and enrolled + held never pass the cap. */
async function seatsOf(database: TestDatabase, sessionId: string) {
  const [row] = await database.query<{ enrolled_count: number; held_seats: number; max_participants: number; rows: number; offered: number; waiting: number }>(
    `select s.enrolled_count, s.held_seats, s.max_participants,
       (select count(*)::int from live_session_participants p where p.session_id = s.id) as rows,
       (select count(*)::int from waitlist_entries w where w.session_id = s.id and w.status = 'offered') as offered,
       (select count(*)::int from waitlist_entries w where w.session_id = s.id and w.status = 'waiting') as waiting
     from live_sessions s where s.id = $1`,
    [sessionId],
  );
  return row!;
}

describe("the waitlist", () => {
  const t = useServiceHarness();

  it("a full free class: students join and see their place; a cancellation enrolls the first in line at once", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 2 }));
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map((n) => t.h.student(n)));
    await t.h.services.enroll(a!, session.id);
    // Seats are free: enroll instead.
    await expectDomainError(t.h.services.joinWaitlist(c!, session.id), "FAILED_PRECONDITION", /Seats are free/);
    await t.h.services.enroll(b!, session.id);
    await expectDomainError(t.h.services.joinWaitlist(a!, session.id), "CONFLICT", /You are enrolled/);
    await expectDomainError(t.h.services.joinWaitlist(deepak, session.id), "FORBIDDEN");

    expect((await t.h.services.joinWaitlist(c!, session.id)).position).toBe(1);
    t.h.clock.advance(1000);
    expect((await t.h.services.joinWaitlist(d!, session.id)).position).toBe(2);
    // Joining again answers with the place held.
    expect((await t.h.services.joinWaitlist(c!, session.id)).position).toBe(1);
    await expectDomainError(t.h.services.enroll(await t.h.student(5), session.id), "SESSION_FULL", /full/);

    t.h.clock.advance(60_000);
    await t.h.services.cancelEnrollment(a!, session.id);
    const enrolled = (await t.database.query<{ user_id: string }>("select user_id from live_session_participants order by user_id")).map((r) => r.user_id);
    expect(enrolled.sort()).toEqual([b!.id, c!.id].sort());
    expect(await seatsOf(t.database, session.id)).toMatchObject({ enrolled_count: 2, rows: 2, held_seats: 0, waiting: 1 });
    // d moved up.
    const [place] = await t.h.services.myWaitlist(d!);
    expect(await t.h.services.waitlistPosition(place!)).toBe(1);
    // Leaving takes d off.
    expect((await t.h.services.leaveWaitlist(d!, session.id)).left).toBe(true);
    expect((await t.h.services.leaveWaitlist(d!, session.id)).left).toBe(false);
  });

  it("a full paid class: the freed seat is held for the first in line, who pays and enrolls; nobody else can take it", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 1, price: 499, currency: "INR" }));
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => t.h.student(n)));
    await t.h.services.enroll(a!, session.id, payFor(t.h.payments, session, a!));
    await t.h.services.joinWaitlist(b!, session.id);
    t.h.clock.advance(1000);
    await t.h.services.joinWaitlist(c!, session.id);

    t.h.clock.advance(60_000);
    const { refund } = await t.h.services.cancelEnrollment(a!, session.id);
    expect(refund?.status).toBe("pending");
    expect(await seatsOf(t.database, session.id)).toMatchObject({ enrolled_count: 0, held_seats: 1, offered: 1, waiting: 1 });
    const [offer] = await t.h.services.myWaitlist(b!);
    expect(offer).toMatchObject({ status: "offered", offeredUntil: new Date(t.h.clock.now().getTime() + 30 * 60_000) });

    // c cannot take b's seat, nor open a checkout for it.
    await expectDomainError(t.h.services.startCheckout(c!, session.id), "SESSION_FULL", /full/);
    await expectDomainError(t.h.services.enroll(c!, session.id, payFor(t.h.payments, session, c!)), "SESSION_FULL", /full/);
    // b may.
    await t.h.services.startCheckout(b!, session.id);
    const seated = await t.h.services.enroll(b!, session.id, payFor(t.h.payments, session, b!, "razorpay"));
    expect(seated.session).toMatchObject({ enrolledCount: 1, heldSeats: 0 });
    expect(await seatsOf(t.database, session.id)).toMatchObject({ enrolled_count: 1, rows: 1, held_seats: 0, offered: 0, waiting: 1 });
  });

  it("an offer not taken within WAITLIST_HOLD_MINUTES moves on to the next in line", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 1, price: 499, currency: "INR" }));
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => t.h.student(n)));
    await t.h.services.enroll(a!, session.id, payFor(t.h.payments, session, a!));
    await t.h.services.joinWaitlist(b!, session.id);
    t.h.clock.advance(1000);
    await t.h.services.joinWaitlist(c!, session.id);
    await t.h.services.cancelEnrollment(a!, session.id);

    t.h.clock.advance(30 * 60_000 - 1);
    expect(await moveLapsedOffers(t.h.deps)).toBe(0);
    t.h.clock.advance(1);
    expect(await moveLapsedOffers(t.h.deps)).toBe(1);
    expect(await t.h.services.myWaitlist(b!)).toEqual([]);
    expect((await t.h.services.myWaitlist(c!))[0]).toMatchObject({ status: "offered" });
    expect(await seatsOf(t.database, session.id)).toMatchObject({ enrolled_count: 0, held_seats: 1, offered: 1, waiting: 0 });
    // b's lapsed payment attempt is refused as full.
    await expectDomainError(t.h.services.enroll(b!, session.id, payFor(t.h.payments, session, b!)), "SESSION_FULL", /full/);
    // c leaves: the seat is free again, nobody waits.
    await t.h.services.leaveWaitlist(c!, session.id);
    expect(await seatsOf(t.database, session.id)).toMatchObject({ enrolled_count: 0, held_seats: 0, offered: 0, waiting: 0 });
  });
});

describe("the waitlist of a cancelled class", () => {
  const t = useServiceHarness();

  it("is let go: held seats are released and nobody is left waiting", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 1, price: 499, currency: "INR" }));
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => t.h.student(n)));
    await t.h.services.enroll(a!, session.id, payFor(t.h.payments, session, a!));
    await t.h.services.joinWaitlist(b!, session.id);
    t.h.clock.advance(1000);
    await t.h.services.joinWaitlist(c!, session.id);
    await t.h.services.cancelEnrollment(a!, session.id);
    expect(await seatsOf(t.database, session.id)).toMatchObject({ held_seats: 1, offered: 1, waiting: 1 });
    await t.h.services.cancelSession(deepak, session.id);
    expect(await seatsOf(t.database, session.id)).toMatchObject({ enrolled_count: 0, held_seats: 0, offered: 0, waiting: 0 });
    expect(await t.h.services.myWaitlist(c!)).toEqual([]);
  });
});

describe.skipIf(!realPostgresUrl())("the waitlist under races (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });

  it.each([["free", 0], ["paid", 499]] as const)(
    "a full %s class of 50: 25 cancellations and 25 joins at once through two instances keep the seat count exact",
    async (_kind, price) => {
      const second = await openSecondInstance(t.database, t.h.deps);
      try {
        const deepak = await t.h.viewer("deepak");
        const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 50, price, currency: "INR" }));
        const students = await Promise.all(Array.from({ length: 105 }, (_, i) => t.h.student(1000 + i)));
        const enrolled = students.slice(0, 50);
        const waiting = students.slice(50, 80);
        const joining = students.slice(80, 105);
        for (const s of enrolled) await t.h.services.enroll(s, session.id, price ? payFor(t.h.payments, session, s) : undefined);
        for (const s of waiting) {
          await t.h.services.joinWaitlist(s, session.id);
          t.h.clock.advance(1);
        }
        t.h.clock.advance(60_000);

        const ops = [
          ...enrolled.slice(0, 25).map((s, i) => () => (i % 2 ? second.services : t.h.services).cancelEnrollment(s, session.id)),
          ...joining.map((s, i) => () => (i % 2 ? t.h.services : second.services).joinWaitlist(s, session.id)),
        ];
        const results = await Promise.allSettled(ops.map((op) => op()));
        expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

        const seats = await seatsOf(t.database, session.id);
        expect(seats.enrolled_count).toBe(seats.rows);
        expect(seats.enrolled_count + seats.held_seats).toBeLessThanOrEqual(50);
        // No seat lost: the 25 freed seats went to the first 25 in line, in order.
        const firstInLine = new Set(waiting.slice(0, 25).map((s) => s.id));
        if (price === 0) {
          expect(seats).toMatchObject({ enrolled_count: 50, held_seats: 0, offered: 0, waiting: 30 });
          const seatedFromList = await t.database.query<{ user_id: string }>("select user_id from live_session_participants where session_id = $1 and user_id = any($2::text[])", [session.id, [...firstInLine]]);
          expect(seatedFromList).toHaveLength(25);
        } else {
          expect(seats).toMatchObject({ enrolled_count: 25, held_seats: 25, offered: 25, waiting: 30 });
          const offered = await t.database.query<{ user_id: string }>("select user_id from waitlist_entries where session_id = $1 and status = 'offered'", [session.id]);
          expect(new Set(offered.map((o) => o.user_id))).toEqual(firstInLine);
          expect((await t.database.query<{ n: number }>("select count(*)::int as n from refunds where session_id = $1", [session.id]))[0]!.n).toBe(25);
        }
      } finally {
        await second.close();
      }
    },
  );

  it("a full free class: 10 cancellations seat the first in line while every one in line enrolls at once: no deadlock, no seat lost", async () => {
    // The cancellations lock the class, then the entries of those they seat; each enrollment
    // deletes its person's entry too, so it must take the class's lock first (enrollment-write.ts).
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const deepak = await t.h.viewer("deepak");
      const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 20 }));
      const students = await Promise.all(Array.from({ length: 40 }, (_, i) => t.h.student(3000 + i)));
      const enrolled = students.slice(0, 20);
      const waiting = students.slice(20);
      for (const s of enrolled) await t.h.services.enroll(s, session.id);
      for (const s of waiting) {
        await t.h.services.joinWaitlist(s, session.id);
        t.h.clock.advance(1);
      }
      const ops = [
        ...enrolled.slice(0, 10).map((s, i) => () => (i % 2 ? second.services : t.h.services).cancelEnrollment(s, session.id)),
        ...waiting.map((s, i) => () => (i % 2 ? t.h.services : second.services).enroll(s, session.id)),
      ];
      const results = await Promise.allSettled(ops.map((op) => op()));
      // "Full" is the only acceptable refusal.
      const unexpected = results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof DomainError && r.reason.code === "SESSION_FULL") ? [String(r.reason)] : []));
      expect(unexpected).toEqual([]);
      const seats = await seatsOf(t.database, session.id);
      expect(seats).toMatchObject({ enrolled_count: 20, rows: 20, held_seats: 0 });
      // Each one in line is either seated (and off the list) or still waiting, never both, never neither.
      const both = await t.database.query<{ n: number }>(
        "select count(*)::int as n from waitlist_entries w join live_session_participants p using (session_id, user_id) where w.session_id = $1",
        [session.id],
      );
      expect(both[0]!.n).toBe(0);
      expect(seats.waiting + 10).toBe(waiting.length);
    } finally {
      await second.close();
    }
  });

  it("30 students at once enrolling, or joining the waitlist when full, then 5 cancelling: never oversold, nobody lost", async () => {
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const deepak = await t.h.viewer("deepak");
      const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 5 }));
      const students = await Promise.all(Array.from({ length: 30 }, (_, i) => t.h.student(2000 + i)));
      // 30 students at once: enroll, and if full, join the waitlist; 5 of the first then cancel.
      const outcomes = await Promise.allSettled(
        students.map(async (s, i) => {
          const services = i % 2 ? second.services : t.h.services;
          try {
            await services.enroll(s, session.id);
            return "enrolled";
          } catch {
            await services.joinWaitlist(s, session.id);
            return "waiting";
          }
        }),
      );
      expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
      const enrolledIds = (await t.database.query<{ user_id: string }>("select user_id from live_session_participants")).map((r) => r.user_id);
      await Promise.all(enrolledIds.slice(0, 5).map((id, i) => (i % 2 ? second.services : t.h.services).cancelEnrollment(students.find((s) => s.id === id)!, session.id)));
      const seats = await seatsOf(t.database, session.id);
      expect(seats).toMatchObject({ enrolled_count: 5, rows: 5, waiting: 20 });
    } finally {
      await second.close();
    }
  });
});
