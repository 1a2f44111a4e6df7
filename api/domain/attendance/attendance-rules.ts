/**
 * Attendance from the facts 100ms reported, as pure functions: the same facts give the
 * same numbers whatever order they arrived in, which is what makes replays and
 * out-of-order deliveries harmless.
 */
import type { HmsRoomSessionRow, SessionRow } from "../../db/schema.js";
import type { VideoRole } from "../ports.js";

/** The expert hosts; everyone else in the room is a student. */
export const HOST_ROLE: VideoRole = "host";

export interface Span {
  joinedAt: Date | null;
  leftAt: Date | null;
  /** When the span's 100ms session closed: nobody is in the room after that. */
  closedAt: Date | null;
}

export interface Attendance {
  attended: boolean;
  joinedAt: Date | null;
  /** Null while the person is still in the room. */
  leftAt: Date | null;
  /** Seconds in the room; time on two devices at once counts once. */
  watchTime: number;
}

const endOf = (s: Span): Date | null => s.leftAt ?? s.closedAt;

export function attendanceOf(spans: readonly Span[]): Attendance {
  if (spans.length === 0) return { attended: false, joinedAt: null, leftAt: null, watchTime: 0 };
  const starts = spans.flatMap((s) => (s.joinedAt ? [s.joinedAt.getTime()] : []));
  const ends = spans.map(endOf);
  const stillIn = ends.some((e) => e === null);
  const knownEnds = ends.flatMap((e) => (e ? [e.getTime()] : []));
  return {
    attended: true,
    joinedAt: starts.length ? new Date(Math.min(...starts)) : null,
    leftAt: stillIn || knownEnds.length === 0 ? null : new Date(Math.max(...knownEnds)),
    watchTime: Math.round(unionMs(spans) / 1000),
  };
}

/** Length of the union of the spans whose both ends are known. */
export function unionMs(spans: readonly Span[]): number {
  const intervals = spans
    .flatMap((s) => {
      const end = endOf(s);
      return s.joinedAt && end && end.getTime() > s.joinedAt.getTime() ? [[s.joinedAt.getTime(), end.getTime()] as const] : [];
    })
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const [start, end] of intervals) {
    if (start > to) {
      if (to > from) total += to - from;
      from = start;
      to = end;
    } else if (end > to) {
      to = end;
    }
  }
  if (to > from) total += to - from;
  return total;
}

/** When the session's room could hold anyone: from its start to its end (or, while it runs, to now). */
export interface RoomWindow {
  from: Date;
  to: Date;
}

/**
 * Nobody can be in a session's room before the expert started it (the room did not exist),
 * after it ended (it was closed), or after the webhook saying so arrived. 100ms's times are
 * its word, and a bad one (a `joined_at` of 2000-01-01 read as 27 years of watching) must
 * not become a number shown to people; within these bounds its times are kept as given.
 */
export function roomWindow(session: Pick<SessionRow, "actualStartTime" | "actualEndTime" | "createdAt">, receivedAt: Date): RoomWindow {
  const from = session.actualStartTime ?? session.createdAt;
  const end = session.actualEndTime && session.actualEndTime.getTime() < receivedAt.getTime() ? session.actualEndTime : receivedAt;
  return { from, to: end.getTime() < from.getTime() ? from : end };
}

export function clampToWindow<T extends Date | null>(time: T, window: RoomWindow): T {
  if (time === null) return time;
  const ms = Math.min(Math.max(time.getTime(), window.from.getTime()), window.to.getTime());
  return (ms === time.getTime() ? time : new Date(ms)) as T;
}

/** A live session's viewers are whoever is in the room; once it is over there are none. */
export const viewersOf = (session: Pick<SessionRow, "status">, inRoomNow: number): number =>
  session.status === "live" ? inRoomNow : 0;

/** The session's current 100ms session: the one opened last (ids break ties). */
export function currentHmsSession(rows: readonly HmsRoomSessionRow[]): HmsRoomSessionRow | null {
  let best: HmsRoomSessionRow | null = null;
  for (const r of rows) {
    if (!best) best = r;
    else {
      const a = r.openedAt?.getTime() ?? -Infinity;
      const b = best.openedAt?.getTime() ?? -Infinity;
      if (a > b || (a === b && r.id > best.id)) best = r;
    }
  }
  return best;
}

/** Recorded 100ms sessions, the latest recording first: where to look for a playable asset. */
export const recordedHmsSessions = (rows: readonly HmsRoomSessionRow[]): HmsRoomSessionRow[] =>
  rows
    .filter((r) => r.recordingCompletedAt)
    .sort((a, b) => b.recordingCompletedAt!.getTime() - a.recordingCompletedAt!.getTime() || (a.id < b.id ? 1 : -1));
