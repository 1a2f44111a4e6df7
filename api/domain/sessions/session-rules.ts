/**
 * Pure rules about a session's schedule and life cycle: no database, no clock of their
 * own. Services call them with the facts; tests call them directly.
 */
import type { ParticipantRow, SessionRow, WaitlistEntryRow } from "../../db/schema.js";
import { DomainError } from "../errors.js";
import type { VideoRole } from "../ports.js";
import type { Viewer } from "../viewer.js";
import { isAdmin, isExpert } from "../viewer.js";
import type { CreateSessionInput } from "./session-input.js";
import { JOIN_TOKEN_GRACE_MS, MAX_SESSION_MS } from "./session-values.js";

export function assertCanCreate(viewer: Viewer | null, input: Pick<CreateSessionInput, "featured">): Viewer {
  const v = requireViewer(viewer);
  if (!isExpert(v)) throw new DomainError("FORBIDDEN", "Only experts can create live sessions.");
  if (input.featured === true && !isAdmin(v)) {
    throw new DomainError("FORBIDDEN", "Only admins can feature a session; leave out `featured`.");
  }
  return v;
}

export function assertSchedule(input: Pick<CreateSessionInput, "scheduledStartTime" | "scheduledEndTime">, now: Date): void {
  const fields = scheduleProblems(input, now);
  if (fields.length > 0) {
    throw new DomainError("BAD_USER_INPUT", fields.map((f) => f.message).join("; "), { fields });
  }
}

/**
 * Input that fails its schema is also checked for these, when both times could be read, so
 * a form hears of every problem at once rather than of the schedule only after the rest.
 */
