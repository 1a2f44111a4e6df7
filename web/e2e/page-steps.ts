/**
 * What a person does in the pages, shared by the browser journeys and the room benchmark
 * (api/bench/room-bench.ts), and the Chromium every one of them launches. Nothing here
 * starts the service, so the benchmark's driver can use it from its own process.
 */
import type { Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless Debian Chromium with a fake camera and microphone, offline. Later flags win. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  // Machines with only a loopback interface (some CI): WebRTC must be allowed to use it.
  "--allow-loopback-in-peer-connection",
];

/** Signs in through the local OpenID Connect provider's demo account page. */
export async function signIn(page: Page, name: string, returnTo = "/app/live"): Promise<void> {
  await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.waitForURL((u) => u.pathname === returnTo.split("?")[0]);
}

/** The signed-in expert schedules a class through the New session form; its id. */
export async function scheduleThroughForm(page: Page, title: string, startInMinutes = 30): Promise<string> {
  await page.goto("/app/live/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Breath, flow and rest.");
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const start = new Date(Date.now() + startInMinutes * 60_000);
  await page.getByLabel("Starts").fill(local(start));
  await page.getByLabel("Ends").fill(local(new Date(start.getTime() + 60 * 60_000)));
  await page.getByLabel("Seats").fill("10");
  await page.getByLabel("Category").fill("Vinyasa");
  await page.getByRole("button", { name: "Create session" }).click();
  await page.waitForURL(/\/app\/live\/ses_[a-z0-9]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/**
 * The expert starts the class from its page: Start session, then the confirmation, and for
 * a class more than 15 minutes away the second one. The last click is the start itself.
 */
export async function startFromSessionPage(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Start session" }).click();
  await page.getByRole("button", { name: "Yes, start now" }).click();
  const early = page.getByRole("button", { name: "Yes, start it early" });
  const asksAgain = await early.waitFor({ timeout: 1000 }).then(
    () => true,
    () => false,
  );
  if (asksAgain) await early.click();
}

/** The signed-in person's menu in the header (Sign out, Sign out everywhere; the page links on a phone). */
export async function openAccountMenu(page: Page): Promise<void> {
  const menu = page.locator("details.account-menu");
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
}
