import { describe, expect, it } from "vitest";
import { createReaders } from "../readers.js";
import { expectDomainError } from "../../test-support/expect-domain-error.js";
import { useServiceHarness } from "../../test-support/hooks.js";
import { deliver, hmsWebhooks as hook } from "../../test-support/hms-webhook-payloads.js";
import { sessionInput } from "../../test-support/service-harness.js";
import type { Viewer } from "../viewer.js";
import { summarizeFeedback } from "./feedback-rules.js";

const t = useServiceHarness();
const DAY = 24 * 3_600_000;

/** A session priya and tom attended (lena enrolled but stayed away), ended at the clock's now. */
async function endedClass(hmsSessionId = "633c22b420636a0cb361dea0") {
  const deepak = await t.h.viewer("deepak");
  const [priya, tom, lena] = [await t.h.viewer("priya"), await t.h.viewer("tom"), await t.h.viewer("lena")];
  const created = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
  for (const s of [priya, tom, lena]) await t.h.services.enroll(s, created.id);
  const { session } = await t.h.services.startSession(deepak, created.id);
  const room = { roomId: session.hmsRoomId!, roomName: "r", sessionId: hmsSessionId, sessionStartedAt: t.h.clock.now() };
  const attend = async (v: Viewer) =>
    deliver(t.h.services, hook.peerJoin(room, { peerId: `peer-${hmsSessionId}-${v.id}`, userId: v.id, userName: v.name, role: "guest" }, t.h.clock.now()));
  await attend(priya);
  await attend(tom);
  t.h.clock.advance(3_600_000);
  await t.h.services.endSession(deepak, session.id);
  return { session, deepak, priya, tom, lena };
}

describe("submitFeedback", () => {
  it("lets a participant who attended rate the ended session, with or without a comment", async () => {
    const { session, priya, tom } = await endedClass();
    const p = await t.h.services.submitFeedback(priya, session.id, { rating: 5, comment: "  Lovely flow, thank you!  " });
    expect(p).toMatchObject({ userId: priya.id, feedbackRating: 5, feedbackComment: "Lovely flow, thank you!", feedbackAt: t.h.clock.now() });
    const q = await t.h.services.submitFeedback(tom, session.id, { rating: 3 });
    expect(q).toMatchObject({ feedbackRating: 3, feedbackComment: null });
    expect(await t.h.services.submitFeedback(tom, session.id, { rating: 4, comment: "" })).toMatchObject({ feedbackComment: null });
  });

  it("keeps one rating per participant: sending again replaces it, for 7 days after the end", async () => {
    const { session, priya } = await endedClass();
    await t.h.services.submitFeedback(priya, session.id, { rating: 2, comment: "Too fast" });
    t.h.clock.advance(7 * DAY);
    const edited = await t.h.services.submitFeedback(priya, session.id, { rating: 4, comment: "Better on a second thought" });
    expect(edited).toMatchObject({ feedbackRating: 4, feedbackComment: "Better on a second thought", feedbackAt: t.h.clock.now() });
    const rows = await t.database.query<{ n: number }>("select count(*)::int as n from live_session_participants where feedback_rating is not null");
    expect(rows[0]!.n).toBe(1);
    t.h.clock.advance(1000);
    await expectDomainError(t.h.services.submitFeedback(priya, session.id, { rating: 1 }), "FAILED_PRECONDITION", /closed 7 days after it ended/);
  });

  it("refuses those who did not attend, the expert, strangers, and sessions not yet over", async () => {
    const { session, deepak, lena } = await endedClass();
    await expectDomainError(t.h.services.submitFeedback(null, session.id, { rating: 5 }), "UNAUTHENTICATED");
    await expectDomainError(t.h.services.submitFeedback(lena, session.id, { rating: 5 }), "FAILED_PRECONDITION", /after attending/);
    await expectDomainError(t.h.services.submitFeedback(deepak, session.id, { rating: 5 }), "FORBIDDEN", /expert/);
    await expectDomainError(t.h.services.submitFeedback(await t.h.viewer("meera"), session.id, { rating: 5 }), "FORBIDDEN", /participants who attended/);
    await expectDomainError(t.h.services.submitFeedback(lena, "ses_doesnotexist00", { rating: 5 }), "NOT_FOUND");

    const live = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
    await t.h.services.enroll(lena, live.id);
    await t.h.services.startSession(deepak, live.id);
    await expectDomainError(t.h.services.submitFeedback(lena, live.id, { rating: 5 }), "FAILED_PRECONDITION", /once it has ended/);
  });

  it.each([
    [{ rating: 0 }, /rating must be a whole number from 1 to 5/],
    [{ rating: 6 }, /rating must be a whole number from 1 to 5/],
    [{ rating: 4.5 }, /rating must be a whole number from 1 to 5/],
    [{ rating: "5" }, /rating must be a whole number from 1 to 5/],
    [{}, /rating/],
    [{ rating: 5, comment: "x".repeat(2001) }, /comment must be at most 2000 characters/],
    [{ rating: 5, comment: 42 }, /comment must be text/],
    [{ rating: 5, stars: 5 }, /Unknown field\(s\): stars/],
  ])("refuses %j with a message naming the field", async (input, message) => {
    const { session, priya } = await endedClass();
    await expectDomainError(t.h.services.submitFeedback(priya, session.id, input), "BAD_USER_INPUT", message);
  });

  it("accepts a comment of exactly 2000 characters", async () => {
    const { session, priya } = await endedClass();
    expect((await t.h.services.submitFeedback(priya, session.id, { rating: 5, comment: "x".repeat(2000) })).feedbackComment).toHaveLength(2000);
  });
});

