import { eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { hmsWebhookEvents } from "../db/schema.js";

/** Remember a delivery; false when its id was already there (a repeat delivery). */
export async function insertWebhookEventIfNew(
  db: DbOrTx,
  values: { id: string; type: string; sessionId: string; receivedAt: Date },
): Promise<boolean> {
  const rows = await db.insert(hmsWebhookEvents).values(values).onConflictDoNothing().returning({ id: hmsWebhookEvents.id });
  return rows.length === 1;
}

export async function webhookEventExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: hmsWebhookEvents.id }).from(hmsWebhookEvents).where(eq(hmsWebhookEvents.id, id)).limit(1);
  return rows.length === 1;
}

/** Forget deliveries received before `before`; returns how many. */
export async function deleteWebhookEventsBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db.delete(hmsWebhookEvents).where(lt(hmsWebhookEvents.receivedAt, before)).returning({ id: hmsWebhookEvents.id });
  return rows.length;
}
