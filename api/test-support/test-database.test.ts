/**
 * The test databases themselves: each file's clone of the run's template is migrated and
 * empty, and the tables truncated between tests are the schema's, parents first.
 */
import { expect, it } from "vitest";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };
import { useServiceHarness } from "./hooks.js";
import { sessionInput } from "./service-harness.js";
import { TABLES } from "./test-database.js";

const t = useServiceHarness();

const databaseTables = async () =>
  (
    await t.database.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  ).map((r) => r.name);

const rowCounts = async () =>
  Object.fromEntries(
    await Promise.all((await databaseTables()).map(async (name) => [name, (await t.database.query<{ n: number }>(`select count(*)::int as n from ${name}`))[0]!.n] as const)),
  );

it("a file's database arrives migrated, with every migration applied, and empty", async () => {
  const applied = await t.database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
  expect(applied[0]!.n).toBe(journal.entries.length);
  expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
});

it("the tables truncated are exactly the migrated database's tables, each once", async () => {
  expect(new Set(TABLES).size).toBe(TABLES.length);
  expect([...TABLES].sort()).toEqual(await databaseTables());
});

it("every table comes after the tables its foreign keys point to", async () => {
  const keys = await t.database.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  expect(keys.length).toBeGreaterThan(0);
  for (const { child, parent } of keys) expect(TABLES.indexOf(parent), `${parent} before ${child}`).toBeLessThan(TABLES.indexOf(child));
});

it("truncate empties every table, the trigger-kept counts included", async () => {
  const deepak = await t.h.viewer("deepak");
  const session = await t.h.services.createSession(deepak, sessionInput(t.h.clock));
  await t.h.services.enroll(await t.h.student(1), session.id);
  await t.database.query("insert into address_rate_limits (address, action, window_start, attempts) values ('127.0.0.1', 'anonymous', now(), 1)");
  const before = await rowCounts();
  for (const table of ["users", "live_sessions", "live_session_participants", "session_counts", "address_rate_limits"]) expect(before[table], table).toBeGreaterThan(0);

  await t.database.truncate();
  expect(Object.entries(await rowCounts()).filter(([, n]) => n > 0)).toEqual([]);
});
