/**
 * Instances starting together on an empty database all run the migrator at once; each
 * must come up, and the migrations must be applied exactly once. Needs real PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { expect, it } from "vitest";
import journal from "../../drizzle/meta/_journal.json" with { type: "json" };
import { realPostgresUrl } from "../test-support/test-database.js";
import { openDatabase } from "./client.js";

const serverUrl = realPostgresUrl();

it.skipIf(!serverUrl)("four instances migrating one empty database at once all succeed, and each migration is applied once (need real PostgreSQL: set DATABASE_URL)", async () => {
  const name = `ls_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const instances = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 2 })));
  try {
    const results = await Promise.allSettled(instances.map((db) => db.migrate()));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const applied = await instances[0]!.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied[0]!.n).toBe(journal.entries.length);
    // The lock was released with its connection: a later start is not kept waiting.
    await instances[1]!.migrate();
  } finally {
    await Promise.all(instances.map((db) => db.close()));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
