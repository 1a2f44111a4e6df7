import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type HmsEmulator, startHmsEmulator } from "./index.js";
import { type HmsTestClient, hmsTestClient, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

const CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

describe("room codes (/v2/room-codes)", () => {
  let emu: HmsEmulator;
  let api: HmsTestClient;
  let roomId: string;

  beforeEach(async () => {
    await emu?.close();
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    api = hmsTestClient(emu.origin, TEST_CREDS);
    roomId = (await api.post("/v2/rooms", { name: "coded-room" })).body.id;
  });
  afterAll(async () => emu?.close());

  it("creates one code per template role, and returns the same codes when asked again", async () => {
    const first = await api.post(`/v2/room-codes/room/${roomId}`);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data.map((c: { role: string }) => c.role).sort()).toEqual(["guest", "host"]);
    for (const c of first.body.data) {
      expect(c).toMatchObject({ code: expect.stringMatching(CODE), room_id: roomId, enabled: true });
    }
    const again = await api.post(`/v2/room-codes/room/${roomId}`);
    expect(again.body.data).toEqual(first.body.data);
  });

  it("creates a code for one role that is stable and matches the all-roles call", async () => {
    const host = await api.post(`/v2/room-codes/room/${roomId}/role/host`);
    expect(host.status).toBe(200);
    expect(host.body).toMatchObject({ code: expect.stringMatching(CODE), room_id: roomId, role: "host", enabled: true });
    expect((await api.post(`/v2/room-codes/room/${roomId}/role/host`)).body.code).toBe(host.body.code);
    expect(emu.roomCodes(roomId)).toHaveLength(1); // no guest code was made on the side
    const all = (await api.post(`/v2/room-codes/room/${roomId}`)).body.data;
    expect(all.find((c: { role: string }) => c.role === "host").code).toBe(host.body.code);
  });

  it("gives different rooms different codes", async () => {
    const other = (await api.post("/v2/rooms", { name: "other-room" })).body.id;
    const a = (await api.post(`/v2/room-codes/room/${roomId}/role/host`)).body.code;
    const b = (await api.post(`/v2/room-codes/room/${other}/role/host`)).body.code;
    expect(a).not.toBe(b);
  });

  it("answers 404 Role not found for a role outside the template", async () => {
    const reply = await api.post(`/v2/room-codes/room/${roomId}/role/teacher`);
    expect(reply).toEqual({ status: 404, body: { code: 404, message: "Role not found", details: expect.any(Array) } });
  });

  it("answers 404 for an unknown room", async () => {
    expect((await api.post("/v2/room-codes/room/0123456789abcdef01234567/role/host")).body).toMatchObject({
      code: 404,
      message: "room not found",
    });
    expect((await api.post("/v2/room-codes/room/0123456789abcdef01234567")).status).toBe(404);
  });

  it("answers 403 Room is disabled on every room-codes endpoint of a disabled room", async () => {
    await api.post(`/v2/room-codes/room/${roomId}`);
    await api.post(`/v2/rooms/${roomId}`, { enabled: false });
    for (const reply of [
      await api.post(`/v2/room-codes/room/${roomId}`),
      await api.post(`/v2/room-codes/room/${roomId}/role/host`),
      await api.get(`/v2/room-codes/room/${roomId}`),
    ]) {
      expect(reply).toEqual({ status: 403, body: { code: 403, message: "Room is disabled", details: expect.any(Array) } });
    }
  });

  it("lists codes with role and enabled filters", async () => {
    const codes = (await api.post(`/v2/room-codes/room/${roomId}`)).body.data as Array<{ code: string; role: string }>;
    const list = (await api.get(`/v2/room-codes/room/${roomId}`)).body;
    expect(list).toMatchObject({ limit: 10, last: "" });
    expect(list.data).toHaveLength(2);
    const hosts = (await api.get(`/v2/room-codes/room/${roomId}?role=host`)).body.data;
    expect(hosts.map((c: { role: string }) => c.role)).toEqual(["host"]);
    await api.post("/v2/room-codes/code", { code: codes[0]?.code, enabled: false });
    expect((await api.get(`/v2/room-codes/room/${roomId}?enabled=true`)).body.data).toHaveLength(1);
    expect((await api.get(`/v2/room-codes/room/${roomId}?role=teacher`)).status).toBe(404);
  });

  it("disables and re-enables a code with exactly {code, enabled}", async () => {
    const host = (await api.post(`/v2/room-codes/room/${roomId}/role/host`)).body.code;
    const off = await api.post("/v2/room-codes/code", { code: host, enabled: false });
    expect(off.body).toMatchObject({ code: host, enabled: false });
    // Asking for the role's code again returns the same, still disabled, code.
    expect((await api.post(`/v2/room-codes/room/${roomId}/role/host`)).body).toMatchObject({ code: host, enabled: false });
    expect((await api.post("/v2/room-codes/code", { code: host, enabled: true })).body.enabled).toBe(true);

    expect((await api.post("/v2/room-codes/code", { code: host, enabled: true, role: "host" })).status).toBe(400);
    expect((await api.post("/v2/room-codes/code", { code: host, enabled: "false" })).status).toBe(400);
    expect((await api.post("/v2/room-codes/code", { code: "zzz-zzzz-zzz", enabled: false })).body).toMatchObject({
      code: 404,
      message: "Code not found",
    });
  });
});
