/**
 * The email settings page, the browser's time zone, and the calendar download, through their
 * loaders and actions against the real GraphQL API in-process.
 */
import nodeIcal from "node-ical";
import { describe, expect, it } from "vitest";
import type { DemoUserKey } from "../../api/stand-ins/auth0/demo-users.js";
import { useTestApp } from "../../api/test-support/hooks.js";
import { sessionInput } from "../../api/test-support/service-harness.js";
import { outcome, webContextAs } from "../../api/test-support/web-context.js";
import * as calendar from "./app.live.$id.calendar[.ics]";
import * as settings from "./app.live.settings";
import * as timeZone from "./app.live.time-zone";

const t = useTestApp();

async function args(path: string, who: DemoUserKey | null, params: Record<string, string> = {}, form?: Record<string, string>) {
  const request = new Request(`http://app.test${path}`, form ? { method: "POST", body: new URLSearchParams(form) } : undefined);
  return { request, params, context: await webContextAs(t.app, who) } as never;
}

describe("the email settings page", () => {
  it("sends someone signed out to sign in", async () => {
    const { response } = await outcome(async () => settings.loader(await args("/app/live/settings", null)));
    expect(response?.status).toBe(302);
    expect(response?.headers.get("location")).toBe("/auth/login?returnTo=%2Fapp%2Flive%2Fsettings");
  });

  it("shows the user's choices and every zone, saves changes, and returns a bad zone to the form", async () => {
    const page = await settings.loader(await args("/app/live/settings", "priya"));
    expect(page.settings).toEqual({ timeZone: null, emailReminders: true, emailNotices: true });
    expect(page.zones).toContain("Europe/Berlin");

    const saved = await settings.action(await args("/app/live/settings", "priya", {}, { timeZone: "Asia/Kolkata", emailNotices: "on" }));
    expect(saved).toMatchObject({ ok: true, message: "Saved." });
    const after = await settings.loader(await args("/app/live/settings", "priya"));
    expect(after.settings).toEqual({ timeZone: "Asia/Kolkata", emailReminders: false, emailNotices: true });
    // The browser's alias stays selectable beside ICU's canonical names.
    expect(after.zones).toContain("Asia/Kolkata");

    const bad = await settings.action(await args("/app/live/settings", "priya", {}, { timeZone: "Atlantis/Capital", emailReminders: "on" }));
    expect(bad).toMatchObject({ ok: false, fields: { timeZone: expect.stringMatching(/IANA time zone/) } });
    expect((await settings.loader(await args("/app/live/settings", "priya"))).settings).toEqual({ timeZone: "Asia/Kolkata", emailReminders: false, emailNotices: true });
  });

  it("takes the browser's zone only while none is set", async () => {
    const first = (await timeZone.action(await args("/app/live/time-zone", "tom", {}, { timeZone: "Europe/Berlin" }))) as Response;
    expect(await first.json()).toEqual({ timeZone: "Europe/Berlin" });
    const again = (await timeZone.action(await args("/app/live/time-zone", "tom", {}, { timeZone: "America/Chicago" }))) as Response;
    expect(await again.json()).toEqual({ timeZone: "Europe/Berlin" });
    const signedOut = (await timeZone.action(await args("/app/live/time-zone", null, {}, { timeZone: "Europe/Berlin" }))) as Response;
    expect(signedOut.status).toBe(401);
  });
});

describe("the calendar download", () => {
  it("gives an enrolled student the class as .ics, and anyone else a 404", async () => {
    const c = t.app.composition;
    const as = async (key: DemoUserKey) => (await webContextAs(t.app, key)).viewer!;
    const s = await c.services.createSession(await as("deepak"), sessionInput(t.app.clock));
    await c.services.enroll(await as("priya"), s.id);
    const res = (await calendar.loader(await args(`/app/live/${s.id}/calendar.ics`, "priya", { id: s.id }))) as Response;
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="live-session-${s.id}.ics"`);
    const event = Object.values(nodeIcal.sync.parseICS(await res.text())).find((x) => x?.type === "VEVENT") as nodeIcal.VEvent;
    expect(new Date(event.start).toISOString()).toBe(s.scheduledStartTime.toISOString());
    expect(event.summary).toBe(s.title);

    const { response } = await outcome(async () => calendar.loader(await args(`/app/live/${s.id}/calendar.ics`, "tom", { id: s.id })));
    expect(response?.status).toBe(404);
  });
});
