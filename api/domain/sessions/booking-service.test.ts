/** Students cancelling their own booking: the cut-off, the freed seat, the refund of a paid one. */
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { sweepRefunds } from "../payments/refunds.js";
import { realPostgresUrl } from "../../test-support/test-database.js";
import { DomainError } from "../errors.js";

describe("cancelling one's own booking", () => {
  const t = useServiceHarness();
  const HOUR = 3_600_000;

  it("before the cut-off: the seat is freed and a paid seat is refunded in full, once", async () => {
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR" }, 24));
    const payment = payFor(t.h.payments, session, priya, "razorpay");
    await t.h.services.enroll(priya, session.id, payment);

    const { session: after, refund } = await t.h.services.cancelEnrollment(priya, session.id);
    expect(after.enrolledCount).toBe(0);
    expect(refund).toMatchObject({ status: "pending", cause: "booking_cancelled", amount: 499, currency: "INR", gateway: "razorpay", paymentId: payment.paymentId });
    expect(await t.database.query("select id from live_session_participants")).toEqual([]);

    expect(await sweepRefunds(t.h.deps)).toEqual({ refunded: 1, retrying: 0, failed: 0 });
    expect(t.h.payments.razorpay.refunds().filter((r) => r.payment_id === payment.paymentId).map((r) => r.amount)).toEqual([49900]);
    // Cancelling again: there is no booking left; nothing more is refunded.
    await expectDomainError(t.h.services.cancelEnrollment(priya, session.id), "NOT_FOUND", /not enrolled/);
    expect((await t.h.services.myRefunds(priya)).map((r) => r.status)).toEqual(["refunded"]);
  });

  it("a free booking is cancelled without a refund, and the student may book again", async () => {
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 24));
    await t.h.services.enroll(priya, session.id);
    expect((await t.h.services.cancelEnrollment(priya, session.id)).refund).toBeNull();
    const again = await t.h.services.enroll(priya, session.id);
    expect(again.created).toBe(true);
    expect(again.session.enrolledCount).toBe(1);
  });

  it("after the cut-off (120 minutes by default) it is refused with a clear message, and nothing changes", async () => {
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR" }, 24));
    await t.h.services.enroll(priya, session.id, payFor(t.h.payments, session, priya));

    t.h.clock.set(new Date(session.scheduledStartTime.getTime() - 2 * HOUR - 1000));
    const viewerCan = t.h.services.sessionPermissions(priya, (await t.h.services.getSession(null, session.id))!, (await t.h.services.myEnrollments(priya))[0]!);
    expect(viewerCan.cancelEnrollment.allowed).toBe(true);

    t.h.clock.set(new Date(session.scheduledStartTime.getTime() - 2 * HOUR));
    await expectDomainError(t.h.services.cancelEnrollment(priya, session.id), "FAILED_PRECONDITION", /^Bookings can be cancelled until 2 hours before the start; it is too late to cancel this one\.$/);
    expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(1);
    expect(await t.database.query("select id from refunds")).toEqual([]);
    const refused = t.h.services.sessionPermissions(priya, (await t.h.services.getSession(null, session.id))!, (await t.h.services.myEnrollments(priya))[0]!);
    expect(refused.cancelEnrollment).toEqual({ allowed: false, code: "FAILED_PRECONDITION", reason: "Bookings can be cancelled until 2 hours before the start; it is too late to cancel this one." });
  });

  it("the cut-off follows CANCELLATION_CUTOFF_MINUTES", async () => {
    const deps = { ...t.h.deps, booking: { cancellationCutoffMinutes: 30, waitlistHoldMinutes: 30 } };
    const { cancelEnrollment } = await import("./booking-service.js");
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 1));
    await t.h.services.enroll(priya, session.id);
    // 60 minutes before: too late under the default, fine under 30.
    await expectDomainError(t.h.services.cancelEnrollment(priya, session.id), "FAILED_PRECONDITION", /2 hours before the start/);
    await cancelEnrollment(deps, priya, session.id);
    expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(0);
  });

  it("a live, ended or cancelled session's booking cannot be cancelled by the student", async () => {
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    const live = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 24));
    await t.h.services.enroll(priya, live.id);
    await t.h.services.startSession(deepak, live.id);
    await expectDomainError(t.h.services.cancelEnrollment(priya, live.id), "FAILED_PRECONDITION", /has started/);
    const cancelled = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 24));
    await t.h.services.enroll(priya, cancelled.id);
    await t.h.services.cancelSession(deepak, cancelled.id);
    await expectDomainError(t.h.services.cancelEnrollment(priya, cancelled.id), "FAILED_PRECONDITION", /was cancelled/);
    await expectDomainError(t.h.services.cancelEnrollment(null, live.id), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.cancelEnrollment(priya, "ses_nope"), "NOT_FOUND");
  });
});

describe.skipIf(!realPostgresUrl())("cancellation races (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 5 });

  it("a cancellation meeting an enrollment that holds its new row's key lock on the class waits for it, never deadlocks", async () => {
    const deepak = await t.h.viewer("deepak");
    const [priya, tom] = [await t.h.viewer("priya"), await t.h.viewer("tom")];
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 5 }, 24));
    await t.h.services.enroll(priya, s.id);

    // An enrollment's two steps, held apart: its participant insert (which key-share locks the
    // class row through the foreign key), then its seat update.
    let inserted!: () => void;
    let proceed!: () => void;
    const hasInserted = new Promise<void>((r) => (inserted = r));
    const mayProceed = new Promise<void>((r) => (proceed = r));
    const enrolling = t.h.deps.db.transaction(async (tx) => {
      await tx.execute(sql`insert into live_session_participants (id, session_id, user_id, user_name, enrolled_at) values ('part_held', ${s.id}, ${tom.id}, 'Tom', now())`);
      inserted();
      await mayProceed;
      await tx.execute(sql`update live_sessions set enrolled_count = enrolled_count + 1 where id = ${s.id}`);
    });
    await hasInserted;
    const cancelling = t.h.services.cancelEnrollment(priya, s.id);
    // The cancellation is now waiting on the enrollment's lock.
    await vi.waitFor(async () => {
      const [row] = await t.database.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      expect(row!.n).toBe(1);
    });
    proceed();
    // Both finish: a deadlock would fail one of them ("deadlock detected").
    await expect(Promise.all([enrolling, cancelling])).resolves.toBeDefined();
    const after = (await t.h.services.getSession(null, s.id))!;
    expect(after.enrolledCount).toBe(1);
  });
});
