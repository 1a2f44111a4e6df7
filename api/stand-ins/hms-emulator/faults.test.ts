import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type HmsEmulator, startHmsEmulator } from "./index.js";
import { type HmsTestClient, hmsTestClient, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

describe("fault injection", () => {
  let emu: HmsEmulator;
  let api: HmsTestClient;

  beforeEach(async () => {
    await emu?.close();
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    api = hmsTestClient(emu.origin, TEST_CREDS);
  });
  afterAll(async () => emu?.close());

  it("names routes by method and /v2-relative pattern", () => {
    expect(emu.routeKeys()).toEqual(
      expect.arrayContaining(["POST /rooms", "GET /rooms/:id", "POST /room-codes/room/:id/role/:role", "POST /active-rooms/:id/end-room"]),
    );
  });

  it("failNext answers one request with 500 in the error shape, then the route works again", async () => {
    emu.failNext("POST /rooms");
    const failed = await api.post("/v2/rooms", { name: "a" });
    expect(failed).toEqual({ status: 500, body: { code: 500, message: "emulated fault", details: expect.any(Array) } });
    expect(emu.rooms()).toHaveLength(0); // the request never reached the handler
    expect((await api.post("/v2/rooms", { name: "a" })).status).toBe(200);
    expect(emu.requests().map((r) => [r.route, r.status, r.fault])).toEqual([
      ["POST /rooms", 500, true],
      ["POST /rooms", 200, false],
    ]);
  });

  it("only hits the addressed route, with the given status and times", async () => {
    const id = (await api.post("/v2/rooms", { name: "a" })).body.id;
    emu.failNext("POST /active-rooms/:id/end-room", { status: 503, message: "down for maintenance", times: 2 });
    expect((await api.get(`/v2/rooms/${id}`)).status).toBe(200);
    expect((await api.post(`/v2/active-rooms/${id}/end-room`, {})).body).toMatchObject({ code: 503, message: "down for maintenance" });
    expect((await api.post(`/v2/active-rooms/${id}/end-room`, {})).status).toBe(503);
    expect((await api.post(`/v2/active-rooms/${id}/end-room`, {})).status).toBe(404); // the real answer: no session
  });

  it("setFault lasts until clearFaults, and '*' hits every route", async () => {
    emu.setFault("*", { status: 502 });
    expect((await api.get("/v2/rooms")).status).toBe(502);
    expect((await api.post("/v2/rooms", {})).status).toBe(502);
    expect((await api.get("/v2/sessions")).status).toBe(502);
    expect(emu.faults()).toHaveLength(1);
    emu.clearFaults();
    expect((await api.get("/v2/rooms")).status).toBe(200);
  });

  it("applies faults before the token check", async () => {
    emu.failNext("GET /rooms", { status: 500 });
    expect((await api.raw("GET", "/v2/rooms", {})).status).toBe(500);
    expect((await api.raw("GET", "/v2/rooms", {})).status).toBe(401);
  });

  it("delays an answer with delayMs, and can delay then fail", async () => {
    emu.failNext("GET /rooms", { delayMs: 300 });
    let started = Date.now();
    expect((await api.get("/v2/rooms")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    emu.failNext("GET /rooms", { delayMs: 200, status: 504 });
    started = Date.now();
    expect((await api.get("/v2/rooms")).status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("hangs a route so the client has to give up", async () => {
    emu.failNext("GET /rooms", { hang: true });
    const outcome = await fetch(`${emu.url}/rooms`, { signal: AbortSignal.timeout(400) }).then(
      () => "answered",
      (e: Error) => e.name,
    );
    expect(outcome).toBe("TimeoutError");
    expect(emu.requests()[0]).toMatchObject({ route: "GET /rooms", status: 0, fault: true });
  });

  it("refuses unknown route keys and silly statuses so a typo cannot pass silently", () => {
    expect(() => emu.failNext("POST /room")).toThrow(/Unknown route key/);
    expect(() => emu.failNext("POST /active-rooms/:roomId/end-room")).toThrow(/Unknown route key/);
    expect(() => emu.failNext("POST /rooms", { status: 200 })).toThrow(/status/);
    expect(() => emu.setFault("POST /rooms", { times: 0 })).toThrow(/times/);
  });

  it("is driven over HTTP by POST/GET/DELETE /_emulator/faults", async () => {
    const added = await api.raw("POST", "/_emulator/faults", { body: JSON.stringify({ route: "POST /rooms", status: 500, times: 1 }) });
    expect(added).toMatchObject({ status: 200, body: { route: "POST /rooms", status: 500, remaining: 1 } });
    expect((await api.raw("GET", "/_emulator/faults", {})).body.data).toHaveLength(1);
    expect((await api.post("/v2/rooms", {})).status).toBe(500);
    expect((await api.post("/v2/rooms", {})).status).toBe(200);

    await api.raw("POST", "/_emulator/faults", { body: JSON.stringify({ route: "*", status: 503, times: 100 }) });
    expect((await api.get("/v2/rooms")).status).toBe(503);
    expect((await api.raw("DELETE", "/_emulator/faults", {})).status).toBe(200);
    expect((await api.get("/v2/rooms")).status).toBe(200);

    const bad = await api.raw("POST", "/_emulator/faults", { body: JSON.stringify({ route: "GET /nope" }) });
    expect(bad).toMatchObject({ status: 400, body: { code: 400, message: "Invalid fault" } });
    expect((await api.raw("POST", "/_emulator/faults", { body: "{}" })).status).toBe(400);
  });
});
