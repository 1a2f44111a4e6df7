/**
 * Attendance from 100ms's webhooks, on a real database: the documented payloads replayed
 * in order, shuffled, duplicated, and late, always give the same numbers.
 */
import { describe, expect, it, vi } from "vitest";
import type { SessionRow } from "../../db/schema.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { deliver as deliverOne, hmsWebhooks as hook, type PeerContext, type RoomContext, shuffled, type WebhookEnvelope } from "../../test-support/hms-webhook-payloads.js";
import { sessionInput } from "../../test-support/service-harness.js";
import type { Viewer } from "../viewer.js";

const t = useServiceHarness();

const T0 = Date.parse("2030-01-15T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

interface Class {
  session: SessionRow;
  room: RoomContext;
  deepak: Viewer;
  priya: Viewer;
  tom: Viewer;
  lena: Viewer;
  peer(user: Viewer, n: number, role?: "host" | "guest"): PeerContext;
}

/**
 * A live session with three enrolled students, and the 100ms session its room holds. It
 * starts at 09:00; its webhooks (about 10:00–11:00) arrive at 12:00, after what they report.
 */
async function liveClass(): Promise<Class> {
  const deepak = await t.h.viewer("deepak");
  const [priya, tom, lena] = [await t.h.viewer("priya"), await t.h.viewer("tom"), await t.h.viewer("lena")];
  const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
  for (const s of [priya, tom, lena]) await t.h.services.enroll(s, created.id);
  const { session } = await t.h.services.startSession(deepak, created.id);
  t.h.clock.set(at(120));
  const room = { roomId: session.hmsRoomId!, roomName: `live-session-${session.id}`, sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: at(0) };
  return {
    session,
    room,
    deepak,
    priya,
    tom,
    lena,
    peer: (user, n, role = "guest") => ({ peerId: `${user.id}-peer-${n}`.padEnd(36, "0"), userId: user.id, userName: user.name, role }),
  };
}

/**
 * The expert hosts 10:00–11:00. Priya joins on her laptop 10:01–10:31 and her phone
 * 10:20–10:40 (overlapping), then reconnects at 10:50 and never sends a leave: the room
 * session closes at 11:00. Tom is in 10:05–10:15. Lena never comes. A recording follows.
 */
function classEvents(c: Class): WebhookEnvelope[] {
  const { room } = c;
  const host = c.peer(c.deepak, 1, "host");
  const laptop = c.peer(c.priya, 1);
  const phone = c.peer(c.priya, 2);
  const again = c.peer(c.priya, 3);
  const tom = c.peer(c.tom, 1);
  return [
    hook.sessionOpen(room),
    hook.peerJoin(room, host, at(0)),
    hook.peerJoin(room, laptop, at(1)),
    hook.peerJoin(room, tom, at(5)),
    hook.peerLeave(room, tom, at(5), at(15)),
    hook.peerJoin(room, phone, at(20)),
    hook.peerLeave(room, laptop, at(1), at(31), "websocket closed"),
    hook.peerLeave(room, phone, at(20), at(40)),
    hook.peerJoin(room, again, at(50)),
    hook.roomEnd(room, at(60)),
    hook.peerLeave(room, host, at(0), at(60), "server removed peer"),
    hook.sessionClose(room, at(60)),
    hook.beamRecordingSuccess(room, { recordingId: "6421a1b0c0ffee0123456789", path: "s3://bucket/prefix/class.mp4", startedAt: at(0), stoppedAt: at(60) }),
  ];
}

async function deliver(events: readonly WebhookEnvelope[]) {
  const outcomes: string[] = [];
  for (const e of events) outcomes.push((await deliverOne(t.h.services, structuredClone(e))).outcome);
  return outcomes;
}

async function state(c: Class) {
  const session = (await t.h.services.getSession(null, c.session.id))!;
  const rows = await t.database.query<{ user_id: string; attended: boolean; joined_at: Date | null; left_at: Date | null; watch_time: number }>(
    "select user_id, attended, joined_at, left_at, watch_time from live_session_participants where session_id = $1 order by user_id",
    [c.session.id],
  );
  const byUser = Object.fromEntries(
    rows.map((r) => [
      r.user_id,
      {
        attended: r.attended,
        joinedAt: r.joined_at ? new Date(r.joined_at).toISOString() : null,
        leftAt: r.left_at ? new Date(r.left_at).toISOString() : null,
        watchTime: r.watch_time,
      },
    ]),
  );
  return {
    attendedCount: session.attendedCount,
    currentViewers: session.currentViewers,
    hmsSessionId: session.hmsSessionId,
    hmsRecordingId: session.hmsRecordingId,
    recordingS3Key: session.recordingS3Key,
    recordingAvailable: session.recordingAvailable,
    participants: byUser,
  };
}

function expected(c: Class) {
  return {
    attendedCount: 2,
    currentViewers: 0,
    hmsSessionId: c.room.sessionId,
    hmsRecordingId: "6421a1b0c0ffee0123456789",
    recordingS3Key: "s3://bucket/prefix/class.mp4",
    recordingAvailable: true,
    participants: {
      // 10:01–10:40 (laptop and phone overlap 10:20–10:31) plus 10:50–11:00.
      [c.priya.id]: { attended: true, joinedAt: at(1).toISOString(), leftAt: at(60).toISOString(), watchTime: 39 * 60 + 10 * 60 },
      [c.tom.id]: { attended: true, joinedAt: at(5).toISOString(), leftAt: at(15).toISOString(), watchTime: 10 * 60 },
      [c.lena.id]: { attended: false, joinedAt: null, leftAt: null, watchTime: 0 },
    },
  };
}

describe("recordRoomEvent: the documented payloads", () => {
  it("in the order 100ms sends them, give the class's attendance, its 100ms session and its recording", async () => {
    const c = await liveClass();
    const outcomes = await deliver(classEvents(c));
    expect(outcomes).toEqual([...Array(9).fill("applied"), "ignored", "applied", "applied", "applied"]);
    expect(await state(c)).toEqual(expected(c));
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("shuffled and with repeats (seed %i), give exactly the same", async (seed) => {
    const c = await liveClass();
    const events = classEvents(c);
    // Every delivery at least once, about half of them again (100ms's retries), all in a random order.
    const repeats = shuffled(events, seed * 7919).slice(0, Math.ceil(events.length / 2));
    const outcomes = await deliver(shuffled([...events, ...repeats, ...repeats.slice(0, 2)], seed));
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(events.length - 1);
    expect(await state(c)).toEqual(expected(c));
  });

  it("replaying any delivery changes nothing, not even updatedAt", async () => {
    const c = await liveClass();
    const events = classEvents(c);
    await deliver(events);
    const snapshot = async () => ({
      session: await t.database.query("select * from live_sessions where id = $1", [c.session.id]),
      participants: await t.database.query("select * from live_session_participants where session_id = $1 order by id", [c.session.id]),
      presences: await t.database.query("select * from peer_presences order by peer_id"),
      roomSessions: await t.database.query("select * from hms_room_sessions order by id"),
      deliveries: await t.database.query("select id, type from hms_webhook_events order by id"),
    });
    const before = await snapshot();
    t.h.clock.advance(60_000);
    const replay = shuffled(events, 42);
    expect(await deliver(replay)).toEqual(replay.map((e) => (e.type === "room.end.success" ? "ignored" : "duplicate")));
    expect(await snapshot()).toEqual(before);
  });
});

describe("recordRoomEvent: the rules", () => {
  it("counts students in the room now, each once however many devices, and never the expert", async () => {
    const c = await liveClass();
    const viewers = async () => (await t.h.services.getSession(null, c.session.id))!.currentViewers;
    const attended = async () => (await t.h.services.getSession(null, c.session.id))!.attendedCount;
    const { room } = c;
    await deliver([hook.sessionOpen(room), hook.peerJoin(room, c.peer(c.deepak, 1, "host"), at(0))]);
    expect([await viewers(), await attended()]).toEqual([0, 0]);
    await deliver([hook.peerJoin(room, c.peer(c.priya, 1), at(1)), hook.peerJoin(room, c.peer(c.priya, 2), at(2))]);
    expect([await viewers(), await attended()]).toEqual([1, 1]);
    await deliver([hook.peerJoin(room, c.peer(c.tom, 1), at(3))]);
    expect([await viewers(), await attended()]).toEqual([2, 2]);
    await deliver([hook.peerLeave(room, c.peer(c.priya, 1), at(1), at(10))]);
    expect(await viewers()).toBe(2); // still in on her second device
    await deliver([hook.peerLeave(room, c.peer(c.priya, 2), at(2), at(11)), hook.peerLeave(room, c.peer(c.tom, 1), at(3), at(12))]);
    expect([await viewers(), await attended()]).toEqual([0, 2]);
    // A student joining with the host role (the expert's own device is the only host) is not counted either.
    await deliver([hook.peerJoin(room, { ...c.peer(c.lena, 1), role: "host" }, at(13))]);
    expect([await viewers(), await attended()]).toEqual([0, 2]);
  });

  it("counts enrolled students only: a stranger, a signed-up user who did not enroll and a room-code guest are logged, not counted", async () => {
    const c = await liveClass();
    const info = vi.spyOn(t.h.deps.logger, "info");
    const numbers = async () => {
      const s = (await t.h.services.getSession(null, c.session.id))!;
      return { enrolled: s.enrolledCount, viewers: s.currentViewers, attended: s.attendedCount };
    };
    const { room } = c;
    const meera = await t.h.viewer("meera"); // a real user, not enrolled in this class
    const stranger: PeerContext = { peerId: "stranger-peer-1".padEnd(36, "0"), userId: "usr_not_a_user_of_this_app", userName: "Stranger", role: "guest" };
    // 100ms fills in no user id for a room-code guest; the webhook input names it by its peer.
    const guest: PeerContext = { peerId: "room-code-guest-1".padEnd(36, "0"), userId: "", userName: "Guest", role: "guest" };
    await deliver([hook.sessionOpen(room), hook.peerJoin(room, c.peer(c.deepak, 1, "host"), at(0)), hook.peerJoin(room, c.peer(c.priya, 1), at(1))]);
    // Leaves first, as the bug report had it: a leave of an unknown peer used to count as attendance.
    await deliver([hook.peerLeave(room, stranger, at(2), at(3)), hook.peerLeave(room, guest, at(2), at(4))]);
    await deliver([hook.peerJoin(room, c.peer(meera, 1), at(5))]);
    expect(await numbers()).toEqual({ enrolled: 3, viewers: 1, attended: 1 });
    const outsiders = info.mock.calls.filter(([, msg]) => typeof msg === "string" && /not an enrolled student/.test(msg)).map(([obj]) => (obj as { userId: string }).userId);
    expect(outsiders.sort()).toEqual([stranger.userId, meera.id, `anonymous:${guest.peerId}`].sort());
    // Nothing was written for them: only enrolled students have attendance rows.
    expect(Object.keys((await state(c)).participants).sort()).toEqual([c.priya.id, c.tom.id, c.lena.id].sort());
    expect(await t.database.query("select 1 from live_session_participants where user_id = $1", [meera.id])).toEqual([]);
    info.mockRestore();
  });

  it("a leave that arrives before its join ends the stay; the late join does not reopen it", async () => {
    const c = await liveClass();
    const p = c.peer(c.priya, 1);
    await deliver([hook.peerLeave(c.room, p, at(5), at(25))]);
    let s = await state(c);
    expect(s.participants[c.priya.id]).toEqual({ attended: true, joinedAt: at(5).toISOString(), leftAt: at(25).toISOString(), watchTime: 1200 });
    expect(s.currentViewers).toBe(0);
    await deliver([hook.peerJoin(c.room, p, at(5))]);
    s = await state(c);
    expect(s.participants[c.priya.id]).toEqual({ attended: true, joinedAt: at(5).toISOString(), leftAt: at(25).toISOString(), watchTime: 1200 });
    expect([s.currentViewers, s.attendedCount]).toEqual([0, 1]);
  });

  it("the session's close ends every stay still open; a leave arriving afterwards sets the real time", async () => {
    const c = await liveClass();
    const p = c.peer(c.priya, 1);
    await deliver([hook.sessionOpen(c.room), hook.peerJoin(c.room, p, at(0))]);
    expect((await state(c)).currentViewers).toBe(1);
    await deliver([hook.sessionClose(c.room, at(30))]);
    let s = await state(c);
    expect(s.currentViewers).toBe(0);
    expect(s.participants[c.priya.id]).toMatchObject({ leftAt: at(30).toISOString(), watchTime: 1800 });
    await deliver([hook.peerLeave(c.room, p, at(0), at(29))]);
    s = await state(c);
    expect(s.participants[c.priya.id]).toMatchObject({ leftAt: at(29).toISOString(), watchTime: 1740 });
  });

  it("a room emptied and refilled keeps the 100ms session opened last", async () => {
    const c = await liveClass();
    const second = { ...c.room, sessionId: "633c22b420636a0cb361dea1", sessionStartedAt: at(40) };
    await deliver([hook.sessionOpen(second), hook.sessionClose(c.room, at(30)), hook.sessionOpen(c.room)]);
    expect((await state(c)).hmsSessionId).toBe(second.sessionId);
  });

  it("once the session has ended nobody is a viewer, whatever webhooks are still on their way", async () => {
    const c = await liveClass();
    await deliver([hook.sessionOpen(c.room), hook.peerJoin(c.room, c.peer(c.priya, 1), at(0))]);
    await t.h.services.endSession(c.deepak, c.session.id);
    await deliver([hook.peerJoin(c.room, c.peer(c.tom, 1), at(1))]);
    const s = await state(c);
    expect([s.currentViewers, s.attendedCount]).toEqual([0, 2]);
  });

  it("records the SFU recorder's success (no recording id) and keeps failures from hiding a success", async () => {
    const c = await liveClass();
    await deliver([hook.beamFailure(c.room, at(61))]);
    expect((await state(c)).recordingAvailable).toBe(false);
    const failure = await t.database.query<{ recording_error: string }>("select recording_error from hms_room_sessions");
    expect(failure).toEqual([{ recording_error: "UPLOAD_ERROR: upload failed" }]);
    await deliver([hook.sfuRecordingSuccess(c.room, "s3://bucket/sfu/class.mp4", at(60)), hook.beamFailure(c.room, at(62))]);
    expect(await state(c)).toMatchObject({ recordingAvailable: true, recordingS3Key: "s3://bucket/sfu/class.mp4", hmsRecordingId: null });
  });

  it("keeps absurd times inside the session: nobody is in the room before it started, after it ended, or after the webhook arrived", async () => {
    const c = await liveClass(); // started 09:00; deliveries arrive at 12:00
    const started = c.session.actualStartTime!;
    const y2000 = new Date("2000-01-01T00:00:00Z");
    // A join 30 years early counts from the start, not from 2000 (it read as 27 years).
    await deliver([hook.sessionOpen({ ...c.room, sessionStartedAt: y2000 }), hook.peerJoin(c.room, c.peer(c.priya, 1), y2000)]);
    await deliver([hook.peerLeave(c.room, c.peer(c.priya, 1), y2000, at(30))]);
    // A leave 20 hours ahead of the receipt (within what is accepted at all) ends at the receipt.
    await deliver([hook.peerJoin(c.room, c.peer(c.tom, 1), at(10)), hook.peerLeave(c.room, c.peer(c.tom, 1), at(10), at(20 * 60))]);
    let s = await state(c);
    expect(s.participants[c.priya.id]).toEqual({ attended: true, joinedAt: started.toISOString(), leftAt: at(30).toISOString(), watchTime: (at(30).getTime() - started.getTime()) / 1000 });
    expect(s.participants[c.tom.id]).toEqual({ attended: true, joinedAt: at(10).toISOString(), leftAt: at(120).toISOString(), watchTime: 110 * 60 });
    const [opened] = await t.database.query<{ opened_at: Date }>("select opened_at from hms_room_sessions");
    expect(new Date(opened!.opened_at).toISOString()).toBe(started.toISOString());

    // Ended at 12:00; a leave reported for 12:59 arrives at 13:00 and ends at 12:00.
    await t.h.services.endSession(c.deepak, c.session.id);
    t.h.clock.set(at(180));
    await deliver([hook.peerJoin(c.room, c.peer(c.lena, 1), at(30)), hook.peerLeave(c.room, c.peer(c.lena, 1), at(30), at(179))]);
    // …and a close reported for the year 2000 cannot end anyone's stay before the start.
    await deliver([hook.sessionClose({ ...c.room, sessionStartedAt: y2000 }, y2000)]);
    s = await state(c);
    expect(s.participants[c.lena.id]).toEqual({ attended: true, joinedAt: at(30).toISOString(), leftAt: at(120).toISOString(), watchTime: 90 * 60 });
    const length = (at(120).getTime() - started.getTime()) / 1000;
    for (const p of Object.values(s.participants)) expect(p.watchTime).toBeLessThanOrEqual(length);
  });

  it("acknowledges unknown rooms and unknown event types without storing anything", async () => {
    const c = await liveClass();
    const stranger = { ...c.room, roomId: "000000000000000000000000" };
    expect(await deliverOne(t.h.services, hook.peerJoin(stranger, c.peer(c.priya, 1), at(0)))).toMatchObject({
      outcome: "ignored",
      reason: expect.stringMatching(/no live session has the room/),
    });
    const hls = { ...hook.sessionOpen(c.room), type: "hls.started.success" };
    expect(await deliverOne(t.h.services, hls)).toEqual({ outcome: "ignored", type: "hls.started.success", reason: "unknown event type" });
    expect(await t.database.query("select id from hms_webhook_events")).toEqual([]);
    expect(await t.database.query("select peer_id from peer_presences")).toEqual([]);
  });

  it("tolerates envelopes without the optional keys, and refuses ones without what it needs", async () => {
    const c = await liveClass();
    const bare = hook.peerJoin(c.room, c.peer(c.priya, 1), at(0));
    const { version: _v, account_id: _a, timestamp: _t, ...minimal } = bare;
    const { user_data: _u, type: _ty, template_id: _tp, session_started_at: _s, user_name: _n, ...data } = minimal.data;
    expect((await deliverOne(t.h.services, { ...minimal, data })).outcome).toBe("applied");
    expect((await state(c)).currentViewers).toBe(1);

    const { peer_id: _p, ...noPeer } = hook.peerJoin(c.room, c.peer(c.tom, 1), at(0)).data;
    await expectDomainError(deliverOne(t.h.services, { ...bare, id: "x1", data: noPeer }), "BAD_USER_INPUT", /peer_id/);
    await expectDomainError(deliverOne(t.h.services, { ...bare, id: undefined }), "BAD_USER_INPUT", /id/);
    await expectDomainError(deliverOne(t.h.services, { ...bare, id: "x2", data: { ...bare.data, joined_at: "yesterday" } }), "BAD_USER_INPUT", /joined_at/);
    await expectDomainError(deliverOne(t.h.services, "peer.join.success"), "BAD_USER_INPUT");
    await expectDomainError(deliverOne(t.h.services, { ...bare, id: "x3", data: [] }), "BAD_USER_INPUT", /data/);
  });
});
