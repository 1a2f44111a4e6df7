/** When a participant may rate a session, and what an expert sees of the ratings. */
import type { ParticipantRow, SessionRow } from "../../db/schema.js";
import { DomainError } from "../errors.js";
import { isOwner } from "../sessions/session-rules.js";
import type { Viewer } from "../viewer.js";

/** Feedback can be given, and changed, until 7 days after the session ended. */
export const FEEDBACK_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export function assertCanGiveFeedback(viewer: Viewer, session: SessionRow, enrollment: ParticipantRow | null, now: Date): ParticipantRow {
  if (isOwner(viewer, session)) throw new DomainError("FORBIDDEN", "You are this session's expert; only its participants rate it.");
  if (!enrollment) throw new DomainError("FORBIDDEN", "Only participants who attended this session can rate it.");
  if (session.status === "cancelled") throw new DomainError("FAILED_PRECONDITION", "This session was cancelled; there is nothing to rate.");
  if (session.status !== "ended" || !session.actualEndTime) {
    throw new DomainError("FAILED_PRECONDITION", "You can rate this session once it has ended.");
  }
  if (!enrollment.attended) {
    throw new DomainError("FAILED_PRECONDITION", "You can rate a session after attending it, and you did not join this one.");
  }
  if (now.getTime() > session.actualEndTime.getTime() + FEEDBACK_WINDOW_MS) {
    throw new DomainError("FAILED_PRECONDITION", "Feedback for this session closed 7 days after it ended.");
  }
  return enrollment;
}

export interface FeedbackEntry {
  participantId: string;
  userName: string;
  rating: number;
  comment: string | null;
  at: Date;
}

export interface FeedbackSummary {
  count: number;
  /** Mean rating to two decimals; null before anyone rated. */
  averageRating: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  ratingCounts: number[];
  /** Ratings that came with a comment, newest first. */
  comments: FeedbackEntry[];
}

export function summarizeFeedback(entries: readonly FeedbackEntry[]): FeedbackSummary {
  const ratingCounts = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const e of entries) {
    ratingCounts[e.rating - 1]! += 1;
    sum += e.rating;
  }
  return {
    count: entries.length,
    averageRating: entries.length ? Math.round((sum / entries.length) * 100) / 100 : null,
    ratingCounts,
    comments: entries
      .filter((e) => e.comment)
      .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.participantId < b.participantId ? -1 : 1)),
  };
}
