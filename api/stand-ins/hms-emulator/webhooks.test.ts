import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RETRY_DELAYS_MS, type HmsEmulator, startHmsEmulator, type WebhookEnvelope } from "./index.js";
import { hmsTestClient, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: WebhookEnvelope;
  at: number;
}

/** A webhook receiver; `answer` picks the status for each delivery (default 200). */
async function receiver(answer: (body: WebhookEnvelope) => number = () => 200): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const body = JSON.parse(raw) as WebhookEnvelope;
      got.push({ headers: req.headers, body, at: Date.now() });
      res.statusCode = answer(body);
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/100ms`, got, server };
}

describe("webhooks", () => {
  let emu: HmsEmulator | undefined;
  let servers: Server[] = [];
  afterEach(async () => {
    await emu?.close();
    for (const s of servers) s.close();
    servers = [];
  });

  it("produces 100ms-shaped envelopes in the documented order for a session's life", async () => {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "hooked" })).body;
    const h = emu.joinPeer(room.id, { userId: "expert-1", role: "host", name: "Asha" });
    const g = emu.joinPeer(room.id, { userId: "student-1", role: "guest", name: "Ben" });
    emu.leavePeer(room.id, g);
    await api.post(`/v2/active-rooms/${room.id}/end-room`, { reason: "Class has ended", lock: true });

    const events = emu.events();
    expect(events.map((e) => e.type)).toEqual([
      "session.open.success",
      "peer.join.success",
      "peer.join.success",
      "peer.leave.success",
      "room.end.success",
      "peer.leave.success",
      "session.close.success",
    ]);
    const sessionId = events[0]?.data.session_id;
    for (const e of events) {
      expect(e).toMatchObject({
        version: "2.0",
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        account_id: emu.workspace.customerId,
        app_id: emu.workspace.appId,
        template_id: TEST_CREDS.templateId,
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        data: { room_id: room.id, room_name: "hooked", session_id: sessionId, template_id: TEST_CREDS.templateId },
      });
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events[1]?.data).toMatchObject({ peer_id: h, role: "host", user_id: "expert-1", user_name: "Asha", type: "regular" });
    expect(events[3]?.data).toMatchObject({ peer_id: g, reason: "client request", duration: expect.any(Number), left_at: expect.any(String) });
    expect(events[4]?.data).toMatchObject({ lock_room: true, reason: "Class has ended" });
    expect(events[5]?.data).toMatchObject({ peer_id: h, reason: "server removed peer", message: "Class has ended" });
    expect(events[6]?.data).toMatchObject({ session_duration: expect.any(Number), session_stopped_at: expect.any(String) });
  });

  it("POSTs every event to the workspace webhook with its secret headers", async () => {
    const hook = await receiver();
    servers.push(hook.server);
    emu = await startHmsEmulator({
      ...TEST_CREDS,
      logger: silentLogger,
      webhook: { url: hook.url, headers: { "x-hms-secret": "s3cret" } },
    });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "delivered" })).body;
    const p = emu.joinPeer(room.id, { userId: "u", role: "guest", name: "U" });
    emu.leavePeer(room.id, p);
    await emu.webhooksSettled();
    expect(hook.got.map((r) => r.body.type).sort()).toEqual(
      ["peer.join.success", "peer.leave.success", "session.close.success", "session.open.success"].sort(),
    );
    for (const r of hook.got) {
      expect(r.headers["x-hms-secret"]).toBe("s3cret");
      expect(r.headers["content-type"]).toBe("application/json");
    }
    expect(emu.webhookDeliveries().every((d) => d.status === 200 && d.attempt === 0)).toBe(true);
  });

  it("retries a delivery that did not get a 200 on the retry schedule, then gives up", async () => {
    const hook = await receiver(() => 500);
    servers.push(hook.server);
    const warnings: string[] = [];
    emu = await startHmsEmulator({
      ...TEST_CREDS,
      logger: { info: () => {}, warn: (_o, m) => warnings.push(m ?? "") },
      webhook: { url: hook.url, retryDelaysMs: [100, 300, 600] },
    });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "flaky" })).body;
    emu.joinPeer(room.id, { userId: "u", role: "guest", name: "U" });
    await emu.webhooksSettled();
    const opens = hook.got.filter((r) => r.body.type === "session.open.success");
    expect(opens).toHaveLength(4);
    expect(new Set(opens.map((r) => r.body.id)).size).toBe(1); // same envelope id: receivers deduplicate on it
    const gaps = opens.slice(1).map((r, i) => r.at - (opens[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(290);
    expect(gaps[2]).toBeGreaterThanOrEqual(590);
    expect(warnings.some((w) => /gave up/.test(w))).toBe(true);
    expect(DEFAULT_RETRY_DELAYS_MS).toEqual([1000, 3000, 10000]);
  });

  it("stops retrying once the receiver answers 200, and retries when it is unreachable", async () => {
    const failedOnce = new Set<string>();
    const hook = await receiver((body) => (failedOnce.has(body.id) ? 200 : (failedOnce.add(body.id), 503)));
    servers.push(hook.server);
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger, webhook: { url: hook.url, retryDelaysMs: [50, 50, 50] } });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "recovering" })).body;
    emu.joinPeer(room.id, { userId: "u", role: "guest", name: "U" });
    await emu.webhooksSettled();
    const first = emu.webhookDeliveries().filter((d) => d.type === "session.open.success");
    expect(first.map((d) => [d.attempt, d.status])).toEqual([
      [0, 503],
      [1, 200],
    ]);

    hook.server.close();
    hook.server.closeAllConnections();
    emu.joinPeer(room.id, { userId: "v", role: "guest", name: "V" });
    await emu.webhooksSettled();
    const unreachable = emu.webhookDeliveries().filter((d) => d.type === "peer.join.success" && d.error !== undefined);
    expect(unreachable.length).toBeGreaterThanOrEqual(4); // one per attempt for the second join at least
  });

  it("sends to the workspace webhook set after start (as the app points it at itself once listening)", async () => {
    const hook = await receiver();
    servers.push(hook.server);
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "late-hook" })).body;
    const early = emu.joinPeer(room.id, { userId: "u", role: "guest", name: "U" });
    emu.setWebhook({ url: hook.url, headers: { "x-webhook-secret": "s3cret-s3cret-s3cret" } });
    emu.leavePeer(room.id, early);
    await emu.webhooksSettled();
    expect(hook.got.map((r) => r.body.type)).toEqual(["peer.leave.success", "session.close.success"]);
    expect(hook.got[0]?.headers["x-webhook-secret"]).toBe("s3cret-s3cret-s3cret");
    expect(() => emu!.setWebhook({ url: "ftp://nope" })).toThrow(/http/);
    emu.setWebhook(undefined);
    emu.joinPeer(room.id, { userId: "v", role: "guest", name: "V" });
    await emu.webhooksSettled();
    expect(hook.got).toHaveLength(2);
  });

  it("sends a room's events to the room's own webhook instead of the workspace one", async () => {
    const workspaceHook = await receiver();
    const roomHook = await receiver();
    servers.push(workspaceHook.server, roomHook.server);
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger, webhook: { url: workspaceHook.url } });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "own-hook", webhook: { url: roomHook.url, headers: { "x-room": "1" } } })).body;
    emu.joinPeer(room.id, { userId: "u", role: "guest", name: "U" });
    await emu.webhooksSettled();
    expect(workspaceHook.got).toHaveLength(0);
    expect(roomHook.got.map((r) => r.body.type)).toEqual(expect.arrayContaining(["session.open.success", "peer.join.success"]));
    expect(roomHook.got[0]?.headers["x-room"]).toBe("1");
  });
});
