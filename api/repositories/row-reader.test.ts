/**
 * The lists read their rows from the driver's rows (row-reader.ts); they must be exactly the
 * rows Drizzle's own mapping gives, on both drivers: every column, set and unset (timestamps
 * with milliseconds, a numeric price, JSON metadata, a text array of roles).
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { liveSessions, users } from "../db/schema.js";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { timestamptzFromText } from "./row-reader.js";
import { listSessions, seekSessions } from "./sessions.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  const at = (iso: string) => new Date(iso);
  await database.db.insert(users).values([
    { id: "usr_full", authSubject: "auth0|full", name: "Ana Full", email: "ana@example.com", avatarUrl: "https://example.com/a.png", roles: ["expert", "admin"], identityIssuedAt: at("2030-01-01T08:00:00.123Z"), timeZone: "Europe/Berlin", emailReminders: false, createdAt: at("2030-01-01T08:00:00.001Z"), updatedAt: at("2030-01-02T08:00:00.999Z") },
    { id: "usr_bare", authSubject: "auth0|bare", name: "Bo Bare", createdAt: at("2030-01-01T08:00:00Z"), updatedAt: at("2030-01-01T08:00:00Z") },
  ]);
  await database.db.insert(liveSessions).values([
    {
      id: "ses_full", expertId: "usr_full", title: "Every column", description: "set", thumbnail: "https://example.com/t.png", sessionType: "workshop",
      scheduledStartTime: at("2030-02-01T09:00:00.250Z"), scheduledEndTime: at("2030-02-01T10:30:00.750Z"), actualStartTime: at("2030-02-01T09:01:02.345Z"), actualEndTime: at("2030-02-01T10:29:59.999Z"),
      maxParticipants: 12, currentViewers: 3, price: 1499.5, currency: "INR", status: "ended", hmsRoomId: "room1", hmsRoomCode: "abc-def", hmsSessionId: "hs1", hmsRecordingId: "rec1",
      recordedLessonId: "lesson1", recordingAvailable: true, enrolledCount: 7, heldSeats: 1, attendedCount: 5, metadata: { category: "Vinyasa", difficulty: "advanced", equipment: ["mat", "block"], tags: ["a"] },
      featured: true, cancelledAt: at("2030-01-20T00:00:00.001Z"), cancellationReason: "none", createdAt: at("2030-01-10T00:00:00.010Z"), updatedAt: at("2030-01-11T00:00:00.020Z"),
    },
    {
      id: "ses_bare", expertId: "usr_bare", title: "Defaults", description: "", sessionType: "group", scheduledStartTime: at("2030-02-02T09:00:00Z"), scheduledEndTime: at("2030-02-02T10:00:00Z"),
      currency: "USD", status: "scheduled", createdAt: at("2030-01-10T00:00:00Z"), updatedAt: at("2030-01-10T00:00:00Z"),
    },
  ]);
});
afterAll(async () => {
  await database?.close();
});

it("a list page's sessions and experts are the rows Drizzle maps, column for column", async () => {
  const page = await listSessions(database.db, { filter: { statuses: ["ended", "scheduled"] }, limit: 10, skip: 0 });
  const drizzleSessions = await database.db.select().from(liveSessions).orderBy(liveSessions.scheduledStartTime);
  expect(page.items).toStrictEqual(drizzleSessions);
  const drizzleUsers = await Promise.all(["usr_full", "usr_bare"].map(async (id) => (await database.db.select().from(users).where(eq(users.id, id)))[0]));
  expect(page.experts).toStrictEqual(drizzleUsers);
  expect(page.total).toBe(2);
});

it("so are a keyset page's", async () => {
  const page = await seekSessions(database.db, { filter: { statuses: ["ended", "scheduled"] }, order: "desc", limit: 10 });
  expect(page.items.map((s) => s.id)).toEqual(["ses_bare", "ses_full"]);
  expect(page.items).toStrictEqual(await database.db.select().from(liveSessions).orderBy(liveSessions.scheduledStartTime).then((rows) => rows.reverse()));
  expect(page.experts.map((u) => u.id)).toEqual(["usr_bare", "usr_full"]);
});

/** A timestamptz as PostgreSQL writes it under the ISO DateStyle: local time in the zone, fraction trimmed, offset. */
function postgresText(utcMs: number, micros: number, offsetMinutes: number): string {
  const local = new Date(utcMs + offsetMinutes * 60_000);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const fraction = micros ? `.${pad(micros, 6)}`.replace(/0+$/, "") : "";
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offset}`;
}

it("reads PostgreSQL's text timestamps as new Date (Drizzle's reading) does, in any zone, to the millisecond", () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date("0100-01-02T00:00:00Z"), max: new Date("9999-12-30T00:00:00Z"), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999_999 }),
      fc.constantFrom(0, 330, -180, 345, -570, 840, -720, 60),
      (date, micros, offsetMinutes) => {
        const utcMs = Math.floor(date.getTime() / 1000) * 1000;
        const text = postgresText(utcMs, micros, offsetMinutes);
        const read = timestamptzFromText(text);
        expect(read.getTime()).toBe(new Date(text).getTime());
        expect(read.getTime()).toBe(utcMs + Math.floor(micros / 1000));
      },
    ),
    { numRuns: 2_000 },
  );
});

it("leaves whatever else it is given to new Date, with the same result", () => {
  const others = ["infinity", "-infinity", "2030-02-01 09:00:00+00 BC", "12030-02-01 09:00:00+00", "0050-06-01 12:00:00+00", "2030-02-01 09:00:00+00:53:28", "2030-02-01T09:00:00Z", "2030-0x-01 09:00:00+00", "2030-02-01 09:00:00.5", "2030-02-01 09:00:00+0a"];
  for (const text of others) expect([text, timestamptzFromText(text).getTime()]).toEqual([text, new Date(text).getTime()]);
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (text) => {
      expect(Object.is(timestamptzFromText(text).getTime(), new Date(text).getTime())).toBe(true);
    }),
  );
});
