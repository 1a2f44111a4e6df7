/** Watching a session's recording: a short-lived link from 100ms, never a stored one. */
import { findParticipant } from "../../repositories/participants.js";
import { listHmsRoomSessions } from "../../repositories/room-presence.js";
import { findSessionById } from "../../repositories/sessions.js";
import { recordedHmsSessions } from "../attendance/attendance-rules.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import { callUpstream } from "../upstream.js";
import type { Viewer } from "../viewer.js";
import { sessionIdInput } from "../sessions/session-input.js";
import { requireSession, requireViewer } from "../sessions/session-rules.js";
import { assertHasRecording, assertMayWatchRecording, playbackLinkSeconds } from "./recording-rules.js";

export interface RecordingPlayback {
  url: string;
  expiresAt: Date;
  /** Length of the recording in seconds, when 100ms says. */
  durationSeconds: number | null;
}

export async function recordingUrl(deps: ServiceDeps, viewer: Viewer | null, rawSessionId: unknown): Promise<RecordingPlayback> {
  const user = requireViewer(viewer);
  const sessionId = parseInput(sessionIdInput, rawSessionId);
  const session = requireSession(await findSessionById(deps.db, sessionId), sessionId);
  const enrollment = (await findParticipant(deps.db, { sessionId, userId: user.id })) ?? null;
  assertMayWatchRecording(user, session, enrollment);
  assertHasRecording(session);

  // Usually one; a room emptied and refilled during the class has one per 100ms session.
  for (const recorded of recordedHmsSessions(await listHmsRoomSessions(deps.db, session.id))) {
    const asset = await callUpstream("find the recording", () => deps.video.findRecordingAsset(recorded.id));
    if (!asset) continue;
    const seconds = playbackLinkSeconds(asset.durationSeconds);
    const link = await callUpstream("sign a link to the recording", () => deps.video.presignRecordingAsset(asset.assetId, seconds));
    const validFor = Math.min(seconds, link.validForSeconds);
    return {
      url: link.url,
      expiresAt: new Date(deps.clock.now().getTime() + validFor * 1000),
      durationSeconds: asset.durationSeconds === null ? null : Math.round(asset.durationSeconds),
    };
  }
  throw new DomainError(
    "NOT_FOUND",
    "The recording is not available from the video service: it may still be processing, or it has expired (100ms keeps recordings for 15 days).",
  );
}
