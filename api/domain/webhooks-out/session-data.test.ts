/**
 * The enrollment statement builds its events' `data.session` in SQL (`sessionDataOf`), while
 * every other event is built by the domain's `sessionData`, the payload contract. Both must give
 * the same object for any row: null times and seats, prices with cents, every status, text that
 * needs escaping, times with milliseconds and far from now.
 */
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { liveSessions } from "../../db/schema.js";
import { sessionData } from "./event-types.js";
import { openTestDatabase, type TestDatabase } from "../../test-support/test-database.js";
import { sessionDataOf } from "../../repositories/webhooks-out.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.query(`insert into users (id, auth_subject, name, roles) values ('usr_payload', 'test|payload', 'Payload', '{expert}')`);
});
afterAll(async () => {
  await database?.close();
});

// Whole milliseconds between 1970 and 2200: what a timestamptz keeps of a JavaScript Date.
const time = fc.integer({ min: 0, max: 7_258_118_400_000 }).map((ms) => new Date(ms));

const row = fc.record({
  title: fc.string({ minLength: 1, maxLength: 40 }),
  status: fc.constantFrom("scheduled" as const, "live" as const, "ended" as const, "cancelled" as const),
  sessionType: fc.constantFrom("1-on-1" as const, "group" as const, "workshop" as const),
  start: time,
  lengthMs: fc.integer({ min: 1, max: 86_400_000 }),
  actualStartTime: fc.option(time),
  actualEndTime: fc.option(time),
  maxParticipants: fc.option(fc.integer({ min: 1, max: 10_000 })),
  enrolled: fc.nat({ max: 10_000 }),
  currentViewers: fc.nat({ max: 500 }),
  attendedCount: fc.nat({ max: 500 }),
  recordingAvailable: fc.boolean(),
  cents: fc.integer({ min: 0, max: 99_999_999 }),
  currency: fc.constantFrom("INR", "USD", "EUR"),
  cancellationReason: fc.option(fc.string({ maxLength: 60 })),
});

it("sessionDataOf (SQL) and sessionData (the domain's contract) give the same payload for any session row", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(row, async (r) => {
      const id = `ses_payload_${n++}`;
      const [inserted] = await database.db
        .insert(liveSessions)
        .values({
          id,
          expertId: "usr_payload",
          title: r.title.replace(/\0/g, ""),
          description: "",
          sessionType: r.sessionType,
          scheduledStartTime: r.start,
          scheduledEndTime: new Date(r.start.getTime() + r.lengthMs),
          actualStartTime: r.actualStartTime,
          actualEndTime: r.actualEndTime,
          maxParticipants: r.maxParticipants,
          enrolledCount: Math.min(r.enrolled, r.maxParticipants ?? r.enrolled),
          currentViewers: r.currentViewers,
          attendedCount: r.attendedCount,
          recordingAvailable: r.recordingAvailable,
          price: r.cents / 100,
          currency: r.currency,
          status: r.status,
          hmsRoomId: r.status === "live" ? `room_${id}` : null,
          cancellationReason: r.cancellationReason?.replace(/\0/g, "") ?? null,
        })
        .returning();
      const [built] = await database.db
        .select({ data: sql<Record<string, unknown>>`${sessionDataOf(sql`${liveSessions}`)}` })
        .from(liveSessions)
        .where(eq(liveSessions.id, id));
      expect(built!.data).toEqual(sessionData(inserted!));
    }),
    { numRuns: 60 },
  );
});
