/**
 * The live room end to end on this machine: the real 100ms browser SDK in two Chromium
 * pages (expert and student, fake camera and microphone) joins through the local media
 * plane (init, signalling, werift forwarder) that runs beside the 100ms emulator.
 * Nothing may leave the machine: every request not to 127.0.0.1 or localhost is aborted
 * and recorded, and the list must stay empty.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startE2E, type E2E } from "./browser.js";

let e2e: E2E;
const offBox: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function localUser(): Promise<{ context: BrowserContext; page: Page }> {
  const user = await e2e.newUser();
  await user.context.route(
    (url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost",
    async (route) => {
      offBox.push(route.request().url());
      await route.abort("blockedbyclient");
    },
  );
  // Keep the SDK's peer connections reachable from the test, to read their inbound video stats.
  await user.context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const all: RTCPeerConnection[] = [];
    (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = all;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        all.push(this);
      }
    } as typeof RTCPeerConnection;
  });
  return user;
}

async function createSession(page: Page, title: string): Promise<string> {
  await page.goto("/app/live/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Breath, flow and rest.");
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const start = new Date(Date.now() + 30 * 60_000);
  await page.getByLabel("Starts").fill(local(start));
  await page.getByLabel("Ends").fill(local(new Date(start.getTime() + 60 * 60_000)));
  await page.getByLabel("Seats").fill("10");
  await page.getByLabel("Category").fill("Vinyasa");
  await page.getByRole("button", { name: "Create session" }).click();
  await page.waitForURL(/\/app\/live\/ses_[a-z0-9]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Frames decoded so far across the page's inbound video streams (0 when none). */
function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === "closed") continue;
      (await pc.getStats()).forEach((s: { type: string; kind?: string; framesDecoded?: number }) => {
        if (s.type === "inbound-rtp" && s.kind === "video") total += s.framesDecoded ?? 0;
      });
    }
    return total;
  });
}

/** The widest picture any remote (not "(you)") tile shows. */
function remoteVideoWidth(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll(".room-grid .tile")]
        .filter((tile) => !tile.querySelector(".name")?.textContent?.includes("(you)"))
        .map((tile) => tile.querySelector("video")?.videoWidth ?? 0),
    ),
  );
}

const roomList = (page: Page) => page.getByRole("heading", { name: /In the room/ }).locator("xpath=..").getByRole("listitem");

describe("a live class on the local media plane", () => {
  it("expert and student join, see each other, chat, see each other's video, and End session removes the student", async () => {
    const expert = await localUser();
    await signIn(expert.page, "Deepak Kumar");
    const id = await createSession(expert.page, "Morning Flow");

    const student = await localUser();
    await signIn(student.page, "Priya Sharma");
    await student.page.goto(`/app/live/${id}`);
    await student.page.getByRole("button", { name: "Enroll" }).click();
    await expect.poll(() => student.page.getByText("You're enrolled").isVisible()).toBe(true);
    await student.page.goto(`/app/live/join/${id}`);
    await expect.poll(() => student.page.getByText("Waiting for your expert").isVisible()).toBe(true);

    await expert.page.getByRole("button", { name: "Start session" }).click();
    await expert.page.waitForURL(`**/app/live/host/${id}`);
    // The device check: preview ran against the local init and signalling.
    await expect.poll(() => expert.page.getByRole("button", { name: "Join", exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expert.page.getByRole("button", { name: "Join", exact: true }).click();

    // The student's waiting page opens the room by itself and joins after its countdown.
    for (const page of [expert.page, student.page]) {
      await expect.poll(() => page.getByRole("heading", { name: "In the room (2)" }).isVisible(), { timeout: 45_000 }).toBe(true);
    }
    await expect(roomList(expert.page).allTextContents()).resolves.toEqual(expect.arrayContaining(["Deepak Kumar (expert)", "Priya Sharma"]));
    await expect(roomList(student.page).allTextContents()).resolves.toEqual(expect.arrayContaining(["Deepak Kumar (expert)", "Priya Sharma"]));

    // The emulator's records follow the real joins, under the SDK's own peer ids.
    const session = await e2e.composition.services.getSession(null, id);
    const connected = e2e.composition.mediaPlane!.connectedPeers(session!.hmsRoomId!);
    expect(connected.filter((p) => p.joined)).toHaveLength(2);
    const joins = e2e.composition.emulator!.events().filter((e) => e.type === "peer.join.success" && e.data.room_id === session!.hmsRoomId);
    expect(joins.map((e) => e.data.peer_id).sort()).toEqual(connected.map((p) => p.peerId).sort());

    await student.page.getByPlaceholder("Say hello…").fill("Namaste, ready when you are");
    await student.page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => expert.page.getByText("Namaste, ready when you are").isVisible(), { timeout: 15_000 }).toBe(true);
    await expect(student.page.getByText("Namaste, ready when you are").count()).resolves.toBe(1);

    // Media through the forwarder: each side decodes the other's camera, and keeps decoding.
    for (const page of [expert.page, student.page]) {
      await expect.poll(() => remoteVideoWidth(page), { timeout: 30_000 }).toBeGreaterThan(0);
      const before = await framesDecoded(page);
      await expect.poll(() => framesDecoded(page), { timeout: 15_000 }).toBeGreaterThan(before + 10);
    }
    await e2e.shot(expert.page, "10-live-room-expert");
    await e2e.shot(student.page, "11-live-room-student");

    await expert.page.getByRole("button", { name: "End session for everyone" }).click();
    await expect.poll(() => student.page.getByText("You have left the room").isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => e2e.composition.mediaPlane!.connectedPeers(session!.hmsRoomId!), { timeout: 20_000 }).toEqual([]);
    expect(offBox).toEqual([]);
  });
});
