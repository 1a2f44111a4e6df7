/**
 * `npm run bench:room`: a live class of one expert and two students on the local media
 * plane, measured. The server (app, 100ms emulator, media plane with its werift
 * forwarder) runs in its own process, and each person in their own Chromium process
 * (Debian's, fake camera and microphone at 15 frames a second, as the browser tests).
 * Prints figures; never passes or fails. Needs `npm run build` first.
 *
 * Figures, per run (a fresh session each):
 * - expert: "Join" pressed → in the room;
 * - each student: "Join now" pressed → the first remote video frame painted on the page
 *   (requestVideoFrameCallback on the first remote tile), and → in the room;
 * - CPU of the server process, idle (three pages open, no room) and during the three-person
 *   call, as a share of one core; the browsers' total (every Chromium process) for scale.
 *
 * Settings: BENCH_ROOM_RUNS (default 3), BENCH_ROOM_SECONDS (CPU window in the call, default 20),
 * CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, scheduleThroughForm, signIn, startFromSessionPage } from "../../web/e2e/page-steps.js";

const RUNS = Number(process.env.BENCH_ROOM_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_ROOM_SECONDS ?? 20);
const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc times are in 1/100 s.

// The fake camera at 15 frames a second, as the room journey runs it (later flags win).
const ROOM_CHROMIUM_ARGS = [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream=fps=15"];

/** CPU seconds (user + system) used so far by these processes. */
function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces), from ")": utime is the 12th, stime the 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone in the meantime: its time is lost from the window, which only understates.
    }
  }
  return ticks / CLOCK_TICKS;
}

/** A process and all its descendants (Chromium's renderers, GPU and utility processes). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // exited
    }
  }
  const all: number[] = [];
  const visit = (pid: number) => {
    all.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return all;
}

/** Share of one core the processes used over `seconds`. */
async function cpuShare(pids: () => number[], seconds: number): Promise<number> {
  const before = cpuSeconds(pids());
  const start = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return (cpuSeconds(pids()) - before) / elapsed;
}

