/**
 * The rate-limit counters are UNLOGGED (drizzle/0014): their commits do not wait for a WAL
 * flush. Every other table stays logged: losing any of them in a crash would lose data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../test-support/test-database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("unlogged tables", () => {
  it("are exactly the two rate-limit counters", async () => {
    const rows = await db.query<{ relname: string }>(
      "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and c.relpersistence = 'u' order by c.relname",
    );
    expect(rows.map((r) => r.relname)).toEqual(["address_rate_limits", "rate_limits"]);
  });
});
