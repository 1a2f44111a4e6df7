import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { liveSessions, users } from "../../db/schema.js";
import { findRoomCleanup } from "../../repositories/room-cleanups.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { sweepRoomCleanups } from "./room-cleanup.js";

const t = useServiceHarness();

/** The emulator outlives each test's truncate, so count rooms by the session's name. */
const roomsOf = (sessionId: string) => t.h.emulator.rooms().filter((r) => r.name === `live-session-${sessionId}`);

describe("createSession", () => {
  it("creates a scheduled session owned by the expert, with the seed's fields", async () => {
    const deepak = await t.h.viewer("deepak");
    const input = sessionInput(t.h.clock, {
      price: 499,
      thumbnail: "https://example.com/thumbnail.jpg",
      metadata: { category: "Vinyasa", difficulty: "Intermediate", equipment: ["Yoga Mat", "Blocks"], tags: ["morning"] },
    });
    const s = await t.h.services.createSession(deepak, input);
    expect(s).toMatchObject({
      expertId: deepak.id,
      title: "Morning Vinyasa Flow",
      sessionType: "group",
      status: "scheduled",
      price: 499,
      currency: "INR",
      maxParticipants: 50,
      enrolledCount: 0,
      attendedCount: 0,
      currentViewers: 0,
      featured: false,
      thumbnail: "https://example.com/thumbnail.jpg",
      metadata: { category: "Vinyasa", difficulty: "Intermediate", equipment: ["Yoga Mat", "Blocks"], tags: ["morning"] },
    });
    expect(s.id).toMatch(/^ses_[a-z0-9]{16}$/);
    expect(s.scheduledStartTime.toISOString()).toBe(input.scheduledStartTime);
  });

  it("refuses anonymous callers and non-experts", async () => {
    await expectDomainError(t.h.services.createSession(null, sessionInput(t.h.clock)), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.createSession(await t.h.viewer("priya"), sessionInput(t.h.clock)), "FORBIDDEN", /Only experts/);
    await expectDomainError(t.h.services.createSession(await t.h.viewer("admin"), sessionInput(t.h.clock)), "FORBIDDEN");
  });

  it("lets only admins feature a session", async () => {
    await expectDomainError(
      t.h.services.createSession(await t.h.viewer("deepak"), sessionInput(t.h.clock, { featured: true })),
      "FORBIDDEN",
      /Only admins/,
    );
    const notFeatured = await t.h.services.createSession(await t.h.viewer("deepak"), sessionInput(t.h.clock, { featured: false }));
    expect(notFeatured.featured).toBe(false);
    const adminExpert = await t.h.services.resolveViewer({ subject: "test|admin-expert", name: "Ana", roles: ["expert", "admin"] });
    const s = await t.h.services.createSession(adminExpert, sessionInput(t.h.clock, { featured: true }));
    expect(s.featured).toBe(true);
  });

  it("tells every problem at once: the schedule's with the schema's", async () => {
    const deepak = await t.h.viewer("deepak");
    const now = t.h.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const error = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "ab", price: -5, scheduledStartTime: at(-60_000), scheduledEndTime: at(-120_000) })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT" });
    const fields = (error as { details: { fields: { path: string }[] } }).details.fields.map((f) => f.path).sort();
    expect(fields).toEqual(["price", "scheduledEndTime", "scheduledStartTime", "title"]);
    // Times that cannot be read are the schema's problem alone.
    const unreadable = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "ab", scheduledStartTime: "soon" })).catch((e: unknown) => e);
    expect((unreadable as { details: { fields: { path: string }[] } }).details.fields.map((f) => f.path).sort()).toEqual(["scheduledStartTime", "title"]);
  });

  it("requires a start in the future, an end after it, and at most 6 hours", async () => {
    const deepak = await t.h.viewer("deepak");
    const now = t.h.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms).toISOString();
    await expectDomainError(
      t.h.services.createSession(deepak, sessionInput(t.h.clock, { scheduledStartTime: at(-60_000), scheduledEndTime: at(3_600_000) })),
      "BAD_USER_INPUT",
      /scheduledStartTime must be in the future/,
    );
    await expectDomainError(
      t.h.services.createSession(deepak, sessionInput(t.h.clock, { scheduledStartTime: at(7_200_000), scheduledEndTime: at(3_600_000) })),
      "BAD_USER_INPUT",
      /after scheduledStartTime/,
    );
    await expectDomainError(
      t.h.services.createSession(deepak, sessionInput(t.h.clock, { scheduledStartTime: at(3_600_000), scheduledEndTime: at(3_600_000 + 6 * 3_600_000 + 60_000) })),
      "BAD_USER_INPUT",
      /at most 6 hours/,
    );
    const sixHours = await t.h.services.createSession(
      deepak,
      sessionInput(t.h.clock, { scheduledStartTime: at(3_600_000), scheduledEndTime: at(3_600_000 + 6 * 3_600_000) }),
    );
    expect(sixHours.status).toBe("scheduled");
  });

  it.each([
    [{ title: "ab" }, /title must be at least 3 characters/],
    [{ title: "x".repeat(121) }, /title must be at most 120/],
    [{ description: "x".repeat(5001) }, /description must be at most 5000/],
    [{ sessionType: "private" }, /sessionType must be one of 1-on-1, group, workshop/],
    [{ maxParticipants: 0 }, /maxParticipants must be at least 1/],
    [{ maxParticipants: 2.5 }, /maxParticipants must be a whole number/],
    [{ maxParticipants: 100000 }, /maxParticipants can be at most 2500/],
    [{ price: -1 }, /price cannot be negative/],
    [{ price: 10.555 }, /at most 2 decimals/],
    [{ price: 100.5, currency: "JPY" }, /price in JPY must be a whole number/],
    [{ price: 1e9 }, /price can be at most/],
    [{ currency: "XYZ" }, /ISO-4217/],
    [{ currency: "RUPEES" }, /ISO-4217/],
    [{ thumbnail: "javascript:alert(1)" }, /thumbnail must be an http\(s\) URL/],
    [{ thumbnail: "ftp://example.com/a.jpg" }, /thumbnail must be an http\(s\) URL/],
    [{ metadata: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } }, /at most 20 tags/],
    [{ metadata: { category: "x".repeat(51) } }, /metadata.category must be at most 50/],
    [{ metadata: { colour: "blue" } }, /metadata accepts only/],
    [{ scheduledStartTime: "2030-13-45T99:00:00Z" }, /ISO-8601/],
    [{ scheduledStartTime: "tomorrow" }, /ISO-8601/],
    [{ isFree: true }, /Unknown field\(s\): isFree/],
    [{ sessionType: "1-on-1", maxParticipants: 5 }, /one seat/],
  ])("rejects %j with a message naming the field", async (overrides, message) => {
    const deepak = await t.h.viewer("deepak");
    const error = await expectDomainError(t.h.services.createSession(deepak, sessionInput(t.h.clock, overrides)), "BAD_USER_INPUT", message);
    expect(error.details.fields?.length).toBeGreaterThan(0);
    const listed = await t.h.services.listSessions(null, {});
    expect(listed.total).toBe(0);
  });

  it("gives a 1-on-1 exactly one seat, normalises the currency and defaults to free INR", async () => {
    const deepak = await t.h.viewer("deepak");
    const one = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { sessionType: "1-on-1", maxParticipants: undefined, currency: "usd" }));
    expect(one.maxParticipants).toBe(1);
    expect(one.currency).toBe("USD");
    const { price: _p, currency: _c, maxParticipants: _m, ...rest } = sessionInput(t.h.clock);
    const free = await t.h.services.createSession(deepak, rest);
    expect(free).toMatchObject({ price: 0, currency: "INR", maxParticipants: null });
  });
});

