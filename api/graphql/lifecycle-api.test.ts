/**
 * The lifecycle an integrator drives through POST /graphql with Bearer tokens:
 * create → list → enroll → start → joinToken → end, with the response shapes and enum
 * spellings of schema.graphql pinned.
 */
import { describe, expect, it } from "vitest";
import {
  CANCEL_SESSION,
  CREATE_SESSION,
  END_SESSION,
  ENROLL,
  GET_SESSION,
  JOIN_TOKEN,
  LIST_SESSIONS,
  ME,
  START_SESSION,
  createInput,
  createSessionId,
  decodeJwtHeader,
  decodeJwtPayload,
} from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";

const t = useTestApp();


const HOUR = 3_600_000;
const MINUTE = 60_000;
const T0 = "2030-01-15T09:00:00.000Z";

/** The emulator outlives each test's truncate, so find rooms by the session's room name. */
const roomsOf = (sessionId: string) => t.app.emulator.rooms().filter((r) => r.name === `live-session-${sessionId}`);

async function myId(as: "deepak" | "priya" | "tom"): Promise<string> {
  return (await t.app.gqlOk(ME, {}, as)).me!.id;
}


describe("the whole lifecycle through GraphQL", () => {
  it("create → list → enroll → start → joinToken → end, with every response shape pinned", async () => {
    const deepakId = await myId("deepak");
    const priyaId = await myId("priya");

    // createSession: starts in an hour, lasts an hour.
    const input = createInput(
      t.app.clock,
      {
        maxParticipants: 10,
        thumbnail: "https://example.com/flow.jpg",
        metadata: { category: "Vinyasa", difficulty: "Beginner", equipment: ["Yoga Mat"], tags: ["morning", "flow"] },
      },
      1,
    );
    const created = (await t.app.gqlOk(CREATE_SESSION, { input }, "deepak")).createSession;
    expect(created.id).toMatch(/^ses_[a-z0-9]+$/);
    expect(created).toEqual({
      id: created.id,
      expertId: deepakId,
      expertName: "Deepak Kumar",
      expertAvatar: expect.stringMatching(/^data:image\/svg\+xml,/),
      expert: { id: deepakId, name: "Deepak Kumar", isExpert: true },
      title: "Morning Vinyasa Flow",
      description: "Start your day with an energizing vinyasa practice",
      thumbnail: "https://example.com/flow.jpg",
      sessionType: "GROUP",
      scheduledStartTime: "2030-01-15T10:00:00.000Z",
      scheduledEndTime: "2030-01-15T11:00:00.000Z",
      actualStartTime: null,
      actualEndTime: null,
      maxParticipants: 10,
      seatsLeft: 10,
      currentViewers: 0,
      price: 0,
      currency: "INR",
      isFree: true,
      status: "SCHEDULED",
      // No room yet, even for the owner.
      hmsDetails: null,
      recordingS3Key: null,
      recordedLessonId: null,
      recordingAvailable: false,
      enrolledCount: 0,
      attendedCount: 0,
      metadata: { category: "Vinyasa", difficulty: "Beginner", equipment: ["Yoga Mat"], tags: ["morning", "flow"] },
      featured: false,
      viewerEnrollment: null,
      participants: [],
      createdAt: T0,
      updatedAt: T0,
    });

    // sessions: anonymous browsing sees it, without the owner-only fields.
    const listed = (await t.app.gqlOk(LIST_SESSIONS, {}, null)).sessions;
    expect(listed).toMatchObject({ total: 1, limit: 20, skip: 0 });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ id: created.id, status: "SCHEDULED", hmsDetails: null, participants: null, viewerEnrollment: null });

    // enroll: Priya takes a seat.
    const enrollment = (await t.app.gqlOk(ENROLL, { sessionId: created.id }, "priya")).enroll;
    expect(enrollment.id).toMatch(/^part_[a-z0-9]+$/);
    expect(enrollment).toEqual({
      id: enrollment.id,
      participantId: enrollment.id,
      sessionId: created.id,
      userId: priyaId,
      userName: "Priya Sharma",
      userEmail: "priya@example.com",
      userAvatar: expect.stringMatching(/^data:image\/svg\+xml,/),
      enrolledAt: T0,
      attended: false,
      joinedAt: null,
      leftAt: null,
      watchTime: 0,
      paid: false,
      paymentId: null,
      paymentGateway: null,
      amountPaid: null,
      chatMessages: 0,
      feedbackRating: null,
      feedbackComment: null,
      createdAt: T0,
      updatedAt: T0,
      session: { id: created.id, enrolledCount: 1, seatsLeft: 9, status: "SCHEDULED" },
    });

    // startSession at the scheduled time.
    t.app.clock.advance(HOUR);
    const started = (await t.app.gqlOk(START_SESSION, { id: created.id }, "deepak")).startSession;
    expect(started).toEqual({
      roomId: expect.any(String),
      roomCode: expect.any(String),
      sessionUrl: `http://app.test/app/live/host/${created.id}`,
      session: {
        id: created.id,
        status: "LIVE",
        actualStartTime: "2030-01-15T10:00:00.000Z",
        hmsDetails: { roomId: started.roomId, roomCode: started.roomCode },
      },
    });
    expect(started.roomId).not.toBe("");
    expect(started.roomCode).not.toBe("");
    const rooms = roomsOf(created.id);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({ id: started.roomId, enabled: true, template_id: t.app.emulator.workspace.templateId });
    expect(t.app.emulator.roomCodes(started.roomId).map((c) => c.code)).toContain(started.roomCode);

    // joinToken: HOST for the expert, GUEST for the enrolled student, each naming the viewer.
    t.app.clock.advance(5 * MINUTE);
    const actualStart = Date.parse(started.session.actualStartTime!);
    const host = (await t.app.gqlOk(JOIN_TOKEN, { sessionId: created.id }, "deepak")).joinToken;
    expect(host).toMatchObject({ role: "HOST", userName: "Deepak Kumar" });
    const guest = (await t.app.gqlOk(JOIN_TOKEN, { sessionId: created.id }, "priya")).joinToken;
    expect(guest).toMatchObject({ role: "GUEST", userName: "Priya Sharma" });

    for (const [issued, role, userId] of [
      [host, "host", deepakId],
      [guest, "guest", priyaId],
    ] as const) {
      expect(decodeJwtHeader(issued.token)).toMatchObject({ alg: "HS256" });
      const claims = decodeJwtPayload(issued.token);
      expect(claims).toMatchObject({ type: "app", version: 2, room_id: started.roomId, role, user_id: userId });
      expect(claims.access_key).toEqual(expect.any(String));
      expect(claims.jti).toEqual(expect.any(String));
      const exp = claims.exp as number;
      const iat = claims.iat as number;
      expect(iat).toBe(Math.floor(t.app.clock.now().getTime() / 1000));
      expect(exp).toBeGreaterThan(iat);
      expect(exp * 1000).toBeLessThanOrEqual(actualStart + 7 * HOUR);
      expect(Date.parse(issued.expiresAt)).toBe(exp * 1000);
    }
    expect(decodeJwtPayload(host.token).jti).not.toBe(decodeJwtPayload(guest.token).jti);

    // endSession 45 minutes (and a few seconds) after the actual start.
    t.app.clock.set(new Date(actualStart + 45 * MINUTE + 20_000));
    const endedAt = t.app.clock.now().toISOString();
    const ended = (await t.app.gqlOk(END_SESSION, { id: created.id }, "deepak")).endSession;
    expect(ended).toEqual({
      sessionId: created.id,
      duration: 45,
      session: { id: created.id, status: "ENDED", actualStartTime: started.session.actualStartTime, actualEndTime: endedAt, currentViewers: 0 },
    });
    // Nobody was in the room, so it was disabled: nobody can open it again.
    expect(t.app.emulator.room(started.roomId)?.enabled).toBe(false);

    // The ended session is still listed (only cancelled ones are left out) and filterable by status.
    const afterwards = (await t.app.gqlOk(LIST_SESSIONS, { status: "ENDED" }, "priya")).sessions;
    expect(afterwards.total).toBe(1);
    expect(afterwards.items[0]).toMatchObject({ id: created.id, status: "ENDED", enrolledCount: 1, viewerEnrollment: { id: enrollment.id } });
    expect((await t.app.gqlOk(LIST_SESSIONS, {}, null)).sessions.total).toBe(1);
  });

  it("keeps the token's expiry tied to the actual start, however late the token is asked for", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    const started = (await t.app.gqlOk(START_SESSION, { id }, "deepak")).startSession;
    const actualStart = Date.parse(started.session.actualStartTime!);
    expect(actualStart).toBe(Date.parse(T0));

    t.app.clock.advance(5 * HOUR);
    const late = (await t.app.gqlOk(JOIN_TOKEN, { sessionId: id }, "priya")).joinToken;
    const claims = decodeJwtPayload(late.token);
    expect((claims.exp as number) * 1000).toBeLessThanOrEqual(actualStart + 7 * HOUR);
    expect(Date.parse(late.expiresAt)).toBeLessThanOrEqual(actualStart + 7 * HOUR);
    expect(claims.exp as number).toBeGreaterThan(claims.iat as number);
  });

  it("ending with a peer in the room ends the room with a lock so nobody can rejoin", async () => {
    const id = await createSessionId(t.app, {}, 1);
    const { roomId } = (await t.app.gqlOk(START_SESSION, { id }, "deepak")).startSession;
    const deepakId = await myId("deepak");
    t.app.emulator.joinPeer(roomId, { userId: deepakId, role: "host", name: "Deepak Kumar" });
    expect(t.app.emulator.activeSession(roomId)).toBeDefined();

    t.app.clock.advance(30 * MINUTE);
    const ended = (await t.app.gqlOk(END_SESSION, { id }, "deepak")).endSession;
    expect(ended.duration).toBe(30);
    expect(t.app.emulator.activeSession(roomId)).toBeUndefined();
    expect(() => t.app.emulator.joinPeer(roomId, { userId: deepakId, role: "host", name: "Deepak Kumar" })).toThrow();
  });

  it("starting a live session again returns the same room, and ending twice is harmless", async () => {
    const id = await createSessionId(t.app, {}, 1);
    const first = (await t.app.gqlOk(START_SESSION, { id }, "deepak")).startSession;
    t.app.clock.advance(2 * MINUTE);
    const second = (await t.app.gqlOk(START_SESSION, { id }, "deepak")).startSession;
    expect(second.roomId).toBe(first.roomId);
    expect(second.roomCode).toBe(first.roomCode);
    expect(second.session.actualStartTime).toBe(first.session.actualStartTime);
    expect(roomsOf(id)).toHaveLength(1);

    t.app.clock.advance(10 * MINUTE);
    const once = (await t.app.gqlOk(END_SESSION, { id }, "deepak")).endSession;
    t.app.clock.advance(10 * MINUTE);
    const twice = (await t.app.gqlOk(END_SESSION, { id }, "deepak")).endSession;
    expect(once.duration).toBe(12);
    expect(twice).toEqual(once);
  });
});

