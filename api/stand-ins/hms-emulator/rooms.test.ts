import HMS from "@100mslive/server-sdk";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type HmsEmulator, startHmsEmulator } from "./index.js";
import { type HmsTestClient, hmsTestClient, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const HEX24 = /^[0-9a-f]{24}$/;

describe("rooms (POST/GET /v2/rooms, GET/POST /v2/rooms/:id)", () => {
  let emu: HmsEmulator;
  let api: HmsTestClient;
  let n = 0;
  const uniqueName = (prefix = "room") => `${prefix}-${++n}-${Date.now()}`;

  beforeEach(async () => {
    await emu?.close();
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    api = hmsTestClient(emu.origin, TEST_CREDS);
  });
  afterAll(async () => emu?.close());

  it("creates a room object with the documented fields", async () => {
    const { status, body } = await api.post("/v2/rooms", {
      name: "yoga-class_1:a.b",
      description: "Morning flow",
      template_id: TEST_CREDS.templateId,
      max_duration_seconds: 3600,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: expect.stringMatching(HEX24),
      name: "yoga-class_1:a.b",
      enabled: true,
      description: "Morning flow",
      customer_id: expect.stringMatching(HEX24),
      app_id: expect.stringMatching(HEX24),
      recording_info: { enabled: false },
      template_id: TEST_CREDS.templateId,
      template: expect.any(String),
      region: expect.any(String),
      max_duration_seconds: 3600,
      created_at: expect.stringMatching(RFC3339),
      updated_at: expect.stringMatching(RFC3339),
    });
    expect(body.customer).toBe(body.customer_id);
    expect((await api.get(`/v2/rooms/${body.id}`)).body).toEqual(body);
  });

  it("uses the configured template when template_id is omitted, and names the room itself when name is", async () => {
    const { body } = await api.post("/v2/rooms", {});
    expect(body.template_id).toBe(TEST_CREDS.templateId);
    expect(body.name).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is create-or-update by name, ignoring case: same id, payload applied, original casing kept", async () => {
    const first = (await api.post("/v2/rooms", { name: "Session-ABC", description: "one" })).body;
    const second = await api.post("/v2/rooms", { name: "session-abc", description: "two", max_duration_seconds: 7200 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.id, name: "Session-ABC", description: "two", max_duration_seconds: 7200 });
    expect(emu.rooms()).toHaveLength(1);
  });

  it("keeps a disabled room disabled when it is 'created' again", async () => {
    const room = (await api.post("/v2/rooms", { name: "locked-room" })).body;
    await api.post(`/v2/rooms/${room.id}`, { enabled: false });
    const again = (await api.post("/v2/rooms", { name: "locked-room" })).body;
    expect(again).toMatchObject({ id: room.id, enabled: false });
  });

  it.each([
    [{ name: "has space" }, "Invalid body param: name"],
    [{ name: "semi;colon" }, "Invalid body param: name"],
    [{ name: "" }, "Invalid body param: name"],
    [{ name: 42 }, "Invalid body param: name"],
    [{ max_duration_seconds: 119 }, "Invalid body param: max_duration_seconds less than 120 seconds"],
    [{ max_duration_seconds: 43201 }, "Invalid body param: max_duration_seconds greater than 43200 seconds"],
    [{ max_duration_seconds: 600.5 }, "Invalid body param: max_duration_seconds"],
    [{ size: 2501 }, "Invalid body param: size"],
    [{ size: -1 }, "Invalid body param: size"],
    [{ template_id: "000000000000000000000000" }, "Error: template not found"],
    [{ template: "x" }, "Invalid body param: template. Use template_id"],
    [{ region: "mars" }, "Error: region not supported"],
    [{ recording_info: { enabled: true, upload_info: { type: "s3" } } }, "Bucket location is missing"],
    [{ recording_info: { enabled: true, upload_info: { type: "ftp", location: "x" } } }, "Invalid upload configuration"],
  ])("rejects %j with 400 %s", async (body, message) => {
    const reply = await api.post("/v2/rooms", body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 400, message, details: expect.any(Array) });
    expect(emu.rooms()).toHaveLength(0);
  });

  it("accepts the boundaries of max_duration_seconds and size (large rooms go to 20000)", async () => {
    expect((await api.post("/v2/rooms", { name: uniqueName(), max_duration_seconds: 120 })).status).toBe(200);
    expect((await api.post("/v2/rooms", { name: uniqueName(), max_duration_seconds: 43200 })).status).toBe(200);
    expect((await api.post("/v2/rooms", { name: uniqueName(), size: 2500 })).status).toBe(200);
    expect((await api.post("/v2/rooms", { name: uniqueName(), size: 20000, large_room: true })).status).toBe(200);
  });

  it("answers 404 in the error shape for an unknown room id", async () => {
    const reply = await api.get("/v2/rooms/0123456789abcdef01234567");
    expect(reply).toEqual({ status: 404, body: { code: 404, message: "room not found", details: [expect.any(String)] } });
    expect((await api.post("/v2/rooms/0123456789abcdef01234567", { enabled: false })).status).toBe(404);
  });

  it("updates, disables and re-enables a room through POST /rooms/:id", async () => {
    const room = (await api.post("/v2/rooms", { name: "to-update" })).body;
    const updated = await api.post(`/v2/rooms/${room.id}`, { description: "new", max_duration_seconds: 600 });
    expect(updated.body).toMatchObject({ id: room.id, description: "new", max_duration_seconds: 600, enabled: true });
    expect((await api.post(`/v2/rooms/${room.id}`, { enabled: false })).body.enabled).toBe(false);
    expect(emu.room(room.id)?.enabled).toBe(false);
    expect((await api.post(`/v2/rooms/${room.id}`, { enabled: true })).body.enabled).toBe(true);
    expect((await api.post(`/v2/rooms/${room.id}`, { enabled: "no" })).status).toBe(400);
    expect((await api.post(`/v2/rooms/${room.id}`, { max_duration_seconds: 60 })).status).toBe(400);
  });

  it("renames a room only to a free name", async () => {
    const a = (await api.post("/v2/rooms", { name: "alpha" })).body;
    await api.post("/v2/rooms", { name: "beta" });
    expect((await api.post(`/v2/rooms/${a.id}`, { name: "BETA" })).status).toBe(400);
    expect((await api.post(`/v2/rooms/${a.id}`, { name: "gamma" })).body.name).toBe("gamma");
    expect((await api.post("/v2/rooms", { name: "Gamma" })).body.id).toBe(a.id);
  });

  it("lists with the name filter (exact, case-insensitive) and enabled defaulting to true", async () => {
    const a = (await api.post("/v2/rooms", { name: "Find-Me" })).body;
    const b = (await api.post("/v2/rooms", { name: "find-me-not" })).body;
    await api.post(`/v2/rooms/${b.id}`, { enabled: false });
    const byName = (await api.get("/v2/rooms?name=FIND-ME")).body;
    expect(byName).toMatchObject({ limit: 10, last: "" });
    expect(byName.data.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect(byName.data[0].key).toBe(`${a.customer_id}:Find-Me`);
    expect((await api.get("/v2/rooms")).body.data.map((r: { id: string }) => r.id)).toEqual([a.id]);
    expect((await api.get("/v2/rooms?enabled=false")).body.data.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect((await api.get("/v2/rooms?enabled=maybe")).status).toBe(400);
  });

  it("paginates with limit 10-100, an exclusive start cursor and last '' on the final page", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await api.post("/v2/rooms", { name: `page-${i}` })).body.id);
    expect([...ids].sort()).toEqual(ids); // ids grow, so id order is creation order

    const p1 = (await api.get("/v2/rooms")).body;
    expect(p1.limit).toBe(10);
    expect(p1.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 10));
    expect(p1.last).toBe(ids[9]);
    const p2 = (await api.get(`/v2/rooms?start=${p1.last}`)).body;
    expect(p2.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(10, 20));
    const p3 = (await api.get(`/v2/rooms?start=${p2.last}`)).body;
    expect(p3.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(20));
    expect(p3.last).toBe("");

    const big = (await api.get("/v2/rooms?limit=100")).body;
    expect(big).toMatchObject({ limit: 100, last: "" });
    expect(big.data).toHaveLength(25);
    for (const bad of ["9", "101", "ten", "-5"]) {
      const reply = await api.get(`/v2/rooms?limit=${bad}`);
      expect(reply.status, bad).toBe(400);
      expect(reply.body.message).toBe("Invalid query parameter: limit");
    }
  });

  it("lets the real server SDK iterate every room exactly once", async () => {
    for (let i = 0; i < 23; i++) await api.post("/v2/rooms", { name: `sdk-${i}` });
    const sdk = new HMS.SDK(TEST_CREDS.accessKey, TEST_CREDS.secret);
    sdk.setLogLevel("silent");
    (sdk.api as unknown as { axios: { defaults: { baseURL: string } } }).axios.defaults.baseURL = emu.url;
    const seen: string[] = [];
    for await (const room of sdk.rooms.list()) seen.push(room.name);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });
});
