/**
 * The examples of the original REST API document (the "seed", kept outside this repo; what
 * the routes keep of it: docs/api.md#rest-compatibility-routes) walked through real HTTP, as an existing REST
 * client sends them: its create body, its query strings, start, enroll (with and without
 * the payment body), join-token and end, with every status, message and shape pinned.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ME, decodeJwtPayload } from "../test-support/graphql-documents.js";
import {
  createSessionRest,
  expectSuccess,
  rest,
  freeSessionBody,
  seedCreateBody,
} from "../test-support/rest-client.js";
import { TEST_START as T0, useTestApp } from "../test-support/hooks.js";
import { seedPaymentBody } from "../test-support/payments.js";

const t = useTestApp();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const AVATAR = expect.stringMatching(/^data:image\/svg\+xml,/);

const MESSAGES = {
  create: "Live session created successfully. Start the session when ready to generate video room.",
  start: "Session started. Click the link to join the video room.",
  enroll: "Successfully enrolled in live session",
  joinToken: "Join token generated",
  end: "Session ended successfully",
};

async function idOf(as: "deepak" | "meera" | "priya" | "tom"): Promise<string> {
  return (await t.app.gqlOk(ME, {}, as)).me!.id;
}

const freeBody = (overrides: Record<string, unknown> = {}, inHours = 1) => freeSessionBody(t.app.clock, overrides, inHours);


describe("1. POST /api/live/sessions with the seed's request body", () => {
  it("answers 201 with the seed's session object and message", async () => {
    const deepakId = await idOf("deepak");
    const res = await rest(t.app, "POST", "/api/live/sessions", { as: "deepak", body: seedCreateBody(t.app.clock) });
    const body = expectSuccess(res, 201);
    const id = body.data.session.id;
    expect(id).toMatch(/^ses_[a-z0-9]+$/);
    expect(body).toEqual({
      success: true,
      data: {
        session: {
          id,
          expertId: deepakId,
          expertName: "Deepak Kumar",
          expertAvatar: AVATAR,
          title: "Morning Vinyasa Flow",
          description: "Start your day with an energizing vinyasa practice",
          thumbnail: "https://example.com/thumbnail.jpg",
          sessionType: "group",
          scheduledStartTime: "2030-01-16T08:00:00.000Z",
          scheduledEndTime: "2030-01-16T09:00:00.000Z",
          maxParticipants: 50,
          currentViewers: 0,
          price: 499,
          currency: "INR",
          status: "scheduled",
          recordingAvailable: false,
          enrolledCount: 0,
          attendedCount: 0,
          metadata: { category: "Vinyasa", difficulty: "Intermediate", equipment: ["Yoga Mat", "Blocks"], tags: ["morning", "energizing"] },
          featured: false,
          isFree: false,
          createdAt: T0,
          updatedAt: T0,
        },
      },
      message: MESSAGES.create,
    });
  });

  it("shows the seed's spellings for the other session types and a free session", async () => {
    const oneOnOne = expectSuccess(
      await rest(t.app, "POST", "/api/live/sessions", { as: "deepak", body: freeBody({ sessionType: "1-on-1", maxParticipants: 1 }) }),
      201,
    );
    expect(oneOnOne.data.session).toMatchObject({ sessionType: "1-on-1", maxParticipants: 1, price: 0, isFree: true });
    const workshop = expectSuccess(await rest(t.app, "POST", "/api/live/sessions", { as: "deepak", body: freeBody({ sessionType: "workshop" }) }), 201);
    expect(workshop.data.session).toMatchObject({ sessionType: "workshop", isFree: true });
  });

  it("leaves the seed's optional fields out when the body leaves them out (no nulls)", async () => {
    const start = new Date(t.app.clock.now().getTime() + HOUR);
    const minimal = {
      title: "Evening Yin",
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
    };
    const session = expectSuccess(await rest(t.app, "POST", "/api/live/sessions", { as: "deepak", body: minimal }), 201).data.session;
    expect(session).toEqual({
      id: session.id,
      expertId: await idOf("deepak"),
      expertName: "Deepak Kumar",
      expertAvatar: AVATAR,
      title: "Evening Yin",
      description: "",
      sessionType: "group",
      scheduledStartTime: start.toISOString(),
      scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
      currentViewers: 0,
      price: 0,
      currency: "INR",
      status: "scheduled",
      recordingAvailable: false,
      enrolledCount: 0,
      attendedCount: 0,
      featured: false,
      isFree: true,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(Object.values(session)).not.toContain(null);
  });
});

describe("2. GET /api/live/sessions with the seed's query strings", () => {
  it("?status=live&limit=10 lists the live sessions with the total", async () => {
    const live = await createSessionRest(t.app, freeBody({ title: "Live flow" }));
    const scheduled = await createSessionRest(t.app, freeBody({ title: "Later flow" }, 3));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${live}/start`, { as: "deepak" }), 200);

    const res = await rest(t.app, "GET", "/api/live/sessions?status=live&limit=10");
    const body = expectSuccess(res, 200);
    expect(Object.keys(body).sort()).toEqual(["data", "success", "total"]);
    expect(body.total).toBe(1);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ id: live, title: "Live flow", status: "live", currentViewers: 0, actualStartTime: T0 });
    // The list is public: anonymous browsers see no room details.
    expect(body.data[0]).not.toHaveProperty("hmsDetails");
    expect(body.data[0]).not.toHaveProperty("participants");

    const both = expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200);
    expect(both.total).toBe(2);
    expect(both.data.map((s: { id: string }) => s.id)).toEqual([live, scheduled]);
  });

  it("?status=live for the student journey, and ?status=scheduled", async () => {
    const a = await createSessionRest(t.app, freeBody({}, 1));
    const b = await createSessionRest(t.app, freeBody({}, 2));
    expect(expectSuccess(await rest(t.app, "GET", "/api/live/sessions?status=live", { as: "priya" }), 200)).toEqual({ success: true, data: [], total: 0 });
    const scheduled = expectSuccess(await rest(t.app, "GET", "/api/live/sessions?status=scheduled", { as: "priya" }), 200);
    expect(scheduled.total).toBe(2);
    expect(scheduled.data.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [a, "scheduled"],
      [b, "scheduled"],
    ]);
  });

  it("?expertId, ?featured=true, and ?limit&skip pagination with the total of all pages", async () => {
    const meeraId = await idOf("meera");
    const deepakIds = [];
    for (let i = 1; i <= 3; i++) deepakIds.push(await createSessionRest(t.app, freeBody({ title: `Deepak ${i}` }, i)));
    const meeras = await createSessionRest(t.app, freeBody({ title: "Meera 1" }, 4), "meera");
    const adminExpert = { sub: "test|admin-expert", name: "Ana Admin", roles: ["expert", "admin"] };
    const featured = await createSessionRest(t.app, freeBody({ title: "Featured", featured: true }, 5), adminExpert);

    const byMeera = expectSuccess(await rest(t.app, "GET", `/api/live/sessions?expertId=${meeraId}`), 200);
    expect(byMeera.total).toBe(1);
    expect(byMeera.data.map((s: { id: string }) => s.id)).toEqual([meeras]);
    expect(byMeera.data[0]).toMatchObject({ expertId: meeraId, expertName: "Meera Iyer" });

    const onlyFeatured = expectSuccess(await rest(t.app, "GET", "/api/live/sessions?featured=true"), 200);
    expect(onlyFeatured.total).toBe(1);
    expect(onlyFeatured.data[0]).toMatchObject({ id: featured, featured: true, expertName: "Ana Admin" });

    const page = expectSuccess(await rest(t.app, "GET", "/api/live/sessions?limit=2&skip=1"), 200);
    expect(page.total).toBe(5);
    expect(page.data.map((s: { id: string }) => s.id)).toEqual([deepakIds[1], deepakIds[2]]);
    const last = expectSuccess(await rest(t.app, "GET", "/api/live/sessions?limit=2&skip=4"), 200);
    expect(last.total).toBe(5);
    expect(last.data.map((s: { id: string }) => s.id)).toEqual([featured]);
  });

  it("defaults to 20 per page and leaves cancelled sessions out unless asked for", async () => {
    const ids = [];
    for (let i = 0; i < 22; i++) ids.push(await createSessionRest(t.app, freeBody({ title: `Class ${i}` }, i + 1)));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${ids[0]}/cancel`, { as: "deepak" }), 200);
    const page = expectSuccess(await rest(t.app, "GET", "/api/live/sessions"), 200);
    expect(page.total).toBe(21);
    expect(page.data).toHaveLength(20);
    expect(page.data.map((s: { id: string }) => s.id)).not.toContain(ids[0]);
    const cancelled = expectSuccess(await rest(t.app, "GET", "/api/live/sessions?status=cancelled"), 200);
    expect(cancelled).toMatchObject({ total: 1, data: [{ id: ids[0], status: "cancelled" }] });
  });
});

describe("3–6. start, enroll, join-token and end, as the seed shows them", () => {
  it("walks the seed's session (499 INR) from create to end with every answer pinned", async () => {
    const priyaId = await idOf("priya");
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));

    // 4. Enroll with the seed's optional payment body (the example session is priced).
    // The seed's `pay_abc123` is illustrative: the server checks references with the gateway,
    // so the body carries a real payment made on the local Stripe stand-in.
    const payment = await seedPaymentBody(t.app, id, "priya");
    const enrolled = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya", body: payment });
    const enrollBody = expectSuccess(enrolled, 200);
    expect(enrollBody).toEqual({ success: true, data: { participantId: expect.stringMatching(/^part_[a-z0-9]+$/) }, message: MESSAGES.enroll });
    const participantId = enrollBody.data.participantId;

    // 3. Start at the scheduled time.
    t.app.clock.set("2030-01-16T08:00:00.000Z");
    const started = await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" });
    const startBody = expectSuccess(started, 200);
    expect(startBody).toEqual({
      success: true,
      data: { roomId: expect.any(String), roomCode: expect.any(String), sessionUrl: `http://app.test/app/live/host/${id}` },
      message: MESSAGES.start,
    });
    const { roomId, roomCode } = startBody.data;
    expect(roomId).not.toBe("");
    expect(roomCode).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const rooms = t.app.emulator.rooms().filter((r) => r.name === `live-session-${id}`);
    expect(rooms.map((r) => r.id)).toEqual([roomId]);
    expect(t.app.emulator.roomCodes(roomId).map((c) => c.code)).toContain(roomCode);

    // The owning expert sees the room and the participants; the student does not.
    const asExpert = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200);
    expect(Object.keys(asExpert).sort()).toEqual(["data", "success"]);
    expect(asExpert.data.session).toMatchObject({
      id,
      status: "live",
      actualStartTime: "2030-01-16T08:00:00.000Z",
      enrolledCount: 1,
      hmsDetails: { roomId, roomCode },
      participants: [
        {
          id: participantId,
          sessionId: id,
          userId: priyaId,
          userName: "Priya Sharma",
          userEmail: "priya@example.com",
          userAvatar: AVATAR,
          enrolledAt: T0,
          attended: false,
          paid: true,
          paymentId: payment.paymentId,
          paymentGateway: "stripe",
          amountPaid: 499,
        },
      ],
    });
    const asStudent = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "priya" }), 200);
    expect(asStudent.data.session).toMatchObject({ id, status: "live", enrolledCount: 1 });
    expect(asStudent.data.session).not.toHaveProperty("hmsDetails");
    expect(asStudent.data.session).not.toHaveProperty("participants");

    // 5. Join tokens: host for the expert, guest for the enrolled student.
    const hostRes = await rest(t.app, "POST", `/api/live/sessions/${id}/join-token`, { as: "deepak" });
    expect(expectSuccess(hostRes, 200)).toEqual({
      success: true,
      data: { token: expect.any(String), role: "host", userName: "Deepak Kumar" },
      message: MESSAGES.joinToken,
    });
    expect(decodeJwtPayload(hostRes.body.data.token)).toMatchObject({ room_id: roomId, role: "host", type: "app", version: 2 });
    const guestRes = await rest(t.app, "POST", `/api/live/sessions/${id}/join-token`, { as: "priya" });
    expect(expectSuccess(guestRes, 200)).toEqual({
      success: true,
      data: { token: expect.any(String), role: "guest", userName: "Priya Sharma" },
      message: MESSAGES.joinToken,
    });
    expect(decodeJwtPayload(guestRes.body.data.token)).toMatchObject({ room_id: roomId, role: "guest", user_id: priyaId });

    // 6. End 65 minutes later, as in the seed's example.
    t.app.clock.advance(65 * MINUTE);
    const ended = await rest(t.app, "POST", `/api/live/sessions/${id}/end`, { as: "deepak" });
    expect(expectSuccess(ended, 200)).toEqual({ success: true, data: { sessionId: id, duration: 65 }, message: MESSAGES.end });
    const after = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`), 200);
    expect(after.data.session).toMatchObject({
      status: "ended",
      actualStartTime: "2030-01-16T08:00:00.000Z",
      actualEndTime: "2030-01-16T09:05:00.000Z",
      currentViewers: 0,
      updatedAt: "2030-01-16T09:05:00.000Z",
    });
    expect(t.app.emulator.room(roomId)?.enabled).toBe(false);

    // Ending twice is harmless and reports the same duration.
    t.app.clock.advance(10 * MINUTE);
    expect(expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/end`, { as: "deepak" }), 200)).toEqual({
      success: true,
      data: { sessionId: id, duration: 65 },
      message: MESSAGES.end,
    });
  });

  it("enrolls in a free session without a body, with an empty body, and answers the same participant twice", async () => {
    const id = await createSessionRest(t.app, freeBody({ maxParticipants: 5 }));
    const noBody = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" });
    expect(expectSuccess(noBody, 200)).toEqual({
      success: true,
      data: { participantId: expect.stringMatching(/^part_[a-z0-9]+$/) },
      message: MESSAGES.enroll,
    });
    const emptyBody = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "tom", body: {} });
    expect(expectSuccess(emptyBody, 200).data.participantId).toMatch(/^part_/);
    expect(emptyBody.body.data.participantId).not.toBe(noBody.body.data.participantId);

    const again = await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" });
    expect(expectSuccess(again, 200)).toEqual(noBody.body);

    const session = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200).data.session;
    expect(session.enrolledCount).toBe(2);
    expect(session.participants).toHaveLength(2);
    expect(session.participants.find((p: { userName: string }) => p.userName === "Priya Sharma")).toMatchObject({
      paid: false,
      attended: false,
    });
    expect(session.participants[0]).not.toHaveProperty("paymentId");
  });

  it("starting again answers the same room, and duration counts from the actual start", async () => {
    const id = await createSessionRest(t.app, freeBody());
    const first = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
    t.app.clock.advance(5 * MINUTE);
    const second = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
    expect(second).toEqual(first);
    t.app.clock.advance(60 * MINUTE);
    expect(expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/end`, { as: "deepak" }), 200).data).toEqual({ sessionId: id, duration: 65 });
  });
});

describe("GET /api/live/sessions/:id and POST /api/live/sessions/:id/cancel", () => {
  it("GET answers {success, data:{session}} for anyone, with hmsDetails and participants for the owner only", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "tom", body: await seedPaymentBody(t.app, id, "tom") }), 200);

    const anonymous = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`), 200);
    expect(Object.keys(anonymous).sort()).toEqual(["data", "success"]);
    expect(Object.keys(anonymous.data)).toEqual(["session"]);
    expect(anonymous.data.session).toMatchObject({ id, status: "scheduled", enrolledCount: 1, sessionType: "group", isFree: false });
    expect(anonymous.data.session).not.toHaveProperty("participants");
    expect(anonymous.data.session).not.toHaveProperty("hmsDetails");

    const otherExpert = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "meera" }), 200);
    expect(otherExpert.data.session).not.toHaveProperty("participants");

    const owner = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: "deepak" }), 200);
    // Not started yet: no room to show, even to the owner.
    expect(owner.data.session).not.toHaveProperty("hmsDetails");
    expect(owner.data.session.participants).toEqual([
      expect.objectContaining({ userName: "Tom Becker", paid: true, paymentGateway: "stripe", amountPaid: 499 }),
    ]);
    // Apart from the owner's extras, everyone sees the same session.
    const { participants: _p, ...ownersView } = owner.data.session;
    expect(ownersView).toEqual(anonymous.data.session);
  });

  it("cancel answers {success, data:{session}} with the cancelled session", async () => {
    const id = await createSessionRest(t.app, seedCreateBody(t.app.clock));
    t.app.clock.advance(30 * MINUTE);
    const res = await rest(t.app, "POST", `/api/live/sessions/${id}/cancel`, { as: "deepak" });
    const body = expectSuccess(res, 200);
    expect(body).toEqual({
      success: true,
      data: { session: expect.objectContaining({ id, status: "cancelled", updatedAt: "2030-01-15T09:30:00.000Z", createdAt: T0 }) },
      // Not in the wording ({success, data:{session}}); pinned so any change is deliberate.
      message: "Session cancelled",
    });
    const get = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`), 200);
    expect(get.data.session.status).toBe("cancelled");
  });
});