describe("listSessions", () => {
  async function seed() {
    const deepak = await t.h.viewer("deepak");
    const meera = await t.h.viewer("meera");
    const a = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "Third" }, 30));
    const b = await t.h.services.createSession(meera, sessionInput(t.h.clock, { title: "First" }, 10));
    const c = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "Second" }, 20));
    const d = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "Cancelled" }, 5));
    await t.h.services.cancelSession(deepak, d.id);
    return { deepak, meera, a, b, c, d };
  }

  it("orders by scheduled start then id, leaves out cancelled sessions and counts every match", async () => {
    const { b, c, a } = await seed();
    const page = await t.h.services.listSessions(null, {});
    expect(page.items.map((s) => s.id)).toEqual([b.id, c.id, a.id]);
    expect(page).toMatchObject({ total: 3, limit: 20, skip: 0 });
  });

  it("breaks ties on the same start time by id", async () => {
    const deepak = await t.h.viewer("deepak");
    const input = sessionInput(t.h.clock);
    const made = await Promise.all([1, 2, 3, 4].map(() => t.h.services.createSession(deepak, input)));
    const page = await t.h.services.listSessions(null, {});
    expect(page.items.map((s) => s.id)).toEqual(made.map((s) => s.id).sort());
  });

  it("filters by status, expert and featured; cancelled ones only when asked", async () => {
    const { deepak, meera, d, b } = await seed();
    expect((await t.h.services.listSessions(null, { status: "cancelled" })).items.map((s) => s.id)).toEqual([d.id]);
    expect((await t.h.services.listSessions(null, { expertId: meera.id })).items.map((s) => s.id)).toEqual([b.id]);
    expect((await t.h.services.listSessions(null, { expertId: deepak.id })).total).toBe(2);
    expect((await t.h.services.listSessions(null, { featured: true })).total).toBe(0);
    expect((await t.h.services.listSessions(null, { featured: "false" })).total).toBe(3);
    expect((await t.h.services.listSessions(null, { status: "live" })).total).toBe(0);
  });

  it("pages with limit and skip while total stays the full count", async () => {
    const { c, a } = await seed();
    const page = await t.h.services.listSessions(null, { limit: 2, skip: 1 });
    expect(page.items.map((s) => s.id)).toEqual([c.id, a.id]);
    expect(page.total).toBe(3);
    const strings = await t.h.services.listSessions(null, { limit: "1", skip: "2" });
    expect(strings.items.map((s) => s.id)).toEqual([a.id]);
  });

  describe("search", () => {
    async function seedClasses() {
      const deepak = await t.h.viewer("deepak"); // Deepak Kumar
      const meera = await t.h.viewer("meera");
      const flow = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "Vinyasa for the morning", description: "Breath and movement" }, 10));
      const hatha = await t.h.services.createSession(meera, sessionInput(t.h.clock, { title: "Gentle Hatha", description: "Slow holds, supported by blocks" }, 20));
      const restorative = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: "Restorative evening", description: "Bolsters and long holds" }, 30));
      return { deepak, meera, flow, hatha, restorative };
    }
    const ids = async (filter: Record<string, unknown>) => {
      const page = await t.h.services.listSessions(null, filter);
      expect(page.total, "total counts the same matches").toBe(page.items.length);
      return page.items.map((s) => s.id);
    };

    it("finds words at the start of words in the title, the description and the expert's name, in any order", async () => {
      const { flow, hatha, restorative } = await seedClasses();
      expect(await ids({ search: "vinya" })).toEqual([flow.id]);
      expect(await ids({ search: "HOLDS" })).toEqual([hatha.id, restorative.id]);
      expect(await ids({ search: "kumar" })).toEqual([flow.id, restorative.id]);
      // Words may come from different fields: the title and the expert's name.
      expect(await ids({ search: "evening deepak" })).toEqual([restorative.id]);
      expect(await ids({ search: "  morning, vinyasa!  " })).toEqual([flow.id]);
      // Every word must match; "yasa" is inside a word, not at its start.
      expect(await ids({ search: "vinyasa bolsters" })).toEqual([]);
      expect(await ids({ search: "yasa" })).toEqual([]);
    });

    it("combines with the other filters and pages with an exact total", async () => {
      const { deepak, flow, restorative } = await seedClasses();
      expect(await ids({ search: "holds", expertId: deepak.id })).toEqual([restorative.id]);
      const page = await t.h.services.listSessions(null, { search: "deepak", limit: 1, skip: 1 });
      expect(page.items.map((s) => s.id)).toEqual([restorative.id]);
      expect(page.total).toBe(2);
      await t.h.services.cancelSession(deepak, flow.id);
      expect(await ids({ search: "deepak" })).toEqual([restorative.id]);
      expect(await ids({ search: "deepak", status: "cancelled" })).toEqual([flow.id]);
    });

    it("finds an expert's classes under a new name once the name changes, and a class under its new title", async () => {
      const { deepak, flow, restorative } = await seedClasses();
      await t.h.deps.db.update(users).set({ name: "Deepak Sharma" }).where(eq(users.id, deepak.id));
      expect(await ids({ search: "sharma" })).toEqual([flow.id, restorative.id]);
      expect(await ids({ search: "kumar" })).toEqual([]);
      await t.h.deps.db.update(liveSessions).set({ title: "Yin at dusk" }).where(eq(liveSessions.id, restorative.id));
      expect(await ids({ search: "dusk" })).toEqual([restorative.id]);
      expect(await ids({ search: "restorative" })).toEqual([]);
    });

    it("treats an empty search as none, and takes query syntax as plain words", async () => {
      const { flow, hatha, restorative } = await seedClasses();
      expect(await ids({ search: "   " })).toEqual([flow.id, hatha.id, restorative.id]);
      // tsquery operators are not operators here: "!hatha" is the word hatha, "|" nothing.
      expect(await ids({ search: "!hatha | vinyasa" })).toEqual([]);
      expect(await ids({ search: "hatha:* & (gentle)" })).toEqual([hatha.id]);
    });

    it.each([
      [{ search: "!!! ???" }, /search needs at least one letter or digit/],
      [{ search: "x".repeat(101) }, /search must be at most 100 characters/],
      [{ search: 42 }, /search must be text/],
    ])("rejects %j with a reason", async (filter, message) => {
      await expectDomainError(t.h.services.listSessions(null, filter), "BAD_USER_INPUT", message);
    });
  });

  it("matches a category by any part of it, ignoring case", async () => {
    const deepak = await t.h.viewer("deepak");
    const vinyasa = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { metadata: { category: "Vinyasa Flow" } }, 10));
    const yin = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { metadata: { category: "Yin" } }, 20));
    await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 30));
    const byCategory = async (category: string) => (await t.h.services.listSessions(null, { category })).items.map((s) => s.id);
    expect(await byCategory("vinya")).toEqual([vinyasa.id]);
    expect(await byCategory("FLOW")).toEqual([vinyasa.id]);
    expect(await byCategory("yin")).toEqual([yin.id]);
    expect(await byCategory("%")).toEqual([]);
    expect((await t.h.services.listSessions(null, { category: "n" })).total).toBe(2);
  });

  it.each([
    [{ limit: 101 }, /limit must be a whole number between 1 and 100/],
    [{ limit: 0 }, /limit/],
    [{ limit: -5 }, /limit/],
    [{ limit: "ten" }, /limit/],
    [{ limit: 2.5 }, /limit/],
    [{ skip: -1 }, /skip must be a whole number between 0/],
    [{ skip: "x" }, /skip/],
    [{ status: "upcoming" }, /status must be one of scheduled, live, ended, cancelled/],
    [{ featured: "yes" }, /featured must be true or false/],
  ])("rejects %j naming the bound", async (filter, message) => {
    await expectDomainError(t.h.services.listSessions(null, filter), "BAD_USER_INPUT", message);
  });
});

