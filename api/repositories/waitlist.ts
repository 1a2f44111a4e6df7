import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessionParticipants, liveSessions, type ParticipantRow, type SessionRow, users, waitlistEntries, type WaitlistEntryRow } from "../db/schema.js";

export async function insertWaitlistEntryIfAbsent(db: DbOrTx, values: typeof waitlistEntries.$inferInsert): Promise<WaitlistEntryRow | undefined> {
  const [row] = await db.insert(waitlistEntries).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findWaitlistEntry(db: DbOrTx, params: { sessionId: string; userId: string }): Promise<WaitlistEntryRow | undefined> {
  const [row] = await db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.sessionId, params.sessionId), eq(waitlistEntries.userId, params.userId)))
    .limit(1);
  return row;
}

export async function deleteWaitlistEntry(db: DbOrTx, params: { sessionId: string; userId: string }): Promise<WaitlistEntryRow | undefined> {
  const [row] = await db
    .delete(waitlistEntries)
    .where(and(eq(waitlistEntries.sessionId, params.sessionId), eq(waitlistEntries.userId, params.userId)))
    .returning();
  return row;
}

/** The first `limit` students waiting (not yet offered a seat), in line order, with their profiles. */
export async function firstWaiting(db: DbOrTx, params: { sessionId: string; limit: number }) {
  return db
    .select({ entry: waitlistEntries, user: users })
    .from(waitlistEntries)
    .innerJoin(users, eq(users.id, waitlistEntries.userId))
    .where(and(eq(waitlistEntries.sessionId, params.sessionId), eq(waitlistEntries.status, "waiting")))
    .orderBy(asc(waitlistEntries.joinedAt), asc(waitlistEntries.id))
    .limit(params.limit);
}

export async function deleteWaitlistEntries(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(waitlistEntries).where(inArray(waitlistEntries.id, ids));
}

export async function offerSeats(db: DbOrTx, params: { ids: string[]; until: Date }): Promise<void> {
  if (params.ids.length === 0) return;
  await db.update(waitlistEntries).set({ status: "offered", offeredUntil: params.until }).where(inArray(waitlistEntries.id, params.ids));
}

export async function insertParticipantsIfAbsent(db: DbOrTx, values: (typeof liveSessionParticipants.$inferInsert)[]): Promise<ParticipantRow[]> {
  if (values.length === 0) return [];
  return db.insert(liveSessionParticipants).values(values).onConflictDoNothing().returning();
}

/** Adds to (or takes from) a locked session's enrolled and held seats. */
export async function adjustSeats(db: DbOrTx, params: { id: string; enrolled: number; held: number; now: Date }): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(liveSessions)
    .set({
      enrolledCount: sql`${liveSessions.enrolledCount} + ${params.enrolled}`,
      heldSeats: sql`${liveSessions.heldSeats} + ${params.held}`,
      updatedAt: params.now,
    })
    .where(eq(liveSessions.id, params.id))
    .returning();
  return row;
}

/** Sessions with an offer that has lapsed by `now`. */
export async function sessionsWithLapsedOffers(db: DbOrTx, params: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ sessionId: waitlistEntries.sessionId })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.status, "offered"), lte(waitlistEntries.offeredUntil, params.now)))
    .limit(params.limit);
  return rows.map((r) => r.sessionId);
}

export async function deleteLapsedOffers(db: DbOrTx, params: { sessionId: string; now: Date }): Promise<WaitlistEntryRow[]> {
  return db
    .delete(waitlistEntries)
    .where(and(eq(waitlistEntries.sessionId, params.sessionId), eq(waitlistEntries.status, "offered"), lte(waitlistEntries.offeredUntil, params.now)))
    .returning();
}

/** Students still waiting ahead of this entry (offered ones have been served). */
export async function waitingAhead(db: DbOrTx, entry: WaitlistEntryRow): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.sessionId, entry.sessionId),
        eq(waitlistEntries.status, "waiting"),
        sql`(${waitlistEntries.joinedAt}, ${waitlistEntries.id}) < (${entry.joinedAt.toISOString()}::timestamptz, ${entry.id})`,
      ),
    );
  return Number(row?.n ?? 0);
}

/** The viewer's entries among these sessions (one query for a page). */
export async function findWaitlistEntriesOfUser(db: DbOrTx, params: { userId: string; sessionIds: readonly string[] }): Promise<WaitlistEntryRow[]> {
  if (params.sessionIds.length === 0) return [];
  return db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.userId, params.userId), inArray(waitlistEntries.sessionId, [...params.sessionIds])));
}

/** A user's places in line, for sessions that may still take them (scheduled or live). */
export async function listWaitlistEntriesOfUser(db: DbOrTx, userId: string): Promise<WaitlistEntryRow[]> {
  const rows = await db
    .select({ entry: waitlistEntries })
    .from(waitlistEntries)
    .innerJoin(liveSessions, eq(liveSessions.id, waitlistEntries.sessionId))
    .where(and(eq(waitlistEntries.userId, userId), inArray(liveSessions.status, ["scheduled", "live"])))
    .orderBy(asc(waitlistEntries.joinedAt))
    .limit(500);
  return rows.map((r) => r.entry);
}

/** The whole waitlist of a session that will take nobody any more (cancelled). */
export async function clearWaitlist(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(waitlistEntries).where(eq(waitlistEntries.sessionId, sessionId));
}
