/** A participant rates a session they attended. */
import type { ParticipantRow } from "../../db/schema.js";
import { setFeedback } from "../../repositories/feedback.js";
import { findParticipant } from "../../repositories/participants.js";
import { findSessionById } from "../../repositories/sessions.js";
import type { ServiceDeps } from "../deps.js";
import { parseInput } from "../parse-input.js";
import { sessionIdInput } from "../sessions/session-input.js";
import { requireSession, requireViewer } from "../sessions/session-rules.js";
import type { Viewer } from "../viewer.js";
import { feedbackInput } from "./feedback-input.js";
import { assertCanGiveFeedback } from "./feedback-rules.js";

/** Gives or replaces the viewer's rating; one per participant, so a second call edits it. */
export async function submitFeedback(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown, raw: unknown): Promise<ParticipantRow> {
  const user = requireViewer(viewer);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  const input = parseInput(feedbackInput, raw);
  const session = requireSession(await findSessionById(deps.db, sessionId), sessionId);
  const enrollment = (await findParticipant(deps.db, { sessionId, userId: user.id })) ?? null;
  const participant = assertCanGiveFeedback(user, session, enrollment, deps.clock.now());
  return setFeedback(deps.db, { participantId: participant.id, rating: input.rating, comment: input.comment, at: deps.clock.now() });
}
