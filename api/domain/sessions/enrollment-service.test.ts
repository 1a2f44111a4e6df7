import { decodeJwt, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { HMS_TEST_CREDENTIALS, sessionInput } from "../../test-support/service-harness.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";

const t = useServiceHarness();

async function scheduled(overrides: Record<string, unknown> = {}) {
  const deepak = await t.h.viewer("deepak");
  return { deepak, session: await t.h.services.createSession(deepak, sessionInput(t.h.clock, overrides)) };
}

describe("enroll", () => {
  it("enrolls a student with their profile and takes one seat", async () => {
    const { session } = await scheduled();
    const priya = await t.h.viewer("priya");
    const e = await t.h.services.enroll(priya, session.id);
    expect(e.created).toBe(true);
    expect(e.participant).toMatchObject({
      sessionId: session.id,
      userId: priya.id,
      userName: "Priya Sharma",
      userEmail: "priya@example.com",
      attended: false,
      watchTime: 0,
      paid: false,
      paymentId: null,
    });
    expect(e.participant.id).toMatch(/^part_/);
    expect(e.participant.enrolledAt.toISOString()).toBe("2030-01-15T09:00:00.000Z");
    expect(e.session.enrolledCount).toBe(1);
  });

  it("answers a second enrollment with the first one and counts it once", async () => {
    const { session } = await scheduled();
    const priya = await t.h.viewer("priya");
    const first = await t.h.services.enroll(priya, session.id);
    const again = await t.h.services.enroll(priya, session.id);
    expect(again.created).toBe(false);
    expect(again.participant.id).toBe(first.participant.id);
    expect((await t.h.services.getSession(priya, session.id))?.enrolledCount).toBe(1);
  });

  it("needs a signed-in user who is not the session's own expert, and a known session", async () => {
    const { deepak, session } = await scheduled();
    await expectDomainError(t.h.services.enroll(null, session.id), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.enroll(deepak, session.id), "FORBIDDEN", /experts do not enroll in their own/);
    await expectDomainError(t.h.services.enroll(await t.h.viewer("priya"), "ses_nope"), "NOT_FOUND");
    // Another expert may take a colleague's class.
    expect((await t.h.services.enroll(await t.h.viewer("meera"), session.id)).created).toBe(true);
  });

  it("accepts live sessions and refuses ended and cancelled ones", async () => {
    const { deepak, session } = await scheduled();
    await t.h.services.startSession(deepak, session.id);
    expect((await t.h.services.enroll(await t.h.viewer("priya"), session.id)).created).toBe(true);
    await t.h.services.endSession(deepak, session.id);
    await expectDomainError(t.h.services.enroll(await t.h.viewer("tom"), session.id), "FAILED_PRECONDITION", /ended/);
    const other = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.cancelSession(deepak, other.id);
    await expectDomainError(t.h.services.enroll(await t.h.viewer("tom"), other.id), "FAILED_PRECONDITION", /cancelled/);
  });

  it("closes enrollment when the scheduled time passed without a start", async () => {
    const { session } = await scheduled();
    t.h.clock.set(session.scheduledEndTime);
    await expectDomainError(t.h.services.enroll(await t.h.viewer("priya"), session.id), "FAILED_PRECONDITION", /scheduled time has passed/);
    t.h.clock.advance(-1000);
    expect((await t.h.services.enroll(await t.h.viewer("priya"), session.id)).created).toBe(true);
  });

  it("stops at the seat limit and stores nothing for the refused student", async () => {
    const { session } = await scheduled({ maxParticipants: 2 });
    await t.h.services.enroll(await t.h.student(1), session.id);
    await t.h.services.enroll(await t.h.student(2), session.id);
    // The refused student waits in line: the refusal must not cost them their place either.
    const third = await t.h.student(3);
    await t.h.services.joinWaitlist(third, session.id);
    await expectDomainError(t.h.services.enroll(third, session.id), "SESSION_FULL", /full/);
    const s = await t.h.services.getSession(null, session.id);
    expect(s?.enrolledCount).toBe(2);
    // The enrollment is one statement (repositories/enrollment-write.ts): none of its writes stays.
    const count = async (sql: string, params: unknown[] = []) => (await t.database.query<{ n: number }>(sql, params))[0]?.n;
    expect(await count("select count(*)::int as n from live_session_participants")).toBe(2);
    expect(await count("select count(*)::int as n from notification_jobs where recipient_id = $1", [third.id])).toBe(0);
    expect(await count("select count(*)::int as n from webhook_events where type = 'enrollment.created'")).toBe(2);
    expect(await count("select count(*)::int as n from waitlist_entries where user_id = $1", [third.id])).toBe(1);
  });

  it("gives a 1-on-1 exactly one student", async () => {
    const { session } = await scheduled({ sessionType: "1-on-1", maxParticipants: undefined });
    await t.h.services.enroll(await t.h.student(1), session.id);
    await expectDomainError(t.h.services.enroll(await t.h.student(2), session.id), "SESSION_FULL", /full/);
  });

  it("needs a payment reference for a priced session and records it", async () => {
    const { session } = await scheduled({ price: 499, currency: "INR" });
    const priya = await t.h.viewer("priya");
    await expectDomainError(t.h.services.enroll(priya, session.id), "BAD_USER_INPUT", /costs 499 INR/);
    await expectDomainError(t.h.services.enroll(priya, session.id, { paymentId: "pay_1", paymentGateway: "paypal" }), "BAD_USER_INPUT", /stripe, razorpay/);
    await expectDomainError(t.h.services.enroll(priya, session.id, { paymentId: "", paymentGateway: "stripe" }), "BAD_USER_INPUT", /paymentId/);
    expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(0);
    const payment = payFor(t.h.payments, session, priya);
    const e = await t.h.services.enroll(priya, session.id, payment);
    expect(e.participant).toMatchObject({ paid: true, paymentId: payment.paymentId, paymentGateway: "stripe", amountPaid: 499 });
  });

  it("ignores a payment sent for a free session", async () => {
    const { session } = await scheduled({ price: 0 });
    const e = await t.h.services.enroll(await t.h.viewer("priya"), session.id, { paymentId: "pay_1", paymentGateway: "razorpay" });
    expect(e.participant).toMatchObject({ paid: false, paymentId: null, paymentGateway: null, amountPaid: null });
  });
});

describe("joinToken", () => {
  async function liveWithStudent() {
    const { deepak, session } = await scheduled();
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, session.id);
    const started = await t.h.services.startSession(deepak, session.id);
    return { deepak, priya, session, started };
  }

  it("gives the expert a host token and an enrolled student a guest token for the room", async () => {
    const { deepak, priya, started } = await liveWithStudent();
    const host = await t.h.services.joinToken(deepak, started.session.id);
    expect(host).toMatchObject({ role: "host", userName: "Deepak Kumar" });
    const guest = await t.h.services.joinToken(priya, started.session.id);
    expect(guest).toMatchObject({ role: "guest", userName: "Priya Sharma" });

    const { payload } = await jwtVerify(guest.token, new TextEncoder().encode(HMS_TEST_CREDENTIALS.secret), {
      algorithms: ["HS256"],
      currentDate: t.h.clock.now(),
    });
    expect(payload).toMatchObject({
      access_key: HMS_TEST_CREDENTIALS.accessKey,
      type: "app",
      version: 2,
      room_id: started.roomId,
      role: "guest",
      user_id: priya.id,
    });
    expect(decodeJwt(host.token)).toMatchObject({ role: "host", user_id: deepak.id, room_id: started.roomId });
  });

  it("expires no later than the actual start plus 7 hours", async () => {
    const { priya, started } = await liveWithStudent();
    t.h.clock.advance(2 * 3_600_000);
    const guest = await t.h.services.joinToken(priya, started.session.id);
    const limit = started.session.actualStartTime!.getTime() / 1000 + 7 * 3600;
    expect(decodeJwt(guest.token).exp).toBeLessThanOrEqual(limit);
    expect(decodeJwt(guest.token).exp).toBeGreaterThan(limit - 5);
    t.h.clock.advance(5 * 3_600_000);
    await expectDomainError(t.h.services.joinToken(priya, started.session.id), "FAILED_PRECONDITION", /6-hour limit/);
  });

  it("refuses anyone who is neither the expert nor enrolled", async () => {
    const { started } = await liveWithStudent();
    await expectDomainError(t.h.services.joinToken(await t.h.viewer("tom"), started.session.id), "FORBIDDEN", /Enroll first/);
    await expectDomainError(t.h.services.joinToken(await t.h.viewer("meera"), started.session.id), "FORBIDDEN");
    await expectDomainError(t.h.services.joinToken(null, started.session.id), "UNAUTHENTICATED");
  });

  it("is only for live sessions", async () => {
    const { deepak, session } = await scheduled();
    const priya = await t.h.viewer("priya");
    await t.h.services.enroll(priya, session.id);
    await expectDomainError(t.h.services.joinToken(priya, session.id), "FAILED_PRECONDITION", /not started yet/);
    await expectDomainError(t.h.services.joinToken(deepak, session.id), "FAILED_PRECONDITION", /not started yet/);
    await t.h.services.startSession(deepak, session.id);
    await t.h.services.endSession(deepak, session.id);
    await expectDomainError(t.h.services.joinToken(priya, session.id), "FAILED_PRECONDITION", /ended/);
  });
});

describe("resolveViewer", () => {
  it("creates the user on first sight and follows later profile and role changes", async () => {
    const first = await t.h.services.resolveViewer({ subject: "auth0|abc", name: "Asha", email: "asha@example.com", roles: [] });
    const again = await t.h.services.resolveViewer({ subject: "auth0|abc", name: "Asha Rao", email: "asha@example.com", picture: "https://img.example/a.png", roles: ["expert", "stranger"] });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: "Asha Rao", avatarUrl: "https://img.example/a.png", roles: ["expert"] });
    const rows = await t.database.query<{ n: number }>("select count(*)::int as n from users");
    expect(rows[0]?.n).toBe(1);
  });
});
