/**
 * GET /api/live/sessions/:id/recording and POST /api/live/sessions/:id/feedback, in the
 * seed's envelopes, over the same services as GraphQL.
 */
import { describe, expect, it } from "vitest";
import { useTestApp } from "../test-support/hooks.js";
import { createSessionRest, expectFailure, expectSuccess, freeSessionBody, rest } from "../test-support/rest-client.js";

const t = useTestApp();

const userId = async (as: "priya" | "deepak") =>
  (await t.app.gqlOk<{ me: { id: string } }>("{ me { id } }", {}, as)).me.id;

/** A free class priya attended, ended and recorded; tom enrolled too but never came. */
async function recordedClass(): Promise<string> {
  const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
  for (const who of ["priya", "tom"] as const) expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: who }), 200);
  const { roomId } = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200).data;
  t.app.emulator.joinPeer(roomId, { userId: await userId("priya"), role: "guest", name: "Priya Sharma" });
  await t.app.emulator.webhooksSettled();
  t.app.clock.advance(30 * 60_000);
  expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/end`, { as: "deepak" }), 200);
  await t.app.emulator.webhooksSettled();
  return id;
}

describe("GET /api/live/sessions/:id/recording", () => {
  it("gives an enrolled participant and the expert a short-lived link", async () => {
    const id = await recordedClass();
    for (const who of ["priya", "deepak"] as const) {
      const body = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}/recording`, { as: who }), 200);
      expect(Object.keys(body).sort()).toEqual(["data", "success"]);
      expect(body.data).toEqual({ url: expect.stringMatching(/^http/), expiresAt: expect.any(String), durationSeconds: expect.any(Number) });
      expect(Date.parse(body.data.expiresAt)).toBeGreaterThan(t.app.clock.now().getTime());
    }
  });

  it("answers 401, 403 and 404 with messages a person can act on", async () => {
    const id = await recordedClass();
    expectFailure(await rest(t.app, "GET", `/api/live/sessions/${id}/recording`), 401, "Sign in to do this.");
    expectFailure(await rest(t.app, "GET", `/api/live/sessions/${id}/recording`, { as: "meera" }), 403, /enrolled participants can watch/);
    const fresh = await createSessionRest(t.app, freeSessionBody(t.app.clock));
    expectFailure(await rest(t.app, "GET", `/api/live/sessions/${fresh}/recording`, { as: "deepak" }), 404, /no recording yet/);
    expectFailure(await rest(t.app, "GET", "/api/live/sessions/ses_doesnotexist00/recording", { as: "deepak" }), 404, /No live session has the id/);
  });

  it("answers 503 while 100ms cannot be reached", async () => {
    const id = await recordedClass();
    t.app.emulator.failNext("GET /recording-assets", { status: 502 });
    expectFailure(await rest(t.app, "GET", `/api/live/sessions/${id}/recording`, { as: "priya" }), 503, /try again/);
  });
});

describe("where the recording is stored (recordingS3Key)", () => {
  it("is in the session's JSON for its expert and admins only, in the seed's shape; others get the session without it", async () => {
    const id = await recordedClass();
    for (const who of ["deepak", "admin"] as const) {
      const { session } = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: who }), 200).data;
      expect(session.recordingS3Key, who).toMatch(/^s3:\/\/.+\.mp4$/);
      expect(session.recordingAvailable).toBe(true);
    }
    for (const who of ["priya", "meera", null] as const) {
      const { session } = expectSuccess(await rest(t.app, "GET", `/api/live/sessions/${id}`, { as: who }), 200).data;
      expect(session, String(who)).not.toHaveProperty("recordingS3Key");
      expect(session.recordingAvailable).toBe(true);
      const list = expectSuccess(await rest(t.app, "GET", "/api/live/sessions?status=ended", { as: who }), 200).data;
      expect(list.map((s: { id: string }) => s.id)).toContain(id);
      for (const s of list) expect(s, String(who)).not.toHaveProperty("recordingS3Key");
    }
  });
});

describe("POST /api/live/sessions/:id/feedback", () => {
  it("rates the session and edits the rating, answering the documented shape", async () => {
    const id = await recordedClass();
    const first = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/feedback`, { as: "priya", body: { rating: 4, comment: "Lovely" } }), 200);
    expect(first).toEqual({
      success: true,
      data: { participantId: expect.stringMatching(/^part_/), rating: 4, comment: "Lovely", feedbackAt: t.app.clock.now().toISOString() },
      message: "Thank you for your feedback",
    });
    const second = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/feedback`, { as: "priya", body: { rating: 5 } }), 200);
    expect(second.data).toEqual({ participantId: first.data.participantId, rating: 5, feedbackAt: expect.any(String) });
  });

  it("refuses bad ratings, missing bodies, non-attendees and strangers", async () => {
    const id = await recordedClass();
    const path = `/api/live/sessions/${id}/feedback`;
    expectFailure(await rest(t.app, "POST", path, { as: "priya", body: { rating: 0 } }), 400, "rating must be a whole number from 1 to 5");
    expectFailure(await rest(t.app, "POST", path, { as: "priya" }), 400, /rating/);
    expectFailure(await rest(t.app, "POST", path, { as: "priya", rawBody: "5", headers: { "content-type": "text/plain" } }), 415, /JSON/);
    expectFailure(await rest(t.app, "POST", path, { as: "tom", body: { rating: 1 } }), 400, /after attending/);
    expectFailure(await rest(t.app, "POST", path, { as: "meera", body: { rating: 1 } }), 403, /participants who attended/);
    expectFailure(await rest(t.app, "POST", path, { body: { rating: 1 } }), 401, "Sign in to do this.");
  });
});
