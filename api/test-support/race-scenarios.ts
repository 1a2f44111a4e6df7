/**
 * The races of issue 7, driven over real HTTP against one or more app instances that
 * share one database: requests alternate between the instances (and between REST and
 * GraphQL where both faces exist), so the database, not a process's memory, must be what
 * keeps them consistent. Only meaningful on real PostgreSQL (PGlite runs one transaction
 * at a time).
 */
import { expect } from "vitest";
import type { HmsEmulator } from "../stand-ins/hms-emulator/index.js";
import { SEED_CREATE_BODY } from "./rest-client.js";
import type { Caller } from "./test-app.js";

export interface RaceTarget {
  /** Base URLs of the instances (`http://127.0.0.1:<port>`). */
  urls: string[];
  tokenFor(caller: Exclude<Caller, null>): Promise<string>;
  /** The one 100ms emulator every instance talks to. */
  emulator: HmsEmulator;
  /** Raw SQL on the shared database, through the test's own connection. */
  count(sql: string, params: unknown[]): Promise<number>;
  /** The instances' notion of now (a test clock in-process, the real one for processes). */
  now(): Date;
}

export interface Answer {
  status: number;
  body: any;
}

async function call(target: RaceTarget, instance: number, method: "GET" | "POST", path: string, as?: Exclude<Caller, null>, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${await target.tokenFor(as)}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${target.urls[instance % target.urls.length]}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // kept as text: the assertion that follows shows it
  }
  return { status: res.status, body: parsed };
}

export const rest = (target: RaceTarget, instance: number, method: "GET" | "POST", path: string, as?: Exclude<Caller, null>, body?: unknown) =>
  call(target, instance, method, `/api/live${path}`, as, body);

export const graphql = (target: RaceTarget, instance: number, query: string, variables: Record<string, unknown>, as?: Exclude<Caller, null>) =>
  call(target, instance, "POST", "/graphql", as, { query, variables });

const ENROLL = `mutation Enroll($id: ID!) { enroll(sessionId: $id) { participantId } }`;
const START = `mutation Start($id: ID!) { startSession(id: $id) { roomId roomCode } }`;

export const student = (n: number): Exclude<Caller, null> => ({ sub: `test|race-student-${n}`, name: `Student ${n}`, roles: [] });

