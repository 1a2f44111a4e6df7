/**
 * 100ms failing, hanging, or answering too late (HMS_TIMEOUT_MS is 500 ms here): start
 * answers a retryable 503 / UPSTREAM_UNAVAILABLE within a bounded time and changes
 * nothing; end still ends the session (the room's clean-up is recorded and retried);
 * joinToken never calls 100ms at all. After recovery, a retry succeeds.
 */
import { describe, expect, it } from "vitest";
import { sweepRoomCleanups } from "../domain/sessions/room-cleanup.js";
import { END_SESSION, JOIN_TOKEN, START_SESSION } from "../test-support/graphql-documents.js";
import { useTestApp } from "../test-support/hooks.js";
import { createSessionRest, expectFailure, expectSuccess, freeSessionBody, rest } from "../test-support/rest-client.js";
import type { FaultSpec } from "../stand-ins/hms-emulator/index.js";

const TIMEOUT_MS = 500;
/** The deadline plus generous room for a loaded two-core machine; far below the SDK's own minutes. */
const BOUND_MS = TIMEOUT_MS + 2000;

const t = useTestApp({ env: { HMS_TIMEOUT_MS: String(TIMEOUT_MS) } });

const FAULTS: { name: string; fault: FaultSpec; waits: boolean }[] = [
  { name: "answers 500", fault: { status: 500 }, waits: false },
  { name: "hangs", fault: { hang: true }, waits: true },
  { name: "answers after the deadline", fault: { delayMs: TIMEOUT_MS * 3 }, waits: true },
];

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

const roomsOf = (id: string) => t.app.emulator.rooms().filter((r) => r.name === `live-session-${id}`);

async function stored(id: string) {
  const [row] = await t.database.query<{ status: string; hms_room_id: string | null; actual_start_time: Date | null }>(
    "select status, hms_room_id, actual_start_time from live_sessions where id = $1",
    [id],
  );
  return row!;
}

/**
 * A slow fault's late answer (nobody hears it, but it may still change rooms) has had time
 * to land. The emulator does not record answers to a client that left, so wait its delay.
 */
async function lateAnswersLanded(fault: FaultSpec): Promise<void> {
  if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs! + 100));
}

function expectBounded(ms: number, waits: boolean) {
  expect(ms).toBeLessThan(BOUND_MS);
  // It really waited for the deadline, not for something else that happened to fail.
  if (waits) expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
}

describe.each(FAULTS)("start when 100ms $name", ({ fault, waits }) => {
  it("REST answers 503 and GraphQL UPSTREAM_UNAVAILABLE in bounded time; the session stays scheduled; a retry after recovery starts it", async () => {
    const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));

    t.app.emulator.failNext("POST /rooms", fault);
    const viaRest = await timed(() => rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }));
    expectBounded(viaRest.ms, waits);
    expectFailure(viaRest.value, 503, /^The video service \(100ms\) could not create the video room just now\. Nothing was changed; please try again in a moment\.$/);

    t.app.emulator.failNext("POST /rooms", fault);
    const viaGraphQL = await timed(() => t.app.gql(START_SESSION, { id }, "deepak"));
    expectBounded(viaGraphQL.ms, waits);
    expect(viaGraphQL.value.data).toBeNull();
    expect(viaGraphQL.value.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/try again/), extensions: { code: "UPSTREAM_UNAVAILABLE", retryable: true } }),
    ]);

    expect(await stored(id)).toEqual({ status: "scheduled", hms_room_id: null, actual_start_time: null });

    const retried = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
    await lateAnswersLanded(fault);
    expect(roomsOf(id).map((r) => r.id)).toEqual([retried.data.roomId]);
    expect(await stored(id)).toMatchObject({ status: "live", hms_room_id: retried.data.roomId });
  });
});

