import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type HmsEmulator, startHmsEmulator } from "../hms-emulator/index.js";
import { hmsTestClient, silentLogger, TEST_CREDS, type HmsTestClient } from "../../test-support/hms-emulator-client.js";
import { type HmsMediaPlane, startHmsMediaPlane } from "./index.js";
import { fetchInit, mintAppToken, RpcFailure, SdkLikeClient } from "../../test-support/hms-sdk-client.js";

let emu: HmsEmulator;
let plane: HmsMediaPlane;
let api: HmsTestClient;
let roomId: string;
const clients: SdkLikeClient[] = [];

beforeEach(async () => {
  emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
  plane = await startHmsMediaPlane({ emulator: emu, logger: silentLogger });
  api = hmsTestClient(emu.origin, TEST_CREDS);
  roomId = (await api.post("/v2/rooms", { name: "yoga-room" })).body.id;
});

afterEach(async () => {
  await Promise.allSettled(clients.splice(0).map((c) => c.dispose()));
  await plane.close();
  await emu.close();
});

const token = (role: string, userId: string, extra: Partial<Parameters<typeof mintAppToken>[1]> = {}) =>
  mintAppToken(TEST_CREDS, { roomId, role, userId, ...extra });

async function client(role: "host" | "guest", userId: string, name: string, closeWhenRemoved = true): Promise<SdkLikeClient> {
  const c = new SdkLikeClient(plane.origin, await token(role, userId), name, closeWhenRemoved);
  clients.push(c);
  await c.connect();
  return c;
}

async function joined(role: "host" | "guest", userId: string, name: string, closeWhenRemoved = true): Promise<SdkLikeClient> {
  const c = await client(role, userId, name, closeWhenRemoved);
  await c.join();
  return c;
}

const eventsOf = (type: string) => emu.events().filter((e) => e.type === type);