export function withScheduleProblems(error: unknown, raw: unknown, now: Date): unknown {
  if (!(error instanceof DomainError) || error.code !== "BAD_USER_INPUT" || !error.details.fields) return error;
  const times = raw as { scheduledStartTime?: unknown; scheduledEndTime?: unknown } | null;
  const read = (v: unknown) => (typeof v === "string" && /[zZ]|[+-]\d\d:?\d\d$/.test(v) && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
  const start = read(times?.scheduledStartTime);
  const end = read(times?.scheduledEndTime);
  if (!start || !end) return error;
  const known = new Set(error.details.fields.map((f) => f.path));
  const more = scheduleProblems({ scheduledStartTime: start, scheduledEndTime: end }, now).filter((f) => !known.has(f.path));
  if (more.length === 0) return error;
  const fields = [...error.details.fields, ...more];
  return new DomainError("BAD_USER_INPUT", [...new Set(fields.map((f) => f.message))].join("; "), { ...error.details, fields });
}

function scheduleProblems(input: Pick<CreateSessionInput, "scheduledStartTime" | "scheduledEndTime">, now: Date): { path: string; message: string }[] {
  const { scheduledStartTime: start, scheduledEndTime: end } = input;
  const fields: { path: string; message: string }[] = [];
  if (start.getTime() <= now.getTime()) {
    fields.push({ path: "scheduledStartTime", message: "scheduledStartTime must be in the future" });
  }
  if (end.getTime() <= start.getTime()) {
    fields.push({ path: "scheduledEndTime", message: "scheduledEndTime must be after scheduledStartTime" });
  } else if (end.getTime() - start.getTime() > MAX_SESSION_MS) {
    fields.push({ path: "scheduledEndTime", message: "a session can last at most 6 hours" });
  }
  return fields;
}

/** 1-on-1 means one seat, whatever the caller left out. */
export function seatsFor(input: Pick<CreateSessionInput, "sessionType" | "maxParticipants">): number | null {
  if (input.sessionType === "1-on-1") return 1;
  return input.maxParticipants ?? null;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new DomainError("UNAUTHENTICATED", "Sign in to do this.");
  return viewer;
}

export function requireSession(session: SessionRow | undefined, id: string): SessionRow {
  if (!session) throw new DomainError("NOT_FOUND", `No live session has the id "${id}".`);
  return session;
}

export const isOwner = (viewer: Viewer | null, session: SessionRow): boolean => viewer?.id === session.expertId;

export function assertOwner(viewer: Viewer | null, session: SessionRow, action: string): Viewer {
  const v = requireViewer(viewer);
  if (!isOwner(v, session)) throw new DomainError("FORBIDDEN", `Only the session's expert can ${action} it.`);
  return v;
}

/**
 * Starting earlier than this before the scheduled time is allowed, but the expert is asked
 * again: enrolled students plan on the scheduled time, and an early room is an empty room.
 */
export const EARLY_START_MINUTES = 15;

/** A second question before starting a scheduled session early, or null when it starts on time. */
export function earlyStartCaution(session: SessionRow, now: Date): string | null {
  if (session.status !== "scheduled") return null;
  const minutes = Math.round((session.scheduledStartTime.getTime() - now.getTime()) / 60_000);
  if (minutes <= EARLY_START_MINUTES) return null;
  const hours = Math.floor(minutes / 60);
  const inWords = [hours && `${hours} hour${hours === 1 ? "" : "s"}`, minutes % 60 && `${minutes % 60} minute${minutes % 60 === 1 ? "" : "s"}`].filter(Boolean).join(" ");
  return `This class is scheduled to start in ${inWords}. Students plan on the scheduled time, so the room may stay empty until then. Start it now anyway?`;
}

/** Whether `start` may run now; a live session is fine (start is idempotent). */
export function assertStartable(session: SessionRow, now: Date): void {
  switch (session.status) {
    case "live":
      return;
    case "ended":
      throw new DomainError("FAILED_PRECONDITION", "This session has already ended; it cannot be started again.");
    case "cancelled":
      throw new DomainError("FAILED_PRECONDITION", "This session was cancelled; it cannot be started.");
    case "scheduled":
      if (now.getTime() >= session.scheduledEndTime.getTime()) {
        throw new DomainError(
          "FAILED_PRECONDITION",
          "This session's scheduled end time has passed, so it can no longer be started. Schedule a new session.",
        );
      }
  }
}

export function assertEnrollable(session: SessionRow, now: Date): void {
  if (session.status === "ended") throw new DomainError("FAILED_PRECONDITION", "This session has ended; enrollment is closed.");
  if (session.status === "cancelled") throw new DomainError("FAILED_PRECONDITION", "This session was cancelled; enrollment is closed.");
  if (session.status === "scheduled" && now.getTime() >= session.scheduledEndTime.getTime()) {
    // It can no longer be started either (assertStartable), so a seat would be worthless.
    throw new DomainError("FAILED_PRECONDITION", "This session's scheduled time has passed without it starting; enrollment is closed.");
  }
}

export const SESSION_FULL_MESSAGE = "This session is full; no seats are left.";

/** Who may take a seat: anyone but the session's own expert. */
export function assertNotOwnSession(viewer: Viewer, session: SessionRow): void {
  if (isOwner(viewer, session)) {
    throw new DomainError("FORBIDDEN", "You are this session's expert; experts do not enroll in their own sessions.");
  }
}

/**
 * Whether a seat is left, as the session row last said. The enrollment's transaction takes
 * the seat atomically; this check only spares a student paying for a seat that is not there.
 */
export function assertSeatLeft(session: SessionRow, offer: Pick<WaitlistEntryRow, "status" | "offeredUntil"> | null = null, now?: Date): void {
  // A seat offered to this student from the waitlist is held for them until the offer lapses.
  if (offer?.status === "offered" && offer.offeredUntil && now && offer.offeredUntil.getTime() > now.getTime()) return;
  if (session.maxParticipants != null && session.enrolledCount + session.heldSeats >= session.maxParticipants) {
    throw new DomainError("SESSION_FULL", SESSION_FULL_MESSAGE);
  }
}

/** Ending a live session; ending an ended one again is harmless (the service answers with it). */
export function assertEndable(session: SessionRow): void {
  if (session.status === "scheduled") {
    throw new DomainError("FAILED_PRECONDITION", "This session has not started yet. Cancel it instead if it will not take place.");
  }
  if (session.status === "cancelled") throw new DomainError("FAILED_PRECONDITION", "This session was cancelled; there is nothing to end.");
}

export const CANCELLED_BY_EXPERT = "Cancelled by the expert";
export const CANCELLED_BY_ADMIN = "Cancelled by the studio";
export const NOT_STARTED_REASON = "Not started by the expert";

/** Who may call a session off: its expert, or an admin (a studio cancelling for an expert who cannot come). */
export function assertMayCancel(viewer: Viewer | null, session: SessionRow): Viewer {
  const v = requireViewer(viewer);
  if (!isOwner(v, session) && !isAdmin(v)) throw new DomainError("FORBIDDEN", "Only the session's expert (or an admin) can cancel it.");
  return v;
}

export function assertCancellable(session: SessionRow): void {
  if (session.status === "scheduled") return;
  throw new DomainError(
    "FAILED_PRECONDITION",
    session.status === "cancelled"
      ? "This session is already cancelled."
      : `This session is ${session.status}; only a scheduled session can be cancelled.${session.status === "live" ? " End it instead." : ""}`,
  );
}

export function assertMayEdit(viewer: Viewer | null, session: SessionRow): Viewer {
  const v = requireViewer(viewer);
  if (!isOwner(v, session) && !isAdmin(v)) throw new DomainError("FORBIDDEN", "Only the session's expert (or an admin) can change it.");
  return v;
}

export function assertEditable(session: SessionRow): void {
  if (session.status === "scheduled") return;
  throw new DomainError("FAILED_PRECONDITION", `This session is ${session.status}; only a scheduled session can be changed.`);
}

/** The viewer's role in the session's video room: its expert hosts, enrolled participants are guests. */
export function roleInRoom(viewer: Viewer, session: SessionRow, enrollment: ParticipantRow | null): VideoRole {
  if (isOwner(viewer, session)) return "host";
  if (enrollment) return "guest";
  throw new DomainError("FORBIDDEN", "Only enrolled participants and the session's expert can join. Enroll first.");
}

export function assertJoinable(session: SessionRow, now: Date): void {
  if (session.status === "scheduled" && now.getTime() >= session.scheduledEndTime.getTime()) {
    // It can no longer be started (assertStartable): waiting would be in vain.
    throw new DomainError("FAILED_PRECONDITION", "This session's scheduled time has passed without it starting; its room will not open.");
  }
  if (session.status === "scheduled") {
    throw new DomainError("FAILED_PRECONDITION", "This session has not started yet. Wait for the expert to start it.");
  }
  if (session.status !== "live") {
    throw new DomainError("FAILED_PRECONDITION", `This session is ${session.status}; its video room is closed.`);
  }
}

/** A token about to expire is no use to anyone joining a room. */
const MIN_TOKEN_LIFETIME_MS = 60_000;

/** When a join token must stop working: the 6-hour limit plus an hour, counted from the actual start. */
export function joinTokenExpiry(session: SessionRow, now: Date): Date {
  const start = session.actualStartTime ?? now;
  const expiresAt = new Date(start.getTime() + MAX_SESSION_MS + JOIN_TOKEN_GRACE_MS);
  if (expiresAt.getTime() - now.getTime() < MIN_TOKEN_LIFETIME_MS) {
    throw new DomainError("FAILED_PRECONDITION", "This session has passed its 6-hour limit; its video room is closed.");
  }
  return expiresAt;
}

/** Whole minutes between the actual start and end, rounded to the nearest minute. */
export function durationMinutes(start: Date | null, end: Date): number {
  if (!start) return 0;
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000));
}

/** 100ms room names accept a-z, 0-9, `.-:_`; our ids are lowercase alphanumerics. */
export const roomNameFor = (sessionId: string): string => `live-session-${sessionId}`;

export const isFree = (session: Pick<SessionRow, "price">): boolean => Number(session.price) === 0;
