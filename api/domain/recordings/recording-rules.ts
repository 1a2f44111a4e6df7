/** Who may watch a session's recording, and for how long a playback link works. */
import type { ParticipantRow, SessionRow } from "../../db/schema.js";
import { DomainError } from "../errors.js";
import { isFree, isOwner, requireViewer } from "../sessions/session-rules.js";
import { isAdmin, type Viewer } from "../viewer.js";

/**
 * Where 100ms stored the recording (its storage path) is an operator's detail: with the
 * bucket's credentials it is the recording itself. The session's expert and admins see it;
 * everyone else watches through a short-lived playback link (`recordingUrl`).
 */
export const maySeeRecordingLocation = (viewer: Viewer | null, session: SessionRow): boolean => isOwner(viewer, session) || isAdmin(viewer);

/** The session's recording location as `viewer` may see it: null unless they may. */
export const recordingLocationFor = (viewer: Viewer | null, session: SessionRow): string | null =>
  maySeeRecordingLocation(viewer, session) ? session.recordingS3Key : null;

/** The session's expert, and its participants (who paid, when it has a price). */
export function mayWatchRecording(viewer: Viewer | null, session: SessionRow, enrollment: ParticipantRow | null): boolean {
  if (!viewer) return false;
  if (isOwner(viewer, session)) return true;
  return enrollment !== null && enrollment.userId === viewer.id && (isFree(session) || enrollment.paid);
}

export function assertMayWatchRecording(viewer: Viewer | null, session: SessionRow, enrollment: ParticipantRow | null): void {
  requireViewer(viewer);
  if (mayWatchRecording(viewer, session, enrollment)) return;
  throw new DomainError(
    "FORBIDDEN",
    enrollment
      ? "This recording is for participants who paid for the session."
      : "Only the session's expert and its enrolled participants can watch its recording.",
  );
}

export function assertHasRecording(session: SessionRow): void {
  if (session.recordingAvailable) return;
  if (session.status === "cancelled") throw new DomainError("NOT_FOUND", "This session was cancelled, so it has no recording.");
  throw new DomainError(
    "NOT_FOUND",
    session.status === "ended"
      ? "This session has no recording yet. A recording is usually ready a few minutes after the session ends."
      : "This session has no recording yet. It will be available a few minutes after the session ends.",
  );
}

/** Long enough to watch the whole recording with pauses, short enough that a shared link soon dies. */
const PLAYBACK_SLACK_S = 30 * 60;
const MIN_PLAYBACK_S = 15 * 60;
const MAX_PLAYBACK_S = 7 * 60 * 60;
const UNKNOWN_DURATION_PLAYBACK_S = 2 * 60 * 60;

export function playbackLinkSeconds(durationSeconds: number | null): number {
  if (durationSeconds === null || !Number.isFinite(durationSeconds) || durationSeconds < 0) return UNKNOWN_DURATION_PLAYBACK_S;
  return Math.min(MAX_PLAYBACK_S, Math.max(MIN_PLAYBACK_S, Math.ceil(durationSeconds) + PLAYBACK_SLACK_S));
}
