/**
 * Email notices through a real SMTP server (the local stand-in) and the real nodemailer
 * adapter: what each message says and to whom, the calendar invitation read back with an
 * iCalendar library, reminders once each under two instances, none for a cancelled class or
 * a user who turned them off, and sending resumed after the mail server was away.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliver } from "../../test-support/hms-webhook-payloads.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { attachLocalMail, inviteOf } from "../../test-support/mail.js";
import { payFor } from "../../test-support/payments.js";
import { openSecondInstance } from "../../test-support/second-instance.js";
import { sessionInput } from "../../test-support/service-harness.js";
import type { LocalSmtpServer } from "../../stand-ins/smtp/local-smtp-server.js";
import { calendarUid } from "./calendar-invite.js";
import { EXPERT_BATCH_MS } from "./notification-queue.js";
import { notificationRetryDelayMs, sendDueNotifications } from "./notification-worker.js";
import { queueDueReminders } from "./reminders.js";
import { forgetOldNotificationJobs, NOTIFICATION_RETENTION_MS } from "./retention.js";

const t = useServiceHarness({ maxConnections: 20 });
let smtp: LocalSmtpServer;
let closeMail: () => Promise<void>;
beforeAll(async () => {
  ({ smtp, close: closeMail } = await attachLocalMail(t.h.deps));
});
afterAll(async () => closeMail?.());
beforeEach(async () => {
  smtp.clear();
  await smtp.start();
});

const MINUTE = 60_000;
const jobs = () => t.database.query<{ kind: string; status: string; recipient_id: string; attempts: number; last_error: string | null }>("select kind, status, recipient_id, attempts, last_error from notification_jobs order by kind, recipient_id");
const setZone = (userId: string, zone: string) => t.database.query(`update users set time_zone = '${zone}' where id = '${userId}'`);

/** A class by deepak starting `inHours` from now (10:00–11:00 UTC the next day by default). */
async function classBy(overrides: Record<string, unknown> = {}, inHours = 25) {
  const deepak = await t.h.viewer("deepak");
  const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "Morning Vinyasa Flow", ...overrides }, inHours));
  return { deepak, session };
}

describe("enrollment confirmation", () => {
  it("is sent over SMTP to the student, with the time in their zone and an invitation (REQUEST, stable UID, UTC times, the join link)", async () => {
    const { session } = await classBy();
    const priya = await t.h.viewer("priya");
    await setZone(priya.id, "Asia/Kolkata");
    await t.h.services.enroll(priya, session.id);

    expect(smtp.messages()).toHaveLength(0);
    expect(await sendDueNotifications(t.h.deps)).toEqual({ sent: 1, skipped: 0, retrying: 0, failed: 0 });
    const [mail] = smtp.messagesTo(priya.email!);
    expect(mail).toBeDefined();
    expect(mail!.envelope.to).toEqual([priya.email]);
    expect(mail!.from).toBe("classes@live.test");
    // 10:00 UTC is 15:30 in India.
    expect(mail!.subject).toBe("You're booked: Morning Vinyasa Flow — Wednesday 16 January 2030, 15:30 (Asia/Kolkata)");
    expect(mail!.text).toContain("When: Wednesday 16 January 2030, 15:30–16:30 (Asia/Kolkata)");
    expect(mail!.text).toContain("Deepak");
    expect(mail!.text).toContain(`http://app.test/app/live/join/${session.id}`);
    expect(mail!.html).toContain(`href="http://app.test/app/live/join/${session.id}"`);
    expect(mail!.headers["list-unsubscribe"]).toMatch(/^<http:\/\/app\.test\/email\/unsubscribe\?token=.+>$/);
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    const invite = inviteOf(mail!);
    expect(invite).toMatchObject({ method: "REQUEST", uid: calendarUid(session.id, priya.id), sequence: 0, status: "CONFIRMED" });
    expect(invite.start.toISOString()).toBe(session.scheduledStartTime.toISOString());
    expect(invite.end.toISOString()).toBe(session.scheduledEndTime.toISOString());
    expect(mail!.calendar).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(mail!.calendar).toContain(`/app/live/join/${session.id}`);

    // Nothing more to send, and enrolling again sends nothing.
    await t.h.services.enroll(priya, session.id);
    expect(await sendDueNotifications(t.h.deps)).toEqual({ sent: 0, skipped: 0, retrying: 0, failed: 0 });
    expect(smtp.messagesTo(priya.email!)).toHaveLength(1);
  });

  it("a user without a zone reads UTC, named", async () => {
    const { session } = await classBy();
    const tom = await t.h.viewer("tom");
    await t.h.services.enroll(tom, session.id);
    await sendDueNotifications(t.h.deps);
    expect(smtp.messagesTo(tom.email!)[0]!.subject).toContain("Wednesday 16 January 2030, 10:00 (UTC)");
  });
});

