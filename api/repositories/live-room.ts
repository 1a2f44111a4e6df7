/** Session rows seen from their video room: by room id, locked for an update, overdue. */
import { and, asc, eq, lte } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessions, type SessionRow } from "../db/schema.js";

export async function findSessionByRoomId(db: DbOrTx, roomId: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(liveSessions).where(eq(liveSessions.hmsRoomId, roomId)).limit(1);
  return row;
}

/**
 * The row, locked until the transaction ends: every change derived from the room's facts
 * takes this lock first, so two deliveries for one session never compute from each
 * other's half-written state.
 */
export type RoomState = Pick<
  SessionRow,
  "attendedCount" | "currentViewers" | "hmsSessionId" | "hmsRecordingId" | "recordingS3Key" | "recordingAvailable"
>;

export async function updateRoomState(db: DbOrTx, params: { id: string; state: RoomState; now: Date }): Promise<SessionRow> {
  const [row] = await db
    .update(liveSessions)
    .set({ ...params.state, updatedAt: params.now })
    .where(eq(liveSessions.id, params.id))
    .returning();
  return row!;
}

/** Live sessions that started at or before `startedBy`, oldest first. */
export async function findLiveSessionsStartedBy(db: DbOrTx, params: { startedBy: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: liveSessions.id })
    .from(liveSessions)
    .where(and(eq(liveSessions.status, "live"), lte(liveSessions.actualStartTime, params.startedBy)))
    .orderBy(asc(liveSessions.actualStartTime), asc(liveSessions.id))
    .limit(params.limit);
  return rows.map((r) => r.id);
}

/** Scheduled sessions whose scheduled end is at or before `endedBy`: they can no longer start. */
export async function findScheduledSessionsEndedBy(db: DbOrTx, params: { endedBy: Date; limit: number }): Promise<string[]> {
  const rows = await db
    .select({ id: liveSessions.id })
    .from(liveSessions)
    .where(and(eq(liveSessions.status, "scheduled"), lte(liveSessions.scheduledEndTime, params.endedBy)))
    .orderBy(asc(liveSessions.scheduledEndTime), asc(liveSessions.id))
    .limit(params.limit);
  return rows.map((r) => r.id);
}
