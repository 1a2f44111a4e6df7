/**
 * A fresh database per test file: in-memory PGlite by default, or a brand-new database
 * on the PostgreSQL server named by DATABASE_URL (dropped afterwards). Tests truncate
 * between cases, so none depends on another's data.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type OpenDatabase, type OpenOptions } from "../db/client.js";

export const realPostgresUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

export interface TestDatabase extends OpenDatabase {
  truncate(): Promise<void>;
  /** The fresh database's URL on a real PostgreSQL server (absent on PGlite). */
  url?: string;
}

/**
 * Parents first: TRUNCATE locks in this order, and a transaction still running (a webhook)
 * takes the session row before its children, so the two queue instead of deadlocking.
 */
const TABLES = [
  "users",
  "live_sessions",
  "live_session_participants",
  "room_cleanups",
  "hms_room_sessions",
  "peer_presences",
  "hms_webhook_events",
  "address_rate_limits",
];

export async function openTestDatabase(options: OpenOptions & { maxConnections?: number } = {}): Promise<TestDatabase> {
  const serverUrl = realPostgresUrl();
  if (!serverUrl) {
    const database = await openDatabase({ kind: "pglite-memory" }, options);
    await database.migrate();
    return withTruncate(database);
  }
  const name = `ls_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), maxConnections: options.maxConnections ?? 20 }, options);
  await database.migrate();
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

function withTruncate(database: OpenDatabase & { url?: string }): TestDatabase {
  return {
    ...database,
    truncate: async () => {
      await database.query(`truncate ${TABLES.join(", ")} cascade`);
    },
  };
}
