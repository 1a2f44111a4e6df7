/** Telling every instance that a session changed: a NOTIFY, delivered when the transaction commits. */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";

export const SESSION_CHANGES_CHANNEL = "live_session_changed";

/** Identical notifications in one transaction reach listeners once (PostgreSQL folds them). */
export async function notifySessionChanged(db: DbOrTx, change: { sessionId: string; expertId: string }): Promise<void> {
  await db.execute(sql`select pg_notify(${SESSION_CHANGES_CHANNEL}, ${JSON.stringify(change)})`);
}
