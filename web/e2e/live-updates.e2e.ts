/**
 * The dashboard and the host page hear changes over the GraphQL subscription (web/lib/live-updates.ts):
 * a student enrolling through the API shows on the open page without a reload, and while the
 * socket is open the page makes no periodic reloads of its data. With the WebSocket refused,
 * the old poll still brings the change in.
 */
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIZES, startE2E, type E2E } from "./browser.js";
import { signIn } from "./page-steps.js";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const deepak = () => e2e.composition.services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
let students = 0;
/** A new student enrolls through the API, as if from another browser. */
async function someoneEnrolls(sessionId: string): Promise<void> {
  students++;
  const student = await e2e.composition.services.resolveViewer({ subject: `local|live-updates-student-${students}`, name: `Student ${students}`, roles: [] });
  await e2e.composition.services.enroll(student, sessionId);
}

/** Deepak's class, live now (so the fallback poll would run). */
async function liveClass(title: string): Promise<string> {
  const services = e2e.composition.services;
  const start = new Date(Date.now() + 5 * 60_000);
  const session = await services.createSession(await deepak(), {
    title,
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
    maxParticipants: 10,
  });
  await services.startSession(await deepak(), session.id);
  return session.id;
}

/** The page's data reloads (Remix single fetch: `<path>.data`). */
function dataRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith(".data")) seen.push(r);
  });
  return seen;
}

/** Resolves once the page's graphql-ws connection is acknowledged and its subscription sent. */
function socketSubscribed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on("websocket", (ws) => {
      if (!ws.url().endsWith("/graphql")) return;
      ws.on("framesent", (frame) => {
        if (typeof frame.payload === "string" && JSON.parse(frame.payload).type === "subscribe") resolve();
      });
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function expertPage(): Promise<{ page: Page; close(): Promise<void> }> {
  // newUser's pages report their console errors to the file's end.
  const { context, page } = await e2e.newUser();
  await page.setViewportSize(SIZES.desktop);
  return { page, close: () => context.close() };
}

describe("with the live-update socket", () => {
  it("the dashboard shows a new enrolment without a reload, and makes no periodic reloads", async () => {
    const id = await liveClass("Socket flow");
    const { page, close } = await expertPage();
    try {
      await signIn(page, "Deepak Kumar", "/app/live/dashboard?show=live");
      const subscribed = socketSubscribed(page);
      await page.reload();
      await subscribed;
      const reloads = dataRequests(page);
      const row = page.getByRole("row").filter({ hasText: "Socket flow" });
      await expect.poll(() => row.getByRole("cell").nth(3).textContent()).toBe("0 / 10");

      await someoneEnrolls(id);
      await expect.poll(() => row.getByRole("cell").nth(3).textContent(), { timeout: 5000 }).toBe("1 / 10");
      expect(reloads.length).toBeGreaterThan(0);

      // Quiet for more than two poll periods (5 s) with a live class: no reload at all.
      await sleep(1000);
      const before = reloads.length;
      await sleep(11_000);
      expect(reloads.length).toBe(before);
      await e2e.shot(page, "live-updates-1-dashboard");
    } finally {
      await close();
    }
  });

  it("the host page shows a new enrolment without a reload, and makes no periodic reloads", async () => {
    const id = await liveClass("Host socket flow");
    const { page, close } = await expertPage();
    try {
      await signIn(page, "Deepak Kumar", `/app/live/host/${id}`);
      const subscribed = socketSubscribed(page);
      await page.reload();
      await subscribed;
      const reloads = dataRequests(page);
      await page.getByText("0 enrolled").waitFor();

      await someoneEnrolls(id);
      await page.getByText("1 enrolled").waitFor({ timeout: 5000 });
      expect(reloads.length).toBeGreaterThan(0);

      // More than two poll periods (3 s) of a live class: nothing reloaded.
      await sleep(1000);
      const before = reloads.length;
      await sleep(7000);
      expect(reloads.length).toBe(before);
    } finally {
      await close();
    }
  });
});

describe("with the WebSocket refused", () => {
  it("the dashboard and the host page fall back to polling, and still show the change; nothing alarming is shown", async () => {
    const id = await liveClass("Poll flow");
    const { page, close } = await expertPage();
    try {
      // As a proxy that does not pass WebSockets would: each upgrade to /graphql is closed at once.
      await page.routeWebSocket(/\/graphql$/, (ws) => ws.close({ code: 1011, reason: "refused by the test" }));
      await signIn(page, "Deepak Kumar", "/app/live/dashboard?show=live");
      const reloads = dataRequests(page);
      const row = page.getByRole("row").filter({ hasText: "Poll flow" });
      await expect.poll(() => row.getByRole("cell").nth(3).textContent()).toBe("0 / 10");
      await someoneEnrolls(id);
      // Within a poll period or two (5 s).
      await expect.poll(() => row.getByRole("cell").nth(3).textContent(), { timeout: 15_000 }).toBe("1 / 10");
      expect(reloads.length).toBeGreaterThan(0);
      expect(await page.getByRole("alert").count()).toBe(0);
      await e2e.shot(page, "live-updates-2-dashboard-polling");

      await page.goto(`/app/live/host/${id}`);
      await page.getByText("1 enrolled").waitFor();
      await someoneEnrolls(id);
      await page.getByText("2 enrolled").waitFor({ timeout: 10_000 });
      expect(await page.getByRole("alert").count()).toBe(0);
    } finally {
      await close();
    }
  });
});
