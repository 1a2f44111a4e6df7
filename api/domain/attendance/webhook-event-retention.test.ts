import { describe, expect, it } from "vitest";
import { useServiceHarness } from "../../test-support/hooks.js";
import { deliver, hmsWebhooks as hook } from "../../test-support/hms-webhook-payloads.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { forgetOldWebhookEvents, WEBHOOK_EVENT_RETENTION_MS } from "./webhook-event-retention.js";

const t = useServiceHarness();

describe("forgetOldWebhookEvents", () => {
  it("forgets delivery ids older than the retention, and a repeat after that still changes nothing", async () => {
    const deepak = await t.h.viewer("deepak");
    const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const { session } = await t.h.services.startSession(deepak, created.id);
    const room = { roomId: session.hmsRoomId!, roomName: "r", sessionId: "633c22b420636a0cb361dea0", sessionStartedAt: t.h.clock.now() };
    const old = hook.peerJoin(room, { peerId: "p1", userId: "usr_x", userName: "X", role: "guest" }, t.h.clock.now());
    await deliver(t.h.services, old);
    t.h.clock.advance(WEBHOOK_EVENT_RETENTION_MS - 1000);
    const recent = hook.peerLeave(room, { peerId: "p1", userId: "usr_x", userName: "X", role: "guest" }, t.h.clock.now(), t.h.clock.now());
    await deliver(t.h.services, recent);
    t.h.clock.advance(2000);

    expect(await forgetOldWebhookEvents(t.h.deps)).toBe(1);
    expect(await t.database.query("select id from hms_webhook_events")).toEqual([{ id: recent.id }]);
    const before = await t.database.query("select * from live_sessions");
    expect((await deliver(t.h.services, old)).outcome).toBe("applied");
    expect((await t.database.query("select * from live_sessions"))[0]).toMatchObject({ attended_count: (before[0] as { attended_count: number }).attended_count });
    expect(await t.database.query("select peer_id, left_at is not null as left from peer_presences")).toEqual([{ peer_id: "p1", left: true }]);
  });
});
