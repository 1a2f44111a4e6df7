/** Ratings live on the participant row: one per participant by construction. */
import { and, avg, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessionParticipants, liveSessions, type ParticipantRow } from "../db/schema.js";

export async function setFeedback(
  db: DbOrTx,
  params: { participantId: string; rating: number; comment: string | null; at: Date },
): Promise<ParticipantRow> {
  const [row] = await db
    .update(liveSessionParticipants)
    .set({ feedbackRating: params.rating, feedbackComment: params.comment, feedbackAt: params.at, updatedAt: params.at })
    .where(eq(liveSessionParticipants.id, params.participantId))
    .returning();
  return row!;
}

export interface FeedbackRow {
  sessionId: string;
  participantId: string;
  userName: string;
  rating: number;
  comment: string | null;
  at: Date;
}

/** Every rating given in these sessions (one query for a whole page). */
export async function listFeedbackOfSessions(db: DbOrTx, sessionIds: readonly string[]): Promise<FeedbackRow[]> {
  if (sessionIds.length === 0) return [];
  const p = liveSessionParticipants;
  const rows = await db
    .select({
      sessionId: p.sessionId,
      participantId: p.id,
      userName: p.userName,
      rating: p.feedbackRating,
      comment: p.feedbackComment,
      at: p.feedbackAt,
      updatedAt: p.updatedAt,
    })
    .from(p)
    .where(and(inArray(p.sessionId, [...sessionIds]), isNotNull(p.feedbackRating)));
  return rows.map((r) => ({ ...r, rating: r.rating!, at: r.at ?? r.updatedAt }));
}

/** How an expert's classes were rated, over all of them: how many ratings, and their mean. */
export async function ratingsOfExpert(db: DbOrTx, expertId: string): Promise<{ count: number; average: number | null }> {
  const p = liveSessionParticipants;
  const [row] = await db
    .select({ count: count(p.feedbackRating), average: avg(p.feedbackRating) })
    .from(p)
    .innerJoin(liveSessions, eq(liveSessions.id, p.sessionId))
    .where(and(eq(liveSessions.expertId, expertId), isNotNull(p.feedbackRating)));
  return { count: Number(row?.count ?? 0), average: row?.average == null ? null : Number(row.average) };
}
