/**
 * Batched, per-request reads for the API's related fields, with the visibility rules
 * applied here rather than in resolvers: a page of sessions costs one query per kind of
 * related data, never one per session.
 */
import DataLoader from "dataloader";
import type { Database } from "../db/client.js";
import type { ParticipantRow, RefundRow, SessionRow, UserRow, WaitlistEntryRow } from "../db/schema.js";
import { findRefundsOfParticipants, findRefundsOfUserInSessions } from "../repositories/refunds.js";
import { findWaitlistEntriesOfUser } from "../repositories/waitlist.js";
import { maySeeRefund } from "./payments/refund-views.js";
import { type FeedbackRow, listFeedbackOfSessions } from "../repositories/feedback.js";
import { findParticipationsOfUser, listParticipantsOfSessions } from "../repositories/participants.js";
import { findSessionsByIds } from "../repositories/sessions.js";
import { findUsersByIds } from "../repositories/users.js";
import { summarizeFeedback, type FeedbackSummary } from "./feedback/feedback-rules.js";
import { mayWatchRecording, recordingLocationFor } from "./recordings/recording-rules.js";
import { isOwner } from "./sessions/session-rules.js";
import type { Viewer } from "./viewer.js";

export interface Readers {
  user(id: string): Promise<UserRow | null>;
  /**
   * A user this request has already read, without waiting. GraphQL resolves a field that
   * returns a plain value synchronously, and a page of sessions whose expert fields all do
   * skips two promises per session and field.
   */
  loadedUser(id: string): UserRow | undefined;
  session(id: string): Promise<SessionRow | null>;
  /** Everyone enrolled; null unless the viewer is the session's expert. */
  participants(session: SessionRow): Promise<ParticipantRow[] | null>;
  /** The viewer's own enrollment in the session. */
  viewerEnrollment(session: SessionRow): Promise<ParticipantRow | null>;
  /** 100ms room details; null unless the viewer is the session's expert. */
  hostDetails(session: SessionRow): SessionRow | null;
  /** Whether the viewer is the session's expert (who starts, hosts and ends it). */
  isHost(session: SessionRow): boolean;
  /** Where 100ms stored the recording; null unless the viewer is the session's expert or an admin. */
  recordingLocation(session: SessionRow): string | null;
  /** Ratings and comments; null unless the viewer is the session's expert. */
  feedback(session: SessionRow): Promise<FeedbackSummary | null>;
  /** Whether the session has a recording the viewer may watch (no call to 100ms). */
  canWatchRecording(session: SessionRow): Promise<boolean>;
  /** An enrollment's refund; null when there is none or the viewer may not see it (not theirs, not their session, not an admin). */
  refundOf(participant: ParticipantRow): Promise<RefundRow | null>;
  /** The viewer's latest refund for the session (a cancelled class, or a booking they cancelled). */
  viewerRefund(session: SessionRow): Promise<RefundRow | null>;
  /** The viewer's place on the session's waitlist. */
  viewerWaitlistEntry(session: SessionRow): Promise<WaitlistEntryRow | null>;
}

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** The request scope's own side of the readers: it tells them what the domain read along the way. */
export interface PrimableReaders extends Readers {
  /** Users read along with something else (a page's experts): `user` and `loadedUser` then know them. */
  knowUsers(rows: readonly UserRow[]): void;
}

export function createReaders(db: Database, viewer: Viewer | null): PrimableReaders {
  const loadedUsers = new Map<string, UserRow>();
  const users = new DataLoader(async (ids: readonly string[]) => {
    const rows = await findUsersByIds(db, ids);
    for (const row of rows) loadedUsers.set(row.id, row);
    return byKey(ids, rows, (u) => u.id);
  });
  const sessions = new DataLoader(async (ids: readonly string[]) =>
    byKey(ids, await findSessionsByIds(db, ids), (s) => s.id),
  );
  const participants = new DataLoader(async (sessionIds: readonly string[]) => {
    const rows = await listParticipantsOfSessions(db, sessionIds);
    return sessionIds.map((id) => rows.filter((r) => r.sessionId === id));
  });
  const enrollments = new DataLoader(async (sessionIds: readonly string[]) => {
    if (!viewer) return sessionIds.map(() => null);
    const rows = await findParticipationsOfUser(db, { userId: viewer.id, sessionIds });
    return byKey(sessionIds, rows, (r) => r.sessionId);
  });
  const feedback = new DataLoader(async (sessionIds: readonly string[]) => {
    const bySession = new Map<string, FeedbackRow[]>();
    for (const row of await listFeedbackOfSessions(db, sessionIds)) {
      const list = bySession.get(row.sessionId);
      if (list) list.push(row);
      else bySession.set(row.sessionId, [row]);
    }
    return sessionIds.map((id) => summarizeFeedback(bySession.get(id) ?? []));
  });
  const refundsByParticipant = new DataLoader(async (ids: readonly string[]) => byKey(ids, await findRefundsOfParticipants(db, ids), (r) => r.participantId));
  const viewerRefunds = new DataLoader(async (sessionIds: readonly string[]) => {
    if (!viewer) return sessionIds.map(() => null);
    // Newest first: the first of each session is its latest.
    const rows = await findRefundsOfUserInSessions(db, { userId: viewer.id, sessionIds });
    return sessionIds.map((id) => rows.find((r) => r.sessionId === id) ?? null);
  });
  const waitlist = new DataLoader(async (sessionIds: readonly string[]) => {
    if (!viewer) return sessionIds.map(() => null);
    return byKey(sessionIds, await findWaitlistEntriesOfUser(db, { userId: viewer.id, sessionIds }), (r) => r.sessionId);
  });
  return {
    refundOf: async (participant) => {
      const refund = await refundsByParticipant.load(participant.id);
      if (!refund) return null;
      return maySeeRefund(viewer, refund, await sessions.load(participant.sessionId)) ? refund : null;
    },
    viewerRefund: (session) => viewerRefunds.load(session.id),
    viewerWaitlistEntry: (session) => waitlist.load(session.id),
    user: (id) => users.load(id),
    knowUsers: (rows) => {
      for (const row of rows) {
        users.prime(row.id, row);
        loadedUsers.set(row.id, row);
      }
    },
    loadedUser: (id) => loadedUsers.get(id),
    session: (id) => sessions.load(id),
    participants: async (session) => (isOwner(viewer, session) ? participants.load(session.id) : null),
    viewerEnrollment: (session) => enrollments.load(session.id),
    hostDetails: (session) => (isOwner(viewer, session) && session.hmsRoomId ? session : null),
    isHost: (session) => isOwner(viewer, session),
    recordingLocation: (session) => recordingLocationFor(viewer, session),
    feedback: async (session) => (isOwner(viewer, session) ? feedback.load(session.id) : null),
    canWatchRecording: async (session) =>
      session.recordingAvailable &&
      (isOwner(viewer, session) || mayWatchRecording(viewer, session, await enrollments.load(session.id))),
  };
}
