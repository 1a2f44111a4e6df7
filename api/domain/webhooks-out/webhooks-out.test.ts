/**
 * Outbound webhooks on a real database, delivered over real HTTP to a receiver on loopback
 * that verifies them with the standardwebhooks library: every event type, retries after the
 * receiver failed, one delivery per event with two instances, and refused destinations.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { attachLocalMail } from "../../test-support/mail.js";
import { formatInZone } from "../notifications/message-times.js";
import { sendDueNotifications } from "../notifications/notification-worker.js";
import { payFor } from "../../test-support/payments.js";
import { openSecondInstance } from "../../test-support/second-instance.js";
import { sessionInput } from "../../test-support/service-harness.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { startWebhookReceiver, verifyDelivery, type WebhookReceiver } from "../../test-support/webhook-receiver.js";
import { createHttpWebhookTransport } from "../../outbound-webhooks/http-transport.js";
import type { ServiceDeps } from "../deps.js";
import { sweepRefunds } from "../payments/refunds.js";
import type { Viewer } from "../viewer.js";
import { DISABLE_AFTER_MS, RETRY_WINDOW_MS, sweepWebhookDeliveries } from "./delivery-worker.js";
import { refusedAddress } from "./destination-rules.js";
import { createWebhookEndpoint, resendWebhookDelivery, rotateWebhookSecret, updateWebhookEndpoint, webhookDeliveries } from "./endpoint-service.js";
import { WEBHOOK_EVENT_TYPES } from "./event-types.js";
import { OUTBOUND_EVENT_RETENTION_MS } from "./retention.js";
import type { WebhookTransport, WebhooksOutSetup } from "./transport.js";

const t = useServiceHarness();
let receiver: WebhookReceiver;
const realTransport = createHttpWebhookTransport();

/** The real transport, with a few test names answered as a DNS server would (no internet here). */
function transportWithNames(names: Record<string, string[]>): WebhookTransport {
  return { post: realTransport.post, resolve: async (host) => names[host] ?? realTransport.resolve(host) };
}

const setup = (over: Partial<WebhooksOutSetup> = {}): WebhooksOutSetup => ({ transport: realTransport, production: false, retryBaseMs: 1000, ...over });
const withSetup = (over: Partial<WebhooksOutSetup>): ServiceDeps => ({ ...t.h.deps, webhooksOut: setup(over) });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t.h.deps.webhooksOut = setup();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.clear();
  receiver.delayMs = 0;
  t.h.deps.webhooksOut = setup();
});

const sweep = (deps: ServiceDeps = t.h.deps) => sweepWebhookDeliveries(deps);

async function endpointFor(viewer: Viewer, events: readonly string[] = WEBHOOK_EVENT_TYPES) {
  return createWebhookEndpoint(t.h.deps, viewer, { url: receiver.url, events });
}