describe("enum spellings", () => {
  it("round-trips SessionType ONE_ON_ONE, GROUP and WORKSHOP; a 1-on-1 has one seat", async () => {
    const one = (
      await t.app.gqlOk(
        CREATE_SESSION,
        { input: createInput(t.app.clock, { sessionType: "ONE_ON_ONE", maxParticipants: null, title: "Private alignment" }, 2) },
        "deepak",
      )
    ).createSession;
    expect(one).toMatchObject({ sessionType: "ONE_ON_ONE", maxParticipants: 1, seatsLeft: 1 });
    const workshop = (
      await t.app.gqlOk(
        CREATE_SESSION,
        { input: createInput(t.app.clock, { sessionType: "WORKSHOP", maxParticipants: null, title: "Arm balance workshop" }, 3) },
        "deepak",
      )
    ).createSession;
    expect(workshop).toMatchObject({ sessionType: "WORKSHOP", maxParticipants: null, seatsLeft: null });
    const { sessionType: _omitted, ...withoutType } = createInput(t.app.clock, { title: "Default type" }, 4);
    const group = (await t.app.gqlOk(CREATE_SESSION, { input: withoutType }, "deepak")).createSession;
    expect(group.sessionType).toBe("GROUP");

    const read = await t.app.gqlOk(GET_SESSION, { id: one.id }, null);
    expect(read.session).toMatchObject({ id: one.id, sessionType: "ONE_ON_ONE" });
    const all = (await t.app.gqlOk(LIST_SESSIONS, {}, null)).sessions;
    expect(all.items.map((s) => s.sessionType)).toEqual(["ONE_ON_ONE", "WORKSHOP", "GROUP"]);
  });

  it("rejects the seed's lowercase spellings at the GraphQL edge", async () => {
    const res = await t.app.gql(CREATE_SESSION, { input: createInput(t.app.clock, { sessionType: "1-on-1" }) }, "deepak");
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/SessionType/);
  });

  it("reports SessionStatus SCHEDULED, LIVE, ENDED and CANCELLED and filters by each", async () => {
    const scheduled = await createSessionId(t.app, { title: "Stays scheduled" }, 1);
    const live = await createSessionId(t.app, { title: "Goes live" }, 2);
    const ended = await createSessionId(t.app, { title: "Ends" }, 3);
    const cancelled = await createSessionId(t.app, { title: "Is cancelled" }, 4);
    await t.app.gqlOk(START_SESSION, { id: live }, "deepak");
    await t.app.gqlOk(START_SESSION, { id: ended }, "deepak");
    await t.app.gqlOk(END_SESSION, { id: ended }, "deepak");
    const cancel = (await t.app.gqlOk(CANCEL_SESSION, { id: cancelled }, "deepak")).cancelSession;
    expect(cancel).toEqual({ id: cancelled, status: "CANCELLED", updatedAt: T0 });

    for (const [status, id] of [
      ["SCHEDULED", scheduled],
      ["LIVE", live],
      ["ENDED", ended],
      ["CANCELLED", cancelled],
    ] as const) {
      const page = (await t.app.gqlOk(LIST_SESSIONS, { status }, null)).sessions;
      expect(page).toEqual({ total: 1, limit: 20, skip: 0, items: [expect.objectContaining({ id, status })] });
    }
    // Without a status filter, cancelled sessions are left out; `session(id)` still finds them.
    const all = (await t.app.gqlOk(LIST_SESSIONS, {}, null)).sessions;
    expect(all.total).toBe(3);
    expect(all.items.map((s) => s.id)).toEqual([scheduled, live, ended]);
    expect((await t.app.gqlOk(GET_SESSION, { id: cancelled }, null)).session!.status).toBe("CANCELLED");
  });
});
