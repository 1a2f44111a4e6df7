/**
 * Reading sessions through GraphQL: who sees what (hmsDetails, participants,
 * viewerEnrollment, me), enrollment as an integrator sees it, and the list's filters,
 * order and pages.
 */
import { describe, expect, it } from "vitest";
import {
  CANCEL_SESSION,
  ENROLL,
  GET_SESSION,
  LIST_SESSIONS,
  ME,
  START_SESSION,
  createSessionId,
} from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { asGraphQLPayment, payAs } from "../test-support/payments.js";
import type { Caller } from "../test-support/test-app.js";

const t = useTestApp();


interface SessionView {
  id: string;
  enrolledCount: number;
  seatsLeft: number | null;
  hmsDetails: { roomId: string; roomCode: string; sessionId: string | null; recordingId: string | null } | null;
  viewerEnrollment: { id: string; participantId: string; userId: string } | null;
  participants: { id: string; userId: string; userName: string; userEmail: string | null; userAvatar: string | null; paid: boolean }[] | null;
}

async function sessionAs(id: string, as: Caller): Promise<SessionView> {
  return (await t.app.gqlOk(GET_SESSION, { id }, as)).session!;
}

async function listedAs(id: string, as: Caller): Promise<SessionView> {
  const items = (await t.app.gqlOk(LIST_SESSIONS, { limit: 100 }, as)).sessions.items;
  const found = items.find((s) => s.id === id);
  expect(found, `session ${id} in the list`).toBeDefined();
  return found!;
}

async function idOf(as: Exclude<Caller, null>): Promise<string> {
  return (await t.app.gqlOk(ME, {}, as)).me!.id;
}