describe("events reach the receiver, signed", () => {
  it("a session's whole life: created, enrolled, started, attendance, recording, ended — each verified with the library", async () => {
    const deepak = await t.h.viewer("deepak");
    const priya = await t.h.viewer("priya");
    const { secret } = await endpointFor(deepak);
    const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.enroll(priya, created.id);
    const { session } = await t.h.services.startSession(deepak, created.id);
    const room = { roomId: session.hmsRoomId!, hmsSessionId: "633c22b420636a0cb361dea0", sessionStartedAt: t.h.clock.now() };
    await t.h.services.recordRoomEvent({ ...room, kind: "peer-joined", eventId: "e1", type: "peer.join.success", peerId: "p1", userId: priya.id, role: "guest", joinedAt: t.h.clock.now() });
    await t.h.services.recordRoomEvent({ ...room, kind: "recording-succeeded", eventId: "e2", type: "recording.success", recordingId: "rec1", path: "s3://r/1.mp4", completedAt: t.h.clock.now() });
    await t.h.services.endSession(deepak, created.id);
    expect(await sweep()).toEqual({ delivered: 7, retrying: 0, failed: 0 });

    expect(receiver.types().sort()).toEqual(
      ["session.created", "enrollment.created", "session.updated", "session.started", "attendance.updated", "recording.ready", "session.ended"].sort(),
    );
    for (const delivery of receiver.received) {
      expect(verifyDelivery(secret, delivery)).toEqual(delivery.json);
      expect(delivery.headers["webhook-id"]).toMatch(/^msg_[a-f0-9]+$/);
      expect(delivery.headers["content-type"]).toBe("application/json");
    }
    const byType = (type: string) => receiver.received.find((r) => r.json.type === type)!.json;
    expect(byType("session.created")).toMatchObject({ timestamp: "2030-01-15T09:00:00.000Z", data: { session: { id: created.id, status: "scheduled", expertId: deepak.id } } });
    expect(byType("enrollment.created").data).toMatchObject({ enrollment: { userId: priya.id, userName: "Priya Sharma", paid: false }, session: { enrolledCount: 1 } });
    expect(byType("enrollment.created").data.enrollment).not.toHaveProperty("userEmail");
    expect(byType("session.started").data.session).toMatchObject({ status: "live" });
    expect(byType("attendance.updated").data.session).toMatchObject({ currentViewers: 1, attendedCount: 1 });
    expect(byType("recording.ready").data.session).toMatchObject({ recordingAvailable: true });
    expect(byType("session.ended").data.session).toMatchObject({ status: "ended", currentViewers: 0 });
  });

  it("a class changed through updateSession: session.updated with its new details; a refused change sends nothing", async () => {
    const deepak = await t.h.viewer("deepak");
    await endpointFor(deepak, ["session.updated"]);
    const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { maxParticipants: 10 }));
    await expect(t.h.services.updateSession(deepak, created.id, { maxParticipants: 0 })).rejects.toThrow(/at least 1/);
    const start = new Date(created.scheduledStartTime.getTime() + 3_600_000);
    await t.h.services.updateSession(deepak, created.id, { title: "Moved flow", scheduledStartTime: start.toISOString(), scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString() });
    expect(await sweep()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.types()).toEqual(["session.updated"]);
    expect(receiver.received[0]!.json.data.session).toMatchObject({ id: created.id, title: "Moved flow", scheduledStartTime: start.toISOString() });
  });

  it("a signature made with another secret, or over another body, does not verify", async () => {
    const deepak = await t.h.viewer("deepak");
    const { endpoint } = await endpointFor(deepak, ["session.created"]);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await sweep();
    const [delivery] = receiver.received;
    const other = (await rotateWebhookSecret(t.h.deps, deepak, endpoint.id)).secret;
    expect(() => verifyDelivery(other, delivery!)).toThrow(/signature/i);
    expect(() => verifyDelivery(other, { ...delivery!, body: delivery!.body.replace("scheduled", "cancelled") })).toThrow();
  });

  it("cancellations and refunds: enrollment.cancelled, session.cancelled, refund.created and refund.succeeded", async () => {
    const deepak = await t.h.viewer("deepak");
    const { secret } = await endpointFor(deepak);
    const free = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const student = await t.h.student(1);
    await t.h.services.enroll(student, free.id);
    await t.h.services.cancelEnrollment(student, free.id);
    const paid = await t.h.services.createSession(deepak, sessionInput(t.h.clock, { price: 499, currency: "INR" }));
    await t.h.services.enroll(student, paid.id, payFor(t.h.payments, paid, student, "stripe"));
    await sweep();
    receiver.clear();

    await t.h.services.cancelSession(deepak, paid.id);
    await sweepRefunds(t.h.deps);
    await sweep();
    expect(receiver.types().sort()).toEqual(["refund.created", "refund.succeeded", "session.cancelled"]);
    const refund = receiver.received.find((r) => r.json.type === "refund.succeeded")!;
    verifyDelivery(secret, refund);
    expect(refund.json.data.refund).toMatchObject({ sessionId: paid.id, amount: 499, currency: "INR", gateway: "stripe", cause: "session_cancelled", status: "refunded" });
    const [cancelledBooking] = (await webhookDeliveries(t.h.deps, deepak, (await endpointId(deepak)), 100)).filter((d) => d.event.type === "enrollment.cancelled");
    expect(cancelledBooking?.delivery.status).toBe("delivered");
  });

  it("an expert's endpoint hears only their classes; an admin's hears every class", async () => {
    const deepak = await t.h.viewer("deepak");
    const meera = await t.h.viewer("meera");
    const admin = await t.h.viewer("admin");
    const mine = await endpointFor(deepak, ["session.created"]);
    const all = await endpointFor(admin, ["session.created"]);
    expect(all.endpoint.allSessions).toBe(true);
    await t.h.services.createSession(meera, sessionInput(t.h.clock));
    await sweep();
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toHaveLength(1);
    expect(() => verifyDelivery(all.secret, receiver.received[0]!)).not.toThrow();
    expect(() => verifyDelivery(mine.secret, receiver.received[0]!)).toThrow();
  });

  it("attendance.updated is sent at most once per session per 10 s, and the newest figures are not lost", async () => {
    const deepak = await t.h.viewer("deepak");
    const students = [await t.h.student(1), await t.h.student(2), await t.h.student(3)];
    await endpointFor(deepak, ["attendance.updated"]);
    const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    for (const s of students) await t.h.services.enroll(s, created.id);
    const { session } = await t.h.services.startSession(deepak, created.id);
    const join = (n: number) =>
      t.h.services.recordRoomEvent({ roomId: session.hmsRoomId!, hmsSessionId: "633c22b420636a0cb361dea0", sessionStartedAt: t.h.clock.now(), kind: "peer-joined", eventId: `j${n}`, type: "peer.join.success", peerId: `p${n}`, userId: students[n]!.id, role: "guest", joinedAt: t.h.clock.now() });
    await join(0);
    await sweep();
    await join(1);
    t.h.clock.advance(3000);
    await join(2);
    await sweep();
    expect(receiver.received.map((r) => r.json.data.session.currentViewers)).toEqual([1]);
    t.h.clock.advance(7000);
    await sweep();
    expect(receiver.received.map((r) => r.json.data.session.currentViewers)).toEqual([1, 3]);
  });
});

