import { and, eq, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { idempotencyKeys, type IdempotencyKeyRow } from "../db/schema.js";

export interface IdempotencyKeyId {
  userId: string;
  key: string;
}

/**
 * Claims the key for a request: inserts it `in_progress`, or takes over a row that no longer
 * counts (created before `expiredBefore`, or claimed before `abandonedBefore` by a request with
 * the same fingerprint that never finished). One statement, so of two claims at once exactly one
 * gets the row. Answers whether this request claimed it, and the row as it stands.
 */
export async function claimIdempotencyKey(
  db: DbOrTx,
  params: IdempotencyKeyId & { requestHash: string; now: Date; expiredBefore: Date; abandonedBefore: Date },
): Promise<{ claimed: true } | { claimed: false; row: IdempotencyKeyRow | undefined }> {
  const t = idempotencyKeys;
  const inserted = await db
    .insert(t)
    .values({ userId: params.userId, key: params.key, requestHash: params.requestHash, status: "in_progress", createdAt: params.now, claimedAt: params.now })
    .onConflictDoUpdate({
      target: [t.userId, t.key],
      set: {
        requestHash: sql`excluded.request_hash`,
        status: sql`'in_progress'`,
        responseStatus: sql`null`,
        responseType: sql`null`,
        responseBody: sql`null`,
        createdAt: sql`excluded.created_at`,
        claimedAt: sql`excluded.claimed_at`,
      },
      setWhere: or(
        lt(t.createdAt, params.expiredBefore),
        and(eq(t.status, "in_progress"), lt(t.claimedAt, params.abandonedBefore), eq(t.requestHash, sql`excluded.request_hash`)),
      ),
    })
    .returning({ key: t.key });
  if (inserted.length > 0) return { claimed: true };
  const [row] = await db.select().from(t).where(and(eq(t.userId, params.userId), eq(t.key, params.key)));
  return { claimed: false, row };
}

/** Keeps the answer of the request that holds the key. */
export async function finishIdempotencyKey(db: DbOrTx, params: IdempotencyKeyId & { status: number; type: string | null; body: string }): Promise<void> {
  const t = idempotencyKeys;
  await db
    .update(t)
    .set({ status: "done", responseStatus: params.status, responseType: params.type, responseBody: params.body })
    .where(and(eq(t.userId, params.userId), eq(t.key, params.key), eq(t.status, "in_progress")));
}

/** Lets go of a key whose request should be tried again (it failed for a reason a retry may not meet). */
export async function releaseIdempotencyKey(db: DbOrTx, params: IdempotencyKeyId): Promise<void> {
  const t = idempotencyKeys;
  await db.delete(t).where(and(eq(t.userId, params.userId), eq(t.key, params.key), eq(t.status, "in_progress")));
}

/** Forgets keys created before `before`; returns how many. */
export async function deleteIdempotencyKeysBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).returning({ key: idempotencyKeys.key });
  return rows.length;
}