describe("startSession", () => {
  it("opens one 100ms room named after the session, with a host room code, and goes live", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const started = await t.h.services.startSession(deepak, s.id);
    expect(started.roomId).toMatch(/^[0-9a-f]{24}$/);
    expect(started.session).toMatchObject({ status: "live", hmsRoomId: started.roomId, hmsRoomCode: started.roomCode });
    expect(started.session.actualStartTime?.toISOString()).toBe("2030-01-15T09:00:00.000Z");
    const room = t.h.emulator.room(started.roomId)!;
    expect(room.name).toBe(`live-session-${s.id}`);
    expect(room.template_id).toBe("65f0c0ffee0000000000beef");
    expect(room.max_duration_seconds).toBe(6 * 3600);
    expect(t.h.emulator.roomCodes(started.roomId).map((c) => [c.role, c.code])).toEqual([["host", started.roomCode]]);
  });

  it("returns the same room when started again, and never creates a second room", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const first = await t.h.services.startSession(deepak, s.id);
    t.h.clock.advance(60_000);
    const second = await t.h.services.startSession(deepak, s.id);
    expect(second.roomId).toBe(first.roomId);
    expect(second.roomCode).toBe(first.roomCode);
    expect(second.session.actualStartTime).toEqual(first.session.actualStartTime);
    expect(roomsOf(s.id)).toHaveLength(1);
  });

  it("is for the owning expert only, and 404 for an unknown id", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.startSession(await t.h.viewer("meera"), s.id), "FORBIDDEN");
    await expectDomainError(t.h.services.startSession(await t.h.viewer("priya"), s.id), "FORBIDDEN");
    await expectDomainError(t.h.services.startSession(null, s.id), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.startSession(deepak, "ses_doesnotexist"), "NOT_FOUND", /ses_doesnotexist/);
    expect(roomsOf(s.id)).toHaveLength(0);
  });

  it("may start early but not after the scheduled end", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 2));
    t.h.clock.set(s.scheduledEndTime);
    await expectDomainError(t.h.services.startSession(deepak, s.id), "FAILED_PRECONDITION", /scheduled end time has passed/);
    t.h.clock.advance(-1000);
    expect((await t.h.services.startSession(deepak, s.id)).session.status).toBe("live");
  });

  it("refuses ended and cancelled sessions", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.startSession(deepak, s.id);
    await t.h.services.endSession(deepak, s.id);
    await expectDomainError(t.h.services.startSession(deepak, s.id), "FAILED_PRECONDITION", /already ended/);
    const c = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.cancelSession(deepak, c.id);
    await expectDomainError(t.h.services.startSession(deepak, c.id), "FAILED_PRECONDITION", /cancelled/);
  });

  it("leaves the session scheduled and says to retry when 100ms fails; a retry then succeeds", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    t.h.emulator.failNext("POST /rooms", { status: 500 });
    const error = await expectDomainError(t.h.services.startSession(deepak, s.id), "UPSTREAM_UNAVAILABLE", /try again/);
    expect(error.details.retryable).toBe(true);
    expect((await t.h.services.getSession(deepak, s.id))?.status).toBe("scheduled");
    t.h.emulator.failNext("POST /room-codes/room/:id/role/:role", { status: 503 });
    await expectDomainError(t.h.services.startSession(deepak, s.id), "UPSTREAM_UNAVAILABLE");
    expect((await t.h.services.getSession(deepak, s.id))?.status).toBe("scheduled");
    const started = await t.h.services.startSession(deepak, s.id);
    expect(started.session.status).toBe("live");
    expect(roomsOf(s.id)).toHaveLength(1);
  });
});