async function endpointId(viewer: Viewer): Promise<string> {
  const { myWebhookEndpoints } = await import("./endpoint-service.js");
  return (await myWebhookEndpoints(t.h.deps, viewer))[0]!.id;
}

describe("retries", () => {
  it("a receiver that fails gets the same webhook-id again, with backoff, until it answers 2xx; the log shows each attempt", async () => {
    const deepak = await t.h.viewer("deepak");
    const { endpoint, secret } = await endpointFor(deepak, ["session.created"]);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    receiver.failNext(500, 503);
    expect(await sweep()).toMatchObject({ retrying: 1 });
    expect(await sweep()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    t.h.clock.advance(1000);
    expect(await sweep()).toMatchObject({ retrying: 1 });
    t.h.clock.advance(1000);
    expect(await sweep()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    t.h.clock.advance(1000);
    expect(await sweep()).toMatchObject({ delivered: 1 });
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(receiver.received).toHaveLength(3);
    for (const r of receiver.received) verifyDelivery(secret, r);

    const [log] = await webhookDeliveries(t.h.deps, deepak, endpoint.id);
    expect(log!.delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    expect(log!.attempts.map((a) => a.statusCode)).toEqual([200, 503, 500]);
    expect(log!.attempts.every((a) => a.latencyMs >= 0)).toBe(true);

    // Resend: the same id once more.
    await resendWebhookDelivery(t.h.deps, deepak, log!.delivery.id);
    await sweep();
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual(Array(4).fill(log!.delivery.id));
  });

  it("a receiver that keeps failing is retried for 24 hours, then the delivery fails", async () => {
    const deepak = await t.h.viewer("deepak");
    const { endpoint } = await endpointFor(deepak, ["session.created"]);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    receiver.failNext(...Array(40).fill(500));
    await sweep();
    for (let hours = 0; hours < 24; hours++) {
      t.h.clock.advance(3_600_000);
      await sweep();
    }
    const [log] = await webhookDeliveries(t.h.deps, deepak, endpoint.id);
    expect(log!.delivery.status).toBe("failed");
    expect(log!.delivery.lastError).toMatch(/gave up after 24 hours/);
    t.h.clock.advance(RETRY_WINDOW_MS);
    const before = receiver.received.length;
    await sweep();
    expect(receiver.received.length).toBe(before);
  });

  it("an endpoint failing for 3 days is disabled with the reason; enabling it again clears the failures", async () => {
    const deepak = await t.h.viewer("deepak");
    const { endpoint } = await endpointFor(deepak, ["session.created"]);
    receiver.failNext(...Array(200).fill(500));
    for (let day = 0; day <= 3; day++) {
      await t.h.services.createSession(deepak, sessionInput(t.h.clock));
      await sweep();
      t.h.clock.advance(DISABLE_AFTER_MS / 3);
    }
    t.h.clock.advance(-DISABLE_AFTER_MS / 3);
    const { myWebhookEndpoints } = await import("./endpoint-service.js");
    const [disabled] = await myWebhookEndpoints(t.h.deps, deepak);
    expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/every delivery failed for 3 days/) });

    // Its owner is told by email, queued with the disabling, whatever his email settings say.
    await t.h.deps.db.update(users).set({ emailNotices: false }).where(eq(users.id, deepak.id));
    const mail = await attachLocalMail(t.h.deps);
    try {
      expect(await sendDueNotifications(t.h.deps)).toMatchObject({ sent: 1, failed: 0 });
      const [told, ...more] = mail.smtp.messages().filter((m) => m.subject.startsWith("Webhook endpoint disabled"));
      expect(more).toEqual([]);
      expect(told!.to).toContain(deepak.email);
      expect(told!.subject).toBe(`Webhook endpoint disabled: ${receiver.url}`);
      expect(told!.text).toContain(`Your webhook endpoint ${receiver.url} has been disabled`);
      expect(told!.text).toContain(`every delivery to it failed from ${formatInZone(disabled!.failingSince!, null)} to ${formatInZone(disabled!.disabledAt!, null)}`);
      expect(told!.text).toContain("What we saw: Disabled on");
      expect(told!.text).toContain("the receiver answered 500");
      expect(told!.text).toContain(`Open the endpoint: http://app.test/app/live/webhooks/${endpoint.id}`);
      expect(await sendDueNotifications(t.h.deps)).toMatchObject({ sent: 0 });
    } finally {
      await mail.close();
      t.h.deps.notifications = undefined;
    }
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    const seen = receiver.received.length;
    await sweep();
    expect(receiver.received.length).toBe(seen);

    receiver.clear();
    const enabled = await updateWebhookEndpoint(t.h.deps, deepak, endpoint.id, { enabled: true });
    expect(enabled).toMatchObject({ enabled: true, failingSince: null, disabledReason: null });
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await sweep();
    expect(receiver.types()).toEqual(["session.created"]);
  });

  it("a slow receiver does not hold back another's deliveries", async () => {
    const deepak = await t.h.viewer("deepak");
    const slow = await startWebhookReceiver();
    try {
      slow.delayMs = 1500;
      await createWebhookEndpoint(t.h.deps, deepak, { url: slow.url, events: ["session.created"] });
      await endpointFor(deepak, ["session.created"]);
      await t.h.services.createSession(deepak, sessionInput(t.h.clock));
      const sweeping = sweep();
      await expect.poll(() => receiver.received.length).toBe(1);
      expect(slow.received.length + (await sweeping).delivered).toBe(3);
    } finally {
      await slow.close();
    }
  });

  it("a receiver that does not answer in time is cut off (the transport's deadline covers the whole exchange)", async () => {
    receiver.delayMs = 2000;
    const url = new URL(receiver.url);
    const started = Date.now();
    await expect(realTransport.post({ url, address: "127.0.0.1", headers: {}, body: "{}", timeoutMs: 300 })).rejects.toThrow(/no answer within 0.3 s/);
    console.log(`timed-out delivery gave up after ${Date.now() - started} ms (deadline 300 ms)`);
  });
});

