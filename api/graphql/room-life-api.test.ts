/**
 * After the class starts, through GraphQL with the app's own emulator sending webhooks:
 * attendance for the expert, the recording link, feedback, and who sees what.
 */
import { describe, expect, it } from "vitest";
import { createInput } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { graphql } from "../test-support/__generated__/index.js";

const t = useTestApp();

const ROOM_LIFE = graphql(`
  query RoomLife($id: ID!) {
    session(id: $id) {
      status
      currentViewers
      attendedCount
      recordingAvailable
      canWatchRecording
      recordingS3Key
      hmsDetails { sessionId recordingId }
      participants { userName attended joinedAt leftAt watchTime feedbackRating feedbackComment feedbackAt }
      viewerEnrollment { attended watchTime feedbackRating }
      feedback { count averageRating ratingCounts comments { participantId userName rating comment at } }
    }
  }
`);
const RECORDING_URL = graphql(`
  query RecordingUrl($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt durationSeconds } }
`);
const SUBMIT_FEEDBACK = graphql(`
  mutation SubmitFeedback($sessionId: ID!, $input: FeedbackInput!) {
    submitFeedback(sessionId: $sessionId, input: $input) { id userName feedbackRating feedbackComment feedbackAt }
  }
`);

const idOf = async (as: "deepak" | "priya") => (await t.app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, as)).me.id;

/** Deepak teaches a free class priya and tom enrolled in; priya comes for a while, tom never does. */
async function classWithRecording() {
  const id = (await t.app.gqlOk<{ createSession: { id: string } }>(
    "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }",
    { input: createInput(t.app.clock, {}, 1) },
    "deepak",
  )).createSession.id;
  for (const who of ["priya", "tom"] as const) await t.app.gqlOk("mutation($id: ID!) { enroll(sessionId: $id) { id } }", { id }, who);
  const { startSession } = await t.app.gqlOk<{ startSession: { roomId: string } }>("mutation($id: ID!) { startSession(id: $id) { roomId } }", { id }, "deepak");
  const emu = t.app.emulator;
  emu.joinPeer(startSession.roomId, { userId: await idOf("deepak"), role: "host", name: "Deepak Kumar" });
  const priyaPeer = emu.joinPeer(startSession.roomId, { userId: await idOf("priya"), role: "guest", name: "Priya Sharma" });
  await emu.webhooksSettled();
  const during = await t.app.gqlOk(ROOM_LIFE, { id }, "deepak");
  emu.leavePeer(startSession.roomId, priyaPeer);
  t.app.clock.advance(60 * 60_000);
  await t.app.gqlOk("mutation($id: ID!) { endSession(id: $id) { sessionId } }", { id }, "deepak");
  // The room closes at 100ms; the template's recording is processed and reported.
  await emu.webhooksSettled();
  return { id, during: during.session!, roomId: startSession.roomId };
}

