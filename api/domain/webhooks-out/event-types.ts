/**
 * What an integrator can subscribe to, and the `data` each event carries. The payloads are a
 * public contract (README "Webhooks", schema.graphql `createWebhookEndpoint`): add fields, never
 * rename or remove one.
 */
import type { ParticipantRow, RefundRow, SessionRow } from "../../db/schema.js";

export const WEBHOOK_EVENT_TYPES = [
  "session.created",
  "session.updated",
  "session.started",
  "session.ended",
  "session.cancelled",
  "enrollment.created",
  "enrollment.cancelled",
  "attendance.updated",
  "recording.ready",
  "refund.created",
  "refund.succeeded",
  "refund.failed",
] as const;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** attendance.updated is sent at most this often per session (the newest figures win). */
export const ATTENDANCE_THROTTLE_MS = 10_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function sessionData(s: SessionRow): Record<string, unknown> {
  return {
    id: s.id,
    expertId: s.expertId,
    title: s.title,
    status: s.status,
    sessionType: s.sessionType,
    scheduledStartTime: iso(s.scheduledStartTime),
    scheduledEndTime: iso(s.scheduledEndTime),
    actualStartTime: iso(s.actualStartTime),
    actualEndTime: iso(s.actualEndTime),
    maxParticipants: s.maxParticipants,
    enrolledCount: s.enrolledCount,
    currentViewers: s.currentViewers,
    attendedCount: s.attendedCount,
    recordingAvailable: s.recordingAvailable,
    price: s.price,
    currency: s.currency,
    cancellationReason: s.cancellationReason,
  };
}

/** No email: an integrator of the expert's classes learns who enrolled, not how to reach them. */
export type EnrollmentFields = Pick<ParticipantRow, "id" | "sessionId" | "userId" | "userName" | "enrolledAt" | "paid">;

export function enrollmentData(p: EnrollmentFields): Record<string, unknown> {
  return { id: p.id, sessionId: p.sessionId, userId: p.userId, userName: p.userName, enrolledAt: iso(p.enrolledAt), paid: p.paid };
}

export function refundData(r: RefundRow): Record<string, unknown> {
  return {
    id: r.id,
    sessionId: r.sessionId,
    enrollmentId: r.participantId,
    userId: r.userId,
    amount: r.amount,
    currency: r.currency,
    gateway: r.gateway,
    cause: r.cause,
    status: r.status,
    gatewayRefundId: r.gatewayRefundId,
  };
}
