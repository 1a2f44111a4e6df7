/**
 * The lists read their rows from the driver's rows (row-reader.ts); they must be exactly the
 * rows Drizzle's own mapping gives, on both drivers: every column, set and unset (timestamps
 * with milliseconds, a numeric price, JSON metadata, a text array of roles).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { liveSessions, users } from "../db/schema.js";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";
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
