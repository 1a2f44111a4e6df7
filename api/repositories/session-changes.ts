/** Telling every instance that a session changed: a NOTIFY, delivered when the transaction commits. */
import { is, Placeholder, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";

export const SESSION_CHANGES_CHANNEL = "live_session_changed";

/** Identical notifications in one transaction reach listeners once (PostgreSQL folds them). */
export async function notifySessionChanged(db: DbOrTx, change: SessionChange): Promise<void> {
  await db.execute(sql`select ${sessionChangeNotice(change)}`);
}

export interface SessionChange {
  sessionId: string;
  expertId: string;
}

/**
 * The NOTIFY as an expression, for a statement that writes the change as well (webhooks-out.ts);
 * or with a placeholder for the payload, for a prepared statement (enrollment-write.ts), whose
 * value is then `sessionChangePayload(change)`.
 */
export function sessionChangeNotice(change: SessionChange | Placeholder): SQL {
  return sql`pg_notify(${SESSION_CHANGES_CHANNEL}, ${is(change, Placeholder) ? change : sessionChangePayload(change as SessionChange)})`;
}

export function sessionChangePayload(change: SessionChange): string {
  return JSON.stringify(change);
}
