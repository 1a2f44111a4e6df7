import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { realPostgresUrl } from "../../test-support/test-database.js";

const t = useServiceHarness({ maxConnections: 40 });
const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(t.h.clock.now().getTime() + hoursFromNow * HOUR);

describe("updateSession", () => {
  it("changes only the fields given; a new time is a reschedule", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 10, metadata: { category: "Hatha" } }, 24));
    t.h.clock.advance(60_000);
    const renamed = await t.h.services.updateSession(deepak, s.id, { title: "  Gentle Hatha  ", maxParticipants: 12 });
    expect(renamed.rescheduled).toBe(false);
    expect(renamed.session).toMatchObject({
      title: "Gentle Hatha",
      maxParticipants: 12,
      description: s.description,
      scheduledStartTime: s.scheduledStartTime,
      metadata: { category: "Hatha" },
      updatedAt: t.h.clock.now(),
    });
    const moved = await t.h.services.updateSession(deepak, s.id, { scheduledStartTime: at(48).toISOString(), scheduledEndTime: at(49).toISOString() });
    expect(moved.rescheduled).toBe(true);
    expect(moved.session).toMatchObject({ scheduledStartTime: at(48), scheduledEndTime: at(49), title: "Gentle Hatha" });
    // The same times again are not a reschedule; null removes the cap, the thumbnail, the metadata.
    const same = await t.h.services.updateSession(deepak, s.id, { scheduledStartTime: at(48).toISOString(), maxParticipants: null, metadata: null });
    expect(same.rescheduled).toBe(false);
    expect(same.session).toMatchObject({ maxParticipants: null, metadata: null });
    // Found by its new title.
    expect((await t.h.services.listSessions(null, { search: "gentle" })).items.map((x) => x.id)).toEqual([s.id]);
  });

  it("checks a moved schedule as a new one: a new end must follow the kept start", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 24));
    await expectDomainError(t.h.services.updateSession(deepak, s.id, { scheduledEndTime: at(23).toISOString() }), "BAD_USER_INPUT", /scheduledEndTime must be after scheduledStartTime/);
    await expectDomainError(t.h.services.updateSession(deepak, s.id, { scheduledStartTime: at(-1).toISOString() }), "BAD_USER_INPUT", /scheduledStartTime must be in the future/);
    await expectDomainError(t.h.services.updateSession(deepak, s.id, { scheduledEndTime: at(31).toISOString() }), "BAD_USER_INPUT", /at most 6 hours/);
    // Nothing changed.
    expect(await t.h.services.getSession(null, s.id)).toMatchObject({ scheduledStartTime: s.scheduledStartTime, scheduledEndTime: s.scheduledEndTime, updatedAt: s.updatedAt });
  });

  it("keeps the enrolled students' seats: the cap goes down to them, never below", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 10 }));
    for (const n of [1, 2, 3]) await t.h.services.enroll(await t.h.student(n), s.id);
    await expectDomainError(t.h.services.updateSession(deepak, s.id, { maxParticipants: 2 }), "BAD_USER_INPUT", /cannot be less than the 3 seats already taken by enrolled students/);
    expect((await t.h.services.updateSession(deepak, s.id, { maxParticipants: 3 })).session.maxParticipants).toBe(3);
    await expectDomainError(t.h.services.enroll(await t.h.student(4), s.id), "SESSION_FULL", /full/);
    const oneOnOne = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { sessionType: "1-on-1", maxParticipants: 1 }));
    await expectDomainError(t.h.services.updateSession(deepak, oneOnOne.id, { maxParticipants: 5 }), "BAD_USER_INPUT", /1-on-1 session has exactly one seat/);
    await expectDomainError(t.h.services.updateSession(deepak, oneOnOne.id, { maxParticipants: null }), "BAD_USER_INPUT", /1-on-1 session has exactly one seat/);
  });

  it("a raised cap seats the waitlist at once: a free class enrolls the first in line", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 1 }));
    await t.h.services.enroll(await t.h.student(1), s.id);
    const [second, third] = [await t.h.student(2), await t.h.student(3)];
    await t.h.services.joinWaitlist(second, s.id);
    t.h.clock.advance(1000); // the test clock stands still: in line by the time they joined
    await t.h.services.joinWaitlist(third, s.id);
    const { session } = await t.h.services.updateSession(deepak, s.id, { maxParticipants: 2 });
    expect(session).toMatchObject({ maxParticipants: 2, enrolledCount: 2 });
    expect((await t.h.services.myEnrollments(second)).map((e) => e.sessionId), "the first in line is enrolled").toEqual([s.id]);
    expect((await t.h.services.myWaitlist(third)).map((w) => w.sessionId), "the second still waits").toEqual([s.id]);
  });

  it("is for the session's expert or an admin, on scheduled sessions only", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.updateSession(null, s.id, { title: "Mine now" }), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.updateSession(await t.h.viewer("meera"), s.id, { title: "Mine now" }), "FORBIDDEN", /expert \(or an admin\)/);
    await expectDomainError(t.h.services.updateSession(await t.h.viewer("priya"), s.id, { title: "Mine now" }), "FORBIDDEN");
    expect((await t.h.services.updateSession(await t.h.viewer("admin"), s.id, { title: "Fixed by the studio" })).session.title).toBe("Fixed by the studio");
    await expectDomainError(t.h.services.updateSession(deepak, "ses_doesnotexist00", { title: "Nope" }), "NOT_FOUND");
    await t.h.services.startSession(deepak, s.id);
    await expectDomainError(t.h.services.updateSession(deepak, s.id, { title: "Too late" }), "FAILED_PRECONDITION", /This session is live; only a scheduled session can be changed/);
  });

  it.each([
    [{ price: 500 }, /Unknown field\(s\): price \(a session's type, price and currency cannot change once it is published\)/],
    [{ sessionType: "workshop" }, /cannot change once it is published/],
    [{ title: "ab" }, /title must be at least 3 characters/],
    [{ title: null }, /title must be text/],
    [{ maxParticipants: 0 }, /maxParticipants must be at least 1/],
    [{ thumbnail: "javascript:alert(1)" }, /thumbnail/],
    [{ metadata: { colour: "blue" } }, /metadata accepts only category, difficulty, equipment and tags/],
    [{ scheduledStartTime: "tomorrow" }, /scheduledStartTime must be an ISO-8601 date/],
    ["title", /The changes must be an object/],
  ])("refuses %j, changing nothing", async (input, message) => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.updateSession(deepak, s.id, input), "BAD_USER_INPUT", message);
    expect(await t.h.services.getSession(null, s.id)).toEqual(s);
  });
});

describe.skipIf(!realPostgresUrl())("updateSession races (need real PostgreSQL: set DATABASE_URL)", () => {
  it("a cap lowered while students enroll never ends below the seats taken", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 20 }));
    const students = await Promise.all(Array.from({ length: 15 }, (_, i) => t.h.student(i)));
    const results = await Promise.allSettled([
      ...students.map((st) => t.h.services.enroll(st, s.id)),
      ...[5, 8, 10].map((cap) => t.h.services.updateSession(deepak, s.id, { maxParticipants: cap })),
    ]);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DomainError);
    const after = (await t.h.services.getSession(null, s.id))!;
    expect(after.enrolledCount).toBeLessThanOrEqual(after.maxParticipants!);
    const rows = await t.database.query<{ n: number }>(`select count(*)::int as n from live_session_participants where session_id = '${s.id}'`);
    expect(rows[0]!.n).toBe(after.enrolledCount);
  });
});