describe("cancellation", () => {
  it("tells each student, with their refund, and cancels the same calendar event (METHOD:CANCEL, same UID, higher SEQUENCE)", async () => {
    const { deepak, session } = await classBy({ price: 499, currency: "INR" });
    const priya = await t.h.viewer("priya");
    await setZone(priya.id, "Europe/Berlin");
    await t.h.services.enroll(priya, session.id, payFor(t.h.payments, session, priya));
    await sendDueNotifications(t.h.deps);
    const booked = inviteOf(smtp.messagesTo(priya.email!)[0]!);

    await t.h.services.cancelSession(deepak, session.id);
    expect(await sendDueNotifications(t.h.deps)).toMatchObject({ sent: 1, retrying: 0 });
    const mails = smtp.messagesTo(priya.email!);
    expect(mails).toHaveLength(2);
    const cancelled = mails[1]!;
    expect(cancelled.subject).toBe("Cancelled: Morning Vinyasa Flow — Wednesday 16 January 2030, 11:00 (Europe/Berlin)");
    expect(cancelled.text).toContain("You paid 499.00 INR: it is being refunded in full");
    const invite = inviteOf(cancelled);
    expect(invite).toMatchObject({ method: "CANCEL", uid: booked.uid, status: "CANCELLED" });
    expect(invite.sequence).toBeGreaterThan(booked.sequence);
  });

  it("a free class's students are told nothing was charged; no reminder follows", async () => {
    const { deepak, session } = await classBy({}, 23);
    const priya = await t.h.viewer("priya");
    t.h.clock.advance(-2 * 60 * MINUTE); // enrolled 25 hours ahead: a 24-hour reminder would be owed
    await t.h.services.enroll(priya, session.id);
    t.h.clock.advance(2 * 60 * MINUTE);
    await sendDueNotifications(t.h.deps);
    await t.h.services.cancelSession(deepak, session.id);
    expect(await queueDueReminders(t.h.deps)).toBe(0);
    await sendDueNotifications(t.h.deps);
    const subjects = smtp.messagesTo(priya.email!).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects[1]).toMatch(/^Cancelled: /);
    expect(smtp.messagesTo(priya.email!)[1]!.text).toContain("Nothing was charged for it.");
  });
});

describe("a student's own booking", () => {
  it("cancelled: the same event is cancelled (higher SEQUENCE); booked again: invited again with a higher one still", async () => {
    const { session } = await classBy();
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, session.id);
    await sendDueNotifications(t.h.deps);
    await t.h.services.cancelEnrollment(priya, session.id);
    await sendDueNotifications(t.h.deps);
    await t.h.services.enroll(priya, session.id);
    await sendDueNotifications(t.h.deps);
    const mails = smtp.messagesTo(priya.email!);
    expect(mails.map((m) => m.subject.replace(/ — .*/, ""))).toEqual(["You're booked: Morning Vinyasa Flow", "Booking cancelled: Morning Vinyasa Flow", "You're booked: Morning Vinyasa Flow"]);
    const invites = mails.map(inviteOf);
    expect(invites.map((i) => [i.method, i.sequence])).toEqual([["REQUEST", 0], ["CANCEL", 1], ["REQUEST", 2]]);
    expect(new Set(invites.map((i) => i.uid))).toEqual(new Set([calendarUid(session.id, priya.id)]));
    expect(mails[1]!.text).toContain("Nothing was charged for it.");
  });
});

