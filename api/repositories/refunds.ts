import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessionParticipants, refunds, type RefundRow } from "../db/schema.js";

export type NewRefund = typeof refunds.$inferInsert;
export type RefundCause = RefundRow["cause"];

/**
 * A refund for every paid enrollment of the session that has none yet, due at `at`. Run in
 * the cancellation's transaction: the rows exist exactly when the cancellation does.
 */
export async function queueRefundsOfSession(
  db: DbOrTx,
  params: { sessionId: string; cause: RefundCause; at: Date; currency: string },
): Promise<number> {
  const rows = await db
    .insert(refunds)
    .select(
      db
        .select({
          id: sql<string>`'rf_' || ${liveSessionParticipants.id}`.as("id"),
          participantId: liveSessionParticipants.id,
          sessionId: liveSessionParticipants.sessionId,
          userId: liveSessionParticipants.userId,
          gateway: sql<"stripe" | "razorpay">`${liveSessionParticipants.paymentGateway}`.as("gateway"),
          paymentId: sql<string>`${liveSessionParticipants.paymentId}`.as("payment_id"),
          amount: sql<number>`${liveSessionParticipants.amountPaid}`.as("amount"),
          currency: sql<string>`${params.currency}`.as("currency"),
          cause: sql<RefundCause>`${params.cause}`.as("cause"),
          status: sql<"pending">`'pending'`.as("status"),
          attempts: sql<number>`0`.as("attempts"),
          nextAttemptAt: sql<Date>`${params.at.toISOString()}::timestamptz`.as("next_attempt_at"),
          lastError: sql<null>`null`.as("last_error"),
          gatewayRefundId: sql<null>`null`.as("gateway_refund_id"),
          refundedAt: sql<null>`null::timestamptz`.as("refunded_at"),
          failedAt: sql<null>`null::timestamptz`.as("failed_at"),
          createdAt: sql<Date>`${params.at.toISOString()}::timestamptz`.as("created_at"),
          updatedAt: sql<Date>`${params.at.toISOString()}::timestamptz`.as("updated_at"),
        })
        .from(liveSessionParticipants)
        .where(
          and(
            eq(liveSessionParticipants.sessionId, params.sessionId),
            eq(liveSessionParticipants.paid, true),
            sql`${liveSessionParticipants.paymentId} is not null and ${liveSessionParticipants.paymentGateway} is not null`,
            sql`coalesce(${liveSessionParticipants.amountPaid}, 0) > 0`,
          ),
        ),
    )
    .onConflictDoNothing()
    .returning({ id: refunds.id });
  return rows.length;
}

/** One refund, unless the enrollment or the payment has one already. */
export async function queueRefund(db: DbOrTx, values: NewRefund): Promise<RefundRow | undefined> {
  const [row] = await db.insert(refunds).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * Claim due refunds: rows another instance holds are skipped, and a claimed row is pushed a
 * lease into the future, so a crash mid-call only delays it (the retry carries the same
 * idempotency key, so the gateway refunds once).
 */
export async function claimDueRefunds(db: DbOrTx, params: { now: Date; leaseUntil: Date; limit: number }): Promise<RefundRow[]> {
  return db
    .update(refunds)
    .set({ nextAttemptAt: params.leaseUntil, attempts: sql`${refunds.attempts} + 1` })
    .where(
      sql`${refunds.id} in (${db
        .select({ id: refunds.id })
        .from(refunds)
        .where(and(eq(refunds.status, "pending"), lte(refunds.nextAttemptAt, params.now)))
        .orderBy(asc(refunds.nextAttemptAt))
        .limit(params.limit)
        .for("update", { skipLocked: true })})`,
    )
    .returning();
}

export async function markRefunded(db: DbOrTx, params: { id: string; gatewayRefundId: string; at: Date }): Promise<RefundRow | undefined> {
  const [row] = await db
    .update(refunds)
    .set({ status: "refunded", gatewayRefundId: params.gatewayRefundId, refundedAt: params.at, lastError: null, updatedAt: params.at })
    .where(and(eq(refunds.id, params.id), eq(refunds.status, "pending")))
    .returning();
  return row;
}

export async function markRefundFailed(db: DbOrTx, params: { id: string; error: string; at: Date; gatewayRefundId?: string }): Promise<RefundRow | undefined> {
  const [row] = await db
    .update(refunds)
    .set({ status: "failed", lastError: params.error.slice(0, 1000), failedAt: params.at, gatewayRefundId: params.gatewayRefundId ?? null, updatedAt: params.at })
    .where(and(eq(refunds.id, params.id), eq(refunds.status, "pending")))
    .returning();
  return row;
}

export async function retryRefundLater(db: DbOrTx, params: { id: string; error: string; retryAt: Date; at: Date }): Promise<void> {
  await db
    .update(refunds)
    .set({ lastError: params.error.slice(0, 1000), nextAttemptAt: params.retryAt, updatedAt: params.at })
    .where(and(eq(refunds.id, params.id), eq(refunds.status, "pending")));
}

/** The refunds of these enrollments (one query for a page of them). */
export async function findRefundsOfParticipants(db: DbOrTx, participantIds: readonly string[]): Promise<RefundRow[]> {
  if (participantIds.length === 0) return [];
  return db.select().from(refunds).where(inArray(refunds.participantId, [...participantIds]));
}

/** A user's refunds, newest first. */
export async function listRefundsOfUser(db: DbOrTx, userId: string): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.userId, userId)).orderBy(desc(refunds.createdAt), desc(refunds.id)).limit(500);
}

/** The viewer's refunds for these sessions, newest first. */
export async function findRefundsOfUserInSessions(db: DbOrTx, params: { userId: string; sessionIds: readonly string[] }): Promise<RefundRow[]> {
  if (params.sessionIds.length === 0) return [];
  return db
    .select()
    .from(refunds)
    .where(and(eq(refunds.userId, params.userId), inArray(refunds.sessionId, [...params.sessionIds])))
    .orderBy(desc(refunds.createdAt), desc(refunds.id));
}

export async function listRefundsOfSession(db: DbOrTx, sessionId: string): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.sessionId, sessionId)).orderBy(asc(refunds.createdAt), asc(refunds.id));
}

/** Refunds in a state (all when absent), newest first: the admins' view. */
export async function listRefunds(db: DbOrTx, params: { status?: RefundRow["status"]; limit: number }): Promise<RefundRow[]> {
  return db
    .select()
    .from(refunds)
    .where(params.status ? eq(refunds.status, params.status) : undefined)
    .orderBy(desc(refunds.updatedAt), desc(refunds.id))
    .limit(params.limit);
}
