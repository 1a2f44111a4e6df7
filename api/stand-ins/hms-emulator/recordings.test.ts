import { afterEach, describe, expect, it } from "vitest";
import { type HmsEmulator, startHmsEmulator } from "./index.js";
import { hmsTestClient, silentLogger, TEST_CREDS } from "../../test-support/hms-emulator-client.js";

describe("recordings and recording assets", () => {
  let emu: HmsEmulator | undefined;
  afterEach(async () => emu?.close());

  async function live(opts: { autoRecord?: boolean; now?: () => Date } = {}) {
    emu = await startHmsEmulator({ ...TEST_CREDS, logger: silentLogger, ...opts });
    const api = hmsTestClient(emu.origin, TEST_CREDS);
    const room = (await api.post("/v2/rooms", { name: "recorded" })).body;
    return { emu, api, room };
  }

  it("starts only in a room with a live session, once per session, answering `starting`", async () => {
    const { emu, api, room } = await live();
    expect(await api.post(`/v2/recordings/room/${room.id}/start`, {})).toMatchObject({ status: 404, body: { code: 404, message: "active session not found" } });
    emu.joinPeer(room.id, { userId: "expert-1", role: "host", name: "Asha" });
    const session = emu.activeSession(room.id)!;
    const started = await api.post(`/v2/recordings/room/${room.id}/start`, { meeting_url: "https://app.example.com/recorder" });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      room_id: room.id,
      session_id: session.id,
      status: "starting",
      started_at: null,
      meeting_url: "https://app.example.com/recorder",
      started_by: "",
      recording_assets: null,
    });
    expect((await api.get(`/v2/recordings/${started.body.id}`)).body.status).toBe("running");
    expect(await api.post(`/v2/recordings/room/${room.id}/start`, {})).toMatchObject({ status: 400, body: { message: "recording already running" } });
    expect(emu.events().map((e) => e.type)).toContain("beam.started.success");
  });

  it("stops (`stopping`), then completes with a composite and a chat asset and the beam webhooks", async () => {
    const { emu, api, room } = await live();
    emu.joinPeer(room.id, { userId: "expert-1", role: "host", name: "Asha" });
    const id = (await api.post(`/v2/recordings/room/${room.id}/start`, {})).body.id as string;
    const stopped = await api.post(`/v2/recordings/${id}/stop`);
    expect(stopped.body).toMatchObject({ id, status: "stopping" });
    const done = (await api.get(`/v2/recordings/${id}`)).body;
    expect(done.status).toBe("completed");
    expect(done.recording_assets.map((a: { type: string }) => a.type).sort()).toEqual(["chat", "room-composite"]);
    const composite = done.recording_assets.find((a: { type: string }) => a.type === "room-composite");
    expect(composite).toMatchObject({ job_id: id, room_id: room.id, status: "completed", path: expect.stringMatching(/^s3:\/\/.+\.mp4$/), duration: expect.any(Number) });

    const listed = (await api.get(`/v2/recordings?room_id=${room.id}`)).body;
    expect(listed.data).toEqual([expect.objectContaining({ id, recording_assets: null })]);
    const assets = (await api.get(`/v2/recording-assets?session_id=${done.session_id}&status=completed`)).body;
    expect(assets.data.map((a: { id: string }) => a.id).sort()).toEqual(done.recording_assets.map((a: { id: string }) => a.id).sort());
    expect((await api.get(`/v2/recording-assets?session_id=${done.session_id}&status=failed`)).body.data).toEqual([]);
    expect((await api.get(`/v2/recording-assets/${composite.id}`)).body).toEqual(composite);

    const types = emu.events().map((e) => e.type);
    expect(types.slice(types.indexOf("beam.started.success"))).toEqual(["beam.started.success", "beam.stopped.success", "beam.recording.success"]);
    const success = emu.events().find((e) => e.type === "beam.recording.success")!.data;
    expect(success).toMatchObject({
      recording_id: id,
      recording_path: composite.path,
      recording_presigned_url: expect.stringContaining(`/_emulator/recording-files/${composite.id}?`),
      room_id: room.id,
      session_id: done.session_id,
      duration: expect.any(Number),
    });
    expect(await api.post(`/v2/recordings/${id}/stop`)).toMatchObject({ status: 400 });
  });

  it("signs asset links that work until they expire, for the duration asked", async () => {
    // Management tokens are minted on real time, so the emulator's clock runs from it, shifted.
    let shift = 0;
    const { emu, api, room } = await live({ autoRecord: true, now: () => new Date(Date.now() + shift) });
    const peer = emu.joinPeer(room.id, { userId: "expert-1", role: "host", name: "Asha" });
    shift = 3600_000 - 60_000;
    emu.leavePeer(room.id, peer);
    const asset = emu.recordingAssets().find((a) => a.type === "room-composite")!;
    expect(asset.duration).toBe(3540);

    const signed = await api.get(`/v2/recording-assets/${asset.id}/presigned-url?presign_duration=60`);
    expect(signed).toMatchObject({ status: 200, body: { id: asset.id, path: asset.path, url: expect.any(String), expiry: 60 } });
    expect((await fetch(signed.body.url)).status).toBe(200);
    shift += 61_000;
    const expired = await fetch(signed.body.url);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ message: "Request has expired" });
    expect((await api.get(`/v2/recording-assets/${asset.id}/presigned-url`)).body.expiry).toBe(3600);
    expect((await api.get(`/v2/recording-assets/${asset.id}/presigned-url?presign_duration=soon`)).status).toBe(400);
    expect((await api.get(`/v2/recording-assets/000000000000000000000000/presigned-url`)).status).toBe(404);
  });

  it("auto-records a session when the template does: starts on open, completes on close", async () => {
    const { emu, room } = await live({ autoRecord: true });
    const a = emu.joinPeer(room.id, { userId: "expert-1", role: "host", name: "Asha" });
    expect(emu.recordings(room.id)).toEqual([expect.objectContaining({ status: "running" })]);
    emu.leavePeer(room.id, a);
    expect(emu.recordings(room.id)).toEqual([expect.objectContaining({ status: "completed", recording_assets: expect.any(Array) })]);
    expect(emu.events().map((e) => e.type)).toEqual([
      "session.open.success",
      "beam.started.success",
      "peer.join.success",
      "peer.leave.success",
      "session.close.success",
      "beam.stopped.success",
      "beam.recording.success",
    ]);
  });

  it("completes or fails a recording through the control API", async () => {
    const { emu, room } = await live({ autoRecord: true });
    emu.joinPeer(room.id, { userId: "expert-1", role: "host", name: "Asha" });
    const id = emu.recordings(room.id)[0]!.id;
    const control = (path: string, body: unknown) =>
      fetch(`${emu.origin}/_emulator${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const failed = await control(`/recordings/${id}/fail`, { message: "disk full" });
    expect(failed.status).toBe(200);
    expect(await failed.json()).toMatchObject({ id, status: "failed" });
    expect(emu.events().at(-1)).toMatchObject({ type: "beam.failure", data: { error_message: "disk full", error_type: "INTERNAL_ERROR" } });
    expect((await control(`/recordings/${id}/complete`, {})).status).toBe(400);

    expect((await control(`/recordings/000000000000000000000000/complete`, {})).status).toBe(404);
    const listed = (await (await fetch(`${emu.origin}/_emulator/recordings`)).json()) as { data: { id: string }[] };
    expect(listed.data.map((r) => r.id)).toEqual([id]);
  });
});
