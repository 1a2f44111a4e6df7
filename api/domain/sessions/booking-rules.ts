/** Pure rules about a student's own booking: when it may be cancelled, and the policy in words. */
import type { ParticipantRow, SessionRow } from "../../db/schema.js";
import { DomainError } from "../errors.js";
import type { BookingPolicy } from "./booking-policy.js";
import { assertEnrollable } from "./session-rules.js";

/** The last moment a booking may be cancelled: the cut-off before the scheduled start. */
export const cancellationDeadline = (session: Pick<SessionRow, "scheduledStartTime">, policy: BookingPolicy): Date =>
  new Date(session.scheduledStartTime.getTime() - policy.cancellationCutoffMinutes * 60_000);

/** "2 hours", "90 minutes", "1 day": the cut-off as people say it. */
export function cutoffInWords(minutes: number): string {
  if (minutes === 0) return "the start";
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (minutes % 1440 === 0) return `${plural(minutes / 1440, "day")} before the start`;
  if (minutes % 60 === 0) return `${plural(minutes / 60, "hour")} before the start`;
  return `${plural(minutes, "minute")} before the start`;
}

/** The policy shown before paying and on the session's page. */
export function cancellationPolicyText(policy: BookingPolicy): string {
  return `You can cancel your booking until ${cutoffInWords(policy.cancellationCutoffMinutes)}; a paid seat is refunded in full. If the class is cancelled or never starts, you are refunded in full.`;
}

export const NOT_ENROLLED_MESSAGE = "You are not enrolled in this session; there is no booking to cancel.";

export function assertBookingCancellable(session: SessionRow, enrollment: ParticipantRow | null, now: Date, policy: BookingPolicy): asserts enrollment is ParticipantRow {
  if (session.status === "cancelled") {
    throw new DomainError("FAILED_PRECONDITION", "This session was cancelled; there is no booking left to cancel (a paid seat is refunded automatically).");
  }
  if (!enrollment) throw new DomainError("NOT_FOUND", NOT_ENROLLED_MESSAGE);
  assertBookingWindow(session, now, policy);
}

/** Whether bookings of this session may still be cancelled: scheduled, and before the cut-off. */
export function assertBookingWindow(session: SessionRow, now: Date, policy: BookingPolicy): void {
  if (session.status === "cancelled") throw new DomainError("FAILED_PRECONDITION", "This session was cancelled; there is no booking left to cancel.");
  if (session.status !== "scheduled") {
    throw new DomainError("FAILED_PRECONDITION", `This session has ${session.status === "live" ? "started" : "ended"}; a booking can no longer be cancelled.`);
  }
  if (now.getTime() >= cancellationDeadline(session, policy).getTime()) {
    throw new DomainError(
      "FAILED_PRECONDITION",
      `Bookings can be cancelled until ${cutoffInWords(policy.cancellationCutoffMinutes)}; it is too late to cancel this one.`,
    );
  }
}

/** Free seats of a session row: what neither an enrollment nor a waitlist offer holds; null when uncapped. */
export const freeSeats = (s: Pick<SessionRow, "maxParticipants" | "enrolledCount" | "heldSeats">): number | null =>
  s.maxParticipants == null ? null : Math.max(0, s.maxParticipants - s.enrolledCount - s.heldSeats);

export const ALREADY_ENROLLED_MESSAGE = "You are enrolled in this session; there is no need to wait for a seat.";
export const SEATS_FREE_MESSAGE = "Seats are free in this session: enroll instead of joining its waitlist.";

/** Whether the session's waitlist takes this student now: enrollment open, the class full, not enrolled. */
export function assertWaitlistOpen(session: SessionRow, now: Date, hasEnrollment: boolean): void {
  assertEnrollable(session, now);
  if (hasEnrollment) throw new DomainError("CONFLICT", ALREADY_ENROLLED_MESSAGE);
  const free = freeSeats(session);
  if (free === null || free > 0) throw new DomainError("FAILED_PRECONDITION", SEATS_FREE_MESSAGE);
}
