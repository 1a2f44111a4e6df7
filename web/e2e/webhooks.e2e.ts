/**
 * The webhook endpoint pages in a real browser, at phone and desktop sizes, with axe on each
 * state: an expert adds an endpoint from the dashboard (a private address refused beside the
 * field, in people's words), copies the secret shown once, sees a real signed delivery to a
 * local receiver in the delivery log, resends it, edits, rotates, pauses and enables, and
 * deletes it. A student gets 403; another expert gets 404 for someone else's endpoint.
 */
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepWebhookDeliveries } from "../../api/domain/webhooks-out/delivery-worker.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../api/test-support/webhook-receiver.js";
import { expectNoAxeViolations } from "./axe.js";
import { SIZES, startE2E, type E2E } from "./browser.js";
import { openAccountMenu, signIn } from "./page-steps.js";

let e2e: E2E;
/** One receiver per screen size: the desktop's endpoint stays (for the last test) while the phone's runs. */
const receivers: Partial<Record<keyof typeof SIZES, WebhookReceiver>> = {};
beforeAll(async () => {
  e2e = await startE2E();
  receivers.desktop = await startWebhookReceiver();
  receivers.phone = await startWebhookReceiver();
});
afterAll(async () => {
  await receivers.desktop?.close();
  await receivers.phone?.close();
  await e2e?.close();
});

async function person(size: keyof typeof SIZES): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await e2e.newUser();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.url });
  await page.setViewportSize(SIZES[size]);
  return { page, close: () => context.close() };
}

async function deepaksClass(title: string): Promise<string> {
  const services = e2e.composition.services;
  const deepak = await services.resolveViewer({ subject: "local|deepak", name: "Deepak Kumar", roles: ["expert"] });
  const start = new Date(Date.now() + 48 * 3_600_000);
  const session = await services.createSession(deepak, { title, scheduledStartTime: start.toISOString(), scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString() });
  return session.id;
}

/** The delivery worker's sweep, as every instance runs it each second. */
const deliver = () => sweepWebhookDeliveries(e2e.composition.deps);

let endpointOfDeepak = "";

for (const size of ["desktop", "phone"] as const) {
  describe(`on a ${size}`, () => {
    it("an expert adds an endpoint, keeps the secret, sees a real delivery in the log, resends, edits, rotates, pauses, enables and deletes it", async () => {
      const receiver = receivers[size]!;
      const { page, close } = await person(size);
      try {
        await signIn(page, "Deepak Kumar", "/app/live/dashboard");
        await page.getByRole("link", { name: "Webhook endpoints" }).click();
        await page.waitForURL(/\/app\/live\/webhooks$/);
        await page.getByRole("heading", { level: 1, name: "Webhook endpoints" }).waitFor();
        await expectNoAxeViolations(page, `webhook endpoints (${size})`);

        // No event, then a private address: each said beside its field (the API checks the
        // events before it resolves the address), the input kept, nothing created.
        await page.getByLabel("Receiver URL").fill("http://10.0.0.7/hooks");
        await page.getByRole("button", { name: "Add endpoint" }).click();
        await page.locator("#f-events-problem").waitFor();
        expect(await page.locator("#f-events-problem").textContent()).toBe("Choose at least one event.");
        await page.getByRole("checkbox", { name: /session\.created/ }).check();
        await page.getByRole("button", { name: "Add endpoint" }).click();
        await page.locator("#f-url-problem").waitFor();
        expect(await page.locator("#f-url-problem").textContent()).toBe("This address cannot receive webhooks: 10.0.0.7 is a private address. Use an address on the public internet.");
        expect(await page.locator("#f-events-problem").count()).toBe(0);
        expect(await page.getByLabel("Receiver URL").getAttribute("aria-invalid")).toBe("true");
        expect(await page.getByLabel("Receiver URL").inputValue()).toBe("http://10.0.0.7/hooks");
        expect(await page.getByRole("checkbox", { name: /session\.created/ }).isChecked()).toBe(true);
        if (size === "desktop") expect(await page.getByText("You have no endpoints yet.").count()).toBe(1);
        await expectNoAxeViolations(page, `endpoint form with problems (${size})`);
        await e2e.shot(page, `webhooks-1-refused-${size}`);

        // A real receiver, two events: the secret is shown once.
        const url = `${receiver.url}/${size}`;
        await page.getByLabel("Receiver URL").fill(url);
        await page.getByRole("checkbox", { name: /enrollment\.created/ }).check();
        await page.getByRole("button", { name: "Add endpoint" }).click();
        const secretBox = page.getByRole("textbox", { name: "Signing secret" });
        await secretBox.waitFor();
        const secret = await secretBox.inputValue();
        expect(secret).toMatch(/^whsec_/);
        await page.getByText("it is shown only this once.").waitFor();
        await page.getByRole("button", { name: "Copy" }).click();
        await page.getByRole("status").filter({ hasText: "Copied." }).waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
        expect(await page.locator(".endpoint-list li").filter({ hasText: url }).textContent()).toContain("Enabled");
        await expectNoAxeViolations(page, `endpoint added, secret shown (${size})`);
        await e2e.shot(page, `webhooks-2-secret-once-${size}`);
        await page.reload();
        expect(await page.getByRole("textbox", { name: "Signing secret" }).count()).toBe(0);

        // A class is scheduled: the signed delivery reaches the receiver and shows in the log.
        await page.getByRole("link", { name: url }).click();
        await page.waitForURL(/\/app\/live\/webhooks\/whe_/);
        const endpointId = new URL(page.url()).pathname.split("/").pop()!;
        if (size === "desktop") endpointOfDeepak = endpointId;
        await page.getByText("Nothing sent yet.").waitFor();
        const title = `Hooked flow (${size})`;
        await deepaksClass(title);
        await deliver();
        const mine = receiver.received.filter((r) => r.json.data.session?.title === title);
        expect(mine.map((r) => r.json.type)).toEqual(["session.created"]);
        const verified = new Webhook(secret).verify(mine[0]!.body, mine[0]!.headers as Record<string, string>);
        expect(verified).toMatchObject({ type: "session.created" });
        await page.reload();
        const row = page.getByRole("row").filter({ hasText: "session.created" });
        await row.waitFor();
        expect(await row.textContent()).toMatch(/Delivered.*200.*\d+ ms/);
        await expectNoAxeViolations(page, `endpoint with its delivery log (${size})`);
        await e2e.shot(page, `webhooks-3-delivery-log-${size}`);

        // Resend: the same webhook-id again.
        await row.getByRole("button", { name: /Resend session\.created/ }).click();
        await row.getByRole("button", { name: /Resend/ }).filter({ hasText: "Resent" }).waitFor();
        await deliver();
        const again = receiver.received.filter((r) => r.json.data.session?.title === title);
        expect(again).toHaveLength(2);
        expect(again[1]!.headers["webhook-id"]).toBe(again[0]!.headers["webhook-id"]);

        // Edit: a private address is refused beside the field; then the events change.
        await page.getByLabel("Receiver URL").fill("http://192.168.1.20/hooks");
        await page.getByRole("button", { name: "Save changes" }).click();
        await page.locator("#f-url-problem").filter({ hasText: "192.168.1.20 is a private address" }).waitFor();
        await page.getByLabel("Receiver URL").fill(url);
        await page.getByRole("checkbox", { name: /session\.started/ }).check();
        await page.getByRole("button", { name: "Save changes" }).click();
        await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
        expect(await page.getByRole("checkbox", { name: /session\.started/ }).isChecked()).toBe(true);

        // Rotate: a new secret, shown once, that signs what follows.
        await page.getByRole("button", { name: "Rotate secret" }).click();
        await page.getByRole("heading", { name: "The new signing secret" }).waitFor();
        const rotated = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
        expect(rotated).toMatch(/^whsec_/);
        expect(rotated).not.toBe(secret);

        // Pause, then enable again.
        await page.getByRole("button", { name: "Pause endpoint" }).click();
        await page.getByRole("button", { name: "Enable again" }).waitFor();
        expect(await page.getByText("Paused by its owner.").count()).toBe(1);
        await expectNoAxeViolations(page, `paused endpoint (${size})`);
        await e2e.shot(page, `webhooks-4-paused-${size}`);
        await page.getByRole("button", { name: "Enable again" }).click();
        await page.getByRole("button", { name: "Pause endpoint" }).waitFor();

        // Delete, after saying so.
        if (size === "phone") {
          await page.getByText("Delete this endpoint…").click();
          await page.getByRole("button", { name: "Delete for good" }).click();
          await page.waitForURL(/\/app\/live\/webhooks\?deleted=/);
          await page.getByRole("status").filter({ hasText: `Endpoint ${url} deleted.` }).waitFor();
          expect(await page.getByRole("link", { name: url }).count()).toBe(0);
        }
      } finally {
        await close();
      }
    });
  });
}

