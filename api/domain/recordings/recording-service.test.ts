/**
 * Watching a recording: who may, and the link itself, fresh from the emulator's
 * recording-assets API. The room's events are the emulator's own webhook payloads.
 */
import { describe, expect, it, vi } from "vitest";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { payFor } from "../../test-support/payments.js";
import { deliver, hmsWebhooks } from "../../test-support/hms-webhook-payloads.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { createServices } from "../services.js";
import { playbackLinkSeconds } from "./recording-rules.js";

const t = useServiceHarness();

/** Feeds the emulator's webhooks (those not fed yet) to the service, as 100ms would. */
async function deliverEmulatorEvents(seen: Set<string>) {
  for (const e of t.h.emulator.events()) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    await deliver(t.h.services, e);
  }
}

/** A session priya attended, recorded through 100ms's API and ended an hour later. */
async function recordedClass(price = 0) {
  const deepak = await t.h.viewer("deepak");
  const priya = await t.h.viewer("priya");
  const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price }));
  await t.h.services.enroll(priya, created.id, price ? payFor(t.h.payments, created, priya) : undefined);
  const { session } = await t.h.services.startSession(deepak, created.id);
  const seen = new Set<string>();
  t.h.emulator.joinPeer(session.hmsRoomId!, { userId: deepak.id, role: "host", name: deepak.name });
  t.h.emulator.joinPeer(session.hmsRoomId!, { userId: priya.id, role: "guest", name: priya.name });
  await t.h.deps.video.startRecording(session.hmsRoomId!);
  await deliverEmulatorEvents(seen);
  t.h.clock.advance(60 * 60_000);
  // Ending closes the room: 100ms ends the session, the recorder stops and its file is processed.
  await t.h.services.endSession(deepak, session.id);
  await deliverEmulatorEvents(seen);
  return { session: (await t.h.services.getSession(null, session.id))!, deepak, priya };
}

