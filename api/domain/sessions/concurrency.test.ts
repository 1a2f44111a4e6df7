/**
 * Races on real PostgreSQL. PGlite runs one transaction at a time, so these would pass
 * there even with a lost-update bug: without DATABASE_URL they are reported as skipped.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { realPostgresUrl } from "../../test-support/test-database.js";

const onPostgres = Boolean(realPostgresUrl());

describe.skipIf(!onPostgres)("races (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });
  const count = async (sql: string) => (await t.database.query<{ n: number }>(sql))[0]!.n;

  it("50 students racing for 10 seats: exactly 10 enroll, 40 hear it is full", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 10 }));
    const students = await Promise.all(Array.from({ length: 50 }, (_, i) => t.h.student(i)));
    const results = await Promise.allSettled(students.map((s) => t.h.services.enroll(s, session.id)));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect((r.reason as DomainError).code).toBe("SESSION_FULL");
      expect((r.reason as DomainError).message).toMatch(/full/);
    }
    expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(10);
    expect(await count("select count(*)::int as n from live_session_participants")).toBe(10);
  });

  it("one student enrolling 20 times at once gets one seat and one participant id", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 10 }));
    const priya = await t.h.viewer("priya");
    const results = await Promise.all(Array.from({ length: 20 }, () => t.h.services.enroll(priya, session.id)));
    expect(new Set(results.map((r) => r.participant.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await t.h.services.getSession(null, session.id))?.enrolledCount).toBe(1);
    expect(await count("select count(*)::int as n from live_session_participants")).toBe(1);
  });

  it("10 starts at once create one room and all answer with it", async () => {
    const deepak = await t.h.viewer("deepak");
    const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const results = await Promise.all(Array.from({ length: 10 }, () => t.h.services.startSession(deepak, session.id)));
    expect(new Set(results.map((r) => r.roomId)).size).toBe(1);
    expect(new Set(results.map((r) => r.roomCode)).size).toBe(1);
    expect(t.h.emulator.rooms().filter((r) => r.name === `live-session-${session.id}`)).toHaveLength(1);
    const stored = await t.h.services.getSession(null, session.id);
    expect(stored).toMatchObject({ status: "live", hmsRoomId: results[0]!.roomId });
  });

  it("a start racing an end leaves one room and a consistent session", async () => {
    const deepak = await t.h.viewer("deepak");
    for (let round = 0; round < 5; round++) {
      const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
      const [start, end] = await Promise.allSettled([
        t.h.services.startSession(deepak, session.id),
        t.h.services.endSession(deepak, session.id),
      ]);
      expect(start.status).toBe("fulfilled");
      const stored = (await t.h.services.getSession(null, session.id))!;
      if (end.status === "fulfilled") {
        // The end saw the session live: it is ended and its room is closed.
        expect(stored.status).toBe("ended");
        expect(t.h.emulator.room(stored.hmsRoomId!)?.enabled).toBe(false);
      } else {
        // The end came first and was refused: the start went through.
        expect((end.reason as DomainError).code).toBe("FAILED_PRECONDITION");
        expect(stored.status).toBe("live");
      }
      expect(t.h.emulator.rooms().filter((r) => r.name === `live-session-${session.id}`)).toHaveLength(1);
    }
  });
});