describe("endSession", () => {
  async function live() {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 1));
    const started = await t.h.services.startSession(deepak, s.id);
    return { deepak, s, started };
  }

  it("ends a live session with its duration in whole minutes and locks the room for everyone", async () => {
    const { deepak, s, started } = await live();
    t.h.emulator.joinPeer(started.roomId, { userId: deepak.id, role: "host", name: deepak.name });
    t.h.clock.advance(65 * 60_000 + 20_000);
    const ended = await t.h.services.endSession(deepak, s.id);
    expect(ended).toMatchObject({ sessionId: s.id, duration: 65 });
    expect(ended.session).toMatchObject({ status: "ended", currentViewers: 0 });
    expect(ended.session.actualEndTime?.toISOString()).toBe("2030-01-15T10:05:20.000Z");
    expect(t.h.emulator.room(started.roomId)?.enabled).toBe(false);
    expect(t.h.emulator.activeSession(started.roomId)).toBeUndefined();
    expect((await findRoomCleanup(t.database.db, started.roomId))?.completedAt).not.toBeNull();
  });

  it("disables the room when nobody is in it", async () => {
    const { deepak, s, started } = await live();
    await t.h.services.endSession(deepak, s.id);
    expect(t.h.emulator.room(started.roomId)?.enabled).toBe(false);
  });

  it("is harmless when repeated, owner-only, and refuses sessions that never started", async () => {
    const { deepak, s } = await live();
    await expectDomainError(t.h.services.endSession(await t.h.viewer("meera"), s.id), "FORBIDDEN");
    const first = await t.h.services.endSession(deepak, s.id);
    t.h.clock.advance(10 * 60_000);
    const again = await t.h.services.endSession(deepak, s.id);
    expect(again.duration).toBe(first.duration);
    const scheduled = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.endSession(deepak, scheduled.id), "FAILED_PRECONDITION", /not started yet/);
  });

  it("still ends the session when 100ms is down, and the sweeper closes the room once it is back", async () => {
    const { deepak, s, started } = await live();
    t.h.emulator.setFault("POST /active-rooms/:id/end-room", { status: 502 });
    t.h.emulator.setFault("POST /rooms/:id", { status: 502 });
    const ended = await t.h.services.endSession(deepak, s.id);
    expect(ended.session.status).toBe("ended");
    expect(t.h.emulator.room(started.roomId)?.enabled).toBe(true);
    const pending = await findRoomCleanup(t.database.db, started.roomId);
    expect(pending).toMatchObject({ completedAt: null });
    expect(pending?.lastError).toBeTruthy();

    // Not due yet: the retry is at most a minute away.
    expect(await sweepRoomCleanups(t.h.deps)).toEqual({ closed: 0, failed: 0 });
    t.h.clock.advance(60_000);
    expect(await sweepRoomCleanups(t.h.deps)).toEqual({ closed: 0, failed: 1 });
    t.h.emulator.clearFaults();
    t.h.clock.advance(60_000);
    expect(await sweepRoomCleanups(t.h.deps)).toEqual({ closed: 1, failed: 0 });
    expect(t.h.emulator.room(started.roomId)?.enabled).toBe(false);
    t.h.clock.advance(60_000);
    expect(await sweepRoomCleanups(t.h.deps)).toEqual({ closed: 0, failed: 0 });
  });
});

describe("cancelSession", () => {
  it("cancels a scheduled session, owner only, and only once", async () => {
    const deepak = await t.h.viewer("deepak");
    const s = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.cancelSession(await t.h.viewer("meera"), s.id), "FORBIDDEN");
    expect((await t.h.services.cancelSession(deepak, s.id)).status).toBe("cancelled");
    await expectDomainError(t.h.services.cancelSession(deepak, s.id), "FAILED_PRECONDITION", /already cancelled/);
    const live = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.startSession(deepak, live.id);
    await expectDomainError(t.h.services.cancelSession(deepak, live.id), "FAILED_PRECONDITION", /End it instead/);
  });
});
