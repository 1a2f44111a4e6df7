/**
 * A connection dying in the middle of a transaction (PostgreSQL restarted, a DBA's
 * pg_terminate_backend, a network cut): the transaction fails with a "database
 * unavailable" error the API answers as 503, the process survives (postgres-js 3.4.9
 * crashed it from a timer: api/db/postgres-js-patch.md), and the pool serves the next
 * queries. Needs real PostgreSQL.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase, realPostgresUrl, type TestDatabase } from "../test-support/test-database.js";
import { isDatabaseUnavailable } from "./availability.js";

const serverUrl = realPostgresUrl();
const t = {} as { database: TestDatabase; admin: postgres.Sql };

beforeAll(async () => {
  if (!serverUrl) return;
  // Two connections, so the pool has to reuse the one that died.
  t.database = await openTestDatabase({ maxConnections: 2 });
  t.admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await t.admin?.end();
  await t.database?.close();
});

/** Terminates the backend running `pg_sleep` in our test database, once it is running. */
async function terminateSleeper(): Promise<void> {
  const name = new URL(t.database.url!).pathname.slice(1);
  for (let i = 0; i < 100; i++) {
    const [row] = await t.admin<{ n: number }[]>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = ${name} and query like '%pg_sleep%' and pid <> pg_backend_pid()`;
    if (row!.n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the transaction never reached pg_sleep");
}

it.skipIf(!serverUrl)("a transaction whose connection is killed fails as 'unavailable', the process survives, and the pool recovers (need real PostgreSQL: set DATABASE_URL)", async () => {
  for (let round = 0; round < 3; round++) {
    const transaction = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.execute(sql`select pg_sleep(10)`);
    });
    const [outcome] = await Promise.allSettled([transaction, terminateSleeper()]);
    expect(outcome.status).toBe("rejected");
    expect(isDatabaseUnavailable((outcome as PromiseRejectedResult).reason), String((outcome as PromiseRejectedResult).reason)).toBe(true);

    // Give the driver's deferred writes their turn: this is where 3.4.9 threw.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));

    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => t.database.query<{ n: number }>(`select ${i}::int as n`)));
    expect(answers.map((a) => a[0]!.n)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(performance.now() - started).toBeLessThan(3000);
  }
});
