import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessionParticipants, liveSessions, type ParticipantRow } from "../db/schema.js";
import { preparedOnce } from "./prepared.js";

export type NewParticipant = typeof liveSessionParticipants.$inferInsert;

export async function findParticipant(
  db: DbOrTx,
  params: { sessionId: string; userId: string },
): Promise<ParticipantRow | undefined> {
  const query = preparedOnce(db, "participant", (d, name) =>
    d
      .select()
      .from(liveSessionParticipants)
      .where(
        and(
          eq(liveSessionParticipants.sessionId, sql.placeholder("sessionId")),
          eq(liveSessionParticipants.userId, sql.placeholder("userId")),
        ),
      )
      .limit(1)
      .prepare(name),
  );
  const [row] = await query.execute(params);
  return row;
}

export async function listParticipantsOfSessions(db: DbOrTx, sessionIds: readonly string[]): Promise<ParticipantRow[]> {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(liveSessionParticipants)
    .where(inArray(liveSessionParticipants.sessionId, [...sessionIds]))
    .orderBy(asc(liveSessionParticipants.enrolledAt), asc(liveSessionParticipants.id));
}

/** A user's enrollments, ordered by their sessions' scheduled start. */
export async function listEnrollmentsOfUser(db: DbOrTx, userId: string): Promise<ParticipantRow[]> {
  const rows = await db
    .select({ participant: liveSessionParticipants })
    .from(liveSessionParticipants)
    .innerJoin(liveSessions, eq(liveSessions.id, liveSessionParticipants.sessionId))
    .where(eq(liveSessionParticipants.userId, userId))
    .orderBy(asc(liveSessions.scheduledStartTime), asc(liveSessions.id))
    .limit(500);
  return rows.map((r) => r.participant);
}

/** The viewer's own enrollments among the given sessions (one query for a whole page). */
export async function findParticipationsOfUser(
  db: DbOrTx,
  params: { userId: string; sessionIds: readonly string[] },
): Promise<ParticipantRow[]> {
  if (params.sessionIds.length === 0) return [];
  const query = preparedOnce(db, "participationsOfUser", (d, name) =>
    d
      .select()
      .from(liveSessionParticipants)
      .where(
        and(
          eq(liveSessionParticipants.userId, sql.placeholder("userId")),
          sql`${liveSessionParticipants.sessionId} = any(${sql.placeholder("sessionIds")}::text[])`,
        ),
      )
      .prepare(name),
  );
  return query.execute({ userId: params.userId, sessionIds: [...params.sessionIds] });
}

/** The enrollment a payment reference paid for, if any (a reference pays for one seat). */
export async function findParticipantByPayment(
  db: DbOrTx,
  params: { paymentGateway: NonNullable<ParticipantRow["paymentGateway"]>; paymentId: string },
): Promise<ParticipantRow | undefined> {
  const [row] = await db
    .select()
    .from(liveSessionParticipants)
    .where(
      and(
        eq(liveSessionParticipants.paymentGateway, params.paymentGateway),
        eq(liveSessionParticipants.paymentId, params.paymentId),
      ),
    )
    .limit(1);
  return row;
}

/** Remove an enrollment (a student cancelling their booking); undefined when it is gone already. */
export async function deleteParticipant(db: DbOrTx, id: string): Promise<ParticipantRow | undefined> {
  const [row] = await db.delete(liveSessionParticipants).where(eq(liveSessionParticipants.id, id)).returning();
  return row;
}

/** A place in a keyset walk: the row's sort time, then its id to break ties. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

/**
 * One page of a session's participants in enrollment order (enrolledAt, id), after `from`.
 * New enrollments sort last, so a walk in progress neither repeats nor skips anyone.
 */
export async function seekParticipantsOfSession(
  db: DbOrTx,
  params: { sessionId: string; from?: KeysetPosition; limit: number },
): Promise<ParticipantRow[]> {
  const p = liveSessionParticipants;
  const past = params.from ? sql`(${p.enrolledAt}, ${p.id}) > (${params.from.at.toISOString()}::timestamptz, ${params.from.id})` : undefined;
  return db
    .select()
    .from(p)
    .where(and(eq(p.sessionId, params.sessionId), past))
    .orderBy(asc(p.enrolledAt), asc(p.id))
    .limit(params.limit);
}

export async function countParticipantsOfSession(db: DbOrTx, sessionId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(liveSessionParticipants).where(eq(liveSessionParticipants.sessionId, sessionId));
  return row?.n ?? 0;
}

/**
 * One page of a user's enrollments in their sessions' order (scheduled start, session id),
 * after `from`: the order of `listEnrollmentsOfUser`, walked by keyset. A user has one
 * enrollment per session, so the session's id breaks ties.
 */
export async function seekEnrollmentsOfUser(
  db: DbOrTx,
  params: { userId: string; from?: KeysetPosition; limit: number },
): Promise<{ participant: ParticipantRow; sessionStart: Date }[]> {
  const past = params.from
    ? sql`(${liveSessions.scheduledStartTime}, ${liveSessions.id}) > (${params.from.at.toISOString()}::timestamptz, ${params.from.id})`
    : undefined;
  return db
    .select({ participant: liveSessionParticipants, sessionStart: liveSessions.scheduledStartTime })
    .from(liveSessionParticipants)
    .innerJoin(liveSessions, eq(liveSessions.id, liveSessionParticipants.sessionId))
    .where(and(eq(liveSessionParticipants.userId, params.userId), past))
    .orderBy(asc(liveSessions.scheduledStartTime), asc(liveSessions.id))
    .limit(params.limit);
}

export async function countEnrollmentsOfUser(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(liveSessionParticipants).where(eq(liveSessionParticipants.userId, userId));
  return row?.n ?? 0;
}
