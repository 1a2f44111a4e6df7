/**
 * Email settings and Add to calendar in a real browser, at phone and desktop sizes: the
 * browser's time zone reaches the settings after sign-in, the choices are saved, an enrolled
 * student downloads the class as .ics and finds a Google Calendar link, and her confirmation
 * arrives at the local mail server with the time in her zone. axe-core on each page.
 */
import { readFile } from "node:fs/promises";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDueNotifications } from "../../api/domain/notifications/notification-worker.js";
import { expectNoAxeViolations } from "./axe.js";
import { SIZES, startE2E, type E2E } from "./browser.js";
import { signIn } from "./page-steps.js";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const STUDENT = { phone: { key: "priya", name: "Priya Sharma", zone: "Europe/Berlin" }, desktop: { key: "tom", name: "Tom Becker", zone: "America/New_York" } } as const;

for (const size of ["phone", "desktop"] as const) {
  describe(`on a ${size}`, () => {
    it("the browser's zone is kept, settings are saved, and an enrolled student adds the class to a calendar", async () => {
      const student = STUDENT[size];
      const { services } = e2e.composition;
      const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
      const start = new Date(Math.ceil((Date.now() + 48 * 3_600_000) / 3_600_000) * 3_600_000);
      const session = await services.createSession(deepak, {
        title: `Calendar Flow (${size})`,
        description: "Breath, flow and rest.",
        scheduledStartTime: start.toISOString(),
        scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
        maxParticipants: 10,
      });

      // A browser in the student's zone; its console errors fail the file, as every journey's do.
      const context = await e2e.browser.newContext({ baseURL: e2e.url, viewport: SIZES[size], timezoneId: student.zone, acceptDownloads: true });
      const problems: string[] = [];
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      try {
        await signIn(page, student.name, `/app/live/${session.id}`);
        await page.getByRole("button", { name: "Enroll" }).click();
        await page.getByText(/You're enrolled/).waitFor();

        // Add to calendar: the .ics download and the Google Calendar link.
        const calendar = page.getByTestId("add-to-calendar");
        await calendar.waitFor();
        const google = new URL((await calendar.getByRole("link", { name: "Google Calendar" }).getAttribute("href"))!);
        expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
        expect(google.searchParams.get("text")).toBe(`Calendar Flow (${size})`);
        const [download] = await Promise.all([page.waitForEvent("download"), calendar.getByRole("link", { name: "Download .ics" }).click()]);
        expect(download.suggestedFilename()).toBe(`live-session-${session.id}.ics`);
        const ics = await readFile((await download.path())!, "utf8");
        const event = Object.values(nodeIcal.sync.parseICS(ics)).find((c) => c?.type === "VEVENT") as nodeIcal.VEvent;
        expect(new Date(event.start).toISOString()).toBe(start.toISOString());
        expect(event.uid).toMatch(new RegExp(`^${session.id}\\.usr_[a-z0-9]+@live-sessions$`));
        await expectNoAxeViolations(page, `session page with Add to calendar (${size})`);
        await e2e.shot(page, `notifications-1-add-to-calendar-${size}`);

        // The settings show the zone the browser sent by itself after sign-in.
        await page.goto("/app/live/settings");
        await expect.poll(async () => {
          await page.reload();
          return page.getByLabel("Your time zone").inputValue();
        }).toBe(student.zone);
        await page.getByLabel(/Reminders 24 hours and 15 minutes/).uncheck();
        await page.getByRole("button", { name: "Save" }).click();
        await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);
        await page.reload();
        expect(await page.getByLabel(/Reminders 24 hours and 15 minutes/).isChecked()).toBe(false);
        expect(await page.getByLabel("Your time zone").inputValue()).toBe(student.zone);
        expect(await page.getByLabel(/Confirmations with a calendar invitation/).isChecked()).toBe(true);
        await expectNoAxeViolations(page, `email settings (${size})`);
        await e2e.shot(page, `notifications-2-settings-${size}`);

        // Her confirmation, sent now, reads in her zone.
        await sendDueNotifications(e2e.composition.deps);
        const mail = e2e.composition.localSmtp!.messages().find((m) => m.subject.includes(`Calendar Flow (${size})`) && m.subject.startsWith("You're booked"));
        expect(mail?.subject).toContain(`(${student.zone})`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
}