describe("a class moved to a new time", () => {
  it("tells each student the new time in their zone and moves the same calendar event (REQUEST, same UID, higher SEQUENCE); a cancellation after goes higher still", async () => {
    const { deepak, session } = await classBy();
    const priya = await t.h.viewer("priya");
    await setZone(priya.id, "Asia/Kolkata");
    await t.h.services.enroll(priya, session.id);
    await sendDueNotifications(t.h.deps);
    const booked = inviteOf(smtp.messagesTo(priya.email!)[0]!);

    // A new title alone is no new time: nobody is told.
    await t.h.services.updateSession(deepak, session.id, { title: "Evening Vinyasa Flow" });
    const start = new Date(session.scheduledStartTime.getTime() + 26 * 60 * MINUTE);
    const end = new Date(start.getTime() + 75 * MINUTE);
    await t.h.services.updateSession(deepak, session.id, { scheduledStartTime: start.toISOString(), scheduledEndTime: end.toISOString() });
    await sendDueNotifications(t.h.deps);
    const mails = smtp.messagesTo(priya.email!);
    expect(mails.map((m) => m.subject)).toEqual([
      "You're booked: Morning Vinyasa Flow — Wednesday 16 January 2030, 15:30 (Asia/Kolkata)",
      "New time: Evening Vinyasa Flow — Thursday 17 January 2030, 17:30 (Asia/Kolkata)",
    ]);
    expect(mails[1]!.text).toContain("It was planned for Wednesday 16 January 2030, 15:30 (Asia/Kolkata).");
    const moved = inviteOf(mails[1]!);
    expect(moved).toMatchObject({ method: "REQUEST", uid: booked.uid, start, end });
    expect(moved.sequence).toBeGreaterThan(booked.sequence);

    await t.h.services.cancelSession(deepak, session.id);
    await sendDueNotifications(t.h.deps);
    const cancelled = inviteOf(smtp.messagesTo(priya.email!)[2]!);
    expect(cancelled).toMatchObject({ method: "CANCEL", uid: booked.uid });
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
  });

  it("moved twice before the mail goes out: the student hears of the time that holds, once", async () => {
    const { deepak, session } = await classBy();
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, session.id);
    await sendDueNotifications(t.h.deps);
    for (const hours of [2, 4]) {
      const start = new Date(session.scheduledStartTime.getTime() + hours * 60 * MINUTE);
      await t.h.services.updateSession(deepak, session.id, { scheduledStartTime: start.toISOString(), scheduledEndTime: new Date(start.getTime() + 60 * MINUTE).toISOString() });
    }
    expect(await sendDueNotifications(t.h.deps)).toMatchObject({ sent: 1, skipped: 1 });
    const mails = smtp.messagesTo(priya.email!);
    expect(mails).toHaveLength(2);
    expect(inviteOf(mails[1]!).start).toEqual(new Date(session.scheduledStartTime.getTime() + 4 * 60 * MINUTE));
  });
});

