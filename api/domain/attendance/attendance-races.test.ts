/**
 * Deliveries racing on real PostgreSQL, through two app instances: the row lock every
 * delivery takes keeps derived numbers from being computed off each other's half-written
 * facts. PGlite runs one transaction at a time and could not show a race, so without
 * DATABASE_URL this is reported as skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServiceHarness } from "../../test-support/hooks.js";
import { deliver, hmsWebhooks as hook, shuffled } from "../../test-support/hms-webhook-payloads.js";
import { openSecondInstance, type SecondInstance } from "../../test-support/second-instance.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { realPostgresUrl } from "../../test-support/test-database.js";

describe.skipIf(!realPostgresUrl())("webhook races (need real PostgreSQL: set DATABASE_URL)", () => {
  const t = useServiceHarness({ maxConnections: 40 });
  let other: SecondInstance;
  beforeAll(async () => {
    other = await openSecondInstance(t.database, t.h.deps);
  });
  afterAll(async () => other?.close());

  it("40 students on two devices each: joins, leaves and repeats all at once on two instances count right, round after round", async () => {
    const deepak = await t.h.viewer("deepak");
    const students = await Promise.all(Array.from({ length: 40 }, (_, i) => t.h.student(i)));
    for (let round = 0; round < 5; round++) {
      const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 100 }));
      for (const s of students) await t.h.services.enroll(s, created.id);
      const { session } = await t.h.services.startSession(deepak, created.id);
      // The room's times start when the session did, and the webhooks arrive after the last of
      // them: reported times are clamped to the session's window as it stands at receipt.
      const T0 = session.actualStartTime!.getTime();
      const at = (min: number) => new Date(T0 + min * 60_000);
      t.h.clock.advance(31 * 60_000);
      const room = { roomId: session.hmsRoomId!, roomName: "r", sessionId: `633c22b420636a0cb361de${round}0`, sessionStartedAt: at(0) };

      const events = [hook.sessionOpen(room)];
      students.forEach((s, i) => {
        const laptop = { peerId: `${round}-laptop-${i}`, userId: s.id, userName: s.name, role: "guest" as const };
        const phone = { ...laptop, peerId: `${round}-phone-${i}` };
        // Laptop 0–20, phone 10–30: 30 minutes in the room. Every other student keeps the phone on.
        events.push(hook.peerJoin(room, laptop, at(0)), hook.peerLeave(room, laptop, at(0), at(20)), hook.peerJoin(room, phone, at(10)));
        if (i % 2 === 0) events.push(hook.peerLeave(room, phone, at(10), at(30)));
      });
      const deliveries = shuffled([...events, ...events.slice(0, 40)], round + 1);
      const outcomes = await Promise.all(
        deliveries.map((e, i) => deliver(i % 2 === 0 ? t.h.services : other.services, structuredClone(e))),
      );
      expect(outcomes.filter((o) => o.outcome === "applied")).toHaveLength(events.length);

      const stored = (await t.h.services.getSession(null, session.id))!;
      expect([stored.attendedCount, stored.currentViewers], `round ${round}`).toEqual([40, 20]);
      const rows = await t.database.query<{ watch_time: number; left: boolean; n: number }>(
        "select watch_time, left_at is not null as left, count(*)::int as n from live_session_participants where session_id = $1 group by 1, 2 order by 1, 2",
        [session.id],
      );
      expect(rows, `round ${round}`).toEqual([
        { watch_time: 1200, left: false, n: 20 },
        { watch_time: 1800, left: true, n: 20 },
      ]);
    }
  });
});
