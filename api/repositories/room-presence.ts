/**
 * What 100ms told us about a session's room: its 100ms sessions and each peer's stay.
 * Upserts merge with LEAST/GREATEST/COALESCE (which skip NULLs), so applying the same
 * facts in any order, any number of times, leaves the same rows.
 */
import { and, asc, eq, exists, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import {
  hmsRoomSessions,
  liveSessionParticipants,
  peerPresences,
  type HmsRoomSessionRow,
} from "../db/schema.js";

export async function upsertPresence(
  db: DbOrTx,
  values: {
    peerId: string;
    sessionId: string;
    hmsSessionId: string;
    userId: string;
    role: string | null;
    joinedAt: Date | null;
    leftAt: Date | null;
  },
): Promise<void> {
  await db
    .insert(peerPresences)
    .values(values)
    .onConflictDoUpdate({
      target: peerPresences.peerId,
      set: {
        role: sql`coalesce(${peerPresences.role}, excluded.role)`,
        joinedAt: sql`least(${peerPresences.joinedAt}, excluded.joined_at)`,
        leftAt: sql`greatest(${peerPresences.leftAt}, excluded.left_at)`,
      },
    });
}

export interface HmsRoomSessionFacts {
  id: string;
  sessionId: string;
  openedAt?: Date | null;
  closedAt?: Date | null;
  recordingId?: string | null;
  recordingPath?: string | null;
  recordingCompletedAt?: Date | null;
  recordingError?: string | null;
}

export async function upsertHmsRoomSession(db: DbOrTx, facts: HmsRoomSessionFacts): Promise<void> {
  const values = {
    id: facts.id,
    sessionId: facts.sessionId,
    openedAt: facts.openedAt ?? null,
    closedAt: facts.closedAt ?? null,
    recordingId: facts.recordingId ?? null,
    recordingPath: facts.recordingPath ?? null,
    recordingCompletedAt: facts.recordingCompletedAt ?? null,
    recordingError: facts.recordingError ?? null,
  };
  await db
    .insert(hmsRoomSessions)
    .values(values)
    .onConflictDoUpdate({
      target: hmsRoomSessions.id,
      set: {
        openedAt: sql`least(${hmsRoomSessions.openedAt}, excluded.opened_at)`,
        closedAt: sql`greatest(${hmsRoomSessions.closedAt}, excluded.closed_at)`,
        recordingId: sql`coalesce(excluded.recording_id, ${hmsRoomSessions.recordingId})`,
        recordingPath: sql`coalesce(excluded.recording_path, ${hmsRoomSessions.recordingPath})`,
        recordingCompletedAt: sql`greatest(${hmsRoomSessions.recordingCompletedAt}, excluded.recording_completed_at)`,
        recordingError: sql`coalesce(excluded.recording_error, ${hmsRoomSessions.recordingError})`,
      },
    });
}

export async function listHmsRoomSessions(db: DbOrTx, sessionId: string): Promise<HmsRoomSessionRow[]> {
  return db.select().from(hmsRoomSessions).where(eq(hmsRoomSessions.sessionId, sessionId)).orderBy(asc(hmsRoomSessions.id));
}

/** Users who had a peer in this 100ms session of the session's room. */
export async function listUserIdsOfHmsSession(db: DbOrTx, params: { sessionId: string; hmsSessionId: string }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: peerPresences.userId })
    .from(peerPresences)
    .where(and(eq(peerPresences.sessionId, params.sessionId), eq(peerPresences.hmsSessionId, params.hmsSessionId)));
  return rows.map((r) => r.userId);
}

export interface PresenceSpan {
  userId: string;
  joinedAt: Date | null;
  leftAt: Date | null;
  /** When the peer's 100ms session closed, if it has. */
  closedAt: Date | null;
}

export async function listPresenceSpans(db: DbOrTx, params: { sessionId: string; userIds: readonly string[] }): Promise<PresenceSpan[]> {
  if (params.userIds.length === 0) return [];
  return db
    .select({
      userId: peerPresences.userId,
      joinedAt: peerPresences.joinedAt,
      leftAt: peerPresences.leftAt,
      closedAt: hmsRoomSessions.closedAt,
    })
    .from(peerPresences)
    .leftJoin(hmsRoomSessions, eq(hmsRoomSessions.id, peerPresences.hmsSessionId))
    .where(and(eq(peerPresences.sessionId, params.sessionId), inArray(peerPresences.userId, [...params.userIds])));
}

/**
 * Distinct enrolled students who were ever in the room, and those in it now (a peer
 * without a leave whose 100ms session has not closed), leaving out one user id and one
 * role. A peer whose user is not enrolled in the session (a stranger, a room-code guest)
 * is never counted: the numbers say how many of the class came.
 */
export async function countRoomUsers(
  db: DbOrTx,
  params: { sessionId: string; excludeUserId: string; excludeRole: string },
): Promise<{ ever: number; now: number }> {
  const [row] = await db
    .select({
      ever: sql<number>`count(distinct ${peerPresences.userId})::int`,
      now: sql<number>`(count(distinct ${peerPresences.userId}) filter (where ${peerPresences.leftAt} is null and ${hmsRoomSessions.closedAt} is null))::int`,
    })
    .from(peerPresences)
    .leftJoin(hmsRoomSessions, eq(hmsRoomSessions.id, peerPresences.hmsSessionId))
    .where(
      and(
        eq(peerPresences.sessionId, params.sessionId),
        ne(peerPresences.userId, params.excludeUserId),
        or(isNull(peerPresences.role), ne(peerPresences.role, params.excludeRole)),
        exists(
          db
            .select({ one: sql`1` })
            .from(liveSessionParticipants)
            .where(and(eq(liveSessionParticipants.sessionId, peerPresences.sessionId), eq(liveSessionParticipants.userId, peerPresences.userId))),
        ),
      ),
    );
  return { ever: Number(row?.ever ?? 0), now: Number(row?.now ?? 0) };
}

export interface ParticipantAttendance {
  userId: string;
  attended: boolean;
  joinedAt: Date | null;
  leftAt: Date | null;
  watchTime: number;
}

/** One statement for any number of participants; users who are not enrolled match no row. */
export async function updateParticipantsAttendance(
  db: DbOrTx,
  params: { sessionId: string; rows: readonly ParticipantAttendance[]; now: Date },
): Promise<void> {
  if (params.rows.length === 0) return;
  const values = sql.join(
    params.rows.map(
      (r) =>
        sql`(${r.userId}::text, ${r.attended}::boolean, ${r.joinedAt?.toISOString() ?? null}::timestamptz, ${r.leftAt?.toISOString() ?? null}::timestamptz, ${r.watchTime}::integer)`,
    ),
    sql`, `,
  );
  const p = liveSessionParticipants;
  await db.execute(sql`
    update ${p} set
      attended = v.attended, joined_at = v.joined_at, left_at = v.left_at, watch_time = v.watch_time,
      updated_at = ${params.now.toISOString()}::timestamptz
    from (values ${values}) as v(user_id, attended, joined_at, left_at, watch_time)
    where ${p.sessionId} = ${params.sessionId} and ${p.userId} = v.user_id`);
}