describe("visibility", () => {
  it("hmsDetails is the owning expert's alone, in session(id) and in the list", async () => {
    const id = await createSessionId(t.app, {}, 1);
    await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    const { roomId, roomCode } = (await t.app.gqlOk(START_SESSION, { id }, "deepak"))
      .startSession;

    for (const read of [sessionAs, listedAs]) {
      expect((await read(id, "deepak")).hmsDetails).toEqual({ roomId, roomCode, sessionId: null, recordingId: null });
      for (const other of [null, "priya", "tom", "meera", "admin"] as const) {
        expect((await read(id, other)).hmsDetails, `hmsDetails as ${other}`).toBeNull();
      }
    }
  });

  it("participants are the owning expert's alone, with each participant's name and email", async () => {
    const id = await createSessionId(t.app);
    const priya = await t.app.gqlOk(ENROLL, { sessionId: id }, "priya");
    t.app.clock.advance(60_000);
    const tom = await t.app.gqlOk(ENROLL, { sessionId: id }, "tom");

    for (const read of [sessionAs, listedAs]) {
      const owner = await read(id, "deepak");
      expect(owner.participants).toEqual([
        {
          id: priya.enroll.id,
          participantId: priya.enroll.id,
          userId: priya.enroll.userId,
          userName: "Priya Sharma",
          userEmail: "priya@example.com",
          userAvatar: expect.stringMatching(/^data:image\/svg\+xml,/),
          paid: false,
        },
        {
          id: tom.enroll.id,
          participantId: tom.enroll.id,
          userId: tom.enroll.userId,
          userName: "Tom Becker",
          userEmail: "tom@example.com",
          userAvatar: expect.stringMatching(/^data:image\/svg\+xml,/),
          paid: false,
        },
      ]);
      for (const other of [null, "priya", "tom", "lena", "meera", "admin"] as const) {
        expect((await read(id, other)).participants, `participants as ${other}`).toBeNull();
      }
    }
  });

  it("the owner sees an empty participant list, not null, before anyone enrolls", async () => {
    const id = await createSessionId(t.app);
    expect((await sessionAs(id, "deepak")).participants).toEqual([]);
    expect((await sessionAs(id, "meera")).participants).toBeNull();
  });

  it("viewerEnrollment is the caller's own enrollment, and nobody else's", async () => {
    const id = await createSessionId(t.app);
    const priya = (await t.app.gqlOk(ENROLL, { sessionId: id }, "priya")).enroll;
    const tom = (await t.app.gqlOk(ENROLL, { sessionId: id }, "tom")).enroll;
    const priyaId = await idOf("priya");

    for (const read of [sessionAs, listedAs]) {
      expect((await read(id, "priya")).viewerEnrollment).toEqual({ id: priya.id, participantId: priya.id, userId: priyaId });
      expect((await read(id, "tom")).viewerEnrollment?.id).toBe(tom.id);
      expect((await read(id, "lena")).viewerEnrollment).toBeNull();
      expect((await read(id, "deepak")).viewerEnrollment).toBeNull();
      expect((await read(id, null)).viewerEnrollment).toBeNull();
    }
  });

  it("viewerEnrollment in a list marks only the sessions the caller enrolled in", async () => {
    const a = await createSessionId(t.app, { title: "First" }, 1);
    const b = await createSessionId(t.app, { title: "Second" }, 2);
    const c = await createSessionId(t.app, { title: "Third" }, 3);
    const inA = (await t.app.gqlOk(ENROLL, { sessionId: a }, "priya")).enroll;
    const inC = (await t.app.gqlOk(ENROLL, { sessionId: c }, "priya")).enroll;
    await t.app.gqlOk(ENROLL, { sessionId: b }, "tom");

    const items = (await t.app.gqlOk(LIST_SESSIONS, {}, "priya")).sessions.items;
    expect(items.map((s) => [s.id, s.viewerEnrollment?.id ?? null])).toEqual([
      [a, inA.id],
      [b, null],
      [c, inC.id],
    ]);
  });

  it("me is null anonymously and the signed-in user otherwise", async () => {
    const anonymous = await t.app.gql(ME, {}, null);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data).toEqual({ me: null });

    const priya = (await t.app.gqlOk(ME, {}, "priya")).me!;
    expect(priya).toEqual({
      id: expect.stringMatching(/^usr_[a-z0-9]+$/),
      name: "Priya Sharma",
      email: "priya@example.com",
      avatar: expect.stringMatching(/^data:image\/svg\+xml,/),
      roles: [],
      isExpert: false,
    });
    const deepak = (await t.app.gqlOk(ME, {}, "deepak")).me!;
    expect(deepak).toMatchObject({ name: "Deepak Kumar", email: "deepak@example.com", roles: ["expert"], isExpert: true });
    expect(deepak.id).not.toBe(priya.id);
    expect((await t.app.gqlOk(ME, {}, "admin")).me!).toMatchObject({ roles: ["admin"], isExpert: false });
  });

  it("an expert's email is theirs and admins' to see, not the public's", async () => {
    const id = await createSessionId(t.app);
    const query = "query ($id: ID!) { session(id: $id) { expert { name email } } }";
    const expertAs = async (as: Caller) =>
      (await t.app.gqlOk<{ session: { expert: { name: string; email: string | null } } }>(query, { id }, as)).session.expert;
    expect(await expertAs(null)).toEqual({ name: "Deepak Kumar", email: null });
    expect(await expertAs("priya")).toEqual({ name: "Deepak Kumar", email: null });
    expect(await expertAs("meera")).toEqual({ name: "Deepak Kumar", email: null });
    expect(await expertAs("deepak")).toEqual({ name: "Deepak Kumar", email: "deepak@example.com" });
    expect(await expertAs("admin")).toEqual({ name: "Deepak Kumar", email: "deepak@example.com" });
  });
});