describe("init", () => {
  it("answers a valid token with the socket endpoint, no ICE servers and no flags, to any origin", async () => {
    const res = await fetchInit(plane.origin, await token("host", "expert-1"), "p1");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      endpoint: `${plane.origin.replace("http", "ws")}/v2/ws`,
      rtcConfiguration: { ice_servers: [] },
      config: { enabledFlags: [] },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("allows the browser's CORS preflight for the Authorization header", async () => {
    const res = await fetch(`${plane.origin}/init?peer_id=p1`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("the initEndpoint the app passes keeps https:// in the fragment and resolves /init on the plane", () => {
    expect(plane.initEndpoint.split("https://")[1]).toBeTruthy();
    expect(new URL("/init", plane.initEndpoint).toString()).toBe(`${plane.origin}/init`);
  });

  it("refuses bad tokens with 401 and says what is wrong", async () => {
    const cases: [string, string, RegExp][] = [
      ["expired", await token("host", "u", { expiresIn: -60 }), /expired/],
      ["wrong secret", await token("host", "u", { secret: "another-secret-that-is-long-enough!!" }), /signature/],
      ["management token", await token("host", "u", { type: "management" }), /type must be app/],
      ["garbage", "not-a-token", /malformed/],
    ];
    for (const [what, bad, reason] of cases) {
      const res = await fetchInit(plane.origin, bad, "p1");
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 401, code: 401 });
      expect(res.body.message).toMatch(reason);
    }
    const missing = await fetch(`${plane.origin}/init?peer_id=p1`);
    expect(missing.status).toBe(401);
  });

  it("refuses a role outside the template, an unknown room and a disabled room before the camera check", async () => {
    expect((await fetchInit(plane.origin, await token("teacher", "u"), "p1")).body).toMatchObject({ code: 400, message: expect.stringMatching(/role not allowed/) });
    const unknown = await mintAppToken(TEST_CREDS, { roomId: "0123456789abcdef01234567", role: "host", userId: "u" });
    expect((await fetchInit(plane.origin, unknown, "p1")).body).toMatchObject({ code: 400, message: expect.stringMatching(/room not found/) });
    await api.post(`/v2/rooms/${roomId}`, { enabled: false });
    expect((await fetchInit(plane.origin, await token("host", "u"), "p1")).body).toMatchObject({ code: 403, message: expect.stringMatching(/Room is disabled/) });
  });
});

describe("signalling", () => {
  it("refuses the socket for a bad token", async () => {
    const bad = await token("host", "u", { expiresIn: -60 });
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${plane.origin.replace("http", "ws")}/v2/ws?peer=p1&token=${bad}`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it("sends the template's role policy on connect and answers ping", async () => {
    const guest = await client("guest", "student-1", "Priya");
    const policy = await guest.waitFor("on-policy-change");
    expect(policy.name).toBe("guest");
    expect(Object.keys(policy.known_roles).sort()).toEqual(["guest", "host"]);
    expect(policy.template_id).toBe(TEST_CREDS.templateId);
    expect(policy.known_roles.guest.publishParams.allowed).toEqual(["audio", "video"]);
    expect(policy.known_roles.guest.permissions.endRoom).toBe(false);
    expect(policy.known_roles.host.permissions.endRoom).toBe(true);
    expect(await guest.call("ping", { timestamp: 1 })).toEqual({ timestamp: expect.any(Number) });
  });

  it("answers join with a werift SDP answer, then the peer list and a subscribe offer carrying ion-sfu", async () => {
    const host = await client("host", "expert-1", "Deepak");
    const answer = await host.join();
    expect(answer).toMatchObject({ type: "answer", sdp: expect.stringContaining("m=application"), sfu_node_id: expect.any(String) });
    expect(await host.waitFor("peer-list")).toMatchObject({ peers: {}, room: { name: "yoga-room", session_id: expect.any(String) } });
    const offer = await host.waitFor("offer");
    expect(offer).toMatchObject({ type: "offer", sfu_node_id: answer.sfu_node_id });
    expect(offer.sdp).toContain("m=application");
    // The forwarder listens on loopback only: every address it offers is 127.0.0.1.
    const candidateAddresses = (sdp: string) => [...sdp.matchAll(/^a=candidate:\S+ \d+ udp \d+ (\S+) \d+/gm)].map((m) => m[1]);
    for (const sdp of [answer.sdp as string, offer.sdp as string]) {
      expect(candidateAddresses(sdp).length).toBeGreaterThan(0);
      expect(new Set(candidateAddresses(sdp))).toEqual(new Set(["127.0.0.1"]));
    }
    await expect.poll(() => host.subscribeChannelLabel, { timeout: 10_000 }).toBe("ion-sfu");
    await expect.poll(() => host.subscribe.connectionState, { timeout: 10_000 }).toBe("connected");
    await expect.poll(() => host.publish.connectionState, { timeout: 10_000 }).toBe("connected");
  });

  it("two peers see each other, and the emulator's records and webhooks use the SDK's peer ids", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");

    const list = await guest.waitFor("peer-list");
    expect(Object.keys(list.peers)).toEqual([host.peerId]);
    expect(list.peers[host.peerId]).toMatchObject({ peer_id: host.peerId, role: "host", realtime: true, info: { name: "Deepak", user_id: "expert-1" } });
    expect(await host.waitFor("on-peer-join")).toMatchObject({ peer_id: guest.peerId, role: "guest", realtime: true, info: { name: "Priya", user_id: "student-1" } });

    const active = (await api.get(`/v2/active-rooms/${roomId}`)).body;
    expect(active.session.peers.sort()).toEqual([host.peerId, guest.peerId].sort());
    expect(eventsOf("session.open.success")).toHaveLength(1);
    expect(eventsOf("peer.join.success").map((e) => [e.data.peer_id, e.data.user_id])).toEqual([
      [host.peerId, "expert-1"],
      [guest.peerId, "student-1"],
    ]);

    await guest.leave();
    expect(await host.waitFor("on-peer-leave")).toMatchObject({ peer_id: guest.peerId });
    expect(eventsOf("peer.leave.success").map((e) => [e.data.peer_id, e.data.reason])).toEqual([[guest.peerId, "client request"]]);
    expect(plane.connectedPeers(roomId).map((p) => p.peerId)).toEqual([host.peerId]);
  });

  it("a dropped socket leaves the room with reason websocket closed, and the last leave closes the session", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    await host.dispose();
    await expect.poll(() => eventsOf("peer.leave.success").map((e) => [e.data.peer_id, e.data.reason])).toEqual([[host.peerId, "websocket closed"]]);
    expect(eventsOf("session.close.success")).toHaveLength(1);
  });

  it("relays chat to the others with the sender, and never echoes it to the sender", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");
    const other = await joined("guest", "student-2", "Arjun");
    const sent = await guest.call("broadcast", { info: { message: "Namaste!", type: "chat" } });
    expect(sent).toEqual({ message_id: expect.any(String), timestamp: expect.any(Number) });
    for (const receiver of [host, other]) {
      expect(await receiver.waitFor("on-broadcast")).toEqual({
        peer: { peer_id: guest.peerId, role: "guest", groups: [], info: { name: "Priya", data: "", user_id: "student-1", type: "regular" } },
        roles: [],
        private: false,
        timestamp: sent.timestamp,
        message_id: sent.message_id,
        info: { message: "Namaste!", type: "chat" },
      });
    }
    // The ping's reply comes after anything sent to the guest before it.
    await guest.call("ping", {});
    expect(guest.notifications("on-broadcast")).toEqual([]);
  });

  it("relays a mute to the others as on-track-update", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");
    const audio = await guest.publishTrack("audio");
    const added = await host.waitFor("on-track-add");
    expect(added).toMatchObject({ peer: { peer_id: guest.peerId }, tracks: { [audio.trackId]: { type: "audio", mute: false, stream_id: audio.streamId } } });
    guest.notify("track-update", { tracks: { [audio.trackId]: { ...added.tracks[audio.trackId], mute: true } } });
    expect(await host.waitFor("on-track-update")).toMatchObject({ peer: { peer_id: guest.peerId }, tracks: { [audio.trackId]: { mute: true } } });
  });

  it("end-room from the host tells every other peer the room ended, and the emulator closes the session", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guests = [await joined("guest", "student-1", "Priya"), await joined("guest", "student-2", "Arjun")];
    expect(await host.call("end-room", { lock: false, reason: "Class is over" })).toEqual({});
    for (const g of guests) {
      expect(await g.waitFor("on-peer-leave-request")).toEqual({ requested_by: host.peerId, reason: "Class is over", room_end: true });
      expect(await g.closed()).toBe(1000);
    }
    expect(host.notifications("on-peer-leave-request")).toEqual([]);
    await host.leave();
    expect(eventsOf("room.end.success")).toHaveLength(1);
    expect(eventsOf("session.close.success")).toHaveLength(1);
    expect(eventsOf("peer.leave.success")).toHaveLength(3);
    expect(plane.connectedPeers()).toEqual([]);
  });

  it("a guest may neither end the room nor remove others; unknown methods answer 404", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");
    await expect(guest.call("end-room", { lock: false, reason: "" })).rejects.toMatchObject({ code: 403 });
    await expect(guest.call("peer-leave-request", { requested_for: host.peerId, reason: "" })).rejects.toMatchObject({ code: 403 });
    await expect(guest.call("poll-start", {})).rejects.toEqual(new RpcFailure(404, "poll-start is not implemented by the local media plane"));
    expect(emu.activeSession(roomId)?.peers[host.peerId]?.left_at).toBeUndefined();
  });

  it("the host removes one student with peer-leave-request", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");
    expect(await host.call("peer-leave-request", { requested_for: guest.peerId, reason: "Please rejoin" })).toEqual({});
    expect(await guest.waitFor("on-peer-leave-request")).toEqual({ requested_by: host.peerId, reason: "Please rejoin", room_end: false });
    expect(await host.waitFor("on-peer-leave")).toMatchObject({ peer_id: guest.peerId });
    expect(eventsOf("peer.leave.success").map((e) => [e.data.peer_id, e.data.reason])).toEqual([[guest.peerId, "peer kicked"]]);
  });

  it("the REST API's end-room, remove-peers and send-message reach the connected clients", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    // The first student's client ignores the removal: the plane must close its socket anyway.
    const guests = [await joined("guest", "student-1", "Priya", false), await joined("guest", "student-2", "Arjun")];

    await api.post(`/v2/active-rooms/${roomId}/send-message`, { message: "Class starts in a minute" });
    for (const c of [host, ...guests]) {
      expect(await c.waitFor("on-broadcast")).toMatchObject({ info: { message: "Class starts in a minute", type: "chat" }, private: false });
      expect((await c.waitFor("on-broadcast")).peer).toBeUndefined();
    }

    await api.post(`/v2/active-rooms/${roomId}/remove-peers`, { peer_id: guests[0]!.peerId, reason: "Wrong class" });
    expect(await guests[0]!.waitFor("on-peer-leave-request")).toMatchObject({ reason: "Wrong class", room_end: false });
    expect(await guests[0]!.closed()).toBe(1000);

    await api.post(`/v2/active-rooms/${roomId}/end-room`, { reason: "The class has ended" });
    for (const c of [host, guests[1]!]) {
      expect(await c.waitFor("on-peer-leave-request")).toMatchObject({ reason: "The class has ended", room_end: true });
      expect(await c.closed()).toBe(1000);
    }
    expect(eventsOf("peer.leave.success").map((e) => e.data.reason).sort()).toEqual(["peer kicked", "server removed peer", "server removed peer"]);
    expect(plane.connectedPeers()).toEqual([]);
  });

  it("a room disabled after preview refuses the join with 403", async () => {
    const guest = await client("guest", "student-1", "Priya");
    await api.post(`/v2/rooms/${roomId}`, { enabled: false });
    await expect(guest.join()).rejects.toMatchObject({ code: 403, message: expect.stringMatching(/Room is disabled/) });
    expect(eventsOf("peer.join.success")).toEqual([]);
  });
});

describe("media forwarding", () => {
  it("forwards a published video to the other peer under the publisher's msid, and asks the publisher for a keyframe", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");
    const video = await host.publishTrack("video");
    expect(await guest.waitFor("on-track-add")).toMatchObject({ peer: { peer_id: host.peerId }, tracks: { [video.trackId]: { type: "video" } } });
    await expect.poll(() => guest.remoteTracks.map((t) => t.trackId), { timeout: 10_000 }).toContain(video.trackId);
    const remote = guest.remoteTracks.find((t) => t.trackId === video.trackId)!;
    expect(remote).toMatchObject({ streamId: video.streamId, kind: "video" });
    await expect
      .poll(
        () => {
          video.write();
          return remote.packets;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBeGreaterThan(5);
    // After the subscriber's answer the forwarder asks for a keyframe (docs/100ms-media-plane.md#subscribe-renegotiation).
    await expect.poll(() => host.keyframeRequests, { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("a peer joining later receives the tracks already published", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const video = await host.publishTrack("video");
    const guest = await joined("guest", "student-1", "Priya");
    const list = await guest.waitFor("peer-list");
    expect(list.peers[host.peerId].tracks).toMatchObject({ [video.trackId]: { type: "video", stream_id: video.streamId } });
    await expect.poll(() => guest.remoteTracks.map((t) => t.trackId), { timeout: 10_000 }).toContain(video.trackId);
  });
});

describe("forced faults and lost connections", () => {
  it("refuses the next join of one user with a code the SDK does not retry, then lets it join again", async () => {
    plane.faults.refuseNextJoin({ userId: "student-1" });
    const host = await joined("host", "expert-1", "Deepak");
    const refused = await client("guest", "student-1", "Priya");
    await expect(refused.join()).rejects.toMatchObject({ code: 400, message: expect.stringMatching(/fault injected/) });
    expect(eventsOf("peer.join.success").map((e) => e.data.user_id)).toEqual(["expert-1"]);
    // A fresh attempt (a new peer, as the page's "Try again" makes) gets in.
    const again = await joined("guest", "student-1", "Priya");
    expect(await host.waitFor("on-peer-join", (p) => p.peer_id === again.peerId)).toMatchObject({ info: { user_id: "student-1" } });
  });

  it("a dropped connection leaves the room, and the SDK's resume with the same peer id is refused at init with a terminal 410", async () => {
    const host = await joined("host", "expert-1", "Deepak");
    const guest = await joined("guest", "student-1", "Priya");
    expect(plane.faults.dropConnections({ roomId, userId: "student-1" })).toBe(1);
    expect(await guest.closed()).toBe(1006);
    expect(await host.waitFor("on-peer-leave")).toMatchObject({ peer_id: guest.peerId });
    expect(eventsOf("peer.leave.success").map((e) => [e.data.peer_id, e.data.reason])).toEqual([[guest.peerId, "websocket closed"]]);
    const resume = await fetchInit(plane.origin, guest.token, guest.peerId);
    expect(resume.status).toBe(410);
    expect(resume.body.message).toMatch(/cannot resume a dropped connection/);
    // Another peer id (a fresh join) is welcome.
    expect((await fetchInit(plane.origin, guest.token, "a-new-peer")).status).toBe(200);
  });

  it("takes faults over HTTP as JSON only", async () => {
    const post = (body: unknown, type = "application/json") =>
      fetch(`${plane.origin}/_media-plane/faults`, { method: "POST", headers: { "content-type": type }, body: JSON.stringify(body) });
    await joined("guest", "student-1", "Priya");
    expect((await post({ drop: { roomId } }, "text/plain")).status).toBe(415);
    const res = await post({ drop: { roomId } });
    expect(await res.json()).toEqual({ dropped: 1 });
    expect((await post({ refuseNextJoin: {} })).status).toBe(200);
    const refused = await client("guest", "student-2", "Tom");
    await expect(refused.join()).rejects.toMatchObject({ code: 400 });
  });
});

describe("safety", () => {
  it("refuses to start in production", async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(startHmsMediaPlane({ emulator: emu, logger: silentLogger })).rejects.toThrow(/Refusing to start the local 100ms media plane/);
    } finally {
      process.env.NODE_ENV = before;
    }
  });

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(plane.origin).hostname).toBe("127.0.0.1");
  });
});