it("start when 100ms creates the room but its code times out: 503, still scheduled, and the retry uses the same room", async () => {
  const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
  t.app.emulator.failNext("POST /room-codes/room/:id/role/:role", { hang: true });
  const failed = await timed(() => rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }));
  expectBounded(failed.ms, true);
  expectFailure(failed.value, 503, /try again/);
  expect(await stored(id)).toMatchObject({ status: "scheduled", hms_room_id: null });
  expect(roomsOf(id)).toHaveLength(1);

  const retried = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200);
  expect(retried.data.roomId).toBe(roomsOf(id)[0]!.id);
  expect(roomsOf(id)).toHaveLength(1);
});

describe.each(FAULTS)("end when 100ms $name", ({ fault, waits }) => {
  it("the session ends in bounded time with the room's clean-up pending; after recovery the sweeper closes the room", async () => {
    const ids = [await createSessionRest(t.app, freeSessionBody(t.app.clock)), await createSessionRest(t.app, freeSessionBody(t.app.clock))];
    const rooms: string[] = [];
    for (const id of ids) rooms.push(expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200).data.roomId);

    // Ending is our fact, not 100ms's: it commits, and closing the room is retried until it works.
    t.app.emulator.failNext("POST /active-rooms/:id/end-room", fault);
    const viaRest = await timed(() => rest(t.app, "POST", `/api/live/sessions/${ids[0]}/end`, { as: "deepak" }));
    expectBounded(viaRest.ms, waits);
    expectSuccess(viaRest.value, 200);

    t.app.emulator.failNext("POST /active-rooms/:id/end-room", fault);
    const viaGraphQL = await timed(() => t.app.gql(END_SESSION, { id: ids[1] }, "deepak"));
    expectBounded(viaGraphQL.ms, waits);
    expect(viaGraphQL.value.errors).toBeUndefined();
    expect(viaGraphQL.value.data?.endSession.session.status).toBe("ENDED");

    await lateAnswersLanded(fault);
    for (const [i, id] of ids.entries()) {
      expect(await stored(id)).toMatchObject({ status: "ended", hms_room_id: rooms[i] });
      expect(t.app.emulator.room(rooms[i]!)?.enabled).toBe(true);
    }
    const pending = await t.database.query<{ room_id: string; last_error: string | null }>(
      "select room_id, last_error from room_cleanups where completed_at is null order by room_id",
    );
    expect(pending.map((p) => p.room_id)).toEqual([...rooms].sort());
    for (const p of pending) expect(p.last_error).toMatch(/100ms/);

    // 100ms is back; the sweeper's next round (30 s later) closes both rooms.
    t.app.clock.advance(31_000);
    expect(await sweepRoomCleanups(t.app.composition.deps)).toEqual({ closed: 2, failed: 0 });
    for (const room of rooms) expect(t.app.emulator.room(room)?.enabled).toBe(false);
    expect(await t.database.query("select room_id from room_cleanups where completed_at is null")).toEqual([]);
  });
});

it("joinToken never calls 100ms (tokens are signed locally), so it answers at once whatever 100ms does", async () => {
  const id = await createSessionRest(t.app, freeSessionBody(t.app.clock));
  expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/enroll`, { as: "priya" }), 200);
  const roomId = expectSuccess(await rest(t.app, "POST", `/api/live/sessions/${id}/start`, { as: "deepak" }), 200).data.roomId as string;

  for (const fault of [{ status: 500 }, { hang: true }] satisfies FaultSpec[]) {
    t.app.emulator.clearFaults();
    t.app.emulator.setFault("*", fault);
    const calls = t.app.emulator.requests().length;
    const viaRest = await timed(() => rest(t.app, "POST", `/api/live/sessions/${id}/join-token`, { as: "priya" }));
    const viaGraphQL = await timed(() => t.app.gql(JOIN_TOKEN, { sessionId: id }, "deepak"));
    expect(viaRest.ms).toBeLessThan(TIMEOUT_MS);
    expect(viaGraphQL.ms).toBeLessThan(TIMEOUT_MS);
    const token = expectSuccess(viaRest.value, 200).data.token as string;
    expect(JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString())).toMatchObject({ room_id: roomId, role: "guest" });
    expect(viaGraphQL.value.data?.joinToken).toMatchObject({ role: "HOST" });
    expect(t.app.emulator.requests()).toHaveLength(calls);
  }
});