describe("recordingUrl", () => {
  it("gives the expert and an enrolled participant a working link that expires, from 100ms's assets API", async () => {
    const { session, deepak, priya } = await recordedClass();
    expect(session).toMatchObject({ status: "ended", recordingAvailable: true, recordingS3Key: expect.stringMatching(/^s3:\/\//) });
    for (const viewer of [deepak, priya]) {
      const before = t.h.emulator.requests().length;
      const link = await t.h.services.recordingUrl(viewer, session.id);
      const asset = t.h.emulator.recordingAssets().find((a) => a.type === "room-composite")!;
      expect(link.durationSeconds).toBe(asset.duration);
      const seconds = playbackLinkSeconds(asset.duration);
      expect(link.expiresAt.getTime()).toBe(t.h.clock.now().getTime() + seconds * 1000);
      expect(link.url).toContain(`/_emulator/recording-files/${asset.id}?`);
      expect((await fetch(link.url)).status).toBe(200);
      // Asked of 100ms each time, never stored.
      expect(t.h.emulator.requests().slice(before).flatMap((r) => (r.path.startsWith("/v2/") ? [r.route] : []))).toEqual([
        "GET /recording-assets",
        "GET /recording-assets/:id/presigned-url",
      ]);
    }
    const stored = JSON.stringify(await t.database.query("select * from live_sessions"));
    expect(stored).not.toContain("/_emulator/recording-files/");
  });

  it("refuses anyone else, before saying whether there is a recording", async () => {
    const { session } = await recordedClass();
    await expectDomainError(t.h.services.recordingUrl(null, session.id), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.recordingUrl(await t.h.viewer("tom"), session.id), "FORBIDDEN", /enrolled participants/);
    await expectDomainError(t.h.services.recordingUrl(await t.h.viewer("meera"), session.id), "FORBIDDEN");
    await expectDomainError(t.h.services.recordingUrl(await t.h.viewer("tom"), "ses_doesnotexist00"), "NOT_FOUND");
  });

  it("for a priced session, only participants who paid", async () => {
    const { session, priya } = await recordedClass(499);
    expect((await t.h.services.recordingUrl(priya, session.id)).url).toMatch(/^http/);
    await t.database.query("update live_session_participants set paid = false where user_id = $1", [priya.id]);
    await expectDomainError(t.h.services.recordingUrl(priya, session.id), "FORBIDDEN", /paid/);
  });

  it("says clearly when there is no recording yet, or 100ms no longer has it", async () => {
    const deepak = await t.h.viewer("deepak");
    const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await expectDomainError(t.h.services.recordingUrl(deepak, created.id), "NOT_FOUND", /no recording yet/);
    const { session } = await t.h.services.startSession(deepak, created.id);
    // 100ms reported a recording of a session whose files it no longer has.
    const room = { roomId: session.hmsRoomId!, roomName: "r", sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: t.h.clock.now() };
    await deliver(
      t.h.services,
      hmsWebhooks.beamRecordingSuccess(room, { recordingId: "r1", path: "s3://b/x.mp4", startedAt: t.h.clock.now(), stoppedAt: t.h.clock.now() }),
    );
    await expectDomainError(t.h.services.recordingUrl(deepak, session.id), "NOT_FOUND", /not available from the video service/);
    const cancelled = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.cancelSession(deepak, cancelled.id);
    await expectDomainError(t.h.services.recordingUrl(deepak, cancelled.id), "NOT_FOUND", /cancelled/);
  });

  it("is UPSTREAM_UNAVAILABLE, and retryable, while 100ms is down", async () => {
    const { session, priya } = await recordedClass();
    t.h.emulator.failNext("GET /recording-assets", { status: 503 });
    const error = await expectDomainError(t.h.services.recordingUrl(priya, session.id), "UPSTREAM_UNAVAILABLE");
    expect(error.details.retryable).toBe(true);
    expect((await t.h.services.recordingUrl(priya, session.id)).url).toMatch(/^http/);
  });
});

describe("recording mode api", () => {
  it("asks 100ms to record each room session of a live class as it opens, once", async () => {
    const services = createServices({ ...t.h.deps, recordingMode: "api" });
    const deepak = await t.h.viewer("deepak");
    const created = await services.createSession(deepak, sessionInput(t.h.clock));
    const { session } = await services.startSession(deepak, created.id);
    t.h.emulator.joinPeer(session.hmsRoomId!, { userId: deepak.id, role: "host", name: deepak.name });
    const open = t.h.emulator.events().find((e) => e.type === "session.open.success" && e.data.room_id === session.hmsRoomId)!;
    await deliver(services, open);
    await vi.waitFor(() => expect(t.h.emulator.recordings(session.hmsRoomId!)).toHaveLength(1));
    await deliver(services, open);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.h.emulator.recordings(session.hmsRoomId!)).toHaveLength(1);
  });

  it("leaves recording to the template otherwise", async () => {
    const deepak = await t.h.viewer("deepak");
    const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const { session } = await t.h.services.startSession(deepak, created.id);
    t.h.emulator.joinPeer(session.hmsRoomId!, { userId: deepak.id, role: "host", name: deepak.name });
    const open = t.h.emulator.events().find((e) => e.type === "session.open.success" && e.data.room_id === session.hmsRoomId)!;
    await deliver(t.h.services, open);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.h.emulator.recordings(session.hmsRoomId!)).toEqual([]);
  });
});

describe("playbackLinkSeconds", () => {
  it("lasts the recording plus half an hour, within 15 minutes and 7 hours", () => {
    expect(playbackLinkSeconds(3600)).toBe(5400);
    expect(playbackLinkSeconds(10)).toBe(1810);
    expect(playbackLinkSeconds(0)).toBe(1800);
    expect(playbackLinkSeconds(40_000)).toBe(7 * 3600);
    expect(playbackLinkSeconds(null)).toBe(2 * 3600);
  });
});