describe("enrollment", () => {
  it("enrolling twice returns the same participantId and counts once", async () => {
    const id = await createSessionId(t.app, { maxParticipants: 5 });
    const first = (await t.app.gqlOk(ENROLL, { sessionId: id }, "priya")).enroll;
    t.app.clock.advance(60_000);
    const second = (await t.app.gqlOk(ENROLL, { sessionId: id }, "priya")).enroll;
    expect(second.participantId).toBe(first.participantId);
    expect(second.id).toBe(first.id);
    expect(second.enrolledAt).toBe(first.enrolledAt);
    expect(second.session).toMatchObject({ enrolledCount: 1, seatsLeft: 4 });

    const session = await sessionAs(id, "deepak");
    expect(session).toMatchObject({ enrolledCount: 1, seatsLeft: 4 });
    expect(session.participants).toHaveLength(1);
  });

  it("enrolling twice in a full session still answers the first enrollment", async () => {
    const id = await createSessionId(t.app, { maxParticipants: 1 });
    const first = (await t.app.gqlOk(ENROLL, { sessionId: id }, "priya")).enroll;
    const again = (await t.app.gqlOk(ENROLL, { sessionId: id }, "priya")).enroll;
    expect(again.id).toBe(first.id);
  });

  it.each([
    ["STRIPE", 499, "INR"],
    ["RAZORPAY", 12.5, "USD"],
  ] as const)("a priced session with a %s payment enrolls as paid, for the price", async (gateway, price, currency) => {
    const id = await createSessionId(t.app, { price, currency });
    const created = (await t.app.gqlOk(GET_SESSION, { id }, null)).session!;
    expect(created).toMatchObject({ price, currency, isFree: false });

    const payment = asGraphQLPayment(await payAs(t.app, "priya", { id, price, currency }, gateway === "STRIPE" ? "stripe" : "razorpay"));
    const enrollment = (await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya")).enroll;
    expect(enrollment).toMatchObject({
      paid: true,
      paymentId: payment.paymentId,
      paymentGateway: gateway,
      amountPaid: price,
      session: { enrolledCount: 1 },
    });
    const [participant] = (await sessionAs(id, "deepak")).participants!;
    expect(participant).toMatchObject({ id: enrollment.id, paid: true });
  });

  it("a free session ignores a payment that was sent anyway", async () => {
    const id = await createSessionId(t.app, { price: 0 });
    const payment = { paymentId: "pay_1", paymentGateway: "STRIPE" };
    const enrollment = (await t.app.gqlOk(ENROLL, { sessionId: id, payment }, "priya")).enroll;
    expect(enrollment).toMatchObject({ paid: false, paymentId: null, paymentGateway: null, amountPaid: null });
  });

  it("enrollment counts and seats follow each new student", async () => {
    const id = await createSessionId(t.app, { maxParticipants: 3 });
    for (const [n, who] of (["priya", "tom", "lena"] as const).entries()) {
      const e = (await t.app.gqlOk(ENROLL, { sessionId: id }, who)).enroll;
      expect(e.session).toEqual({ id, enrolledCount: n + 1, seatsLeft: 2 - n, status: "SCHEDULED" });
    }
  });
});

describe("the sessions list", () => {
  it("orders by scheduled start, filters by expert, pages with limit and skip, and counts every match", async () => {
    const meeraId = await idOf("meera");
    const d3 = await createSessionId(t.app, { title: "Deepak third" }, 30);
    const m1 = await createSessionId(t.app, { title: "Meera first" }, 10, "meera");
    const d2 = await createSessionId(t.app, { title: "Deepak second" }, 20);
    const m4 = await createSessionId(t.app, { title: "Meera fourth" }, 40, "meera");
    const gone = await createSessionId(t.app, { title: "Cancelled" }, 5);
    await t.app.gqlOk(CANCEL_SESSION, { id: gone }, "deepak");

    const all = (await t.app.gqlOk(LIST_SESSIONS, {}, null)).sessions;
    expect(all.total).toBe(4);
    expect(all.items.map((s) => s.id)).toEqual([m1, d2, d3, m4]);

    const page = (await t.app.gqlOk(LIST_SESSIONS, { limit: 2, skip: 1 }, null))
      .sessions;
    expect(page).toEqual({ total: 4, limit: 2, skip: 1, items: [expect.objectContaining({ id: d2 }), expect.objectContaining({ id: d3 })] });

    const meeras = (await t.app.gqlOk(LIST_SESSIONS, { expertId: meeraId }, null))
      .sessions;
    expect(meeras.total).toBe(2);
    expect(meeras.items.map((s) => [s.id, s.expertName])).toEqual([
      [m1, "Meera Iyer"],
      [m4, "Meera Iyer"],
    ]);

    const beyond = (await t.app.gqlOk(LIST_SESSIONS, { skip: 10 }, null)).sessions;
    expect(beyond).toMatchObject({ total: 4, items: [] });
  });

  it("breaks ties in start time by id", async () => {
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await createSessionId(t.app, { title: `Same time ${i}` }, 5));
    const items = (await t.app.gqlOk(LIST_SESSIONS, {}, null)).sessions.items;
    expect(items.map((s) => s.id)).toEqual([...ids].sort());
  });
});
