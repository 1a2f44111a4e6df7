/**
 * session_counts (kept by the triggers of migration 0005) must always equal counting the
 * sessions themselves, whatever is done to live_sessions: single and bulk inserts, status,
 * expert and featured changes, deletes, truncates, rolled-back transactions, and, on real
 * PostgreSQL, many of these at once from many connections.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { MIGRATIONS_FOLDER, openDatabase } from "../db/client.js";
import { liveSessions } from "../db/schema.js";
import { openTestDatabase, realPostgresUrl, type TestDatabase } from "../test-support/test-database.js";
import { countSessions, type SessionFilter } from "./sessions.js";

const STATUSES = ["scheduled", "live", "ended", "cancelled"] as const;
const EXPERTS = ["usr_e1", "usr_e2", "usr_e3"] as const;

/** Every filter the counts answer: each status or none, each expert or none, featured or not or either. */
const FILTERS: SessionFilter[] = [undefined, ...STATUSES].flatMap((status) =>
  [undefined, ...EXPERTS].flatMap((expertId) => [undefined, true, false].map((featured) => ({ status, expertId, featured }))),
);

let database: TestDatabase;
let nextId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.truncate();
  await addExperts();
});

async function addExperts() {
  for (const id of EXPERTS) {
    await database.query(`insert into users (id, auth_subject, name, roles) values ($1, $2, $3, '{expert}') on conflict do nothing`, [id, `test|${id}`, id]);
  }
}

/** `count` sessions in one statement, all with the same status, expert and featured flag. */
async function insertSessions(db: Pick<TestDatabase, "query">, count: number, status: string, expertId: string, featured: boolean) {
  const first = nextId;
  nextId += count;
  await db.query(
    `insert into live_sessions (id, expert_id, title, description, session_type, scheduled_start_time, scheduled_end_time,
       price, currency, status, featured, hms_room_id, actual_start_time)
     select 'ses_count' || ($1::int + i), $2, 'Counted', 'A session', 'group', now() + interval '1 day', now() + interval '1 day 1 hour',
       0, 'INR', $3, $4, case when $3 = 'scheduled' or $3 = 'cancelled' then null else 'room' || ($1::int + i) end,
       case when $3 = 'scheduled' or $3 = 'cancelled' then null else now() end
     from generate_series(1, $5::int) i`,
    [first, expertId, status, featured, count],
  );
}

/** What the counts must say: the sessions counted one by one. */
async function countedByHand(filter: SessionFilter): Promise<number> {
  const [row] = await database.query<{ n: number }>(
    `select count(*)::int as n from live_sessions
     where ($1::text is null and status <> 'cancelled' or status = $1) and ($2::text is null or expert_id = $2) and ($3::boolean is null or featured = $3)`,
    [filter.status ?? null, filter.expertId ?? null, filter.featured ?? null],
  );
  return row!.n;
}

async function expectCountsExact() {
  for (const filter of FILTERS) {
    const counted = await countSessions(database.db, filter);
    expect({ filter, total: counted }).toEqual({ filter, total: await countedByHand(filter) });
  }
}

type Change =
  | { kind: "insert"; count: number; status: (typeof STATUSES)[number]; expertId: string; featured: boolean }
  | { kind: "status"; status: (typeof STATUSES)[number]; modulo: number }
  | { kind: "featured"; featured: boolean; modulo: number }
  | { kind: "expert"; expertId: string; modulo: number }
  | { kind: "delete"; modulo: number }
  | { kind: "rolledBack"; count: number }
  | { kind: "truncate" };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("insert" as const), count: fc.integer({ min: 1, max: 30 }), status: fc.constantFrom(...STATUSES), expertId: fc.constantFrom(...EXPERTS), featured: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("status" as const), status: fc.constantFrom(...STATUSES), modulo: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("featured" as const), featured: fc.boolean(), modulo: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("expert" as const), expertId: fc.constantFrom(...EXPERTS), modulo: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), modulo: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rolledBack" as const), count: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "truncate" as const }) },
);

/** Changes pick "every modulo-th session" by a hash of the id, so each touches a varied subset. */
const SOME = `abs(hashtext(id)) % $1::int = 0`;

async function apply(c: Change) {
  switch (c.kind) {
    case "insert":
      return insertSessions(database, c.count, c.status, c.expertId, c.featured);
    case "status":
      // A live or ended session must have a room (a CHECK): give one to those that lack it.
      return database.query(`update live_sessions set status = $2, hms_room_id = coalesce(hms_room_id, 'room-' || id) where ${SOME}`, [c.modulo, c.status]);
    case "featured":
      return database.query(`update live_sessions set featured = $2 where ${SOME}`, [c.modulo, c.featured]);
    case "expert":
      return database.query(`update live_sessions set expert_id = $2 where ${SOME}`, [c.modulo, c.expertId]);
    case "delete":
      return database.query(`delete from live_sessions where ${SOME}`, [c.modulo]);
    case "rolledBack":
      // Sessions added and moved in a transaction that then fails leave no trace in the counts.
      await database.db
        .transaction(async (tx) => {
          const now = new Date();
          const later = new Date(now.getTime() + 3_600_000);
          await tx.insert(liveSessions).values(
            Array.from({ length: c.count }, () => ({
              id: `ses_rolled${nextId++}`, expertId: EXPERTS[0], title: "Rolled back", description: "A session", sessionType: "group" as const,
              scheduledStartTime: later, scheduledEndTime: new Date(later.getTime() + 3_600_000), price: 0, currency: "INR",
            })),
          );
          await tx.update(liveSessions).set({ status: "cancelled" }).where(eq(liveSessions.status, "scheduled"));
          throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      return;
    case "truncate":
      await database.truncate();
      return addExperts();
  }
}

class RolledBack extends Error {}

/**
 * Two statements updating overlapping rows in different orders may deadlock; PostgreSQL then
 * rolls one back (which must leave the counts exact as well), and the writer tries again, as
 * a client would. Any other error fails the test at once.
 */
async function retryOnDeadlock(write: () => Promise<unknown>, tries = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (!/deadlock/.test(String(error)) || attempt >= tries) throw error;
    }
  }
}

