/**
 * POST /api/webhooks/100ms through real HTTP: the secret header, the answers 100ms acts
 * on, and the local emulator's own deliveries moving attendance in the running app.
 */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { hmsWebhooks as hook } from "../test-support/hms-webhook-payloads.js";
import { freeSessionBody } from "../test-support/rest-client.js";

const SECRET = "webhook-secret-for-the-tests-0123";
const t = useTestApp({ env: { HMS_WEBHOOK_SECRET: SECRET } });

async function post(body: unknown, headers: Record<string, string> = { "x-webhook-secret": SECRET }, raw?: string) {
  const res = await fetch(`${t.app.url}/api/webhooks/100ms`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const count = async (table: string) => (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

/** A live session with priya enrolled; its room as webhooks name it. */
async function liveSession() {
  const services = t.app.composition.services;
  const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
  const priya = await services.resolveViewer({ subject: "local|priya", name: "Priya Sharma", roles: [] });
  const created = await services.createSession(deepak, freeSessionBody(t.app.clock));
  await services.enroll(priya, created.id);
  const { session } = await services.startSession(deepak, created.id);
  const room = { roomId: session.hmsRoomId!, roomName: "r", sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: new Date("2030-01-15T10:00:00Z") };
  const peer = { peerId: "c0bbae7e-fbc0-48c3-89aa-83f85427acbf", userId: priya.id, userName: priya.name, role: "guest" as const };
  return { session, room, peer, priya, deepak };
}

describe("POST /api/webhooks/100ms", () => {
  it("applies a delivery with the right secret, and answers a repeat of it without applying it again", async () => {
    const { session, room, peer } = await liveSession();
    const join = hook.peerJoin(room, peer, new Date("2030-01-15T10:01:00Z"));
    expect(await post(join)).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await post(join)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect((await t.app.composition.services.getSession(null, session.id))!).toMatchObject({ currentViewers: 1, attendedCount: 1 });
    expect(await count("hms_webhook_events")).toBe(1);
  });

  it("refuses a missing or wrong secret with 401, before reading the body, and changes nothing", async () => {
    const { room, peer } = await liveSession();
    const join = hook.peerJoin(room, peer, new Date("2030-01-15T10:01:00Z"));
    const refused: Record<string, string>[] = [{}, { "x-webhook-secret": "wrong" }, { "x-webhook-secret": SECRET.toUpperCase() }, { "x-webhook-secret": SECRET.slice(0, -1) }, { authorization: `Bearer ${SECRET}` }];
    for (const headers of refused) {
      expect(await post(join, headers)).toEqual({ status: 401, body: { error: "Missing or wrong x-webhook-secret header." } });
    }
    expect((await post(undefined, {}, "{not json")).status).toBe(401);
    expect(await count("hms_webhook_events")).toBe(0);
    expect(await count("peer_presences")).toBe(0);
  });

  it("answers 400 to bodies that are not 100ms webhooks", async () => {
    const { room, peer } = await liveSession();
    const join = hook.peerJoin(room, peer, new Date("2030-01-15T10:01:00Z"));
    expect(await post(undefined, undefined, "{not json")).toEqual({ status: 400, body: { error: "The body is not valid JSON." } });
    expect((await post("peer.join.success")).status).toBe(400);
    expect((await post({ ...join, id: "" })).body.error).toMatch(/^Not a 100ms webhook: id: /);
    const { peer_id: _p, ...data } = join.data;
    expect(await post({ ...join, data })).toEqual({ status: 400, body: { error: expect.stringMatching(/data\.peer_id/) } });
    expect(await count("peer_presences")).toBe(0);
  });

  it("acknowledges unknown rooms and event types with 200", async () => {
    const { room, peer } = await liveSession();
    const other = hook.peerJoin({ ...room, roomId: "ffffffffffffffffffffffff" }, peer, new Date());
    expect(await post(other)).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await post({ ...hook.sessionOpen(room), type: "transcription.success" })).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await count("hms_webhook_events")).toBe(0);
  });

  it("in local mode receives the emulator's own deliveries: attendance moves as its peers come and go", async () => {
    const { session, priya, deepak } = await liveSession();
    const gql = (as: "deepak" | "priya") =>
      t.app.gqlOk<{ session: { currentViewers: number; attendedCount: number; participants: { attended: boolean; watchTime: number }[] | null } }>(
        "query($id: ID!) { session(id: $id) { currentViewers attendedCount participants { attended watchTime } } }",
        { id: session.id },
        as,
      );
    const emu = t.app.emulator;
    emu.joinPeer(session.hmsRoomId!, { userId: deepak.id, role: "host", name: deepak.name });
    const student = emu.joinPeer(session.hmsRoomId!, { userId: priya.id, role: "guest", name: priya.name });
    await emu.webhooksSettled();
    expect((await gql("deepak")).session).toMatchObject({ currentViewers: 1, attendedCount: 1, participants: [{ attended: true, watchTime: 0 }] });
    emu.leavePeer(session.hmsRoomId!, student);
    await emu.webhooksSettled();
    expect((await gql("deepak")).session).toMatchObject({ currentViewers: 0, attendedCount: 1 });
    // Every delivery was a 200, with the secret header the composition root set.
    const deliveries = emu.webhookDeliveries().filter((d) => d.url.endsWith("/api/webhooks/100ms"));
    expect(deliveries.length).toBeGreaterThanOrEqual(4);
    expect(deliveries.every((d) => d.status === 200 && d.attempt === 0)).toBe(true);
  });
});