describe("the expert's new-enrollment notice", () => {
  it("is one message per class per 15 minutes, naming everyone who enrolled in that window", async () => {
    const { deepak, session } = await classBy();
    const start = Math.ceil(t.h.clock.now().getTime() / EXPERT_BATCH_MS) * EXPERT_BATCH_MS;
    t.h.clock.set(new Date(start + MINUTE));
    await t.h.services.enroll(await t.h.viewer("priya"), session.id);
    t.h.clock.advance(5 * MINUTE);
    await t.h.services.enroll(await t.h.viewer("tom"), session.id);
    await sendDueNotifications(t.h.deps);
    expect(smtp.messagesTo(deepak.email!)).toHaveLength(0);

    t.h.clock.set(new Date(start + EXPERT_BATCH_MS));
    await t.h.services.enroll(await t.h.viewer("lena"), session.id);
    await sendDueNotifications(t.h.deps);
    const first = smtp.messagesTo(deepak.email!);
    expect(first.map((m) => m.subject)).toEqual(["2 new students in Morning Vinyasa Flow"]);
    expect(first[0]!.text).toContain("Priya Sharma, Tom");

    t.h.clock.set(new Date(start + 2 * EXPERT_BATCH_MS));
    await sendDueNotifications(t.h.deps);
    expect(smtp.messagesTo(deepak.email!).map((m) => m.subject)).toEqual(["2 new students in Morning Vinyasa Flow", "1 new student in Morning Vinyasa Flow"]);
  });
});

describe("recording ready", () => {
  it("tells the expert and the students who were enrolled, once, however often 100ms repeats its webhooks", async () => {
    const { deepak, session: created } = await classBy({}, 1);
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, created.id);
    const { session } = await t.h.services.startSession(deepak, created.id);
    t.h.emulator.joinPeer(session.hmsRoomId!, { userId: deepak.id, role: "host", name: deepak.name });
    await t.h.deps.video.startRecording(session.hmsRoomId!);
    t.h.clock.advance(60 * MINUTE);
    await t.h.services.endSession(deepak, session.id);
    // 100ms delivers at least once: every event twice.
    for (const e of [...t.h.emulator.events(), ...t.h.emulator.events()]) await deliver(t.h.services, e);
    expect((await t.h.services.getSession(null, session.id))!.recordingAvailable).toBe(true);
    await sendDueNotifications(t.h.deps);
    const ready = (email: string) => smtp.messagesTo(email).filter((m) => m.subject.startsWith("Recording ready"));
    expect(ready(priya.email!).map((m) => m.subject)).toEqual(["Recording ready: Morning Vinyasa Flow"]);
    expect(ready(priya.email!)[0]!.text).toContain(`http://app.test/app/live/${session.id}`);
    expect(ready(deepak.email!).map((m) => m.text.includes("your class"))).toEqual([true]);
  });
});

