/**
 * The 6-hour limit with a fake clock, and two app instances sweeping one database at the
 * same time (separate connection pools on PostgreSQL when DATABASE_URL is set).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRoomCleanup } from "../../repositories/room-cleanups.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { openSecondInstance, type SecondInstance } from "../../test-support/second-instance.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { endOverdueSessions, LIMIT_REASON } from "./session-limit.js";

const t = useServiceHarness({ maxConnections: 30 });
let other: SecondInstance;
beforeAll(async () => {
  other = await openSecondInstance(t.database, t.h.deps);
});
afterAll(async () => other?.close());

const HOUR = 3_600_000;
const endRoomCalls = (roomId: string) => t.h.emulator.requests().filter((r) => r.method === "POST" && r.path === `/v2/active-rooms/${roomId}/end-room`).length;

async function startedSession() {
  const deepak = await t.h.viewer("deepak");
  const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock, {}, 1));
  const { session } = await t.h.services.startSession(deepak, created.id);
  return { deepak, session };
}

describe("the 6-hour limit", () => {
  it("leaves a session alone until 6 hours after it actually started, then ends it as its expert would", async () => {
    const { session } = await startedSession();
    t.h.emulator.joinPeer(session.hmsRoomId!, { userId: "someone", role: "guest", name: "Someone" });
    t.h.clock.advance(6 * HOUR - 1000);
    expect(await endOverdueSessions(t.h.deps)).toEqual([]);
    expect((await t.h.services.getSession(null, session.id))!.status).toBe("live");

    t.h.clock.advance(1000);
    const endedAt = t.h.clock.now();
    expect(await endOverdueSessions(t.h.deps)).toEqual([session.id]);
    const ended = (await t.h.services.getSession(null, session.id))!;
    expect(ended).toMatchObject({ status: "ended", currentViewers: 0, actualEndTime: endedAt });
    // The same clean-up as endSession: the room is closed at 100ms and the close is on record.
    expect(t.h.emulator.activeSession(session.hmsRoomId!)).toBeUndefined();
    expect(t.h.emulator.room(session.hmsRoomId!)?.enabled).toBe(false);
    expect(await findRoomCleanup(t.h.deps.db, session.hmsRoomId!)).toMatchObject({ reason: LIMIT_REASON, completedAt: expect.any(Date) });
    // Ending it by hand afterwards is the same idempotent answer as ever.
    expect((await t.h.services.endSession(await t.h.viewer("deepak"), session.id)).duration).toBe(360);
    expect(await endOverdueSessions(t.h.deps)).toEqual([]);
  });

  it("a 100ms outage does not keep the session live: it ends and the room clean-up retries later", async () => {
    const { session } = await startedSession();
    t.h.clock.advance(6 * HOUR);
    t.h.emulator.setFault("*", { status: 503 });
    expect(await endOverdueSessions(t.h.deps)).toEqual([session.id]);
    expect((await t.h.services.getSession(null, session.id))!.status).toBe("ended");
    expect(await findRoomCleanup(t.h.deps.db, session.hmsRoomId!)).toMatchObject({ completedAt: null, lastError: expect.stringMatching(/503/) });
  });

  it("two instances sweeping at once end each overdue session exactly once, and miss none", async () => {
    const sessions = [];
    for (let i = 0; i < 8; i++) sessions.push((await startedSession()).session);
    t.h.clock.advance(3 * HOUR);
    const young = (await startedSession()).session;
    t.h.clock.advance(3 * HOUR);

    const [mine, theirs] = await Promise.all([endOverdueSessions(t.h.deps), endOverdueSessions(other.deps)]);
    expect([...mine, ...theirs].sort()).toEqual(sessions.map((s) => s.id).sort());
    expect(new Set([...mine, ...theirs]).size).toBe(8);
    for (const s of sessions) {
      expect((await t.h.services.getSession(null, s.id))!.status).toBe("ended");
      expect(endRoomCalls(s.hmsRoomId!), s.id).toBe(1);
      expect(t.h.emulator.room(s.hmsRoomId!)?.enabled).toBe(false);
    }
    expect((await t.h.services.getSession(null, young.id))!.status).toBe("live");
    const cleanups = await t.database.query<{ n: number }>("select count(*)::int as n from room_cleanups");
    expect(cleanups[0]!.n).toBe(8);
  });

  it("racing its expert's own end, the session ends once", async () => {
    for (let round = 0; round < 5; round++) {
      const { deepak, session } = await startedSession();
      t.h.clock.advance(6 * HOUR);
      const [bySweep, byOther, byExpert] = await Promise.all([
        endOverdueSessions(t.h.deps),
        endOverdueSessions(other.deps),
        t.h.services.endSession(deepak, session.id),
      ]);
      expect(byExpert.session.status).toBe("ended");
      expect([...bySweep, ...byOther].filter((id) => id === session.id).length).toBeLessThanOrEqual(1);
      const stored = (await t.h.services.getSession(null, session.id))!;
      expect(stored.actualEndTime).toEqual(byExpert.session.actualEndTime);
      t.h.clock.advance(-6 * HOUR);
    }
  });
});
