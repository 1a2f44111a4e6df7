import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { roomCleanups, type RoomCleanupRow } from "../db/schema.js";

export async function scheduleRoomCleanup(
  db: DbOrTx,
  params: { roomId: string; sessionId: string; reason: string; at: Date },
): Promise<void> {
  await db
    .insert(roomCleanups)
    .values({ roomId: params.roomId, sessionId: params.sessionId, reason: params.reason, nextAttemptAt: params.at })
    .onConflictDoUpdate({
      target: roomCleanups.roomId,
      set: { completedAt: null, nextAttemptAt: params.at, reason: params.reason },
    });
}

/**
 * Claim due clean-ups: rows locked by another instance are skipped, so two instances
 * never close the same room at once, and a claimed row is pushed into the future so a
 * crash mid-attempt only delays it by one lease.
 */
export async function claimDueRoomCleanups(
  db: DbOrTx,
  params: { now: Date; leaseUntil: Date; limit: number },
): Promise<RoomCleanupRow[]> {
  return db
    .update(roomCleanups)
    .set({ nextAttemptAt: params.leaseUntil, attempts: sql`${roomCleanups.attempts} + 1` })
    .where(
      sql`${roomCleanups.roomId} in (${db
        .select({ roomId: roomCleanups.roomId })
        .from(roomCleanups)
        .where(and(isNull(roomCleanups.completedAt), lte(roomCleanups.nextAttemptAt, params.now)))
        .orderBy(asc(roomCleanups.nextAttemptAt))
        .limit(params.limit)
        .for("update", { skipLocked: true })})`,
    )
    .returning();
}

export async function completeRoomCleanup(db: DbOrTx, params: { roomId: string; at: Date }): Promise<void> {
  await db
    .update(roomCleanups)
    .set({ completedAt: params.at, lastError: null })
    .where(eq(roomCleanups.roomId, params.roomId));
}

export async function failRoomCleanup(
  db: DbOrTx,
  params: { roomId: string; error: string; retryAt: Date },
): Promise<void> {
  await db
    .update(roomCleanups)
    .set({ lastError: params.error.slice(0, 1000), nextAttemptAt: params.retryAt })
    .where(eq(roomCleanups.roomId, params.roomId));
}

export async function findRoomCleanup(db: DbOrTx, roomId: string): Promise<RoomCleanupRow | undefined> {
  const [row] = await db.select().from(roomCleanups).where(eq(roomCleanups.roomId, roomId)).limit(1);
  return row;
}
