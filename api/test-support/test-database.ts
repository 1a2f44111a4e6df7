/**
 * A fresh database per test file, cloned from one migrated template that vitest's global
 * set-up makes once per run (./global-setup.ts): in-memory PGlite loaded from the template's
 * data directory by default, or a brand-new database on the PostgreSQL server named by
 * DATABASE_URL, created with `CREATE DATABASE … TEMPLATE` (dropped afterwards). Outside that
 * set-up (the browser journeys' config) each database is migrated from scratch instead.
 * Tests truncate between cases, so none depends on another's data.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type OpenDatabase, type OpenOptions } from "../db/client.js";
import * as schema from "../db/schema.js";

export const realPostgresUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

/** What ./global-setup.ts made for this run: a template database's name, or a PGlite archive's path. */
export type TestDatabaseTemplate = { kind: "postgres"; name: string } | { kind: "pglite"; archive: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplate?: TestDatabaseTemplate;
  }
}

export interface TestDatabase extends OpenDatabase {
  truncate(): Promise<void>;
  /** The fresh database's URL on a real PostgreSQL server (absent on PGlite). */
  url?: string;
}

/**
 * Every table in the schema, in the order TRUNCATE locks them. Parents first: a transaction
 * still running (a webhook) takes the session row before its children, so TRUNCATE queues
 * behind it instead of deadlocking. Tables no foreign key ties to anything come last: the
 * counts a trigger keeps on live_sessions are reached only after a session row has been
 * changed. api/test-support/test-database.test.ts checks this list against the migrated
 * database.
 */
export const TABLES: readonly string[] = parentsFirst(Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable)));

function parentsFirst(tables: PgTable[]): string[] {
  const parentsOf = new Map<string, string[]>();
  for (const table of tables) {
    const config = getTableConfig(table);
    parentsOf.set(
      config.name,
      config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((parent) => parent !== config.name),
    );
  }
  const tied = new Set([...parentsOf].flatMap(([child, parents]) => (parents.length ? [child, ...parents] : [])));
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(" → ")}`);
    for (const parent of parentsOf.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  // Declaration order among equals, so the order only changes when the schema does.
  for (const name of parentsOf.keys()) if (tied.has(name)) visit(name, []);
  for (const name of parentsOf.keys()) if (!tied.has(name)) ordered.push(name);
  return ordered;
}

export async function openTestDatabase(options: OpenOptions & { maxConnections?: number } = {}): Promise<TestDatabase> {
  const template = inject("testDatabaseTemplate");
  const serverUrl = realPostgresUrl();
  if (!serverUrl) {
    if (template && template.kind !== "pglite") throw new Error("the test template is a PostgreSQL database but DATABASE_URL is not set");
    const database = await openDatabase({ kind: "pglite-memory", from: template && (await pgliteArchive(template.archive)) }, options);
    if (!template) await database.migrate();
    return withTruncate(database);
  }
  if (template && template.kind !== "postgres") throw new Error("DATABASE_URL is set but the test template is a PGlite archive");
  const name = `ls_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template.name}` : `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), maxConnections: options.maxConnections ?? 20 }, options);
  if (!template) await database.migrate();
  const close = database.close;
  return withTruncate({
    ...database,
    url: url.toString(),
    close: async () => {
      await close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  });
}

/** Read once per test process; every PGlite opened from it gets its own copy of the files. */
let archive: { path: string; blob: Promise<Blob> } | undefined;
function pgliteArchive(path: string): Promise<Blob> {
  if (archive?.path !== path) archive = { path, blob: readFile(path).then((bytes) => new Blob([bytes])) };
  return archive.blob;
}

function withTruncate(database: OpenDatabase & { url?: string }): TestDatabase {
  return {
    ...database,
    truncate: async () => {
      await database.query(`truncate ${TABLES.join(", ")} cascade`);
    },
  };
}
