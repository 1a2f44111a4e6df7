/** Ratings live on the participant row: one per participant by construction. */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessionParticipants, type ParticipantRow } from "../db/schema.js";

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
