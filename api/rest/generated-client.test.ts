/**
 * Issue 15, "a client generated from the OpenAPI document": the REST client's types are generated
 * from the document the app serves (npm run codegen → api/test-support/__generated__/rest-api.ts)
 * and used with openapi-fetch. One test fails when the served document and the committed types
 * part; the other drives the whole lifecycle through that client only, a paid seat included.
 */
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ME } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { REST_CLIENT_TYPES_FILE, restClientTypes } from "../test-support/rest-client-types.js";
import { typedRestClient, type RestSchemas } from "../test-support/typed-rest-client.js";

const t = useTestApp();
const HOUR = 3_600_000;

describe("the REST client generated from the served OpenAPI document", () => {
  it("is current: openapi-typescript makes the committed types of what /api/live/openapi.json serves", async () => {
    const anonymous = typedRestClient(t.app);
    const served = await fetch(`${t.app.url}/api/live/openapi.json`);
    expect(served.status).toBe(200);
    const document = (await served.json()) as Record<string, any>;
    const committed = await readFile(REST_CLIENT_TYPES_FILE, "utf8");
    expect(await restClientTypes(document), "the served document changed: run `npm run codegen` and commit api/test-support/__generated__").toBe(committed);
    // And a change to the document would show: a renamed operation is another file.
    const renamed = structuredClone(document);
    renamed.paths["/api/live/sessions"].get.operationId = "listLiveSessions";
    expect(await restClientTypes(renamed)).not.toBe(committed);
    // The client is usable anonymously where the document says so.
    const { data, response } = await anonymous.GET("/api/live/sessions");
    expect(response.status).toBe(200);
    expect(data).toEqual({ success: true, data: [], total: 0 });
  });

  it("runs the whole lifecycle over REST: create, list, enroll (free, idempotent retry, paid through checkout), start, join, end, recording, cancellations, errors by code", async () => {
    const deepak = typedRestClient(t.app, "deepak");
    const priya = typedRestClient(t.app, "priya");
    const tom = typedRestClient(t.app, "tom");
    const meera = typedRestClient(t.app, "meera");
    const anonymous = typedRestClient(t.app);
    const now = t.app.clock.now().getTime();
    const slot = (inHours: number) => ({
      scheduledStartTime: new Date(now + inHours * HOUR).toISOString(),
      scheduledEndTime: new Date(now + (inHours + 1) * HOUR).toISOString(),
    });

    // The expert creates a free class and a priced one (the seed's INR price: Razorpay takes it).
    const freeBody: RestSchemas["CreateSessionRequest"] = {
      title: "Evening Yin",
      description: "Long holds to close the day",
      sessionType: "group",
      ...slot(1),
      maxParticipants: 10,
      price: 0,
      currency: "INR",
      metadata: { category: "Yin", difficulty: "Beginner", tags: ["evening"] },
    };
    const created = await deepak.POST("/api/live/sessions", { body: freeBody });
    expect(created.response.status).toBe(201);
    expect(created.data!.message).toBe("Live session created successfully. Start the session when ready to generate video room.");
    const free = created.data!.data.session;
    expect(free).toMatchObject({ title: "Evening Yin", status: "scheduled", price: 0, isFree: true, enrolledCount: 0 });
    const priced = (await deepak.POST("/api/live/sessions", { body: { ...freeBody, title: "Morning Vinyasa Flow", price: 499, ...slot(24) } })).data!.data.session;
    const spare = (await deepak.POST("/api/live/sessions", { body: { ...freeBody, title: "Spare Class", ...slot(48) } })).data!.data.session;

    // Errors, by code: bad input (with its fields), not an expert, not signed in, no such session.
    const badInput = await deepak.POST("/api/live/sessions", { body: { ...freeBody, title: "ab" } });
    expect([badInput.response.status, badInput.error?.code]).toEqual([400, "BAD_USER_INPUT"]);
    expect(badInput.error!.fields).toEqual([{ path: "title", message: expect.any(String) }]);
    const student = await priya.POST("/api/live/sessions", { body: freeBody });
    expect([student.response.status, student.error?.code]).toEqual([403, "FORBIDDEN"]);
    const signedOut = await anonymous.POST("/api/live/sessions", { body: freeBody });
    expect([signedOut.response.status, signedOut.error?.code]).toEqual([401, "UNAUTHENTICATED"]);
    const missing = await priya.GET("/api/live/sessions/{id}", { params: { path: { id: "ses_doesnotexist00" } } });
    expect([missing.response.status, missing.error?.code]).toEqual([404, "NOT_FOUND"]);

    // List (filtered, paged) and fetch.
    const listed = await anonymous.GET("/api/live/sessions", { params: { query: { status: "scheduled", limit: 2, skip: 0 } } });
    expect(listed.data!.total).toBe(3);
    expect(listed.data!.data.map((s) => s.title)).toEqual(["Evening Yin", "Morning Vinyasa Flow"]);
    const page2 = await anonymous.GET("/api/live/sessions", { params: { query: { status: "scheduled", limit: 2, skip: 2 } } });
    expect(page2.data!.data.map((s) => s.id)).toEqual([spare.id]);
    const fetched = await priya.GET("/api/live/sessions/{id}", { params: { path: { id: priced.id } } });
    expect(fetched.data!.data.session).toMatchObject({ id: priced.id, price: 499, currency: "INR", isFree: false });

    // A free seat, with an Idempotency-Key sent twice: one enrollment, the same answer, marked replayed.
    const key = randomUUID();
    const enroll = () => priya.POST("/api/live/sessions/{id}/enroll", { params: { path: { id: free.id }, header: { "Idempotency-Key": key } } });
    const first = await enroll();
    const again = await enroll();
    expect(first.response.status).toBe(200);
    expect(again.data).toEqual(first.data);
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const seats = async (id: string) => (await deepak.GET("/api/live/sessions/{id}", { params: { path: { id } } })).data!.data.session;
    expect((await seats(free.id)).enrolledCount).toBe(1);
    expect((await seats(free.id)).participants?.map((p) => p.id)).toEqual([first.data!.data.participantId]);
    // The same key for another request is refused, and changes nothing.
    const reused = await priya.POST("/api/live/sessions/{id}/enroll", { params: { path: { id: spare.id }, header: { "Idempotency-Key": key } } });
    expect([reused.response.status, reused.error?.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    expect((await seats(spare.id)).enrolledCount).toBe(0);

    // A paid seat: without a payment it is refused; checkout, pay at the gateway, enroll with the payment.
    const unpaid = await tom.POST("/api/live/sessions/{id}/enroll", { params: { path: { id: priced.id } } });
    expect(unpaid.response.status).toBe(400);
    expect(unpaid.error?.code).toBe("BAD_USER_INPUT");
    const checkout = await tom.POST("/api/live/sessions/{id}/checkout", { params: { path: { id: priced.id } } });
    expect(checkout.data!.data).toMatchObject({ gateway: "razorpay", amountInMinorUnits: 49_900, currency: "INR" });
    const ownCheckout = await deepak.POST("/api/live/sessions/{id}/checkout", { params: { path: { id: priced.id } } });
    expect([ownCheckout.response.status, ownCheckout.error?.code]).toEqual([403, "FORBIDDEN"]);
    // The customer pays in Razorpay's checkout (the local stand-in, as a customer would).
    const payment = t.app.payments!.razorpay.payOrder(checkout.data!.data.reference);
    const paid = await tom.POST("/api/live/sessions/{id}/enroll", {
      params: { path: { id: priced.id } },
      body: { paymentId: payment.id, paymentGateway: checkout.data!.data.gateway },
    });
    expect(paid.response.status).toBe(200);
    const tomSeat = (await seats(priced.id)).participants!.find((p) => p.id === paid.data!.data.participantId);
    expect(tomSeat).toMatchObject({ paid: true, paymentGateway: "razorpay", paymentId: payment.id, amountPaid: 499 });

    // Tom cancels his paid booking (refunded in full); the expert cancels the spare class.
    const cancelledBooking = await tom.POST("/api/live/sessions/{id}/enrollment/cancel", { params: { path: { id: priced.id } } });
    expect(cancelledBooking.data!.data).toMatchObject({ sessionId: priced.id, refund: { amount: 499, currency: "INR", paymentGateway: "razorpay" } });
    expect((await seats(priced.id)).enrolledCount).toBe(0);
    const cancelled = await deepak.POST("/api/live/sessions/{id}/cancel", { params: { path: { id: spare.id } } });
    expect(cancelled.data!.data.session.status).toBe("cancelled");
    const intoCancelled = await priya.POST("/api/live/sessions/{id}/enroll", { params: { path: { id: spare.id } } });
    expect([intoCancelled.response.status, intoCancelled.error?.code]).toEqual([400, "FAILED_PRECONDITION"]);

    // Start (not by a student), join tokens for the expert and the enrolled student only.
    t.app.clock.set(free.scheduledStartTime);
    const notHers = await meera.POST("/api/live/sessions/{id}/start", { params: { path: { id: free.id } } });
    expect([notHers.response.status, notHers.error?.code]).toEqual([403, "FORBIDDEN"]);
    const started = await deepak.POST("/api/live/sessions/{id}/start", { params: { path: { id: free.id } } });
    expect(started.data!.message).toBe("Session started. Click the link to join the video room.");
    const { roomId } = started.data!.data;
    const hostToken = await deepak.POST("/api/live/sessions/{id}/join-token", { params: { path: { id: free.id } } });
    expect(hostToken.data!.data).toMatchObject({ role: "host", userName: "Deepak Kumar" });
    const guestToken = await priya.POST("/api/live/sessions/{id}/join-token", { params: { path: { id: free.id } } });
    expect(guestToken.data!.data).toMatchObject({ role: "guest", userName: "Priya Sharma" });
    const stranger = await tom.POST("/api/live/sessions/{id}/join-token", { params: { path: { id: free.id } } });
    expect([stranger.response.status, stranger.error?.code]).toEqual([403, "FORBIDDEN"]);

    // Priya comes into the room (the emulator's webhooks tell the app); 65 minutes later the expert ends it.
    const priyaId = (await t.app.gqlOk(ME, {}, "priya")).me!.id;
    t.app.emulator.joinPeer(roomId, { userId: priyaId, role: "guest", name: "Priya Sharma" });
    await t.app.emulator.webhooksSettled();
    t.app.clock.advance(65 * 60_000);
    const ended = await deepak.POST("/api/live/sessions/{id}/end", { params: { path: { id: free.id } } });
    expect(ended.data).toEqual({ success: true, data: { sessionId: free.id, duration: 65 }, message: "Session ended successfully" });
    await t.app.emulator.webhooksSettled();
    const endedAgain = await deepak.POST("/api/live/sessions/{id}/start", { params: { path: { id: free.id } } });
    expect([endedAgain.response.status, endedAgain.error?.code]).toEqual([400, "FAILED_PRECONDITION"]);

    // The recording, for the student who attended; not for one who was never enrolled.
    const recording = await priya.GET("/api/live/sessions/{id}/recording", { params: { path: { id: free.id } } });
    expect(recording.response.status).toBe(200);
    expect(recording.data!.data.url).toMatch(/^https?:\/\//);
    expect(Date.parse(recording.data!.data.expiresAt)).toBeGreaterThan(t.app.clock.now().getTime());
    const noRecording = await meera.GET("/api/live/sessions/{id}/recording", { params: { path: { id: free.id } } });
    expect([noRecording.response.status, noRecording.error?.code]).toEqual([403, "FORBIDDEN"]);

    // The finished class as listed.
    const endedList = await anonymous.GET("/api/live/sessions", { params: { query: { status: "ended" } } });
    expect(endedList.data!.data.map((s) => [s.id, s.status, s.attendedCount])).toEqual([[free.id, "ended", 1]]);
  });
});