async function startServer(): Promise<{ url: string; pid: number; stop(): void }> {
  const entry = fileURLToPath(new URL("./room-bench-server.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", entry], { stdio: ["pipe", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the bench server exited (${code}) before listening`)));
  });
  const { url, pid } = JSON.parse(first) as { url: string; pid: number };
  return { url, pid, stop: () => child.stdin!.end() };
}

async function personPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1024, height: 768 }, permissions: ["camera", "microphone"] });
  // tsx keeps function names with a `__name` helper, which would be missing in the page's copy of timedJoin.
  await context.addInitScript("globalThis.__name = (f) => f;");
  return context.newPage();
}

/**
 * Presses the join button from inside the page (so the clock starts at the press) and
 * answers the milliseconds until the room opened and until the first remote video frame
 * was painted (null when `wantFrame` is false).
 */
async function timedJoin(page: Page, button: RegExp, wantFrame: boolean): Promise<{ inRoomMs: number; firstFrameMs: number | null }> {
  await page.getByRole("button", { name: button }).waitFor({ timeout: 60_000 });
  return page.evaluate(
    ({ source, wantFrame }) =>
      new Promise<{ inRoomMs: number; firstFrameMs: number | null }>((resolve, reject) => {
        const pattern = new RegExp(source);
        const press = [...document.querySelectorAll("button")].find((b) => pattern.test(b.textContent ?? ""));
        if (!press) return reject(new Error(`no button ${source}`));
        const t0 = performance.now();
        let inRoomMs: number | undefined;
        let firstFrameMs: number | null | undefined = wantFrame ? undefined : null;
        const watched = new Set<HTMLVideoElement>();
        const done = () => inRoomMs !== undefined && firstFrameMs !== undefined && resolve({ inRoomMs, firstFrameMs });
        const poll = setInterval(() => {
          if (inRoomMs === undefined && [...document.querySelectorAll("h2")].some((h) => /^In the room/.test(h.textContent ?? ""))) inRoomMs = performance.now() - t0;
          for (const v of document.querySelectorAll<HTMLVideoElement>(".room-grid .tile video")) {
            if (watched.has(v) || firstFrameMs !== undefined) continue;
            watched.add(v);
            v.requestVideoFrameCallback(() => {
              firstFrameMs ??= performance.now() - t0;
            });
          }
          if (inRoomMs !== undefined && firstFrameMs !== undefined) {
            clearInterval(poll);
            done();
          }
        }, 5);
        setTimeout(() => (clearInterval(poll), reject(new Error("no room or no remote frame within 60 s"))), 60_000);
        press.click();
      }),
    { source: button.source, wantFrame },
  );
}

/** Inbound video streams the page has decoded frames of. */
function decodingStreams(page: Page): Promise<number> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLVideoElement>(".room-grid .tile video")].filter((v) => v.videoWidth > 0 && v.currentTime > 0).length,
  );
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Run {
  expertJoinMs: number;
  student1: { inRoomMs: number; firstFrameMs: number };
  student2: { inRoomMs: number; firstFrameMs: number };
  serverIdle: number;
  serverInCall: number;
  browsersInCall: number;
}

async function oneRun(n: number, url: string, serverPid: number, browsers: Browser[]): Promise<Run> {
  const [expertBrowser, b1, b2] = browsers as [Browser, Browser, Browser];
  const expert = await personPage(expertBrowser, url);
  await signIn(expert, "Deepak Kumar");
  const id = await scheduleThroughForm(expert, `Bench class ${n}`);
  const students: Page[] = [];
  for (const [browser, name] of [
    [b1, "Priya Sharma"],
    [b2, "Tom Becker"],
  ] as const) {
    const page = await personPage(browser, url);
    await signIn(page, name);
    await page.goto(`/app/live/${id}`);
    await page.getByRole("button", { name: "Enroll" }).click();
    await page.getByText("You're enrolled").waitFor();
    await page.goto(`/app/live/join/${id}`);
    students.push(page);
  }
  const [s1, s2] = students as [Page, Page];
  // Idle: three signed-in pages open (two waiting screens polling), no room yet.
  const serverIdle = await cpuShare(() => [serverPid], Math.min(10, SECONDS));

  await startFromSessionPage(expert);
  await expert.waitForURL(`**/app/live/host/${id}`);
  const expertJoin = await timedJoin(expert, /^Join$/, false);
  const student1 = (await timedJoin(s1, /^Join now/, true)) as Run["student1"];
  const student2 = (await timedJoin(s2, /^Join now/, true)) as Run["student2"];
  for (const page of [expert, s1, s2]) await until(async () => (await decodingStreams(page)) >= 2, "every page to decode two streams");
  // Let the senders' bitrates settle before measuring.
  await new Promise((r) => setTimeout(r, 3000));
  // Playwright starts Chromium as a child of this process; the server is our child too, and left out.
  const browserPids = () => {
    const server = new Set(processTree(serverPid));
    return processTree(process.pid).filter((pid) => pid !== process.pid && !server.has(pid));
  };
  const [serverInCall, browsersInCall] = await Promise.all([cpuShare(() => [serverPid], SECONDS), cpuShare(browserPids, SECONDS)]);

  await expert.getByRole("button", { name: "End session for everyone" }).click();
  await expert.getByRole("button", { name: "Yes, end it for everyone" }).click();
  await s1.getByRole("heading", { name: "The class has ended" }).waitFor({ timeout: 30_000 });
  for (const page of [expert, s1, s2]) await page.context().close();
  return { expertJoinMs: expertJoin.inRoomMs, student1, student2, serverIdle, serverInCall, browsersInCall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const ms = (x: number) => `${Math.round(x)} ms`;

const server = await startServer();
const browsers = await Promise.all([0, 1, 2].map(() => chromium.launch({ executablePath: CHROMIUM, args: ROOM_CHROMIUM_ARGS })));
const runs: Run[] = [];
try {
  console.log(`room bench: ${RUNS} runs, 1 expert + 2 students, ${SECONDS} s CPU window, ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), Node ${process.version}`);
  for (let n = 1; n <= RUNS; n++) {
    const r = await oneRun(n, server.url, server.pid, browsers);
    runs.push(r);
    console.log(
      `run ${n}: expert Join→in room ${ms(r.expertJoinMs)}; student 1 Join→first remote frame ${ms(r.student1.firstFrameMs)} (in room ${ms(r.student1.inRoomMs)}); ` +
        `student 2 ${ms(r.student2.firstFrameMs)} (in room ${ms(r.student2.inRoomMs)}); server CPU idle ${pct(r.serverIdle)}, in call ${pct(r.serverInCall)}; browsers ${pct(r.browsersInCall)}`,
    );
  }
  const col = (f: (r: Run) => number) => runs.map(f);
  const row = (label: string, xs: number[], fmt: (x: number) => string) =>
    console.log(`| ${label} | ${fmt(median(xs))} | ${fmt(Math.min(...xs))} | ${fmt(Math.max(...xs))} |`);
  console.log("\n| figure | median | min | max |\n|---|---|---|---|");
  row("expert: Join → in the room", col((r) => r.expertJoinMs), ms);
  row("student: Join → first remote frame", [...col((r) => r.student1.firstFrameMs), ...col((r) => r.student2.firstFrameMs)], ms);
  row("student: Join → in the room", [...col((r) => r.student1.inRoomMs), ...col((r) => r.student2.inRoomMs)], ms);
  row("server process CPU, idle (pages open, no room)", col((r) => r.serverIdle), pct);
  row("server process CPU, 3-person call (forwarder + signalling)", col((r) => r.serverInCall), pct);
  row("three Chromium processes' CPU, 3-person call", col((r) => r.browsersInCall), pct);
} finally {
  await Promise.allSettled(browsers.map((b) => b.close()));
  server.stop();
}