describe("session_counts", () => {
  it("starts empty and counts a single session under its status, expert and featured flag", async () => {
    await expectCountsExact();
    await insertSessions(database, 1, "scheduled", "usr_e1", true);
    expect(await countSessions(database.db, { status: "scheduled", expertId: "usr_e1", featured: true })).toBe(1);
    expect(await countSessions(database.db, { status: "scheduled", expertId: "usr_e2" })).toBe(0);
    expect(await countSessions(database.db, {})).toBe(1);
    await database.query(`update live_sessions set status = 'cancelled'`);
    // Without a status, cancelled sessions are not listed, so not counted either.
    expect(await countSessions(database.db, {})).toBe(0);
    expect(await countSessions(database.db, { status: "cancelled" })).toBe(1);
  });

  it("stays equal to counting the sessions through any sequence of inserts, changes, deletes, truncates and rollbacks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
        await database.truncate();
        await addExperts();
        for (const c of changes) await apply(c);
        await expectCountsExact();
      }),
      { numRuns: 25 },
    );
  });

  it("counts the metadata filters it cannot answer from the sessions themselves", async () => {
    await insertSessions(database, 3, "scheduled", "usr_e1", false);
    await database.query(`update live_sessions set metadata = '{"category":"Yin"}' where id = (select min(id) from live_sessions)`);
    expect(await countSessions(database.db, { category: "yin" })).toBe(1);
    expect(await countSessions(database.db, { category: "yin", expertId: "usr_e2" })).toBe(0);
  });
});

describe.skipIf(!realPostgresUrl())("session_counts under concurrent writers (need real PostgreSQL: set DATABASE_URL)", () => {
  it("stays exact when many connections insert, move and delete sessions of the same experts at once", async () => {
    await insertSessions(database, 200, "scheduled", "usr_e1", false);
    const writers = Array.from({ length: 40 }, (_, i) => {
      const expertId = EXPERTS[i % EXPERTS.length]!;
      return retryOnDeadlock(() => {
        switch (i % 4) {
          case 0:
            return insertSessions(database, 5, "scheduled", expertId, i % 8 === 0);
          case 1:
            return database.query(`update live_sessions set status = 'live', hms_room_id = 'room-' || id where ${SOME} and status = 'scheduled'`, [7 + i]);
          case 2:
            return database.query(`update live_sessions set featured = not featured where ${SOME}`, [11 + i]);
          default:
            return database.query(`delete from live_sessions where ${SOME}`, [13 + i]);
        }
      });
    });
    // Every writer gets through in the end: how many tries that took varies from run to run,
    // so the test asks for success, not for a number of deadlocks.
    const results = await Promise.allSettled(writers);
    for (const r of results) if (r.status === "rejected") throw r.reason;
    await expectCountsExact();
  });
});

describe("migration 0005 on a database that already has sessions", () => {
  it("counts the sessions that were there before the triggers existed", async () => {
    // A copy of the migrations that stops before the counts' triggers, as an older release had.
    const folder = await mkdtemp(join(tmpdir(), "ls-migrations-"));
    try {
      await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
      const journalPath = join(folder, "meta", "_journal.json");
      const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
      const at = journal.entries.findIndex((e) => e.tag === "0005_session-count-triggers");
      expect(at).toBeGreaterThan(0);
      await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));

      const older = await openDatabase({ kind: "pglite-memory" });
      try {
        await migratePglite(older.db as never, { migrationsFolder: folder });
        for (const id of EXPERTS) await older.query(`insert into users (id, auth_subject, name, roles) values ($1, $2, $3, '{expert}')`, [id, `test|${id}`, id]);
        await insertSessions(older, 4, "scheduled", "usr_e1", false);
        await insertSessions(older, 2, "live", "usr_e2", true);
        await insertSessions(older, 1, "cancelled", "usr_e1", false);
        expect(await older.query(`select * from session_counts`)).toEqual([]);

        await older.migrate();
        expect(await countSessions(older.db, {})).toBe(6);
        expect(await countSessions(older.db, { status: "scheduled", expertId: "usr_e1" })).toBe(4);
        expect(await countSessions(older.db, { featured: true })).toBe(2);
        expect(await countSessions(older.db, { status: "cancelled" })).toBe(1);
      } finally {
        await older.close();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
