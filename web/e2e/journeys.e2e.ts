import { decodeJwt } from "jose";
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSED_INIT, scheduleThroughForm, signIn, startE2E, startFromSessionPage, type E2E } from "./browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  // The journeys make the video service unreachable on purpose (captureInit refuses /init).
  e2e.expectConsoleErrors(REFUSED_INIT);
});
afterAll(async () => {
  await e2e?.close();
});

/**
 * The 100ms SDK's first call is its init request, carrying the join token. There is no
 * video service on this machine, so the request is answered as unreachable after the
 * token is captured; the page must then say so and offer a retry.
 */
function captureInit(page: Page): Promise<string> {
  return new Promise((resolve) => {
    void page.route(/prod-init\.100ms\.live|\/init\?/, async (route) => {
      const header = route.request().headers().authorization ?? "";
      resolve(header.replace(/^Bearer\s+/i, ""));
      await route.abort("connectionrefused");
    });
  });
}


describe("an expert and a student in Chromium", () => {
  it("the expert signs in, creates a session, starts it and lands on the host room with a host token", async () => {
    const { page } = await e2e.newUser();
    await signIn(page, "Deepak Kumar");
    await expect.poll(() => page.getByText("Deepak Kumar").first().isVisible()).toBe(true);
    await e2e.shot(page, "01-browse-expert");

    const id = await scheduleThroughForm(page, "Sunrise Flow", 90);
    await e2e.shot(page, "02-session-detail-expert");
    // Priya and Tom enroll: the host page's pretend students are the enrolled ones (attendance counts no one else).
    for (const [key, name] of [["priya", "Priya Sharma"], ["tom", "Tom Becker"]] as const) {
      const student = await e2e.composition.services.resolveViewer({ subject: `local|${key}`, name, roles: [] });
      await e2e.composition.services.enroll(student, id);
    }

    const init = captureInit(page);
    await startFromSessionPage(page);
    await page.waitForURL(`**/app/live/host/${id}`);
    const token = await init;
    const session = await e2e.composition.services.getSession(null, id);
    expect(session?.status).toBe("live");
    expect(decodeJwt(token)).toMatchObject({ room_id: session!.hmsRoomId, role: "host", type: "app" });
    await expect.poll(() => page.getByText("The room could not open").isVisible(), { timeout: 15_000 }).toBe(true);
    await expect(page.getByRole("button", { name: "Try again" }).isVisible()).resolves.toBe(true);
    await e2e.shot(page, "03-host-room");
    // "Try again" really retries (a fresh token, a fresh join) and, with the video service still
    // unreachable, ends in the same clear error, never in an endless "Joining…".
    const retried = captureInit(page);
    await page.getByRole("button", { name: "Try again" }).click();
    expect(await retried).not.toBe(token);
    await expect.poll(() => page.getByText("The room could not open").isVisible(), { timeout: 45_000 }).toBe(true);

    // Local emulator only: pretend students come and go; the page's numbers follow the webhooks.
    await page.getByRole("button", { name: "A student joins" }).click();
    await page.getByRole("button", { name: "A student joins" }).click();
    await expect.poll(() => page.getByTestId("current-viewers").textContent(), { timeout: 15_000 }).toBe("2 in the room now");
    await page.getByRole("button", { name: "A student leaves" }).click();
    await expect.poll(() => page.getByTestId("current-viewers").textContent(), { timeout: 15_000 }).toBe("1 in the room now");
    await expect(page.getByTestId("attended").textContent()).resolves.toBe("2 attended");
    await page.goto("/app/live/dashboard");
    await expect.poll(() => page.getByRole("row", { name: /Sunrise Flow/ }).textContent()).toMatch(/Live now.*1\s*2/);
    await e2e.shot(page, "03b-dashboard-live");

    // The room cannot connect, yet the expert can end the session from the host page (with a confirmation).
    await page.goto(`/app/live/host/${id}`);
    await expect.poll(() => page.getByText("The room could not open").isVisible(), { timeout: 45_000 }).toBe(true);
    const outside = page.getByRole("region", { name: "End the session" });
    await outside.getByRole("button", { name: "End session for everyone" }).click();
    await outside.getByRole("button", { name: "Yes, end it for everyone" }).click();
    await expect.poll(async () => (await e2e.composition.services.getSession(null, id))?.status, { timeout: 15_000 }).toBe("ended");
  });

  it("a student finds the session, enrolls, waits, and is moved into the room when the expert starts", async () => {
    const expert = await e2e.newUser();
    await signIn(expert.page, "Meera Iyer");
    const id = await scheduleThroughForm(expert.page, "Evening Yin", 120);

    const student = await e2e.newUser();
    await signIn(student.page, "Priya Sharma");
    await student.page.goto("/app/live");
    await e2e.shot(student.page, "04-browse-student");
    await student.page.getByRole("link", { name: "Evening Yin" }).click();
    await student.page.waitForURL(`**/app/live/${id}`);
    await student.page.getByRole("button", { name: "Enroll" }).click();
    await expect.poll(() => student.page.getByText("You're enrolled").isVisible()).toBe(true);
    await e2e.shot(student.page, "05-enrolled");

    await student.page.getByRole("link", { name: "Go to the waiting room" }).click();
    await student.page.waitForURL(`**/app/live/join/${id}`);
    await expect.poll(() => student.page.getByText("Waiting for your expert").isVisible()).toBe(true);
    await e2e.shot(student.page, "06-waiting");

    const init = captureInit(student.page);
    await startFromSessionPage(expert.page);
    await expert.page.waitForURL(`**/app/live/host/${id}`);
    const token = await init;
    const session = await e2e.composition.services.getSession(null, id);
    const me = await e2e.composition.services.resolveViewer({ subject: "local|priya", name: "Priya Sharma", roles: [] });
    expect(decodeJwt(token)).toMatchObject({ room_id: session!.hmsRoomId, role: "guest", user_id: me.id });
    await expect.poll(() => student.page.getByText("The room could not open").isVisible(), { timeout: 15_000 }).toBe(true);
    await e2e.shot(student.page, "07-student-room");
  });
});
