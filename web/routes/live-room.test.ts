/**
 * The pages of a session's life after it starts: live viewers and attendance moving on
 * the expert's pages while the emulator's peers come and go (its webhooks reach the app
 * over HTTP), the recording offered to the right people, and a participant's rating.
 */
import { describe, expect, it } from "vitest";
import type { DemoUserKey } from "../../api/stand-ins/auth0/demo-users.js";
import { useTestApp } from "../../api/test-support/hooks.js";
import { sessionInput } from "../../api/test-support/service-harness.js";
import { outcome, webContextAs } from "../../api/test-support/web-context.js";
import * as detail from "./app.live.$id";
import * as dashboard from "./app.live.dashboard";
import * as host from "./app.live.host.$id";

const t = useTestApp();

async function args(path: string, who: DemoUserKey | null, params: Record<string, string> = {}, form?: Record<string, string>) {
  const request = new Request(`http://app.test${path}`, form ? { method: "POST", body: new URLSearchParams(form) } : undefined);
  return { request, params, context: await webContextAs(t.app, who) } as never;
}

/** Started, with Priya enrolled (and Tom too when asked). */
async function liveSession({ withTom = false } = {}) {
  const services = t.app.composition.services;
  const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", email: "deepak@example.com", roles: ["expert"] });
  const priya = await services.resolveViewer({ subject: "local|priya", name: "Priya Sharma", email: "priya@example.com", roles: [] });
  const created = await services.createSession(deepak, sessionInput(t.app.clock));
  const tom = await services.resolveViewer({ subject: "local|tom", name: "Tom Becker", email: "tom@example.com", roles: [] });
  await services.enroll(priya, created.id);
  if (withTom) await services.enroll(tom, created.id);
  const { session } = await services.startSession(deepak, created.id);
  return { session, deepak, priya, tom };
}

type HostData = Awaited<ReturnType<typeof host.loader>>;
type DashboardData = Awaited<ReturnType<typeof dashboard.loader>>;

describe("the expert watches attendance move", () => {
  it("live viewers and attendance follow the emulator's students joining and leaving", async () => {
    const { session, priya, tom } = await liveSession({ withTom: true });
    const hostNumbers = async () => {
      const d = (await host.loader(await args(`/app/live/host/${session.id}`, "deepak", { id: session.id }))) as HostData;
      return [d.session.currentViewers, d.session.attendedCount];
    };
    const dashboardNumbers = async () => {
      const d = (await dashboard.loader(await args("/app/live/dashboard", "deepak"))) as DashboardData;
      const row = d.sessions.find((s) => s.id === session.id)!;
      return [row.currentViewers, row.attendedCount];
    };
    expect(await hostNumbers()).toEqual([0, 0]);

    const add = async () => host.action(await args(`/app/live/host/${session.id}`, "deepak", { id: session.id }, { intent: "add-student" }));
    await add();
    await add();
    await t.app.emulator.webhooksSettled();
    expect(await hostNumbers()).toEqual([2, 2]);
    // The pretend students are the enrolled ones, under their own user ids; there are only two.
    const peers = Object.values(t.app.emulator.activeSession(session.hmsRoomId!)!.peers);
    expect(peers.map((p) => p.user_id).sort()).toEqual([priya.id, tom.id].sort());
    expect(await add()).toEqual({ pretendProblem: "Every enrolled student is already in the room." });
    expect(await dashboardNumbers()).toEqual([2, 2]);

    await host.action(await args(`/app/live/host/${session.id}`, "deepak", { id: session.id }, { intent: "remove-student" }));
    await t.app.emulator.webhooksSettled();
    expect(await hostNumbers()).toEqual([1, 2]);
    expect(await dashboardNumbers()).toEqual([1, 2]);
  });

  it("only the session's expert can bring in pretend students", async () => {
    const { session } = await liveSession();
    const other = await outcome(async () => host.action(await args(`/app/live/host/${session.id}`, "meera", { id: session.id }, { intent: "add-student" })));
    expect(other.response?.status).toBe(403);
    await t.app.emulator.webhooksSettled();
    expect(Object.keys(t.app.emulator.activeSession(session.hmsRoomId!)?.peers ?? {})).toHaveLength(0);
  });
});

describe("after the class", () => {
  async function recordedAndEnded() {
    const { session, priya } = await liveSession();
    const roomId = session.hmsRoomId!;
    t.app.emulator.joinPeer(roomId, { userId: priya.id, role: "guest", name: priya.name });
    // The template records by itself (HMS_RECORDING=template, the default).
    await t.app.emulator.webhooksSettled();
    t.app.clock.advance(45 * 60_000);
    await detail.action(await args(`/app/live/${session.id}`, "deepak", { id: session.id }, { intent: "end" }));
    await t.app.emulator.webhooksSettled();
    return session;
  }

  it("offers the recording to the enrolled student, who is sent to a fresh link, and not to others", async () => {
    const session = await recordedAndEnded();
    type DetailData = Awaited<ReturnType<typeof detail.loader>>;
    const asPriya = (await detail.loader(await args(`/app/live/${session.id}`, "priya", { id: session.id }))) as DetailData;
    expect(asPriya.session.viewerCan.watchRecording.allowed).toBe(true);
    const asTom = (await detail.loader(await args(`/app/live/${session.id}`, "tom", { id: session.id }))) as DetailData;
    expect(asTom.session.viewerCan.watchRecording.allowed).toBe(false);

    const watch = await outcome(async () => detail.action(await args(`/app/live/${session.id}`, "priya", { id: session.id }, { intent: "watch" })));
    expect(watch.response?.status).toBe(302);
    const link = watch.response!.headers.get("Location")!;
    expect(link).toContain("/_emulator/recording-files/");
    expect((await fetch(link)).status).toBe(200);
    const refused = await outcome(async () => detail.action(await args(`/app/live/${session.id}`, "tom", { id: session.id }, { intent: "watch" })));
    expect(refused.response?.status).toBe(403);
  });

  it("lets a participant who attended rate it, and shows the expert the average and comment", async () => {
    const session = await recordedAndEnded();
    const sent = await outcome(async () =>
      detail.action(await args(`/app/live/${session.id}`, "priya", { id: session.id }, { intent: "feedback", rating: "4", comment: "Lovely pace" })),
    );
    expect(sent.value).toMatchObject({ ok: expect.stringMatching(/Thank you/) });
    const bad = await outcome(async () =>
      detail.action(await args(`/app/live/${session.id}`, "priya", { id: session.id }, { intent: "feedback", rating: "9" })),
    );
    expect(bad.value).toMatchObject({ error: expect.any(String) });
    type DetailData = Awaited<ReturnType<typeof detail.loader>>;
    const asExpert = (await detail.loader(await args(`/app/live/${session.id}`, "deepak", { id: session.id }))) as DetailData;
    expect(asExpert.session.feedback).toMatchObject({ count: 1, averageRating: 4, comments: [{ userName: "Priya Sharma", rating: 4, comment: "Lovely pace" }] });
    const asStudent = (await detail.loader(await args(`/app/live/${session.id}`, "priya", { id: session.id }))) as DetailData;
    expect(asStudent.session.feedback).toBeNull();
    expect(asStudent.session.viewerEnrollment).toMatchObject({ attended: true, feedbackRating: 4 });
  });
});