describe("reminders", () => {
  /** A class 30 hours away with priya and tom enrolled, their confirmations and the expert's notice sent. */
  async function bookedClass() {
    const c = await classBy({}, 30);
    const priya = await t.h.viewer("priya");
    const tom = await t.h.viewer("tom");
    await t.h.services.enroll(priya, c.session.id);
    await t.h.services.enroll(tom, c.session.id);
    t.h.clock.advance(EXPERT_BATCH_MS);
    await sendDueNotifications(t.h.deps);
    expect(smtp.messages()).toHaveLength(3);
    smtp.clear();
    return { ...c, priya, tom };
  }
  /** Sets the clock this long before the class starts. */
  const before = (session: { scheduledStartTime: Date }, ms: number) => t.h.clock.set(new Date(session.scheduledStartTime.getTime() - ms));
  const reminderSubjects = (email: string) => smtp.messagesTo(email).map((m) => m.subject.replace(/ — .*/, ""));

  it("are sent 24 hours and 15 minutes before, once each", async () => {
    const { session, priya, tom } = await bookedClass();
    expect(await queueDueReminders(t.h.deps)).toBe(0);
    before(session, 24 * 60 * MINUTE - MINUTE);
    expect(await queueDueReminders(t.h.deps)).toBe(2);
    expect(await queueDueReminders(t.h.deps)).toBe(0);
    await sendDueNotifications(t.h.deps);
    before(session, 14 * MINUTE);
    expect(await queueDueReminders(t.h.deps)).toBe(2);
    await sendDueNotifications(t.h.deps);
    await queueDueReminders(t.h.deps);
    await sendDueNotifications(t.h.deps);
    for (const who of [priya, tom]) {
      expect(reminderSubjects(who.email!)).toEqual(["Starts in 24 hours: Morning Vinyasa Flow", "Starts in 15 minutes: Morning Vinyasa Flow"]);
    }
    expect(smtp.messagesTo(priya.email!)[1]!.text).toContain("Join the class: http://app.test/app/live/join/");
  });

  it("follow a class that moved: a reminder queued for the old time is not sent, the new time gets its own", async () => {
    const { deepak, session, priya } = await bookedClass();
    before(session, 24 * 60 * MINUTE - MINUTE);
    expect(await queueDueReminders(t.h.deps)).toBe(2);
    // Moved two days later before the reminders went out.
    const start = new Date(session.scheduledStartTime.getTime() + 48 * 60 * MINUTE);
    await t.h.services.updateSession(deepak, session.id, { scheduledStartTime: start.toISOString(), scheduledEndTime: new Date(start.getTime() + 60 * MINUTE).toISOString() });
    await sendDueNotifications(t.h.deps);
    expect(reminderSubjects(priya.email!)).toEqual(["New time: Morning Vinyasa Flow"]);
    before({ scheduledStartTime: start }, 24 * 60 * MINUTE - MINUTE);
    expect(await queueDueReminders(t.h.deps)).toBe(2);
    await sendDueNotifications(t.h.deps);
    expect(reminderSubjects(priya.email!)).toEqual(["New time: Morning Vinyasa Flow", "Starts in 24 hours: Morning Vinyasa Flow"]);
  });

  it("are not sent for a class cancelled after they were queued, nor to a user who turned reminders off", async () => {
    const { deepak, session, priya, tom } = await bookedClass();
    await t.database.query(`update users set email_reminders = false where id = '${tom.id}'`);
    before(session, 20 * 60 * MINUTE);
    expect(await queueDueReminders(t.h.deps)).toBe(1);
    await t.h.services.cancelSession(deepak, session.id);
    await sendDueNotifications(t.h.deps);
    expect(reminderSubjects(priya.email!)).toEqual(["Cancelled: Morning Vinyasa Flow"]);
    expect(reminderSubjects(tom.email!)).toEqual(["Cancelled: Morning Vinyasa Flow"]);
    expect((await jobs()).filter((j) => j.kind === "reminder_24h")).toEqual([
      expect.objectContaining({ status: "skipped", recipient_id: priya.id, last_error: "the session is cancelled" }),
    ]);
  });

  it("a user who turns reminders off after one was queued gets none (checked at send time)", async () => {
    const { session, priya } = await bookedClass();
    before(session, 20 * 60 * MINUTE);
    await queueDueReminders(t.h.deps);
    await t.database.query(`update users set email_reminders = false where id = '${priya.id}'`);
    await sendDueNotifications(t.h.deps);
    expect(smtp.messagesTo(priya.email!)).toHaveLength(0);
    expect(smtp.messages()).toHaveLength(1);
  });

  it("two instances sweeping and sending at once send each reminder once", async () => {
    const second = await openSecondInstance(t.database, t.h.deps);
    try {
      const { session } = await classBy({ maxParticipants: 100 }, 30);
      const students = await Promise.all(Array.from({ length: 12 }, (_, i) => t.h.student(i)));
      for (const s of students) await t.h.services.enroll(s, session.id);
      t.h.clock.advance(EXPERT_BATCH_MS);
      await Promise.all([sendDueNotifications(t.h.deps), sendDueNotifications(second.deps)]);
      // The twelve confirmations and the expert's one notice.
      expect(smtp.messages()).toHaveLength(13);
      smtp.clear();
      before(session, 20 * 60 * MINUTE);
      for (let round = 0; round < 3; round++) {
        await Promise.all([queueDueReminders(t.h.deps), queueDueReminders(second.deps), queueDueReminders(t.h.deps), queueDueReminders(second.deps)]);
        await Promise.all([sendDueNotifications(t.h.deps, 4), sendDueNotifications(second.deps, 4), sendDueNotifications(t.h.deps, 4), sendDueNotifications(second.deps, 4)]);
      }
      for (const s of students) expect(reminderSubjects(s.email!), s.name).toEqual(["Starts in 24 hours: Morning Vinyasa Flow"]);
      expect(smtp.messages()).toHaveLength(12);
    } finally {
      await second.close();
    }
  });

  it("while the mail server is away are retried with backoff, and sent once when it is back", async () => {
    const { session, priya, tom } = await bookedClass();
    before(session, 20 * 60 * MINUTE);
    await queueDueReminders(t.h.deps);
    await smtp.stop();
    expect(await sendDueNotifications(t.h.deps)).toEqual({ sent: 0, skipped: 0, retrying: 2, failed: 0 });
    const waiting = (await jobs()).filter((j) => j.kind === "reminder_24h");
    expect(waiting.map((j) => [j.status, j.attempts])).toEqual([["pending", 1], ["pending", 1]]);
    for (const j of waiting) expect(j.last_error).toMatch(/ECONNREFUSED/);
    // Not due again before the backoff.
    expect(await sendDueNotifications(t.h.deps)).toEqual({ sent: 0, skipped: 0, retrying: 0, failed: 0 });

    await smtp.start();
    t.h.clock.advance(notificationRetryDelayMs(t.h.deps.notifications!.policy.retryBaseMs, 1));
    expect(await sendDueNotifications(t.h.deps)).toEqual({ sent: 2, skipped: 0, retrying: 0, failed: 0 });
    expect(await sendDueNotifications(t.h.deps)).toEqual({ sent: 0, skipped: 0, retrying: 0, failed: 0 });
    for (const who of [priya, tom]) expect(reminderSubjects(who.email!)).toEqual(["Starts in 24 hours: Morning Vinyasa Flow"]);
  });
});

