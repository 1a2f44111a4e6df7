/**
 * What happens in a session's video room, from 100ms's webhooks. Each delivery adds a
 * fact (a peer's join or leave, a 100ms session opening or closing, a recording) and
 * every number shown to people is then recomputed from all the facts, never counted up
 * or down. Deliveries repeat and arrive in any order; facts merge commutatively and the
 * numbers are a function of the facts, so neither matters.
 */
import type { SessionRow } from "../../db/schema.js";
import type { Transaction } from "../../db/client.js";
import { findSessionByRoomId, updateRoomState } from "../../repositories/live-room.js";
import { lockSession } from "../../repositories/sessions.js";
import {
  countRoomUsers,
  listHmsRoomSessions,
  listPresenceSpans,
  listUserIdsOfHmsSession,
  type PresenceSpan,
  updateParticipantsAttendance,
  upsertHmsRoomSession,
  upsertPresence,
} from "../../repositories/room-presence.js";
import { findParticipant } from "../../repositories/participants.js";
import { insertWebhookEventIfNew, webhookEventExists } from "../../repositories/webhook-events.js";
import type { ServiceDeps } from "../deps.js";
import { startRecordingSoon } from "../recordings/recording-start.js";
import { queueRecordingReadyNotices } from "../notifications/notification-queue.js";
import { recordRoomChange } from "../webhooks-out/outbox.js";
import { attendanceOf, clampToWindow, currentHmsSession, HOST_ROLE, recordedHmsSessions, roomWindow, viewersOf } from "./attendance-rules.js";
import { assertReportedTimes, type RoomDelivery, type RoomEvent } from "./room-event.js";

export type RoomEventOutcome =
  | { outcome: "applied"; type: string; sessionId: string }
  | { outcome: "duplicate"; type: string; sessionId: string }
  | { outcome: "ignored"; type: string; reason: string };

/** A delivery the video service's adapter read (for 100ms: api/webhooks/hms-room-event.ts). */
export async function recordRoomEvent(deps: ServiceDeps, event: RoomDelivery): Promise<RoomEventOutcome> {
  if (event.kind === "ignored") return { outcome: "ignored", type: event.type, reason: event.reason };
  assertReportedTimes(event, deps.clock.now());
  const known = await findSessionByRoomId(deps.db, event.roomId);
  if (!known) return { outcome: "ignored", type: event.type, reason: `no live session has the room ${event.roomId}` };
  // 100ms's retries are answered without queueing on the session's lock; the insert below
  // remains the guard for a repeat that races its first delivery.
  if (await webhookEventExists(deps.db, event.eventId)) return { outcome: "duplicate", type: event.type, sessionId: known.id };

  const now = deps.clock.now();
  // The session's row lock serialises every delivery for one session, so the numbers below
  // are always computed from all facts committed before, never from a half-written state.
  const applied = await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, known.id);
    if (!session) return false;
    const fresh = await insertWebhookEventIfNew(tx, { id: event.eventId, type: event.type, sessionId: session.id, receivedAt: now });
    if (!fresh) return false;
    const users = await addFact(tx, session, event, now);
    if (event.kind === "peer-joined" || event.kind === "peer-left") await noteOutsider(deps, tx, session, event);
    const recordingReady = await refreshRoomState(tx, session, users, now);
    if (recordingReady) await queueRecordingReadyNotices(tx, { session, now });
    await recordRoomChange(tx, session, now);
    return true;
  });
  if (!applied) return { outcome: "duplicate", type: event.type, sessionId: known.id };
  if (event.kind === "session-opened" && deps.recordingMode === "api" && known.status === "live" && known.hmsRoomId) {
    startRecordingSoon(deps, known.hmsRoomId, event.hmsSessionId);
  }
  return { outcome: "applied", type: event.type, sessionId: known.id };
}

/**
 * A peer who is neither the expert nor an enrolled student (a stranger holding a token, a
 * room-code guest): its stay is stored as 100ms reported it, but no number counts it.
 * Logged, because someone outside the class was in the room.
 */
