import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UpstreamError, type VideoProvider } from "../domain/ports.js";
import { type HmsEmulator, startHmsEmulator } from "../stand-ins/hms-emulator/index.js";
import { silentLogger, TEST_CREDS } from "../test-support/hms-emulator-client.js";
import { createHmsVideoProvider } from "./hms-video-provider.js";

/** The adapter through the REAL @100mslive/server-sdk, over real HTTP, against the emulator. */
describe("createHmsVideoProvider against the local 100ms emulator", () => {
  let emu: HmsEmulator;
  let video: VideoProvider;
  const provider = (overrides: Partial<Parameters<typeof createHmsVideoProvider>[0]> = {}) =>
    createHmsVideoProvider({ ...TEST_CREDS, baseUrl: emu.url, ...overrides });

  beforeAll(async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    video = provider();
  });
  beforeEach(() => emu.clearFaults());
  afterAll(async () => emu.close());

  let n = 0;
  const roomName = () => `session-${++n}-${Date.now()}`;

  /** Runs `fn`, expecting an UpstreamError; returns it for more checks. */
  async function upstreamFailure(fn: () => Promise<unknown>): Promise<UpstreamError> {
    const outcome = await fn().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (!("error" in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
    expect(outcome.error).toBeInstanceOf(UpstreamError);
    const e = outcome.error as UpstreamError;
    expect(e.service).toBe("100ms");
    return e;
  }

  describe("createRoom", () => {
    it("creates the room with our template and limits, plus a host room code only", async () => {
      const name = roomName();
      const created = await video.createRoom({ name, description: "Sunrise flow", maxDurationSeconds: 6 * 3600 });
      expect(created.roomId).toMatch(/^[0-9a-f]{24}$/);
      expect(created.roomCode).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
      expect(emu.room(created.roomId)).toMatchObject({
        name,
        description: "Sunrise flow",
        template_id: TEST_CREDS.templateId,
        max_duration_seconds: 21600,
        enabled: true,
      });
      expect(emu.roomCodes(created.roomId).map((c) => [c.role, c.code])).toEqual([["host", created.roomCode]]);
    });

    it("returns the same room and code when called again (any casing): safe to retry", async () => {
      const name = roomName();
      const first = await video.createRoom({ name, maxDurationSeconds: 3600 });
      const again = await video.createRoom({ name, maxDurationSeconds: 3600 });
      const shouted = await video.createRoom({ name: name.toUpperCase(), maxDurationSeconds: 3600 });
      expect(again).toEqual(first);
      expect(shouted).toEqual(first);
      expect(emu.rooms().filter((r) => r.name.toLowerCase() === name)).toHaveLength(1);
    });

    it("turns a 500 on room creation into an UpstreamError with the status", async () => {
      emu.failNext("POST /rooms", { status: 500, message: "internal error" });
      const e = await upstreamFailure(() => video.createRoom({ name: roomName(), maxDurationSeconds: 3600 }));
      expect(e.status).toBe(500);
      expect(e.message).toMatch(/100ms failed \(500 "internal error"\) while creating room/);
    });

    it("turns a failure of the room-code call into an UpstreamError, and a retry then succeeds", async () => {
      const name = roomName();
      emu.failNext("POST /room-codes/room/:id/role/:role", { status: 503 });
      const e = await upstreamFailure(() => video.createRoom({ name, maxDurationSeconds: 3600 }));
      expect(e.status).toBe(503);
      expect(e.message).toMatch(/host room code/);
      const retried = await video.createRoom({ name, maxDurationSeconds: 3600 });
      expect(emu.room(retried.roomId)?.name).toBe(name);
    });

    it("reports 100ms refusing our input (400) as an UpstreamError that says it is our bug", async () => {
      const e = await upstreamFailure(() => video.createRoom({ name: roomName(), maxDurationSeconds: 60 }));
      expect(e.status).toBe(400);
      expect(e.message).toMatch(/max_duration_seconds less than 120 seconds/);
      expect(e.message).toMatch(/bug or a misconfiguration/);
      const badName = await upstreamFailure(() => video.createRoom({ name: "has spaces & symbols", maxDurationSeconds: 3600 }));
      expect(badName.status).toBe(400);
    });

    it("reports wrong credentials as a 401 UpstreamError (after the SDK's one retry)", async () => {
      const before = emu.requests().length;
      const wrong = provider({ secret: "not-the-secret-but-long-enough-000" });
      const e = await upstreamFailure(() => wrong.createRoom({ name: roomName(), maxDurationSeconds: 3600 }));
      expect(e.status).toBe(401);
      expect(e.message).toMatch(/credentials/);
      expect(e.message).not.toContain("not-the-secret");
      expect(emu.requests().slice(before).map((r) => r.status)).toEqual([401, 401]);
    });

    it("reports an unknown template as a 400 UpstreamError", async () => {
      const e = await upstreamFailure(() =>
        provider({ templateId: "000000000000000000000000" }).createRoom({ name: roomName(), maxDurationSeconds: 3600 }),
      );
      expect(e.status).toBe(400);
      expect(e.message).toMatch(/template not found/);
    });
  });

  describe("joinToken", () => {
    const issuedAt = new Date(Date.UTC(2030, 0, 15, 9, 0, 0, 750));
    const expiresAt = new Date(issuedAt.getTime() + 2 * 3600_000 + 400);

    it("mints an HS256 app token whose claims are exactly the documented ones and whose exp is expiresAt", async () => {
      const before = emu.requests().length;
      const token = await video.joinToken({ roomId: "64a0aaaabbbbccccddddeeee", role: "guest", userId: "student-42", issuedAt, expiresAt });
      expect(emu.requests()).toHaveLength(before); // pure computation, no network

      const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(TEST_CREDS.secret), {
        algorithms: ["HS256"],
        currentDate: new Date(issuedAt.getTime() + 60_000),
      });
      expect(protectedHeader.alg).toBe("HS256");
      expect(Object.keys(payload).sort()).toEqual(
        ["access_key", "exp", "iat", "jti", "nbf", "role", "room_id", "type", "user_id", "version"].sort(),
      );
      expect(payload).toEqual({
        access_key: TEST_CREDS.accessKey,
        type: "app",
        version: 2,
        room_id: "64a0aaaabbbbccccddddeeee",
        role: "guest",
        user_id: "student-42",
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        iat: Math.floor(issuedAt.getTime() / 1000),
        nbf: Math.floor(issuedAt.getTime() / 1000),
        exp: Math.floor(expiresAt.getTime() / 1000),
      });
      expect(Math.abs((payload.exp ?? 0) * 1000 - expiresAt.getTime())).toBeLessThanOrEqual(1000);
    });

    it("signs with the app secret: another secret does not verify, and each token has its own jti", async () => {
      const params = { roomId: "r1", role: "host" as const, userId: "expert-1", issuedAt, expiresAt };
      const a = await video.joinToken(params);
      const b = await video.joinToken(params);
      expect(decodeJwt(a).jti).not.toBe(decodeJwt(b).jti);
      await expect(
        jwtVerify(a, new TextEncoder().encode("some-other-secret-of-enough-length"), { currentDate: issuedAt }),
      ).rejects.toThrow();
      expect(decodeJwt(a).role).toBe("host");
    });

    it("refuses an expiry that is not after the issue time (the SDK would silently use 24 h)", async () => {
      await expect(video.joinToken({ roomId: "r1", role: "guest", userId: "u", issuedAt, expiresAt: issuedAt })).rejects.toThrow(RangeError);
      await expect(
        video.joinToken({ roomId: "r1", role: "guest", userId: "u", issuedAt, expiresAt: new Date(issuedAt.getTime() - 1000) }),
      ).rejects.toThrow(/expiresAt/);
      await expect(video.joinToken({ roomId: "r1", role: "guest", userId: "", issuedAt, expiresAt })).rejects.toThrow(/userId/);
    });
  });

  describe("closeRoom", () => {
    it("ends a room with peers in it ('ended'): peers are removed, the session closes, the room is locked", async () => {
      const { roomId } = await video.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
      emu.joinPeer(roomId, { userId: "expert-1", role: "host", name: "Asha" });
      emu.joinPeer(roomId, { userId: "student-1", role: "guest", name: "Ben" });
      expect(await video.closeRoom(roomId, "Class has ended")).toBe("ended");
      expect(emu.activeSession(roomId)).toBeUndefined();
      expect(emu.room(roomId)?.enabled).toBe(false);
      expect(() => emu.joinPeer(roomId, { userId: "late", role: "guest", name: "Late" })).toThrow(/disabled/);
      const end = emu.events().find((e) => e.type === "room.end.success" && e.data.room_id === roomId);
      expect(end?.data).toMatchObject({ lock_room: true, reason: "Class has ended" });
    });

    it("disables an empty room ('disabled') after 100ms answers 404 to end-room", async () => {
      const { roomId } = await video.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
      const before = emu.requests().length;
      expect(await video.closeRoom(roomId, "Nobody came")).toBe("disabled");
      expect(emu.room(roomId)?.enabled).toBe(false);
      expect(emu.requests().slice(before).map((r) => `${r.route} ${r.status}`)).toEqual([
        "POST /active-rooms/:id/end-room 404",
        "POST /rooms/:id 200",
      ]);
      // Closing again is harmless.
      expect(await video.closeRoom(roomId, "again")).toBe("disabled");
    });

    it("still leaves the room disabled when 100ms answers 200 for a room without a session", async () => {
      const lenient = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger, inactiveRoomAnswer: "empty" });
      try {
        const v = createHmsVideoProvider({ ...TEST_CREDS, baseUrl: lenient.url });
        const { roomId } = await v.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
        expect(await v.closeRoom(roomId, "done")).toBe("ended");
        expect(lenient.room(roomId)?.enabled).toBe(false);
      } finally {
        await lenient.close();
      }
    });

    it("does not fall back to disabling when end-room fails with a 500", async () => {
      const { roomId } = await video.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
      emu.joinPeer(roomId, { userId: "expert-1", role: "host", name: "Asha" });
      emu.failNext("POST /active-rooms/:id/end-room", { status: 500 });
      const e = await upstreamFailure(() => video.closeRoom(roomId, "x"));
      expect(e.status).toBe(500);
      expect(e.message).toMatch(/ending room/);
      expect(emu.room(roomId)?.enabled).toBe(true);
      expect(emu.activeSession(roomId)).toBeDefined();
    });

    it("reports a failure of the disable call as an UpstreamError", async () => {
      const { roomId } = await video.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
      emu.failNext("POST /rooms/:id", { status: 502 });
      const e = await upstreamFailure(() => video.closeRoom(roomId, "x"));
      expect(e.status).toBe(502);
      expect(e.message).toMatch(/disabling room/);
    });

    it("reports an unknown room as a 404 UpstreamError, and keeps odd ids inside their path segment", async () => {
      const e = await upstreamFailure(() => video.closeRoom("abc/../../rooms?enabled=false", "x"));
      expect(e.status).toBe(404);
      const paths = emu.requests().slice(-2).map((r) => r.path);
      expect(paths).toEqual([
        "/v2/active-rooms/abc%2F..%2F..%2Frooms%3Fenabled%3Dfalse/end-room",
        "/v2/rooms/abc%2F..%2F..%2Frooms%3Fenabled%3Dfalse",
      ]);
    });
  });

  describe("recordings", () => {
    /** A room with a live 100ms session, as a class in progress. */
    async function liveRoom() {
      const { roomId } = await video.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
      emu.joinPeer(roomId, { userId: "expert-1", role: "host", name: "Asha" });
      return { roomId, sessionId: emu.activeSession(roomId)!.id };
    }

    it("starts a recording of the room's session, without a meeting URL", async () => {
      const { roomId, sessionId } = await liveRoom();
      await video.startRecording(roomId);
      expect(emu.recordings(roomId)).toEqual([expect.objectContaining({ room_id: roomId, session_id: sessionId, status: "running", meeting_url: "" })]);
      expect(emu.requests().at(-1)).toMatchObject({ method: "POST", route: "POST /recordings/room/:id/start", status: 200 });
    });

    it("reports a room with nobody in it (nothing to record) as an UpstreamError", async () => {
      const { roomId } = await video.createRoom({ name: roomName(), maxDurationSeconds: 3600 });
      const e = await upstreamFailure(() => video.startRecording(roomId));
      expect(e.status).toBe(404);
      expect(e.message).toMatch(/starting the recording of room/);
    });

    it("finds the composite asset of a 100ms session only once it is completed, and signs a short-lived link to it", async () => {
      const { roomId, sessionId } = await liveRoom();
      expect(await video.findRecordingAsset(sessionId)).toBeNull();
      await video.startRecording(roomId);
      expect(await video.findRecordingAsset(sessionId)).toBeNull();
      const recording = emu.completeRecording(emu.recordings(roomId)[0]!.id, { durationSeconds: 3540 });
      const composite = recording.recording_assets!.find((a) => a.type === "room-composite")!;
      expect(recording.recording_assets!.map((a) => a.type).sort()).toEqual(["chat", "room-composite"]);

      const asset = await video.findRecordingAsset(sessionId);
      expect(asset).toEqual({ assetId: composite.id, path: composite.path, durationSeconds: 3540 });
      const link = await video.presignRecordingAsset(asset!.assetId, 4140);
      expect(link.validForSeconds).toBe(4140);
      expect(emu.requests().at(-1)?.path).toBe(`/v2/recording-assets/${composite.id}/presigned-url?presign_duration=4140`);
      const opened = await fetch(link.url);
      expect(opened.status).toBe(200);
      expect(await opened.json()).toMatchObject({ asset: { id: composite.id, type: "room-composite" } });
      // The link is the emulator's signature: tampering with it is refused.
      expect((await fetch(link.url.replace(/expires=\d+/, "expires=9999999999"))).status).toBe(403);
    });

    it("encodes the session id it puts in the query string (the SDK would not)", async () => {
      expect(await video.findRecordingAsset("a&status=failed")).toBeNull();
      expect(emu.requests().at(-1)?.path).toBe("/v2/recording-assets?session_id=a%26status%3Dfailed&status=completed&limit=100");
    });

    it("turns failures of the assets API into UpstreamErrors", async () => {
      emu.failNext("GET /recording-assets", { status: 503 });
      expect((await upstreamFailure(() => video.findRecordingAsset("633c22b420636a0cb361dea0"))).status).toBe(503);
      const e = await upstreamFailure(() => video.presignRecordingAsset("000000000000000000000000", 600));
      expect(e.status).toBe(404);
      expect(e.message).toMatch(/signing a link to recording asset/);
    });
  });

  describe("when 100ms cannot be reached", () => {
    it("gives up on a hanging endpoint after timeoutMs", async () => {
      emu.failNext("POST /rooms", { hang: true });
      const impatient = provider({ timeoutMs: 500 });
      const name = roomName();
      const started = Date.now();
      const e = await upstreamFailure(() => impatient.createRoom({ name, maxDurationSeconds: 3600 }));
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(2000);
      expect(e.status).toBeUndefined();
      expect(e.message).toBe(`100ms did not answer within 500 ms while creating room "${name}"`);
    });

    it("gives up on an answer delayed past the deadline", async () => {
      emu.failNext("POST /active-rooms/:id/end-room", { delayMs: 1500 });
      const impatient = provider({ timeoutMs: 400 });
      const started = Date.now();
      const e = await upstreamFailure(() => impatient.closeRoom("64a0aaaabbbbccccddddeeee", "x"));
      expect(Date.now() - started).toBeLessThan(1400);
      expect(e.message).toMatch(/did not answer within 400 ms while ending room/);
    });

    it("reports a refused connection", async () => {
      const closedPort = await new Promise<number>((resolve) => {
        const s = createServer();
        s.listen(0, "127.0.0.1", () => {
          const { port } = s.address() as AddressInfo;
          s.close(() => resolve(port));
        });
      });
      const unreachable = createHmsVideoProvider({ ...TEST_CREDS, baseUrl: `http://127.0.0.1:${closedPort}/v2`, timeoutMs: 2000 });
      const name = roomName();
      const e = await upstreamFailure(() => unreachable.createRoom({ name, maxDurationSeconds: 3600 }));
      expect(e.status).toBeUndefined();
      expect(e.message).toBe(`cannot reach 100ms at http://127.0.0.1:${closedPort}/v2 (ECONNREFUSED) while creating room "${name}"`);
      const close = await upstreamFailure(() => unreachable.closeRoom("64a0aaaabbbbccccddddeeee", "x"));
      expect(close.message).toMatch(/ECONNREFUSED\) while ending room/);
    });
  });

  it("refuses to be built without credentials (the SDK would read HMS_* env vars instead)", () => {
    expect(() => createHmsVideoProvider({ ...TEST_CREDS, secret: "" })).toThrow(/secret is required/);
    expect(() => createHmsVideoProvider({ ...TEST_CREDS, accessKey: "" })).toThrow(/accessKey is required/);
    expect(() => createHmsVideoProvider({ ...TEST_CREDS, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
