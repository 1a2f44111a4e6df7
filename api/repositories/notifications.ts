import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "./prepared.js";
import { liveSessionParticipants, liveSessions, notificationJobs, users, type NotificationJobRow } from "../db/schema.js";

export type NewNotificationJob = typeof notificationJobs.$inferInsert;
export type NotificationKind = NotificationJobRow["kind"];

/** Queue messages; those whose dedupe key exists already are left as they are. Returns how many were new. */
export async function queueNotificationJobs(db: DbOrTx, jobs: NewNotificationJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = await db.insert(notificationJobs).values(jobs).onConflictDoNothing().returning({ id: notificationJobs.id });
  return rows.length;
}

/** The highest calendar SEQUENCE already sent (or queued) to this student for this session, or -1. */
export async function lastCalendarSequence(db: DbOrTx, params: { sessionId: string; recipientId: string }): Promise<number> {
  // Read on every enrollment (enrollment-service.ts): prepared once.
  const query = preparedOnce(db, "last calendar sequence", (d, name) =>
    d
      .select({ max: sql<number | null>`max(${notificationJobs.calendarSequence})` })
      .from(notificationJobs)
      .where(
        and(
          eq(notificationJobs.sessionId, sql.placeholder("sessionId")),
          eq(notificationJobs.recipientId, sql.placeholder("recipientId")),
          inArray(notificationJobs.kind, ["enrollment_confirmed", "session_rescheduled", "session_cancelled", "booking_cancelled"]),
        ),
      )
      .prepare(name),
  );
  const [row] = await query.execute(params);
  return row?.max ?? -1;
}

/**
 * Reminder jobs for every enrolled student of a scheduled session starting within
 * (`from`, `to`] who enrolled before `enrolledBefore` and has reminders on. One statement, and
 * the dedupe key makes two instances sweeping at once queue each reminder once.
 */
export async function queueReminders(
  db: DbOrTx,
  params: { kind: "reminder_24h" | "reminder_15m"; from: Date; to: Date; leadMs: number; now: Date },
): Promise<number> {
  const now = params.now.toISOString();
  const result = await db
    .insert(notificationJobs)
    .select(
      db
        .select({
          // The start is part of the key: a class that moved gets reminders for its new time.
          id: sql<string>`'nt_' || md5(${params.kind} || ':' || ${liveSessionParticipants.id} || ':' || extract(epoch from ${liveSessions.scheduledStartTime})::bigint)`.as("id"),
          dedupeKey: sql<string>`${params.kind} || ':' || ${liveSessions.id} || ':' || ${liveSessionParticipants.userId} || ':' || extract(epoch from ${liveSessions.scheduledStartTime})::bigint`.as("dedupe_key"),
          kind: sql<NotificationKind>`${params.kind}`.as("kind"),
          sessionId: sql<string>`${liveSessions.id}`.as("session_id"),
          recipientId: sql<string>`${liveSessionParticipants.userId}`.as("recipient_id"),
          calendarSequence: sql<number>`0`.as("calendar_sequence"),
          details: sql<{ start: string }>`jsonb_build_object('start', ${liveSessions.scheduledStartTime})`.as("details"),
          status: sql<"pending">`'pending'`.as("status"),
          attempts: sql<number>`0`.as("attempts"),
          nextAttemptAt: sql<Date>`${now}::timestamptz`.as("next_attempt_at"),
          lastError: sql<null>`null`.as("last_error"),
          messageId: sql<null>`null`.as("message_id"),
          sentAt: sql<null>`null::timestamptz`.as("sent_at"),
          createdAt: sql<Date>`${now}::timestamptz`.as("created_at"),
          updatedAt: sql<Date>`${now}::timestamptz`.as("updated_at"),
        })
        .from(liveSessions)
        .innerJoin(liveSessionParticipants, eq(liveSessionParticipants.sessionId, liveSessions.id))
        .innerJoin(users, eq(users.id, liveSessionParticipants.userId))
        .where(
          and(
            eq(liveSessions.status, "scheduled"),
            sql`${liveSessions.scheduledStartTime} > ${params.from.toISOString()}::timestamptz`,
            sql`${liveSessions.scheduledStartTime} <= ${params.to.toISOString()}::timestamptz`,
            // Enrolled after the reminder's moment: the confirmation just told them.
            sql`${liveSessionParticipants.enrolledAt} < ${liveSessions.scheduledStartTime} - make_interval(secs => ${params.leadMs / 1000})`,
            eq(users.emailReminders, true),
          ),
        ),
    )
    .onConflictDoNothing()
    .returning({ id: notificationJobs.id });
  return result.length;
}

