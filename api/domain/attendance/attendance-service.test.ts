/**
 * Attendance from 100ms's webhooks, on a real database: the documented payloads replayed
 * in order, shuffled, duplicated, and late, always give the same numbers.
 */
import { describe, expect, it } from "vitest";
import type { SessionRow } from "../../db/schema.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { hmsWebhooks as hook, type PeerContext, type RoomContext, shuffled, type WebhookEnvelope } from "../../test-support/hms-webhook-payloads.js";
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

/** A live session with three enrolled students, and the 100ms session its room holds. */
async function liveClass(): Promise<Class> {
  const deepak = await t.h.viewer("deepak");
  const [priya, tom, lena] = [await t.h.viewer("priya"), await t.h.viewer("tom"), await t.h.viewer("lena")];
  const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
  for (const s of [priya, tom, lena]) await t.h.services.enroll(s, created.id);
  const { session } = await t.h.services.startSession(deepak, created.id);
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
  for (const e of events) outcomes.push((await t.h.services.recordRoomEvent(structuredClone(e))).outcome);
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

  it("acknowledges unknown rooms and unknown event types without storing anything", async () => {
    const c = await liveClass();
    const stranger = { ...c.room, roomId: "000000000000000000000000" };
    expect(await t.h.services.recordRoomEvent(hook.peerJoin(stranger, c.peer(c.priya, 1), at(0)))).toMatchObject({
      outcome: "ignored",
      reason: expect.stringMatching(/no live session has the room/),
    });
    const hls = { ...hook.sessionOpen(c.room), type: "hls.started.success" };
    expect(await t.h.services.recordRoomEvent(hls)).toEqual({ outcome: "ignored", type: "hls.started.success", reason: "unknown event type" });
    expect(await t.database.query("select id from hms_webhook_events")).toEqual([]);
    expect(await t.database.query("select peer_id from peer_presences")).toEqual([]);
  });

  it("tolerates envelopes without the optional keys, and refuses ones without what it needs", async () => {
    const c = await liveClass();
    const bare = hook.peerJoin(c.room, c.peer(c.priya, 1), at(0));
    const { version: _v, account_id: _a, timestamp: _t, ...minimal } = bare;
    const { user_data: _u, type: _ty, template_id: _tp, session_started_at: _s, user_name: _n, ...data } = minimal.data;
    expect((await t.h.services.recordRoomEvent({ ...minimal, data })).outcome).toBe("applied");
    expect((await state(c)).currentViewers).toBe(1);

    const { peer_id: _p, ...noPeer } = hook.peerJoin(c.room, c.peer(c.tom, 1), at(0)).data;
    await expectDomainError(t.h.services.recordRoomEvent({ ...bare, id: "x1", data: noPeer }), "BAD_USER_INPUT", /peer_id/);
    await expectDomainError(t.h.services.recordRoomEvent({ ...bare, id: undefined }), "BAD_USER_INPUT", /id/);
    await expectDomainError(t.h.services.recordRoomEvent({ ...bare, id: "x2", data: { ...bare.data, joined_at: "yesterday" } }), "BAD_USER_INPUT", /joined_at/);
    await expectDomainError(t.h.services.recordRoomEvent("peer.join.success"), "BAD_USER_INPUT");
    await expectDomainError(t.h.services.recordRoomEvent({ ...bare, id: "x3", data: [] }), "BAD_USER_INPUT", /data/);
  });
});
