/**
 * The web app as a picky student and a busy expert meet it (issue 16), on a phone and on a
 * laptop: designed error pages, sign-in that comes back and sign-out that lets another
 * person sign in, host actions that ask first, a dashboard that keeps cancelled classes and
 * fits a phone, a header on one line, a skip link, focus after navigation, and axe-core
 * finding nothing on every page and state reached.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoUserKey } from "../../api/stand-ins/auth0/demo-users.js";
import { expectNoAxeViolations } from "./axe.js";
import { openAccountMenu, signIn, SIZES, startE2E, type E2E } from "./browser.js";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

type Size = keyof typeof SIZES;

/** A fresh browser at a size; every page error and console error it meets is collected. */
async function person(size: Size) {
  const context = await e2e.browser.newContext({ baseURL: e2e.url, viewport: SIZES[size] });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  // A 404 or 403 document is itself a "failed resource" to Chromium: that line is expected.
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource: the server responded with a status of (400|403|404)/.test(m.text())) problems.push(m.text());
  });
  return { context, page, problems };
}

const HOUR = 3_600_000;
const viewer = (key: DemoUserKey, name: string, roles: string[] = []) => e2e.composition.services.resolveViewer({ subject: `local|${key}`, name, roles });

async function deepaksClass(title: string, startsInMs: number, enrolled: DemoUserKey[] = []): Promise<string> {
  const services = e2e.composition.services;
  const start = new Date(Date.now() + startsInMs);
  const session = await services.createSession(await viewer("deepak", "Deepak Kumar", ["expert"]), {
    title,
    description: "Breath, flow and rest.",
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
    maxParticipants: 10,
  });
  for (const key of enrolled) await services.enroll(await viewer(key, key), session.id);
  return session.id;
}

const title = (page: Page) => page.title();
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