describe("a class's room life through GraphQL", () => {
  it("shows the expert viewers and attendance while live, then the recording to those who may watch it", async () => {
    const { id, during } = await classWithRecording();
    expect(during).toMatchObject({ status: "LIVE", currentViewers: 1, attendedCount: 1, recordingAvailable: false, canWatchRecording: false });
    expect(during.participants!.find((p: { userName: string }) => p.userName === "Priya Sharma")).toMatchObject({ attended: true, leftAt: null });

    const after = (await t.app.gqlOk(ROOM_LIFE, { id }, "deepak")).session!;
    expect(after).toMatchObject({
      status: "ENDED",
      currentViewers: 0,
      attendedCount: 1,
      recordingAvailable: true,
      canWatchRecording: true,
      recordingS3Key: expect.stringMatching(/^s3:\/\/.+\.mp4$/),
      hmsDetails: { sessionId: expect.stringMatching(/^[0-9a-f]{24}$/), recordingId: expect.stringMatching(/^[0-9a-f]{24}$/) },
      viewerEnrollment: null,
      feedback: { count: 0, averageRating: null, ratingCounts: [0, 0, 0, 0, 0], comments: [] },
    });
    const byName = Object.fromEntries(after.participants!.map((p: { userName: string }) => [p.userName, p]));
    expect(byName["Priya Sharma"]).toMatchObject({ attended: true, joinedAt: expect.any(String), leftAt: expect.any(String), watchTime: expect.any(Number) });
    expect(byName["Tom Becker"]).toMatchObject({ attended: false, joinedAt: null, leftAt: null, watchTime: 0 });

    const asPriya = (await t.app.gqlOk(ROOM_LIFE, { id }, "priya")).session!;
    expect(asPriya).toMatchObject({ canWatchRecording: true, participants: null, feedback: null, hmsDetails: null, viewerEnrollment: { attended: true } });
    expect((await t.app.gqlOk(ROOM_LIFE, { id }, "meera")).session!.canWatchRecording).toBe(false);
    expect((await t.app.gqlOk(ROOM_LIFE, { id })).session!.canWatchRecording).toBe(false);

    for (const who of ["deepak", "priya"] as const) {
      const link = (await t.app.gqlOk(RECORDING_URL, { sessionId: id }, who))
        .recordingUrl!;
      expect(Date.parse(link.expiresAt)).toBeGreaterThan(t.app.clock.now().getTime());
      expect(link.durationSeconds).toEqual(expect.any(Number));
      expect((await fetch(link.url)).status).toBe(200);
    }
  });

  it("shows where the recording is stored (recordingS3Key) to the session's expert and admins only", async () => {
    const { id } = await classWithRecording();
    const location = (as: "deepak" | "admin" | "priya" | "meera" | null) =>
      t.app.gqlOk<{ session: { recordingS3Key: string | null; recordingAvailable: boolean } }>(
        "query($id: ID!) { session(id: $id) { recordingS3Key recordingAvailable } }",
        { id },
        as,
      );
    for (const who of ["deepak", "admin"] as const) expect((await location(who)).session.recordingS3Key, who).toMatch(/^s3:\/\/.+\.mp4$/);
    for (const who of ["priya", "meera", null] as const) {
      expect((await location(who)).session, String(who)).toEqual({ recordingS3Key: null, recordingAvailable: true });
    }
    const listed = await t.app.gqlOk<{ sessions: { items: { id: string; recordingS3Key: string | null }[] } }>(
      "{ sessions(status: ENDED, limit: 10) { items { id recordingS3Key } } }",
    );
    expect(listed.sessions.items).toEqual([{ id, recordingS3Key: null }]);
  });

  it("refuses the recording link to anyone not enrolled, and says when there is none", async () => {
    const { id } = await classWithRecording();
    const meera = await t.app.gql(RECORDING_URL, { sessionId: id }, "meera");
    expect(meera.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The field is null, not the whole answer (schema.graphql: refusable query fields are nullable).
    expect(meera.data).toEqual({ recordingUrl: null });
    expect((await t.app.gql(RECORDING_URL, { sessionId: id })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const unrecorded = (await t.app.gqlOk<{ createSession: { id: string } }>(
      "mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }",
      { input: createInput(t.app.clock) },
      "deepak",
    )).createSession.id;
    const none = await t.app.gql(RECORDING_URL, { sessionId: unrecorded }, "deepak");
    expect(none.errors?.[0]).toMatchObject({ message: expect.stringMatching(/no recording yet/), extensions: { code: "NOT_FOUND" } });
  });

  it("takes feedback from those who attended, and shows it to the expert alone", async () => {
    const { id } = await classWithRecording();
    const given = await t.app.gqlOk(
      SUBMIT_FEEDBACK,
      { sessionId: id, input: { rating: 4, comment: "Calm and clear" } },
      "priya",
    );
    expect(given.submitFeedback).toMatchObject({ userName: "Priya Sharma", feedbackRating: 4, feedbackComment: "Calm and clear", feedbackAt: t.app.clock.now().toISOString() });
    const edited = await t.app.gqlOk(SUBMIT_FEEDBACK, { sessionId: id, input: { rating: 5, comment: null } }, "priya");
    expect(edited.submitFeedback).toMatchObject({ feedbackRating: 5, feedbackComment: null });
    await t.app.gqlOk(SUBMIT_FEEDBACK, { sessionId: id, input: { rating: 5, comment: "Wonderful" } }, "priya");

    const tom = await t.app.gql(SUBMIT_FEEDBACK, { sessionId: id, input: { rating: 1 } }, "tom");
    expect(tom.errors?.[0]?.extensions?.code).toBe("FAILED_PRECONDITION");
    const bad = await t.app.gql(SUBMIT_FEEDBACK, { sessionId: id, input: { rating: 9 } }, "priya");
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ path: "rating", message: "rating must be a whole number from 1 to 5" }] });

    const expert = (await t.app.gqlOk(ROOM_LIFE, { id }, "deepak")).session!;
    expect(expert.feedback).toEqual({
      count: 1,
      averageRating: 5,
      ratingCounts: [0, 0, 0, 0, 1],
      comments: [{ participantId: expect.any(String), userName: "Priya Sharma", rating: 5, comment: "Wonderful", at: t.app.clock.now().toISOString() }],
    });
    expect((await t.app.gqlOk(ROOM_LIFE, { id }, "priya")).session!).toMatchObject({ feedback: null, viewerEnrollment: { feedbackRating: 5 } });
  });
});
