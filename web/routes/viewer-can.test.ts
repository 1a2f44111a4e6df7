/**
 * The pages offer what the API allows (`viewerCan`), not what they would work out from the
 * status and the times: a session past its scheduled end offers no Start and says why; the
 * room's token route answers with the API's one error table.
 */
import { describe, expect, it } from "vitest";
import type { DemoUserKey } from "../../api/stand-ins/auth0/demo-users.js";
import { ERROR_MAP, httpStatusOfGraphQLCode } from "../../api/errors-map.js";
import { WebGraphQLError } from "../../api/http/web-context.js";
import { useTestApp } from "../../api/test-support/hooks.js";
import { sessionInput } from "../../api/test-support/service-harness.js";
import { webContextAs } from "../../api/test-support/web-context.js";
import * as browse from "./app.live._index";
import * as detail from "./app.live.$id";
import * as token from "./app.live.$id.token";
import * as dashboard from "./app.live.dashboard";

const t = useTestApp();
const HOUR = 3_600_000;

async function args(path: string, who: DemoUserKey | null, params: Record<string, string> = {}) {
  return { request: new Request(`http://app.test${path}`), params, context: await webContextAs(t.app, who) } as never;
}

/** Deepak's free class starting in an hour, with priya enrolled. */
async function classInAnHour() {
  const c = t.app.composition;
  const as = (key: DemoUserKey) => webContextAs(t.app, key).then((w) => w.viewer);
  const s = await c.services.createSession(await as("deepak"), sessionInput(t.app.clock, {}, 1));
  await c.services.enroll(await as("priya"), s.id);
  return s;
}

type Page = Awaited<ReturnType<typeof detail.loader>>;
const page = async (id: string, who: DemoUserKey | null) => (await detail.loader(await args(`/app/live/${id}`, who, { id }))) as Page;

describe("a session whose scheduled end passed without a start", () => {
  it("offers its expert no Start, on its page, the list and the dashboard, and says why; Cancel stays", async () => {
    const s = await classInAnHour();
    expect((await page(s.id, "deepak")).session.viewerCan).toMatchObject({ start: { allowed: true }, cancel: { allowed: true } });

    t.app.clock.advance(3 * HOUR);
    const { session } = await page(s.id, "deepak");
    // Still SCHEDULED: a page deciding from the status would offer Start, which the API refuses.
    expect(session.status).toBe("SCHEDULED");
    expect(session.viewerCan.start).toEqual({ allowed: false, reason: expect.stringMatching(/scheduled end time has passed, so it can no longer be started/), code: "FAILED_PRECONDITION", caution: null });
    expect(session.viewerCan.cancel.allowed).toBe(true);
    expect(session.viewerCan.join.allowed).toBe(false);

    const list = (await browse.loader(await args("/app/live", "deepak"))) as Awaited<ReturnType<typeof browse.loader>>;
    expect(list.sessions.items.find((i) => i.id === s.id)?.viewerCan.start.allowed).toBe(false);
    const rows = (await dashboard.loader(await args("/app/live/dashboard", "deepak"))) as Awaited<ReturnType<typeof dashboard.loader>>;
    expect(rows.sessions.find((r) => r.id === s.id)?.viewerCan).toMatchObject({ start: { allowed: false }, cancel: { allowed: true } });
  });

  it("no longer sends its students to the waiting room, and closes enrollment, saying why", async () => {
    const s = await classInAnHour();
    const before = (await page(s.id, "priya")).session.viewerCan;
    expect(before.waitForStart.allowed).toBe(true);
    expect(before.join).toMatchObject({ allowed: false, reason: expect.stringMatching(/has not started yet/) });
    expect((await page(s.id, "lena")).session.viewerCan.enroll.allowed).toBe(true);

    t.app.clock.advance(3 * HOUR);
    const after = (await page(s.id, "priya")).session.viewerCan;
    expect(after.waitForStart.allowed).toBe(false);
    expect(after.join.reason).toMatch(/scheduled time has passed without it starting; its room will not open/);
    expect((await page(s.id, "lena")).session.viewerCan.enroll).toMatchObject({ allowed: false, reason: expect.stringMatching(/enrollment is closed/) });
  });
});

