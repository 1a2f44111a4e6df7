/**
 * Notifications through the whole app, as `npm start` runs it without SMTP_URL: the local
 * SMTP server receives the mail and `/_local/mail` lists it; the settings through GraphQL;
 * the signed unsubscribe link without signing in (the page, and RFC 8058's one-click POST);
 * the session's calendar entry for the viewer.
 */
import nodeIcal from "node-ical";
import { describe, expect, it } from "vitest";
import { sendDueNotifications } from "../domain/notifications/notification-worker.js";
import { useTestApp } from "../test-support/hooks.js";
import { createInput } from "../test-support/graphql-documents.js";

const t = useTestApp();

const SETTINGS = "{ notificationSettings { timeZone emailReminders emailNotices } }";

async function enrolledClass() {
  const created = await t.app.gqlOk<{ createSession: { id: string } }>("mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }", { input: createInput(t.app.clock) }, "deepak");
  const id = created.createSession.id;
  await t.app.gqlOk("mutation($id: ID!) { enroll(sessionId: $id) { id } }", { id }, "priya");
  return id;
}

/** The mail the app sent to an address (the local SMTP server keeps it). */
async function mailTo(address: string) {
  await sendDueNotifications(t.app.composition.deps);
  return t.app.composition.localSmtp!.messagesTo(address);
}

describe("the local mail server and /_local/mail", () => {
  it("receives the app's mail over SMTP and lists it on a loopback-only page", async () => {
    t.app.composition.localSmtp!.clear();
    const id = await enrolledClass();
    const [mail] = await mailTo("priya@example.com");
    expect(mail?.subject).toMatch(/^You're booked: Morning Vinyasa Flow — /);
    expect(mail?.text).toContain(`http://app.test/app/live/join/${id}`);

    const page = await fetch(`${t.app.url}/_local/mail`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("You&#39;re booked: Morning Vinyasa Flow");
    expect(html).toContain("priya@example.com");
    const list = (await (await fetch(`${t.app.url}/_local/mail.json`)).json()) as { id: string; subject: string; to: string[] }[];
    const listed = list.find((m) => m.to.includes("priya@example.com"))!;
    expect(listed.subject).toBe(mail!.subject);
    const ics = await fetch(`${t.app.url}/_local/mail/${listed.id}/invite.ics`);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await ics.text()).toContain("METHOD:REQUEST");
  });
});

describe("notification settings", () => {
  it("are read and changed by their user; a bad time zone changes nothing", async () => {
    expect((await t.app.gqlOk(SETTINGS, {}, "priya")).notificationSettings).toEqual({ timeZone: null, emailReminders: true, emailNotices: true });
    const set = await t.app.gqlOk("mutation { noteBrowserTimeZone(timeZone: \"Asia/Kolkata\") { timeZone } }", {}, "priya");
    expect(set.noteBrowserTimeZone.timeZone).toBe("Asia/Kolkata");
    const changed = await t.app.gqlOk("mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { timeZone emailReminders emailNotices } }", { input: { timeZone: "Europe/Berlin", emailReminders: false } }, "priya");
    expect(changed.updateNotificationSettings).toEqual({ timeZone: "Europe/Berlin", emailReminders: false, emailNotices: true });
    // The browser's zone never replaces one the user chose.
    await t.app.gqlOk("mutation { noteBrowserTimeZone(timeZone: \"America/New_York\") { timeZone } }", {}, "priya");
    const bad = await t.app.gql("mutation { updateNotificationSettings(input: { timeZone: \"Moon/Base\", emailNotices: false }) { timeZone } }", {}, "priya");
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await t.app.gqlOk(SETTINGS, {}, "priya")).notificationSettings).toEqual({ timeZone: "Europe/Berlin", emailReminders: false, emailNotices: true });
    // Someone else's are untouched.
    expect((await t.app.gqlOk(SETTINGS, {}, "tom")).notificationSettings).toEqual({ timeZone: null, emailReminders: true, emailNotices: true });
  });
});

describe("the unsubscribe link in every email", () => {
  it("shows what it turns off on GET (changing nothing), and a one-click POST without sign-in turns it off", async () => {
    t.app.composition.localSmtp!.clear();
    await enrolledClass();
    const [mail] = await mailTo("priya@example.com");
    const header = mail!.headers["list-unsubscribe"]!;
    const link = /^<(.+)>$/.exec(header)![1]!.replace("http://app.test", t.app.url);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("stop confirmations and notices");
    expect((await t.app.gqlOk(SETTINGS, {}, "priya")).notificationSettings.emailNotices).toBe(true);

    const oneClick = await fetch(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("you will no longer get confirmations and notices");
    expect((await t.app.gqlOk(SETTINGS, {}, "priya")).notificationSettings).toMatchObject({ emailNotices: false, emailReminders: true });
  });

  it("refuses a link that was altered, and changes nothing", async () => {
    await t.app.gqlOk(SETTINGS, {}, "priya");
    const forged = `${t.app.url}/email/unsubscribe?token=${encodeURIComponent(`${Buffer.from("usr_x").toString("base64url")}.notices.AAAA`)}`;
    const res = await fetch(forged, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This unsubscribe link is not valid");
    expect((await fetch(`${t.app.url}/email/unsubscribe`)).status).toBe(400);
    expect((await t.app.gqlOk(SETTINGS, {}, "priya")).notificationSettings.emailNotices).toBe(true);
  });
});

describe("LiveSession.viewerCalendar", () => {
  it("gives an enrolled student an .ics with the invitation's UID and a Google Calendar link; others get null", async () => {
    const id = await enrolledClass();
    const q = "query($id: ID!) { session(id: $id) { scheduledStartTime scheduledEndTime viewerCalendar { ics googleCalendarUrl downloadUrl } } }";
    const { session } = await t.app.gqlOk(q, { id }, "priya");
    const parsed = Object.values(nodeIcal.sync.parseICS(session.viewerCalendar.ics)).find((c) => c?.type === "VEVENT") as nodeIcal.VEvent;
    const priyaId = (await t.app.gqlOk("{ me { id } }", {}, "priya")).me.id;
    expect(parsed.uid).toBe(`${id}.${priyaId}@live-sessions`);
    expect(new Date(parsed.start).toISOString()).toBe(session.scheduledStartTime);
    expect(new Date(parsed.end!).toISOString()).toBe(session.scheduledEndTime);
    const google = new URL(session.viewerCalendar.googleCalendarUrl);
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("action")).toBe("TEMPLATE");
    expect(google.searchParams.get("dates")).toBe(`${session.scheduledStartTime.replace(/[-:]|\.\d{3}/g, "")}/${session.scheduledEndTime.replace(/[-:]|\.\d{3}/g, "")}`);
    expect(session.viewerCalendar.downloadUrl).toBe(`http://app.test/app/live/${id}/calendar.ics`);
    expect((await t.app.gqlOk(q, { id }, "tom")).session.viewerCalendar).toBeNull();
    expect((await t.app.gqlOk(q, { id }, null)).session.viewerCalendar).toBeNull();
  });
});