/**
 * Claim due jobs: rows another instance holds are skipped, and a claimed row is pushed a
 * lease into the future, so a crash mid-send only delays it.
 */
export async function claimDueNotifications(db: DbOrTx, params: { now: Date; leaseUntil: Date; limit: number }): Promise<NotificationJobRow[]> {
  return db
    .update(notificationJobs)
    .set({ nextAttemptAt: params.leaseUntil, attempts: sql`${notificationJobs.attempts} + 1` })
    .where(
      sql`${notificationJobs.id} in (${db
        .select({ id: notificationJobs.id })
        .from(notificationJobs)
        .where(and(eq(notificationJobs.status, "pending"), lte(notificationJobs.nextAttemptAt, params.now)))
        .orderBy(asc(notificationJobs.nextAttemptAt))
        .limit(params.limit)
        .for("update", { skipLocked: true })})`,
    )
    .returning();
}

export async function markNotificationSent(db: DbOrTx, params: { id: string; messageId: string; at: Date }): Promise<void> {
  await db
    .update(notificationJobs)
    .set({ status: "sent", messageId: params.messageId, sentAt: params.at, lastError: null, updatedAt: params.at })
    .where(and(eq(notificationJobs.id, params.id), eq(notificationJobs.status, "pending")));
}

/** Not to be sent after all (the class was cancelled, the user turned it off); why is kept. */
export async function markNotificationSkipped(db: DbOrTx, params: { id: string; why: string; at: Date }): Promise<void> {
  await db
    .update(notificationJobs)
    .set({ status: "skipped", lastError: params.why, updatedAt: params.at })
    .where(and(eq(notificationJobs.id, params.id), eq(notificationJobs.status, "pending")));
}

export async function markNotificationFailed(db: DbOrTx, params: { id: string; error: string; at: Date }): Promise<void> {
  await db
    .update(notificationJobs)
    .set({ status: "failed", lastError: params.error.slice(0, 1000), updatedAt: params.at })
    .where(and(eq(notificationJobs.id, params.id), eq(notificationJobs.status, "pending")));
}

export async function retryNotificationLater(db: DbOrTx, params: { id: string; error: string; retryAt: Date; at: Date }): Promise<void> {
  await db
    .update(notificationJobs)
    .set({ lastError: params.error.slice(0, 1000), nextAttemptAt: params.retryAt, updatedAt: params.at })
    .where(and(eq(notificationJobs.id, params.id), eq(notificationJobs.status, "pending")));
}

/** The students who enrolled in a session within [from, to), in order. */
export async function listEnrollmentsBetween(db: DbOrTx, params: { sessionId: string; from: Date; to: Date }) {
  return db
    .select({ userName: liveSessionParticipants.userName, enrolledAt: liveSessionParticipants.enrolledAt })
    .from(liveSessionParticipants)
    .where(
      and(
        eq(liveSessionParticipants.sessionId, params.sessionId),
        gte(liveSessionParticipants.enrolledAt, params.from),
        lt(liveSessionParticipants.enrolledAt, params.to),
      ),
    )
    .orderBy(asc(liveSessionParticipants.enrolledAt), asc(liveSessionParticipants.id));
}

export async function listNotificationJobsOfSession(db: DbOrTx, sessionId: string): Promise<NotificationJobRow[]> {
  return db.select().from(notificationJobs).where(eq(notificationJobs.sessionId, sessionId)).orderBy(asc(notificationJobs.createdAt), asc(notificationJobs.id));
}

/**
 * Deletes finished jobs (not pending) of classes scheduled to start before the cutoff, and
 * finished jobs about no class (a disabled webhook endpoint) queued before it.
 */
export async function purgeFinishedNotificationJobs(db: DbOrTx, params: { before: Date }): Promise<number> {
  const oldClasses = db.select({ id: liveSessions.id }).from(liveSessions).where(lt(liveSessions.scheduledStartTime, params.before));
  const gone = await db
    .delete(notificationJobs)
    .where(
      and(
        ne(notificationJobs.status, "pending"),
        or(inArray(notificationJobs.sessionId, oldClasses), and(isNull(notificationJobs.sessionId), lt(notificationJobs.createdAt, params.before))),
      ),
    )
    .returning({ id: notificationJobs.id });
  return gone.length;
}