for (const size of ["phone", "desktop"] as const) {
  describe(`on a ${size}`, () => {
    it("error pages are designed pages with their own titles and a way back; none hydrates wrongly or shows a stack", async () => {
      const { context, page, problems } = await person(size);

      const unknownPath = await page.goto("/app/live/a/b", { waitUntil: "networkidle" });
      expect(unknownPath?.status()).toBe(404);
      expect(await title(page)).toBe("Page not found — Live Sessions");
      expect(await heading(page)).toBe("We can't find that page");
      await expect(page.getByRole("link", { name: "Browse classes" }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `the 404 page (${size})`);
      await e2e.shot(page, `16-404-${size}`);

      const unknownSession = await page.goto("/app/live/ses_doesnotexist", { waitUntil: "networkidle" });
      expect(unknownSession?.status()).toBe(404);
      await expect(page.getByText("There is no session at this address").isVisible()).resolves.toBe(true);

      const malformed = await page.goto("/app/live/%E0%A4%A");
      expect(malformed?.status()).toBe(400);
      expect(await title(page)).toBe("This address is not valid — Live Sessions");
      expect(await page.locator("body").innerText()).not.toMatch(/URIError|at decode|node_modules/);
      await expect(page.getByRole("link", { name: "Browse classes" }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `the 400 page (${size})`);

      await signIn(page, "Priya Sharma");
      const forbidden = await page.goto("/app/live/dashboard", { waitUntil: "networkidle" });
      expect(forbidden?.status()).toBe(403);
      expect(await title(page)).toBe("This page is not open to you — Live Sessions");
      expect(await heading(page)).toBe("This page is not open to you");
      await expect(page.getByText("The dashboard is for experts.").isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `the 403 page (${size})`);
      await e2e.shot(page, `16-403-${size}`);

      expect(problems).toEqual([]);
      await context.close();
    });

    it("Sign in comes back to the page; signed-in pages are never cached; after Sign out the next sign-in offers every account", async () => {
      const id = await deepaksClass(`Hip openers (${size})`, 3 * HOUR);
      const { context, page, problems } = await person(size);

      const anonymous = await page.goto(`/app/live/${id}`);
      expect(anonymous?.headers()["cache-control"] ?? "").not.toMatch(/no-store/);
      await page.getByRole("link", { name: "Sign in" }).first().click();
      await page.getByRole("button", { name: /Priya Sharma/ }).click();
      await page.waitForURL(`**/app/live/${id}`);
      const signedIn = await page.goto(`/app/live/${id}`);
      expect(signedIn?.headers()["cache-control"]).toBe("private, no-store");

      await openAccountMenu(page);
      await expect(page.getByRole("button", { name: "Sign out everywhere" }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `the session page with the account menu open (${size})`);
      await e2e.shot(page, `16-account-menu-${size}`);
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await expect.poll(() => page.getByRole("link", { name: "Sign in" }).first().isVisible()).toBe(true);

      // The provider still remembers Priya; without prompt=login it would sign her straight back in.
      await page.getByRole("link", { name: "Sign in" }).first().click();
      await page.getByRole("button", { name: /Tom Becker/ }).click();
      await expect.poll(() => page.locator("details.account-menu summary").innerText()).toMatch(/Tom Becker/);

      // Opened under the other loopback name, the app sends the browser to APP_URL's (where the cookies are).
      await page.goto(`${e2e.url.replace("127.0.0.1", "localhost")}/app/live?tab=past`);
      expect(page.url()).toBe(`${e2e.url}/app/live?tab=past`);

      expect(problems).toEqual([]);
      await context.close();
    });

    it("the expert's header keeps to one line; the dashboard keeps cancelled classes, filters them, and fits the screen", async () => {
      await deepaksClass(`Soon flow (${size})`, 10 * 60_000);
      const later = await deepaksClass(`Later flow (${size})`, 3 * HOUR);
      const doomed = await deepaksClass(`Called off (${size})`, 5 * HOUR, ["priya"]);
      const { context, page, problems } = await person(size);
      await signIn(page, "Deepak Kumar", "/app/live/dashboard");

      const header = (await page.locator(".site-header").boundingBox())!;
      expect(header.height).toBeLessThan(70);
      if (size === "phone") {
        await expect(page.getByRole("navigation", { name: "Main", exact: true }).isVisible()).resolves.toBe(false);
        await openAccountMenu(page);
        await expect(page.getByRole("navigation", { name: "Main, on a small screen" }).getByRole("link", { name: "New session" }).isVisible()).resolves.toBe(true);
        await page.locator("details.account-menu summary").click();
      } else {
        await expect(page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "New session" }).isVisible()).resolves.toBe(true);
      }

      // Every action in view, nothing scrolled sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIZES[size].width);
      for (const name of [`Start: Soon flow (${size})`, `Cancel: Called off (${size})`]) {
        const box = (await page.getByRole("button", { name }).boundingBox())!;
        expect(box.x + box.width, name).toBeLessThanOrEqual(SIZES[size].width);
      }
      await expectNoAxeViolations(page, `the dashboard (${size})`);
      await e2e.shot(page, `16-dashboard-${size}`);

      // Cancel asks first, saying what happens to the enrolled student.
      await page.getByRole("button", { name: `Cancel: Called off (${size})` }).click();
      const asking = page.getByTestId(`confirm-cancel-${doomed}`);
      await expect(asking.innerText()).resolves.toMatch(/The 1 enrolled student will see it as cancelled and can no longer join/);
      await expectNoAxeViolations(page, `the dashboard asking to cancel (${size})`);
      await asking.getByRole("button", { name: "Keep the class" }).click();
      expect((await e2e.composition.services.getSession(null, doomed))?.status).toBe("scheduled");
      await page.getByRole("button", { name: `Cancel: Called off (${size})` }).click();
      await page.getByRole("button", { name: "Yes, cancel the class" }).click();
      await expect.poll(() => page.getByText("The session is cancelled.").isVisible()).toBe(true);
      expect((await e2e.composition.services.getSession(null, doomed))?.status).toBe("cancelled");

      // It stays on the dashboard, and the Cancelled filter shows it alone.
      await page.goto("/app/live/dashboard");
      await expect(page.getByRole("row", { name: new RegExp(`Called off \\(${size}\\)`) }).innerText()).resolves.toMatch(/Cancelled/i);
      await page.getByRole("link", { name: /^Cancelled/ }).click();
      await page.waitForURL("**/app/live/dashboard?show=cancelled");
      await expect(page.getByRole("link", { name: `Called off (${size})` }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("link", { name: `Later flow (${size})` }).count()).resolves.toBe(0);
      await e2e.shot(page, `16-dashboard-cancelled-${size}`);

      // Starting three hours early says so and asks again; "Not yet" leaves it scheduled.
      await page.goto("/app/live/dashboard");
      await page.getByRole("button", { name: `Start: Later flow (${size})` }).click();
      await page.getByRole("button", { name: "Yes, start now" }).click();
      const early = page.getByTestId(`confirm-start-${later}`);
      await expect(early.innerText()).resolves.toMatch(/^Start it early\?[\s\S]*This class is scheduled to start in (2 hours 5\d minutes|3 hours)\./);
      await expectNoAxeViolations(page, `the dashboard asking to start early (${size})`);
      await early.getByRole("button", { name: "Not yet" }).click();
      expect((await e2e.composition.services.getSession(null, later))?.status).toBe("scheduled");

      // Browse offers Start only for the class about to begin, not for the one hours away.
      await page.goto("/app/live");
      const card = (t: string) => page.getByRole("article", { name: t });
      await expect(card(`Soon flow (${size})`).getByRole("button", { name: "Start" }).count()).resolves.toBe(1);
      await expect(card(`Later flow (${size})`).getByRole("button", { name: "Start" }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `browse as an expert (${size})`);

      expect(problems).toEqual([]);
      await context.close();
    });

    it("the new-session form says every problem at once, beside its field and in a summary that takes focus", async () => {
      const { context, page, problems } = await person(size);
      await signIn(page, "Deepak Kumar", "/app/live/new");
      // The zone is the browser's: named once the page runs there.
      await expect.poll(() => page.getByLabel("Starts").evaluate((el) => el.closest("label")!.textContent)).toMatch(/your time \([A-Za-z_/]+\)/);
      await expect(page.getByLabel("Currency").evaluate((el) => el.tagName)).resolves.toBe("SELECT");
      await expectNoAxeViolations(page, `the new-session form (${size})`);

      const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await page.getByLabel("Title").fill("ab");
      await page.getByLabel("Starts").fill(local(new Date(Date.now() - HOUR)));
      await page.getByLabel("Ends").fill(local(new Date(Date.now() - 2 * HOUR)));
      await page.getByLabel("Price").fill("-5");
      await page.getByLabel("Tags").fill(`calm, ${"x".repeat(31)}`);
      await page.getByRole("button", { name: "Create session" }).click();

      const summary = page.locator(".error-summary");
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect(summary.getByRole("heading").textContent()).resolves.toBe("5 things to fix before the class can be created");
      await expect(summary.getByRole("listitem").allTextContents()).resolves.toEqual([
        "Title: The title needs at least 3 characters.",
        "Starts: The start must be in the future.",
        "Ends: The end must be after the start.",
        "Price: The price cannot be negative (0 makes the class free).",
        "Tags: Each tag can be at most 30 characters.",
      ]);
      // Each field is marked and described by its own problem; the tag's is at Tags.
      for (const [label, said] of [["Title", /at least 3 characters/], ["Tags", /Each tag/], ["Starts", /in the future/]] as const) {
        const input = page.getByLabel(label);
        await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
        const described = await input.evaluate((el) => (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
        expect(described, label).toMatch(said);
      }
      expect(await page.locator("main").innerText()).not.toMatch(/scheduledStartTime|maxParticipants|metadata\./);
      await summary.getByRole("link", { name: /^Tags:/ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("f-tags");
      // The problems are still there after following the link.
      await expect(summary.getByRole("listitem").count()).resolves.toBe(5);
      await expectNoAxeViolations(page, `the new-session form with problems (${size})`);
      await e2e.shot(page, `16-form-problems-${size}`);

      await page.getByLabel("Title").fill(`Fixed flow (${size})`);
      await page.getByLabel("Starts").fill(local(new Date(Date.now() + 2 * HOUR)));
      await page.getByLabel("Ends").fill(local(new Date(Date.now() + 3 * HOUR)));
      await page.getByLabel("Price").fill("0");
      await page.getByLabel("Tags").fill("calm");
      await page.getByLabel("Currency").selectOption("EUR");
      await page.getByRole("button", { name: "Create session" }).click();
      await page.waitForURL(/\/app\/live\/ses_[a-z0-9]+$/);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(`Fixed flow (${size})`);

      expect(problems).toEqual([]);
      await context.close();
    });

    it("browse: Live now counts its classes, filters stay across tabs, empty results offer to clear them, a page past the end goes to the last, cards count down", async () => {
      await deepaksClass(`Countdown flow (${size})`, 2 * HOUR + 5 * 60_000);
      const liveId = await deepaksClass(`On air now (${size})`, 5 * 60_000, ["priya"]);
      await e2e.composition.services.startSession(await viewer("deepak", "Deepak Kumar", ["expert"]), liveId);
      const { context, page, problems } = await person(size);
      await page.goto("/app/live", { waitUntil: "networkidle" });
      const live = await e2e.composition.services.listSessions(null, { status: "live", limit: 100 });
      await expect(page.getByRole("link", { name: /^Live now/ }).textContent()).resolves.toBe(`Live now${live.total}`);
      await expect.poll(() => page.getByRole("article", { name: `Countdown flow (${size})` }).locator(".starts-in").textContent()).toMatch(/^starts in 2 h [45] min$/);
      await expect(page.getByRole("article", { name: `Countdown flow (${size})` }).locator("time").textContent()).resolves.toMatch(/–/);

      await page.goto("/app/live?tab=upcoming&category=Nothing-like-this", { waitUntil: "networkidle" });
      await expect(page.getByText("No upcoming classes match these filters.").isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `browse with no match (${size})`);
      await page.getByRole("link", { name: /^Past/ }).click();
      await page.waitForURL((u) => u.searchParams.get("tab") === "past");
      expect(new URL(page.url()).searchParams.get("category")).toBe("Nothing-like-this");
      await page.getByRole("link", { name: "Clear the search and filters" }).click();
      await page.waitForURL((u) => !u.searchParams.has("category"));

      // Other journeys add classes, so the last page is read from the pager, not assumed.
      await page.goto("/app/live?tab=upcoming&page=99");
      const last = Number((await page.locator(".pager span").filter({ hasText: /^Page/ }).textContent())!.match(/of (\d+)/)![1]);
      expect(new URL(page.url()).searchParams.get("page")).toBe(last === 1 ? null : String(last));
      await expect(page.getByText(`Page ${last} of ${last}`).isVisible()).resolves.toBe(true);

      // An enrolled student's card leads to the waiting room.
      await signIn(page, "Priya Sharma", "/app/live/enrollments");
      const enrolledId = await deepaksClass(`Waiting-room flow (${size})`, HOUR, ["priya"]);
      await page.goto("/app/live/enrollments", { waitUntil: "networkidle" });
      await page.getByRole("article", { name: `Waiting-room flow (${size})` }).getByRole("link", { name: "Go to the waiting room" }).click();
      await page.waitForURL(`**/app/live/join/${enrolledId}`);

      // Before the expert starts: the camera's picture and the microphone's level (Chromium's fake devices: a pattern and a beep).
      await page.getByRole("button", { name: "Test camera and microphone" }).click();
      await expect.poll(() => page.getByLabel("Your camera", { exact: true }).evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId("mic-level").getAttribute("aria-valuenow").then(Number)).toBeGreaterThan(0);
      await expectNoAxeViolations(page, `the waiting page testing the devices (${size})`);
      await e2e.shot(page, `16-waiting-room-${size}`);
      await page.getByRole("button", { name: "Stop the test" }).click();
      await expect(page.getByRole("button", { name: "Test camera and microphone" }).isVisible()).resolves.toBe(true);

      expect(problems).toEqual([]);
      await context.close();
    });

    it("the expert changes a class's title, time and seats; the form keeps the published price; seats never go below the enrolled", async () => {
      const id = await deepaksClass(`Editable flow (${size})`, 5 * HOUR, ["priya", "tom"]);
      const before = (await e2e.composition.services.getSession(null, id))!;
      const { context, page, problems } = await person(size);
      await signIn(page, "Deepak Kumar", `/app/live/${id}`);
      await page.getByRole("link", { name: "Change details" }).click();
      await page.waitForURL(`**/app/live/${id}/edit`);
      await expect.poll(() => heading(page)).toBe(`Change Editable flow (${size})`);
      // The stored values, the times in the browser's zone; what cannot change is shown, not editable.
      await expect(page.getByLabel("Title").inputValue()).resolves.toBe(`Editable flow (${size})`);
      await expect.poll(() => page.getByLabel("Starts").inputValue()).not.toBe("");
      const shownStart = await page.getByLabel("Starts").evaluate((el) => new Date((el as HTMLInputElement).value).toISOString());
      expect(shownStart).toBe(new Date(Math.floor(before.scheduledStartTime.getTime() / 60_000) * 60_000).toISOString());
      await expect(page.getByLabel("Price").isDisabled()).resolves.toBe(true);
      await expect(page.getByLabel("Currency").isDisabled()).resolves.toBe(true);
      await expect(page.getByTestId("enrolled-notice").textContent()).resolves.toMatch(/^2 students are enrolled/);
      await expectNoAxeViolations(page, `the edit form (${size})`);

      await page.getByLabel("Seats").fill("1");
      await page.getByRole("button", { name: "Save changes" }).click();
      const summary = page.locator(".error-summary");
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect(summary.getByRole("listitem").allTextContents()).resolves.toEqual(["Seats: Seats cannot be less than the 2 seats already taken by enrolled students."]);
      await expect(page.getByLabel("Seats").getAttribute("aria-invalid")).resolves.toBe("true");
      await e2e.shot(page, `16-edit-problems-${size}`);
      expect((await e2e.composition.services.getSession(null, id))!.updatedAt).toEqual(before.updatedAt);

      const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      const newStart = new Date(Math.ceil((Date.now() + 26 * HOUR) / 60_000) * 60_000);
      await page.getByLabel("Seats").fill("12");
      await page.getByLabel("Title").fill(`Edited flow (${size})`);
      await page.getByLabel("Starts").fill(local(newStart));
      await page.getByLabel("Ends").fill(local(new Date(newStart.getTime() + HOUR)));
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForURL(`**/app/live/${id}?changed=1`);
      await expect.poll(() => heading(page)).toBe(`Edited flow (${size})`);
      await expect(page.getByTestId("changed-notice").textContent()).resolves.toBe("Changes saved. Enrolled students see them here.");
      const after = (await e2e.composition.services.getSession(null, id))!;
      expect(after).toMatchObject({ title: `Edited flow (${size})`, maxParticipants: 12, scheduledStartTime: newStart, price: before.price, currency: before.currency, enrolledCount: 2 });
      await expectNoAxeViolations(page, `a session just changed (${size})`);
      await context.close();

      // A student is refused the form, with the reason.
      const student = await person(size);
      await signIn(student.page, "Priya Sharma", `/app/live/${id}`);
      await expect(student.page.getByRole("link", { name: "Change details" }).count()).resolves.toBe(0);
      const refused = await student.page.goto(`/app/live/${id}/edit`);
      expect(refused?.status()).toBe(403);
      await expect(student.page.getByText("Only the session's expert (or an admin) can change it.").isVisible()).resolves.toBe(true);
      expect([...problems, ...student.problems]).toEqual([]);
      await student.context.close();
    });

    it("browse searches title, description and teacher; a refused search is said beside it; a card leads to the teacher's profile", async () => {
      // A word no other test's class has, in the description: the search finds this class alone.
      const unique = `zq${size}${Date.now().toString(36)}`;
      const moonlight = `Moonlight flow (${size})`;
      const sunrise = `Sunrise hatha (${size})`;
      const services = e2e.composition.services;
      const deepak = await viewer("deepak", "Deepak Kumar", ["expert"]);
      // Soon, so that it is among the twelve classes the profile shows first.
      const start = new Date(Date.now() + 20 * 60_000);
      const { id } = await services.createSession(deepak, {
        title: moonlight,
        description: `A slow evening practice under the moon (class ${unique}).`,
        scheduledStartTime: start.toISOString(),
        scheduledEndTime: new Date(start.getTime() + HOUR).toISOString(),
        maxParticipants: 10,
        metadata: { category: "Vinyasa", difficulty: "Beginner" },
      });
      await services.createSession(await viewer("meera", "Meera Iyer", ["expert"]), {
        title: sunrise,
        description: `Slow holds at dawn (class ${unique}).`,
        scheduledStartTime: new Date(start.getTime() + HOUR).toISOString(),
        scheduledEndTime: new Date(start.getTime() + 2 * HOUR).toISOString(),
        metadata: { category: "Hatha", difficulty: "Beginner" },
      });
      const { context, page, problems } = await person(size);
      await page.goto("/app/live", { waitUntil: "networkidle" });
      const search = page.getByRole("searchbox", { name: "Search" });
      // The start of a word of the description, in another case, and the start of the teacher's name: only Deepak's class.
      const words = `${unique.slice(0, -2).toUpperCase()} deep`;
      await search.fill(words);
      await page.getByRole("button", { name: "Search" }).click();
      await page.waitForURL((u) => u.searchParams.get("q") === words);
      await expect.poll(() => page.getByRole("article").count()).toBe(1);
      await expect(page.getByRole("article", { name: moonlight }).isVisible()).resolves.toBe(true);
      // Both classes share the word; a part of a category narrows to one.
      await page.goto(`/app/live?q=${unique}&category=hath`, { waitUntil: "networkidle" });
      await expect.poll(() => page.getByRole("article").count()).toBe(1);
      await expect(page.getByRole("article", { name: sunrise }).isVisible()).resolves.toBe(true);
      // The search stays when the tab changes, and the empty result names it.
      await page.getByRole("link", { name: /^Past/ }).click();
      await page.waitForURL((u) => u.searchParams.get("tab") === "past");
      await expect(page.getByRole("searchbox", { name: "Search" }).inputValue()).resolves.toBe(unique);
      await expect(page.getByText(`No past classes match “${unique}” and these filters.`).isVisible()).resolves.toBe(true);

      await page.goto("/app/live?q=%21%21%21", { waitUntil: "networkidle" });
      await expect(page.getByRole("alert").filter({ hasText: "search needs at least one letter or digit" }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("searchbox", { name: "Search" }).getAttribute("aria-invalid")).resolves.toBe("true");
      await expectNoAxeViolations(page, `browse, a refused search (${size})`);

      await page.goto("/app/live?q=moonlight%20deepak", { waitUntil: "networkidle" });
      await expect(page.getByRole("article", { name: moonlight }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page, `browse, searched (${size})`);
      await e2e.shot(page, `16-browse-search-${size}`);
      await page.getByRole("article", { name: moonlight }).getByRole("link", { name: "Deepak Kumar" }).click();
      await page.waitForURL("**/app/experts/*");
      // A client-side navigation: the URL changes before the new page has rendered.
      await expect.poll(() => heading(page)).toBe("Deepak Kumar");
      await expect.poll(() => title(page)).toBe("Deepak Kumar — Live Sessions");
      const profile = await services.expertProfile(null, deepak.id);
      await expect(page.locator(".rating").textContent()).resolves.toBe(
        profile!.averageRating === null ? "No ratings yet" : `★ ${profile!.averageRating.toFixed(1)} out of 5 from ${profile!.ratingCount} rating${profile!.ratingCount === 1 ? "" : "s"}`,
      );
      await expect(page.getByRole("article", { name: moonlight }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("article", { name: sunrise }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `an expert's profile (${size})`);
      await e2e.shot(page, `16-expert-profile-${size}`);
      await page.getByRole("article", { name: moonlight }).getByRole("link", { name: moonlight }).click();
      await page.waitForURL(`**/app/live/${id}`);
      await expect.poll(() => heading(page)).toBe(moonlight);
      await expect(page.locator("article > .expert").getByRole("link", { name: "Deepak Kumar" }).getAttribute("href")).resolves.toBe(`/app/experts/${deepak.id}`);

      const missing = await page.goto("/app/experts/usr_nobody");
      expect(missing?.status()).toBe(404);
      expect(problems).toEqual([]);
      await context.close();
    });

    it("an ended or cancelled class's page never shows an empty panel, to its expert, an enrolled student or a visitor", async () => {
      const services = e2e.composition.services;
      const deepak = await viewer("deepak", "Deepak Kumar", ["expert"]);
      const ended = await deepaksClass(`Finished flow (${size})`, 5 * 60_000, ["priya"]);
      await services.startSession(deepak, ended);
      await services.endSession(deepak, ended);
      const cancelled = await deepaksClass(`Dropped flow (${size})`, 3 * HOUR, ["priya"]);
      await services.cancelSession(deepak, cancelled);
      const panelsOf = async (page: Page, id: string) => {
        await page.goto(`/app/live/${id}`, { waitUntil: "networkidle" });
        return page.locator(".panel").evaluateAll((panels) => panels.map((p) => (p as HTMLElement).innerText.trim()));
      };
      for (const who of [null, "Priya Sharma", "Deepak Kumar"] as const) {
        const { context, page, problems } = await person(size);
        if (who) await signIn(page, who);
        for (const id of [ended, cancelled]) {
          const panels = await panelsOf(page, id);
          expect(panels.length, `${who ?? "a visitor"} on ${id}`).toBeGreaterThan(0);
          expect(panels.filter((text) => text === ""), `${who ?? "a visitor"} on ${id}: empty panels`).toEqual([]);
        }
        if (who === "Priya Sharma") await e2e.shot(page, `16-cancelled-as-student-${size}`);
        expect(problems).toEqual([]);
        await context.close();
      }
    });

    it("a skip link, focus on the new page's heading with an announcement, and no axe findings on the student's pages", async () => {
      const id = await deepaksClass(`Gentle hatha (${size})`, 2 * HOUR);
      const { context, page, problems } = await person(size);
      await page.goto("/app/live", { waitUntil: "networkidle" });
      await expectNoAxeViolations(page, `browse, signed out (${size})`);

      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await expect(skip.isVisible()).resolves.toBe(true);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

      await page.getByRole("link", { name: `Gentle hatha (${size})` }).click();
      await page.waitForURL(`**/app/live/${id}`);
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Gentle hatha (${size})`);
      await expect.poll(() => page.getByTestId("navigation-announcement").textContent()).toBe(`Gentle hatha (${size}) — Live Sessions`);
      await expectNoAxeViolations(page, `a session page, signed out (${size})`);

      await signIn(page, "Priya Sharma", `/app/live/${id}`);
      await expectNoAxeViolations(page, `a session page, a student who may enroll (${size})`);
      await page.getByRole("button", { name: "Enroll" }).click();
      await expect.poll(() => page.getByText("You're enrolled").isVisible()).toBe(true);
      await expectNoAxeViolations(page, `a session page, just enrolled (${size})`);
      await page.goto("/app/live/enrollments", { waitUntil: "networkidle" });
      await expectNoAxeViolations(page, `my classes (${size})`);

      expect(problems).toEqual([]);
      await context.close();
    });
  });
}