describe("the expert's view of the feedback", () => {
  it("averages the ratings and lists the comments, newest first, for the session's expert only", async () => {
    const { session, deepak, priya, tom } = await endedClass();
    await t.h.services.submitFeedback(priya, session.id, { rating: 5, comment: "Lovely" });
    t.h.clock.advance(60_000);
    await t.h.services.submitFeedback(tom, session.id, { rating: 2, comment: "Too fast for me" });
    const row = (await t.h.services.getSession(null, session.id))!;
    const summary = await createReaders(t.h.deps.db, deepak).feedback(row);
    expect(summary).toMatchObject({ count: 2, averageRating: 3.5, ratingCounts: [0, 1, 0, 0, 1] });
    expect(summary!.comments.map((c) => [c.userName, c.rating, c.comment])).toEqual([
      [tom.name, 2, "Too fast for me"],
      [priya.name, 5, "Lovely"],
    ]);
    expect(await createReaders(t.h.deps.db, priya).feedback(row)).toBeNull();
    expect(await createReaders(t.h.deps.db, null).feedback(row)).toBeNull();
  });

  it("summarizes no ratings as none", () => {
    expect(summarizeFeedback([])).toEqual({ count: 0, averageRating: null, ratingCounts: [0, 0, 0, 0, 0], comments: [] });
    const at = new Date();
    expect(summarizeFeedback([1, 2, 2].map((rating, i) => ({ participantId: `p${i}`, userName: "x", rating, comment: null, at }))).averageRating).toBe(1.67);
  });
});

describe("an expert's profile", () => {
  it("counts and averages the ratings of all the expert's classes, and is null for anyone who is not an expert", async () => {
    const { session, deepak, priya, tom } = await endedClass();
    expect(await t.h.services.expertProfile(null, deepak.id)).toMatchObject({ user: { id: deepak.id }, ratingCount: 0, averageRating: null });
    await t.h.services.submitFeedback(priya, session.id, { rating: 5 });
    await t.h.services.submitFeedback(tom, session.id, { rating: 4, comment: "Good pace" });
    // A second class of his, rated by priya: 5 + 4 + 2 over three ratings.
    const second = await endedClass("633c22b420636a0cb361dea1");
    await t.h.services.submitFeedback(second.priya, second.session.id, { rating: 2 });
    expect(await t.h.services.expertProfile(null, deepak.id)).toMatchObject({ ratingCount: 3, averageRating: 3.67 });
    // Another expert's ratings are their own.
    const meera = await t.h.viewer("meera");
    expect(await t.h.services.expertProfile(priya, meera.id)).toMatchObject({ ratingCount: 0, averageRating: null });
    expect(await t.h.services.expertProfile(null, priya.id)).toBeNull();
    expect(await t.h.services.expertProfile(null, "usr_nobody")).toBeNull();
    await expectDomainError(t.h.services.expertProfile(null, "x".repeat(65)), "BAD_USER_INPUT", /expert id is too long/);
  });
});
