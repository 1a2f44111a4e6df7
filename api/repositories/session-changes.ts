/** Telling every instance that a session changed: a NOTIFY, delivered when the transaction commits. */
import { sql, type SQL } from "drizzle-orm";
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

/** The NOTIFY as an expression, for a statement that writes the change as well (webhooks-out.ts). */
export function sessionChangeNotice(change: SessionChange): SQL {
  return sql`pg_notify(${SESSION_CHANGES_CHANNEL}, ${JSON.stringify(change)})`;
}