describe("starting early", () => {
  it("is allowed, with a second question from the API, until 15 minutes before the scheduled time", async () => {
    const s = await classInAnHour();
    const start = async () => (await page(s.id, "deepak")).session.viewerCan.start;
    expect(await start()).toMatchObject({ allowed: true, caution: expect.stringMatching(/^This class is scheduled to start in 1 hour\. .*Start it now anyway\?$/) });
    t.app.clock.advance(44 * 60_000);
    expect((await start()).caution).toMatch(/start in 16 minutes\./);
    // The browse card leaves Start to the dashboard and the session page while the API cautions.
    const card = async () => ((await browse.loader(await args("/app/live", "deepak"))) as Awaited<ReturnType<typeof browse.loader>>).sessions.items.find((i) => i.id === s.id)!.viewerCan.start;
    expect(await card()).toMatchObject({ allowed: true, caution: expect.any(String) });
    t.app.clock.advance(60_000);
    expect(await start()).toMatchObject({ allowed: true, caution: null });
    expect(await card()).toMatchObject({ allowed: true, caution: null });
    // Not the expert's question to answer for anyone else.
    expect((await page(s.id, "priya")).session.viewerCan.start).toMatchObject({ allowed: false, caution: null });
  });
});

describe("the dashboard", () => {
  it("keeps cancelled classes, in time order, and filters by status", async () => {
    const s = await classInAnHour();
    const c = t.app.composition;
    const deepak = (await webContextAs(t.app, "deepak")).viewer!;
    const other = await c.services.createSession(deepak, sessionInput(t.app.clock, { title: "Called off" }, 2));
    await c.services.cancelSession(deepak, other.id);
    const rows = async (query = "") => (await dashboard.loader(await args(`/app/live/dashboard${query}`, "deepak"))) as Awaited<ReturnType<typeof dashboard.loader>>;
    const all = await rows();
    expect(all.sessions.map((r) => [r.id, r.status])).toEqual([[s.id, "SCHEDULED"], [other.id, "CANCELLED"]]);
    expect(all.counts).toMatchObject({ all: 2, upcoming: 1, cancelled: 1, live: 0, ended: 0 });
    expect((await rows("?show=cancelled")).sessions.map((r) => r.id)).toEqual([other.id]);
    expect((await rows("?show=upcoming")).sessions.map((r) => r.id)).toEqual([s.id]);
    // An unknown filter shows everything.
    expect((await rows("?show=nonsense")).sessions).toHaveLength(2);
  });
});

describe("a visitor who is not signed in", () => {
  it("is offered to sign in and enroll while the session takes students, and told why not once it does not", async () => {
    const s = await classInAnHour();
    expect((await page(s.id, null)).session.viewerCan.enroll).toEqual({ allowed: false, reason: "Sign in to enroll in this session.", code: "UNAUTHENTICATED" });
    t.app.clock.advance(3 * HOUR);
    expect((await page(s.id, null)).session.viewerCan.enroll).toMatchObject({ code: "FAILED_PRECONDITION", reason: expect.stringMatching(/enrollment is closed/) });
  });
});

describe("the room's token route", () => {
  it("answers a refusal with the error table's status", async () => {
    const s = await classInAnHour();
    const notStarted = (await token.action(await args(`/app/live/${s.id}/token`, "priya", { id: s.id }))) as Response;
    expect(notStarted.status).toBe(ERROR_MAP.FAILED_PRECONDITION.http);
    expect(await notStarted.json()).toMatchObject({ code: "FAILED_PRECONDITION", error: expect.stringMatching(/not started yet/) });

    // 100ms or the database away: the table says 503 (the route's own table said 400).
    for (const code of ["UPSTREAM_UNAVAILABLE", "SERVICE_UNAVAILABLE"] as const) {
      const context = { ...(await webContextAs(t.app, "priya")), gql: async () => Promise.reject(new WebGraphQLError([{ code, status: httpStatusOfGraphQLCode(code), message: "away" }])) };
      const res = (await token.action({ request: new Request("http://app.test/x"), params: { id: s.id }, context } as never)) as Response;
      expect(res.status, code).toBe(503);
    }
  });

  it("the table gives every domain code its status, and the API's other codes theirs", () => {
    for (const code of Object.keys(ERROR_MAP) as (keyof typeof ERROR_MAP)[]) expect(httpStatusOfGraphQLCode(ERROR_MAP[code].graphql), code).toBe(ERROR_MAP[code].http);
    expect(httpStatusOfGraphQLCode("INTERNAL_SERVER_ERROR")).toBe(500);
    expect(httpStatusOfGraphQLCode("QUERY_TOO_COMPLEX")).toBe(400);
  });
});