describe("retention", () => {
  it("forgets a class's finished jobs 30 days after it began; pending jobs and newer classes' jobs stay", async () => {
    const old = await classBy({ title: "Old class" }, 2);
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, old.session.id);
    await sendDueNotifications(t.h.deps); // priya's confirmation: sent
    t.h.clock.advance(EXPERT_BATCH_MS); // the expert's notice stays pending (the mail server is away)
    await smtp.stop();
    await sendDueNotifications(t.h.deps);
    await smtp.start();
    const recent = await classBy({ title: "Recent class" }, 24 * 29);
    await t.h.services.enroll(priya, recent.session.id);
    await sendDueNotifications(t.h.deps);
    const ofOld = async () => (await t.database.query<{ status: string }>(`select status from notification_jobs where session_id = '${old.session.id}' order by status`)).map((j) => j.status);
    const ofRecent = async () => (await t.database.query<{ status: string }>(`select status from notification_jobs where session_id = '${recent.session.id}'`)).length;
    expect(await ofOld()).toEqual(["pending", "sent"]);
    // A finished message about no class (a disabled webhook endpoint), queued as the old class began.
    await t.database.query(
      `insert into notification_jobs (id, dedupe_key, kind, recipient_id, status, next_attempt_at, created_at, updated_at) values ('nt_noclass', 'noclass', 'webhook_endpoint_disabled', '${priya.id}', 'sent', now(), '${old.session.scheduledStartTime.toISOString()}', now())`,
    );
    const noClass = async () => (await t.database.query<{ id: string }>("select id from notification_jobs where id = 'nt_noclass'")).length;

    t.h.clock.set(new Date(old.session.scheduledStartTime.getTime() + NOTIFICATION_RETENTION_MS - MINUTE));
    expect(await forgetOldNotificationJobs(t.h.deps)).toBe(0);
    t.h.clock.set(new Date(old.session.scheduledStartTime.getTime() + NOTIFICATION_RETENTION_MS + MINUTE));
    expect(await forgetOldNotificationJobs(t.h.deps)).toBe(2);
    expect(await ofOld()).toEqual(["pending"]);
    expect(await noClass()).toBe(0);
    expect(await ofRecent()).toBeGreaterThan(0);
  });
});