describe("several instances", () => {
  it("two instances sweeping at once deliver each event exactly once", async () => {
    const deepak = await t.h.viewer("deepak");
    await endpointFor(deepak, ["session.created"]);
    for (let i = 0; i < 20; i++) await t.h.services.createSession(deepak, sessionInput(t.h.clock, { title: `Class number ${i}` }));
    const other = await openSecondInstance(t.database, t.h.deps);
    try {
      receiver.delayMs = 20;
      const [a, b] = await Promise.all([sweepWebhookDeliveries(t.h.deps, 5), sweepWebhookDeliveries(other.deps, 5)]);
      const rest = [];
      for (let i = 0; i < 6; i++) rest.push(...(await Promise.all([sweepWebhookDeliveries(t.h.deps, 5), sweepWebhookDeliveries(other.deps, 5)])));
      const delivered = [a, b, ...rest].reduce((n, c) => n + c.delivered, 0);
      expect(delivered).toBe(20);
      const ids = receiver.received.map((r) => r.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(20);
      expect(ids).toHaveLength(20);
    } finally {
      await other.close();
    }
  });
});

describe("destinations", () => {
  it("private, link-local, unique-local, CGNAT, multicast, unspecified and IPv4-mapped addresses are refused everywhere; loopback in production", () => {
    const dev = { production: false };
    const prod = { production: true };
    for (const address of ["10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "0.0.0.0", "255.255.255.255", "fd00::1", "fe80::1", "::", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"]) {
      expect(refusedAddress(address, dev), address).not.toBeNull();
    }
    expect(refusedAddress("127.0.0.1", dev)).toBeNull();
    expect(refusedAddress("::1", dev)).toBeNull();
    expect(refusedAddress("127.0.0.1", prod)).toMatch(/loopback/);
    expect(refusedAddress("::ffff:127.0.0.1", prod)).toMatch(/loopback/);
    expect(refusedAddress("93.184.216.34", prod)).toBeNull();
    expect(refusedAddress("2606:2800:220:1::1", prod)).toBeNull();
  });

  it("registration refuses private and link-local URLs, a name resolving to one, http and loopback in production — and stores nothing", async () => {
    const deepak = await t.h.viewer("deepak");
    const names = transportWithNames({ "hooks.internal.example": ["93.184.216.34", "10.1.2.3"], "ok.example": ["93.184.216.34"] });
    const dev = withSetup({ transport: names });
    const prod = withSetup({ transport: names, production: true });
    const refused = async (deps: ServiceDeps, url: string, message: RegExp) =>
      expectDomainError(createWebhookEndpoint(deps, deepak, { url, events: ["session.created"] }), "BAD_USER_INPUT", message);
    await refused(dev, "http://10.0.0.7/hook", /10\.0\.0\.7 is a private address/);
    await refused(dev, "http://169.254.169.254/latest/meta-data", /link-local/);
    await refused(dev, "http://[::ffff:192.168.0.1]/", /192\.168\.0\.1 is a private address/);
    await refused(dev, "https://hooks.internal.example/x", /hooks\.internal\.example resolves to 10\.1\.2\.3 is a private address/);
    await refused(prod, "http://ok.example/hook", /must start with https:\/\//);
    await refused(prod, "https://localhost:8443/hook", /localhost resolves to .* loopback/);
    await refused(prod, "https://127.0.0.1/hook", /loopback/);
    await refused(dev, "ftp://ok.example/", /https:\/\//);
    await refused(dev, "https://user:pw@ok.example/", /user name or password/);
    const { myWebhookEndpoints } = await import("./endpoint-service.js");
    expect(await myWebhookEndpoints(t.h.deps, deepak)).toEqual([]);
    expect((await createWebhookEndpoint(prod, deepak, { url: "https://ok.example/hook", events: ["session.created"] })).endpoint.url).toBe("https://ok.example/hook");
  });

  it("the address is checked again at delivery: a name that now resolves to a private address is not contacted", async () => {
    const deepak = await t.h.viewer("deepak");
    const answers: Record<string, string[]> = { "rebind.example": ["127.0.0.1"] };
    const deps = withSetup({ transport: transportWithNames(answers) });
    const port = new URL(receiver.url).port;
    const { endpoint } = await createWebhookEndpoint(deps, deepak, { url: `http://rebind.example:${port}/hooks`, events: ["session.created"] });
    answers["rebind.example"] = ["10.9.9.9"];
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    expect(await sweep(deps)).toMatchObject({ retrying: 1 });
    expect(receiver.received).toEqual([]);
    const [log] = await webhookDeliveries(deps, deepak, endpoint.id);
    expect(log!.attempts[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/refused: rebind\.example resolves to 10\.9\.9\.9 is a private address/) });

    // Back on a permitted address, it is delivered there (connecting to the checked address).
    answers["rebind.example"] = ["127.0.0.1"];
    t.h.clock.advance(1000);
    expect(await sweep(deps)).toMatchObject({ delivered: 1 });
    expect(receiver.received[0]!.headers.host).toBe(`rebind.example:${port}`);
  });

  it("a loopback receiver registered outside production is not contacted by a production server", async () => {
    const deepak = await t.h.viewer("deepak");
    await endpointFor(deepak, ["session.created"]);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    expect(await sweep(withSetup({ production: true }))).toMatchObject({ retrying: 1 });
    expect(receiver.received).toEqual([]);
  });
});

describe("retention", () => {
  it("events are forgotten after 30 days with their finished deliveries; a pending delivery keeps its event", async () => {
    const deepak = await t.h.viewer("deepak");
    const { endpoint } = await endpointFor(deepak, ["session.created"]);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await sweep();
    receiver.failNext(500);
    await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await sweep();
    t.h.clock.advance(OUTBOUND_EVENT_RETENTION_MS + 1);
    const { forgetOldOutboundEvents } = await import("./retention.js");
    expect(await forgetOldOutboundEvents(t.h.deps)).toBe(1);
    const left = await webhookDeliveries(t.h.deps, deepak, endpoint.id);
    expect(left.map((d) => d.delivery.status)).toEqual(["pending"]);
  });
});

describe("who may register", () => {
  it("students are refused; an endpoint is its owner's alone; bad events are named", async () => {
    const priya = await t.h.viewer("priya");
    const deepak = await t.h.viewer("deepak");
    const meera = await t.h.viewer("meera");
    await expectDomainError(createWebhookEndpoint(t.h.deps, priya, { url: receiver.url, events: ["session.created"] }), "FORBIDDEN", /experts/);
    await expectDomainError(createWebhookEndpoint(t.h.deps, null, { url: receiver.url, events: ["session.created"] }), "UNAUTHENTICATED");
    await expectDomainError(createWebhookEndpoint(t.h.deps, deepak, { url: receiver.url, events: ["session.creatd"] }), "BAD_USER_INPUT", /"session.creatd" is not an event type/);
    await expectDomainError(createWebhookEndpoint(t.h.deps, deepak, { url: receiver.url, events: [] }), "BAD_USER_INPUT", /at least one/);
    const { endpoint } = await endpointFor(deepak);
    await expectDomainError(updateWebhookEndpoint(t.h.deps, meera, endpoint.id, { enabled: false }), "NOT_FOUND");
    await expectDomainError(rotateWebhookSecret(t.h.deps, meera, endpoint.id), "NOT_FOUND");
    await expectDomainError(webhookDeliveries(t.h.deps, meera, endpoint.id), "NOT_FOUND");
  });
});