/** A free session an hour from the target's now, created through REST by deepak. */
export async function createSession(target: RaceTarget, overrides: Record<string, unknown> = {}): Promise<string> {
  const start = new Date(target.now().getTime() + 3_600_000);
  const res = await rest(target, 0, "POST", "/sessions", "deepak", {
    ...structuredClone(SEED_CREATE_BODY),
    price: 0,
    scheduledStartTime: start.toISOString(),
    scheduledEndTime: new Date(start.getTime() + 3_600_000).toISOString(),
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.session.id as string;
}

const enrolledCount = async (target: RaceTarget, id: string) => {
  const res = await rest(target, 0, "GET", `/sessions/${id}`);
  expect(res.status).toBe(200);
  return res.body.data.session.enrolledCount as number;
};

/** `students` distinct students race for `seats` seats. */
export async function raceForSeats(target: RaceTarget, seats: number, students: number): Promise<void> {
  const id = await createSession(target, { maxParticipants: seats });
  // Tokens first, so the race is between requests and not between token signings.
  await Promise.all(Array.from({ length: students }, (_, i) => target.tokenFor(student(i))));
  const answers = await Promise.all(Array.from({ length: students }, (_, i) => rest(target, i, "POST", `/sessions/${id}/enroll`, student(i))));

  const enrolled = answers.filter((a) => a.status === 200);
  const full = answers.filter((a) => a.status === 400);
  const other = answers.filter((a) => a.status !== 200 && a.status !== 400);
  expect(other, "every answer is 200 or 400").toEqual([]);
  expect(enrolled).toHaveLength(seats);
  expect(full).toHaveLength(students - seats);
  for (const a of full) expect(a.body).toEqual({ success: false, error: "This session is full; no seats are left.", code: "SESSION_FULL" });
  expect(new Set(enrolled.map((a) => a.body.data.participantId)).size).toBe(seats);
  expect(await enrolledCount(target, id)).toBe(seats);
  expect(await target.count("select count(*)::int as n from live_session_participants where session_id = $1", [id])).toBe(seats);
}

/** One student sends `times` enrollments at once, through both faces and every instance. */
export async function oneStudentManyTimes(target: RaceTarget, times: number): Promise<void> {
  const id = await createSession(target, { maxParticipants: 10 });
  const answers = await Promise.all(
    Array.from({ length: times }, async (_, i) => {
      if (i % 2 === 0) {
        const a = await rest(target, i >> 1, "POST", `/sessions/${id}/enroll`, "priya");
        expect(a.status, JSON.stringify(a.body)).toBe(200);
        return a.body.data.participantId as string;
      }
      const a = await graphql(target, i >> 1, ENROLL, { id }, "priya");
      expect(a.body.errors, JSON.stringify(a.body.errors)).toBeUndefined();
      return a.body.data.enroll.participantId as string;
    }),
  );
  expect(new Set(answers).size).toBe(1);
  expect(await enrolledCount(target, id)).toBe(1);
  expect(await target.count("select count(*)::int as n from live_session_participants where session_id = $1", [id])).toBe(1);
}

const roomsNamedFor = (target: RaceTarget, id: string) => target.emulator.rooms().filter((r) => r.name === `live-session-${id}`);

/** `times` starts at once: one room, every answer names it, the session is live in it. */
export async function manyStarts(target: RaceTarget, times: number): Promise<void> {
  const id = await createSession(target);
  const rooms = await Promise.all(
    Array.from({ length: times }, async (_, i) => {
      if (i % 2 === 0) {
        const a = await rest(target, i >> 1, "POST", `/sessions/${id}/start`, "deepak");
        expect(a.status, JSON.stringify(a.body)).toBe(200);
        return a.body.data as { roomId: string; roomCode: string };
      }
      const a = await graphql(target, i >> 1, START, { id }, "deepak");
      expect(a.body.errors, JSON.stringify(a.body.errors)).toBeUndefined();
      return a.body.data.startSession as { roomId: string; roomCode: string };
    }),
  );
  expect(new Set(rooms.map((r) => r.roomId)).size).toBe(1);
  expect(new Set(rooms.map((r) => r.roomCode)).size).toBe(1);
  expect(roomsNamedFor(target, id)).toHaveLength(1);
  const stored = await rest(target, 1, "GET", `/sessions/${id}`, "deepak");
  expect(stored.body.data.session).toMatchObject({ status: "live", hmsDetails: { roomId: rooms[0]!.roomId } });
}

/** A start and an end sent at once (to different instances), `rounds` times. */
export async function startRacingEnd(target: RaceTarget, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const id = await createSession(target);
    const [start, end] = await Promise.all([
      rest(target, round, "POST", `/sessions/${id}/start`, "deepak"),
      rest(target, round + 1, "POST", `/sessions/${id}/end`, "deepak"),
    ]);
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const session = (await rest(target, round, "GET", `/sessions/${id}`, "deepak")).body.data.session;
    const rooms = roomsNamedFor(target, id);
    expect(rooms).toHaveLength(1);
    expect(session.hmsDetails.roomId).toBe(rooms[0]!.id);
    if (end.status === 200) {
      // The end saw the session live: it is ended, and its room closed in the same request.
      expect(session.status).toBe("ended");
      expect(rooms[0]!.enabled).toBe(false);
      expect(await target.count("select count(*)::int as n from room_cleanups where session_id = $1 and completed_at is not null", [id])).toBe(1);
    } else {
      // The end came first and was refused: the start went through and nothing else changed.
      expect(end).toEqual({ status: 400, body: { success: false, error: expect.stringMatching(/has not started yet/), code: "FAILED_PRECONDITION" } });
      expect(session.status).toBe("live");
      expect(rooms[0]!.enabled).toBe(true);
    }
  }
}
