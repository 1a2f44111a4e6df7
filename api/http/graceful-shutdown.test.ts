/**
 * SIGTERM to a real server process (api/test-support/serve-for-test.ts: the lifecycle of
 * `npm start`, api/http/server-lifecycle.ts) while a request is in flight: new connections
 * are refused at once, the in-flight request completes with 200 and its work is committed,
 * then the pool closes and the process exits 0, without waiting out keep-alive connections.
 * On PGlite without DATABASE_URL (the process's own embedded database), on a fresh
 * PostgreSQL database with it.
 */
import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnServer, startSharedStandIns, type ServerProcess, type SharedStandIns } from "../test-support/server-process.js";
import { openTestDatabase, realPostgresUrl, type TestDatabase } from "../test-support/test-database.js";
import { SEED_CREATE_BODY } from "../test-support/rest-client.js";

const SLOW_MS = 1500;

const t = {} as { standIns: SharedStandIns; database?: TestDatabase; server: ServerProcess };

beforeAll(async () => {
  t.standIns = await startSharedStandIns({ hmsTimeoutMs: 10_000 });
  if (realPostgresUrl()) t.database = await openTestDatabase({ maxConnections: 2 });
  t.server = await spawnServer({ ...t.standIns.settings, ...(t.database ? { DATABASE_URL: t.database.url! } : {}) });
});
afterAll(async () => {
  await t.server?.stop();
  await t.database?.close();
  await t.standIns?.close();
});

/** A brand-new connection to the server (never a pooled keep-alive one): its status, or the connect error's code. */
function freshConnection(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

async function call(method: string, path: string, as?: "deepak", body?: unknown) {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${await t.standIns.tokenFor(as)}`;
  if (body) headers["content-type"] = "application/json";
  return fetch(`${t.server.url}/api/live${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
}

it("SIGTERM lets the in-flight start finish with 200, refuses new connections, closes the pool and exits 0", async () => {
  const start = new Date(Date.now() + 3_600_000);
  const created = await call("POST", "/sessions", "deepak", {
    ...SEED_CREATE_BODY,
    price: 0,
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  expect(created.status).toBe(201);
  // That answer left an idle keep-alive connection behind, which must not hold the exit up.
  const id = ((await created.json()) as { data: { session: { id: string } } }).data.session.id;
  expect(await freshConnection(t.server.url)).toBe(200);

  // 100ms takes its time creating the room, so the start is in flight when the signal comes.
  t.standIns.emulator.failNext("POST /rooms", { delayMs: SLOW_MS });
  let settled = false;
  const inFlight = call("POST", `/sessions/${id}/start`, "deepak").finally(() => (settled = true));
  for (let i = 0; !t.standIns.emulator.requests().some((r) => r.route === "POST /rooms" && r.fault); i++) {
    expect(i, "the start never reached 100ms").toBeLessThan(200);
    await new Promise((r) => setTimeout(r, 10));
  }

  const signalledAt = performance.now();
  t.server.signal("SIGTERM");
  // Until the signal is handled a connection may still be accepted (and, caught mid-switch,
  // reset); then the port is closed.
  let refused: number | string = 200;
  while (refused !== "ECONNREFUSED" && performance.now() - signalledAt < SLOW_MS / 2) {
    refused = await freshConnection(t.server.url);
    expect([200, "ECONNRESET", "ECONNREFUSED"]).toContain(refused);
  }
  expect(refused).toBe("ECONNREFUSED");
  expect(settled, "the start answered before new connections were refused").toBe(false);

  const answer = await inFlight;
  const answeredAt = performance.now();
  expect(answer.status).toBe(200);
  expect(answer.headers.get("connection")).toBe("close");
  const started = (await answer.json()) as { success: boolean; data: { roomId: string } };
  expect(started.success).toBe(true);
  expect(t.standIns.emulator.room(started.data.roomId)?.name).toBe(`live-session-${id}`);

  const exit = await t.server.exited;
  const exitedAt = performance.now();
  expect(exit).toEqual({ code: 0, signal: null });
  // Well under Node's 5 s keep-alive time, which an unclosed idle connection would cost.
  expect(exitedAt - answeredAt).toBeLessThan(3000);

  const messages = t.server.logs().map((l) => l.msg);
  const order = ["shutting down: no new connections; finishing in-flight requests", "http server closed: every in-flight request answered", "stopped: background work finished, database pool closed"];
  expect(messages.filter((m) => order.includes(m as string)), JSON.stringify(t.server.logs().slice(-8))).toEqual(order);
  expect(t.server.logs().filter((l) => (l.level as number) >= 50)).toEqual([]);

  if (t.database) {
    // The start's transaction committed before the pool closed.
    const [row] = await t.database.query<{ status: string; hms_room_id: string }>("select status, hms_room_id from live_sessions where id = $1", [id]);
    expect(row).toEqual({ status: "live", hms_room_id: started.data.roomId });
  }
});
