/**
 * Once per `vitest run`, before any test file: one migrated template database, which every
 * test file then clones (./test-database.ts) instead of migrating its own. On PostgreSQL
 * (DATABASE_URL) it is a database on that server, closed to connections so that
 * `CREATE DATABASE … TEMPLATE` may copy it, and dropped at the end; on PGlite it is the
 * migrated data directory archived with `dumpDataDir()` into a temporary file.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../db/client.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // As ./test-database.ts reads it; that module imports vitest's test-side API, so not from here.
  const serverUrl = process.env.DATABASE_URL || undefined;
  if (serverUrl) {
    const name = `ls_template_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const template = await openDatabase({ kind: "postgres", url: url.toString(), maxConnections: 1 });
      try {
        await template.migrate();
      } finally {
        await template.close();
      }
      // A stray connection would make every clone fail ("being accessed by other users").
      await admin.unsafe(`alter database ${name} with allow_connections false`);
    } catch (error) {
      await drop();
      throw error;
    }
    project.provide("testDatabaseTemplate", { kind: "postgres", name });
    return drop;
  }

  const dir = await mkdtemp(join(tmpdir(), "ls-test-template-"));
  const archive = join(dir, "pglite-data.tar.gz");
  const template = await openDatabase({ kind: "pglite-memory" });
  try {
    await template.migrate();
    const dump = await (template.db as unknown as { $client: PGlite }).$client.dumpDataDir("gzip");
    await writeFile(archive, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await template.close();
  }
  project.provide("testDatabaseTemplate", { kind: "pglite", archive });
  return () => rm(dir, { recursive: true, force: true });
}
