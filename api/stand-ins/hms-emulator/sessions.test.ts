import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { HmsApiError, type HmsEmulator, startHmsEmulator } from "./index.js";
import { type HmsTestClient, hmsTestClient, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("sessions and active rooms", () => {
  let emu: HmsEmulator;
  let api: HmsTestClient;
  let roomId: string;

  beforeEach(async () => {
    await emu?.close();
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    api = hmsTestClient(emu.origin, TEST_CREDS);
    roomId = (await api.post("/v2/rooms", { name: "live-room" })).body.id;
  });
  afterAll(async () => emu?.close());

  const expert = { userId: "expert-1", role: "host", name: "Asha" };
  const student = (i: number) => ({ userId: `student-${i}`, role: "guest", name: `Student ${i}` });

  it("has no active session before anyone joins", async () => {
    expect(await api.get(`/v2/active-rooms/${roomId}`)).toEqual({
      status: 404,
      body: { code: 404, message: "active session not found", details: expect.any(Array) },
    });
    expect((await api.get(`/v2/sessions?room_id=${roomId}&active=true`)).body.data).toEqual([]);
  });

  it("opens a session on the first join, reuses it for later joins, closes it on the last leave", async () => {
    const hostPeer = emu.joinPeer(roomId, expert);
    expect(hostPeer).toMatch(UUID);
    const session = emu.activeSession(roomId);
    expect(session).toMatchObject({ room_id: roomId, active: true });
    const guestPeer = emu.joinPeer(roomId, student(1));
    expect(emu.activeSession(roomId)?.id).toBe(session?.id);

    const active = (await api.get(`/v2/active-rooms/${roomId}`)).body;
    expect(active).toMatchObject({ id: roomId, name: "live-room", session: { id: session?.id } });
    expect(active.session.peers.sort()).toEqual([hostPeer, guestPeer].sort());

    const listed = (await api.get(`/v2/sessions?room_id=${roomId}&active=true`)).body.data;
    expect(listed.map((s: { id: string }) => s.id)).toEqual([session?.id]);

    emu.leavePeer(roomId, guestPeer);
    expect(emu.activeSession(roomId)?.id).toBe(session?.id);
    emu.leavePeer(roomId, hostPeer);
    expect(emu.activeSession(roomId)).toBeUndefined();
    expect((await api.get(`/v2/active-rooms/${roomId}`)).status).toBe(404);

    const closed = (await api.get(`/v2/sessions/${session?.id}`)).body;
    expect(closed).toMatchObject({ id: session?.id, room_id: roomId, active: false });
    // peers is a map keyed by peer id, and keeps the peers who left
    expect(Object.keys(closed.peers).sort()).toEqual([hostPeer, guestPeer].sort());
    expect(closed.peers[hostPeer]).toMatchObject({ id: hostPeer, user_id: "expert-1", role: "host", name: "Asha", left_at: expect.any(String) });

    const next = emu.joinPeer(roomId, student(2));
    expect(emu.activeSession(roomId)?.id).not.toBe(session?.id);
    expect(emu.sessions(roomId)).toHaveLength(2);
    emu.leavePeer(roomId, next);
  });

  it("lists sessions with active defaulting to true, and answers 404 for an unknown id", async () => {
    const p = emu.joinPeer(roomId, expert);
    emu.leavePeer(roomId, p);
    emu.joinPeer(roomId, expert);
    expect((await api.get(`/v2/sessions?room_id=${roomId}`)).body.data).toHaveLength(1);
    expect((await api.get(`/v2/sessions?room_id=${roomId}&active=false`)).body.data).toHaveLength(1);
    expect((await api.get("/v2/sessions/0123456789abcdef01234567")).body).toMatchObject({ code: 404, message: "session not found" });
  });

  it("lists active peers with user_id and role filters", async () => {
    const h = emu.joinPeer(roomId, expert);
    const g = emu.joinPeer(roomId, student(1));
    const all = (await api.get(`/v2/active-rooms/${roomId}/peers`)).body.peers;
    expect(Object.keys(all).sort()).toEqual([h, g].sort());
    expect(all[h]).toEqual({ id: h, name: "Asha", user_id: "expert-1", metadata: "", role: "host", joined_at: expect.any(String) });
    expect(Object.keys((await api.get(`/v2/active-rooms/${roomId}/peers?role=guest`)).body.peers)).toEqual([g]);
    expect(Object.keys((await api.get(`/v2/active-rooms/${roomId}/peers?user_id=expert-1`)).body.peers)).toEqual([h]);
    expect((await api.get(`/v2/active-rooms/${roomId}/peers?user_id=nobody`)).body.peers).toEqual({});
    expect((await api.get(`/v2/active-rooms/${roomId}/peers/${h}`)).body).toMatchObject({ id: h, tracks: {} });
  });

  it("refuses joins to a disabled room, an unknown room, or with a role outside the template", async () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof HmsApiError ? [e.status, e.message] : e;
      }
      return "joined";
    };
    expect(refusal(() => emu.joinPeer(roomId, { ...expert, role: "teacher" }))).toEqual([400, "role not allowed"]);
    expect(refusal(() => emu.joinPeer("0123456789abcdef01234567", expert))).toEqual([404, "room not found"]);
    emu.joinPeer(roomId, expert); // already inside: disabling does not kick (docs/100ms.md#rooms)
    await api.post(`/v2/rooms/${roomId}`, { enabled: false });
    expect(refusal(() => emu.joinPeer(roomId, student(1)))).toEqual([403, "Room is disabled"]);
    expect(Object.keys((await api.get(`/v2/active-rooms/${roomId}/peers`)).body.peers)).toHaveLength(1);
  });

  it("removes one peer by peer_id, or every peer of a role", async () => {
    const h = emu.joinPeer(roomId, expert);
    const g1 = emu.joinPeer(roomId, student(1));
    const g2 = emu.joinPeer(roomId, student(2));
    expect((await api.post(`/v2/active-rooms/${roomId}/remove-peers`, { peer_id: g1, reason: "misconduct" })).body).toEqual({
      message: "peer remove request submitted",
    });
    expect(Object.keys(emu.activeSession(roomId)?.peers ?? {})).toContain(g1); // kept in history…
    expect(emu.activeSession(roomId)?.peers[g1]?.left_at).toBeDefined(); // …as left
    await api.post(`/v2/active-rooms/${roomId}/remove-peers`, { role: "guest" });
    expect(emu.activeSession(roomId)?.peers[g2]?.left_at).toBeDefined();
    expect(emu.activeSession(roomId)?.peers[h]?.left_at).toBeUndefined();
    expect((await api.post(`/v2/active-rooms/${roomId}/remove-peers`, {})).status).toBe(400);
    expect((await api.post(`/v2/active-rooms/${roomId}/remove-peers`, { peer_id: g1 })).body).toMatchObject({ code: 404, message: "peer not found" });
  });

  it("end-room with lock kicks everyone, closes the session and disables the room", async () => {
    emu.joinPeer(roomId, expert);
    emu.joinPeer(roomId, student(1));
    const session = emu.activeSession(roomId);
    const reply = await api.post(`/v2/active-rooms/${roomId}/end-room`, { reason: "Class has ended", lock: true });
    expect(reply).toEqual({ status: 200, body: { message: "session is ending" } });
    expect(emu.activeSession(roomId)).toBeUndefined();
    expect(emu.sessions(roomId).find((s) => s.id === session?.id)?.active).toBe(false);
    expect(emu.room(roomId)?.enabled).toBe(false);
    expect(() => emu.joinPeer(roomId, expert)).toThrow(/Room is disabled/);
    expect((await api.post(`/v2/room-codes/room/${roomId}/role/host`)).status).toBe(403);
  });

  it("end-room without lock leaves the room enabled", async () => {
    emu.joinPeer(roomId, expert);
    await api.post(`/v2/active-rooms/${roomId}/end-room`, { reason: "pause" });
    expect(emu.activeSession(roomId)).toBeUndefined();
    expect(emu.room(roomId)?.enabled).toBe(true);
    expect(() => emu.joinPeer(roomId, expert)).not.toThrow();
  });

  it("end-room on a room with no active session is a 404 and does not lock it", async () => {
    const reply = await api.post(`/v2/active-rooms/${roomId}/end-room`, { reason: "x", lock: true });
    expect(reply).toEqual({ status: 404, body: { code: 404, message: "active session not found", details: expect.any(Array) } });
    expect(emu.room(roomId)?.enabled).toBe(true);
    expect((await api.post("/v2/active-rooms/0123456789abcdef01234567/end-room", {})).body.message).toBe("room not found");
    expect((await api.post(`/v2/active-rooms/${roomId}/end-room`, { lock: "yes" })).status).toBe(400);
  });

  it("in 'empty' mode answers 200 for a room with no session, and end-room still applies lock", async () => {
    await emu.close();
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger, inactiveRoomAnswer: "empty" });
    api = hmsTestClient(emu.origin, TEST_CREDS);
    const id = (await api.post("/v2/rooms", { name: "quiet" })).body.id;
    expect((await api.get(`/v2/active-rooms/${id}`)).body).toEqual({ id, name: "quiet", customer_id: expect.any(String), session: null });
    expect((await api.get(`/v2/active-rooms/${id}/peers`)).body).toEqual({ peers: {} });
    expect((await api.post(`/v2/active-rooms/${id}/end-room`, { lock: true })).body).toEqual({ message: "session is ending" });
    expect(emu.room(id)?.enabled).toBe(false);
  });

  it("updates a peer and accepts messages only while a session is live", async () => {
    const h = emu.joinPeer(roomId, expert);
    const updated = await api.post(`/v2/active-rooms/${roomId}/peers/${h}`, { name: "Asha K", metadata: "{\"mat\":1}" });
    expect(updated.body).toMatchObject({ id: h, name: "Asha K", metadata: "{\"mat\":1}", role: "host" });
    expect((await api.post(`/v2/active-rooms/${roomId}/peers/${h}`, { role: "teacher" })).status).toBe(400);
    expect((await api.post(`/v2/active-rooms/${roomId}/send-message`, { message: "hi" })).body).toEqual({ message: "message sent" });
    expect((await api.post(`/v2/active-rooms/${roomId}/send-message`, {})).status).toBe(400);
    emu.leavePeer(roomId, h);
    expect((await api.post(`/v2/active-rooms/${roomId}/send-message`, { message: "hi" })).status).toBe(404);
  });

  it("drives joins and leaves through the HTTP control API too", async () => {
    const join = await api.raw("POST", `/_emulator/rooms/${roomId}/peers`, {
      body: JSON.stringify({ user_id: "student-9", role: "guest", name: "Nine" }),
    });
    expect(join.status).toBe(200);
    expect(join.body).toMatchObject({ id: expect.stringMatching(UUID), user_id: "student-9", role: "guest", session_id: expect.any(String) });
    const state = (await api.raw("GET", `/_emulator/rooms/${roomId}`, {})).body;
    expect(state.sessions).toHaveLength(1);
    expect(state.sessions[0].active).toBe(true);

    const leave = await api.raw("DELETE", `/_emulator/rooms/${roomId}/peers/${join.body.id}?reason=websocket%20closed`, {});
    expect(leave.status).toBe(200);
    expect(emu.activeSession(roomId)).toBeUndefined();
    expect(emu.events().find((e) => e.type === "peer.leave.success")?.data.reason).toBe("websocket closed");

    expect((await api.raw("DELETE", `/_emulator/rooms/${roomId}/peers/${join.body.id}`, {})).status).toBe(404);
    await api.post(`/v2/rooms/${roomId}`, { enabled: false });
    const refused = await api.raw("POST", `/_emulator/rooms/${roomId}/peers`, {
      body: JSON.stringify({ user_id: "s", role: "guest", name: "S" }),
    });
    expect(refused).toEqual({ status: 403, body: { code: 403, message: "Room is disabled", details: expect.any(Array) } });
  });

  it("keeps a real client's own peer id, refuses it twice, and tells listeners of every leave and REST message", async () => {
    const left: unknown[] = [];
    const messages: unknown[] = [];
    const stop = emu.listenToSessions({ peerLeft: (e) => left.push(e), messageSent: (e) => messages.push(e) });
    const sdkPeerId = "0b7c3a5e-2f4d-4e1a-9c3b-5d6e7f8a9b0c";
    expect(emu.joinPeer(roomId, { ...expert, peerId: sdkPeerId })).toBe(sdkPeerId);
    expect(() => emu.joinPeer(roomId, { ...student(1), peerId: sdkPeerId })).toThrow(HmsApiError);
    const g = emu.joinPeer(roomId, student(1));
    expect(emu.events().filter((e) => e.type === "peer.join.success").map((e) => e.data.peer_id)).toEqual([sdkPeerId, g]);

    await api.post(`/v2/active-rooms/${roomId}/send-message`, { message: "hello", role: "guest" });
    expect(messages).toEqual([{ roomId, message: "hello", type: "chat", peerId: undefined, role: "guest" }]);
    await api.post(`/v2/active-rooms/${roomId}/remove-peers`, { peer_id: g, reason: "wrong class" });
    await api.post(`/v2/active-rooms/${roomId}/end-room`, { reason: "over" });
    expect(left).toEqual([
      { roomId, peerId: g, reason: "peer kicked", message: "wrong class", roomEnd: false },
      { roomId, peerId: sdkPeerId, reason: "server removed peer", message: "over", roomEnd: true },
    ]);
    stop();
    emu.joinPeer(roomId, student(2));
    await api.post(`/v2/active-rooms/${roomId}/send-message`, { message: "again" });
    expect(messages).toHaveLength(1);
  });
});