describe("someone else", () => {
  it("a student gets 403 on the pages; another expert gets 404 for Deepak's endpoint", async () => {
    expect(endpointOfDeepak).toMatch(/^whe_/);
    // The refused pages are answered 403 / 404 on purpose; Chromium reports each such document.
    e2e.expectConsoleErrors(/Failed to load resource: the server responded with a status of 40[34]/);
    const { page, close } = await person("phone");
    try {
      await signIn(page, "Priya Sharma", "/app/live/enrollments");
      await openAccountMenu(page);
      expect(await page.locator(".account-menu").getByRole("link", { name: "Webhook endpoints" }).count()).toBe(0);
      expect((await page.goto("/app/live/webhooks"))?.status()).toBe(403);
      expect((await page.goto(`/app/live/webhooks/${endpointOfDeepak}`))?.status()).toBe(403);
    } finally {
      await close();
    }
    const other = await person("phone");
    try {
      await signIn(other.page, "Meera Iyer", "/app/live/dashboard");
      expect((await other.page.goto(`/app/live/webhooks/${endpointOfDeepak}`))?.status()).toBe(404);
      expect((await other.page.goto("/app/live/webhooks"))?.status()).toBe(200);
      expect(await other.page.getByText("You have no endpoints yet.").count()).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("an admin, who has no dashboard, reaches the endpoint pages from the account menu", async () => {
    const { page, close } = await person("phone");
    try {
      await signIn(page, "Ada Admin", "/app/live");
      await openAccountMenu(page);
      await page.locator(".account-menu").getByRole("link", { name: "Webhook endpoints" }).click();
      await page.waitForURL(/\/app\/live\/webhooks$/);
      await page.getByRole("heading", { level: 1, name: "Webhook endpoints" }).waitFor();
      // Hers hear every class; she has no dashboard to go back to.
      await page.getByText("Your server hears of every class as they change").waitFor();
      expect(await page.getByRole("link", { name: "Back to your sessions" }).count()).toBe(0);
      await expectNoAxeViolations(page, "webhook endpoints of an admin (phone)");
      await e2e.shot(page, "webhooks-5-admin-from-account-menu-phone");
    } finally {
      await close();
    }
  });
});
