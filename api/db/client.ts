/**
 * Opening the database: PostgreSQL through postgres-js when a URL is given, otherwise an
 * embedded PGlite (on disk under `.data/`, or in memory for tests). Both are driven
 * through the same Drizzle API, so repositories never know which one they talk to.
 */
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { Logger as DrizzleLogger } from "drizzle-orm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema.js";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either, so a service can compose them inside one transaction. */
export type DbOrTx = Database | Transaction;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

export type DatabaseTarget =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir: string }
  /** `from`: a data directory archived by PGlite's `dumpDataDir()` to start from (tests clone a migrated one). */
  | { kind: "pglite-memory"; from?: Blob };

export interface OpenDatabase {
  db: Database;
  target: DatabaseTarget["kind"];
  /** Raw SQL that returns rows the same way on both drivers. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  /**
   * LISTEN on a channel: `onPayload` hears every NOTIFY on it from any connection (another
   * instance's included) once its transaction commits. Resolves with the way to stop.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called once per statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<OpenDatabase> {
  const logger: DrizzleLogger | undefined = options.onQuery
    ? { logQuery: (sql) => options.onQuery?.(sql) }
    : undefined;

  if (target.kind === "postgres") {
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      // While PostgreSQL is unreachable a request should hear 503 at once, not wait: no
      // back-off between connection attempts (postgres-js's grows to 20 s, and queries
      // queue behind it), and seconds rather than 30 for a connect that never completes.
      // Attempts stay bounded by the pool size and by incoming requests.
      backoff: () => 0,
      connect_timeout: 10,
      // Store and return timestamptz as instants; never let the session time zone leak in.
      connection: { TimeZone: "UTC" },
    });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
    return {
      db,
      target: target.kind,
      query: async (text, params = []) => (await client.unsafe(text, params as never[])) as never,
      migrate: () => migrateUnderLock(target.url, () => migratePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER })),
      // postgres-js keeps one connection of its own for LISTEN, and listens again after a reconnect.
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  // Loaded only when chosen: production (PostgreSQL) never loads the embedded database.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  let client: PGlite;
  if (target.kind === "pglite") {
    await mkdir(target.dataDir, { recursive: true });
    client = new PGlite(target.dataDir);
  } else {
    client = new PGlite(target.from ? { loadDataDir: target.from } : {});
  }
  await client.waitReady;
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  return {
    db,
    target: target.kind,
    query: async (text, params = []) => (await client.query(text, params)).rows as never,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: async (channel, onPayload) => client.listen(channel, onPayload),
    close: () => client.close(),
  };
}

/** Any constant shared by every instance; names the lock in pg_locks. */
const MIGRATION_LOCK_KEY = 7_130_462_021;

/**
 * Several instances starting at once on one database would each apply the pending
 * migrations (drizzle's migrator takes no lock): all but one would then fail on "already
 * exists". A session-level advisory lock makes them take turns; the later ones find
 * nothing left to apply. The lock lives on its own connection (outside the pool, so a
 * pool of one cannot deadlock) and goes away with it, even if this process dies.
 */
async function migrateUnderLock(url: string, migrate: () => Promise<void>): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate();
  } finally {
    await lock.end({ timeout: 5 });
  }
}