async function noteOutsider(deps: ServiceDeps, tx: Transaction, session: SessionRow, event: Extract<RoomEvent, { kind: "peer-joined" | "peer-left" }>): Promise<void> {
  if (event.userId === session.expertId || event.role === HOST_ROLE) return;
  if (await findParticipant(tx, { sessionId: session.id, userId: event.userId })) return;
  deps.logger.info(
    { sessionId: session.id, peerId: event.peerId, userId: event.userId, role: event.role, event: event.kind },
    "a peer who is not an enrolled student of the session was in its room: not counted in attendance",
  );
}

/** Stores the event's fact; returns the users whose attendance it may change. */
async function addFact(tx: Transaction, session: SessionRow, event: RoomEvent, now: Date): Promise<string[]> {
  // Every time that says who was in the room when, within the session's own window.
  const window = roomWindow(session, now);
  const inWindow = <T extends Date | null>(time: T) => clampToWindow(time, window);
  const room = { id: event.hmsSessionId, sessionId: session.id, openedAt: inWindow(event.sessionStartedAt) };
  switch (event.kind) {
    case "peer-joined":
    case "peer-left":
      await upsertHmsRoomSession(tx, room);
      await upsertPresence(tx, {
        peerId: event.peerId,
        sessionId: session.id,
        hmsSessionId: event.hmsSessionId,
        userId: event.userId,
        role: event.role,
        joinedAt: inWindow(event.joinedAt),
        leftAt: event.kind === "peer-left" ? inWindow(event.leftAt ?? now) : null,
      });
      return [event.userId];
    case "session-opened":
      await upsertHmsRoomSession(tx, room);
      return [];
    case "session-closed":
      // Everyone still counted in this 100ms session has left, whatever leaves are late.
      await upsertHmsRoomSession(tx, { ...room, closedAt: inWindow(event.closedAt ?? now) });
      return listUserIdsOfHmsSession(tx, { sessionId: session.id, hmsSessionId: event.hmsSessionId });
    case "recording-succeeded":
      await upsertHmsRoomSession(tx, {
        ...room,
        recordingId: event.recordingId,
        recordingPath: event.path,
        recordingCompletedAt: event.completedAt ?? now,
      });
      return [];
    case "recording-failed":
      await upsertHmsRoomSession(tx, { ...room, recordingError: event.error });
      return [];
  }
}

/** Returns true when this fact made the session's recording available. */
async function refreshRoomState(tx: Transaction, session: SessionRow, userIds: readonly string[], now: Date): Promise<boolean> {
  const spansByUser = new Map<string, PresenceSpan[]>();
  for (const span of await listPresenceSpans(tx, { sessionId: session.id, userIds })) {
    const list = spansByUser.get(span.userId);
    if (list) list.push(span);
    else spansByUser.set(span.userId, [span]);
  }
  await updateParticipantsAttendance(tx, {
    sessionId: session.id,
    rows: userIds.map((userId) => ({ userId, ...attendanceOf(spansByUser.get(userId) ?? []) })),
    now,
  });
  const students = await countRoomUsers(tx, { sessionId: session.id, excludeUserId: session.expertId, excludeRole: HOST_ROLE });
  const roomSessions = await listHmsRoomSessions(tx, session.id);
  const recording = recordedHmsSessions(roomSessions)[0];
  await updateRoomState(tx, {
    id: session.id,
    state: {
      attendedCount: students.ever,
      currentViewers: viewersOf(session, students.now),
      hmsSessionId: currentHmsSession(roomSessions)?.id ?? session.hmsSessionId,
      hmsRecordingId: recording?.recordingId ?? null,
      recordingS3Key: recording?.recordingPath ?? null,
      recordingAvailable: recording !== undefined,
    },
    now,
  });
  return recording !== undefined && !session.recordingAvailable;
}
