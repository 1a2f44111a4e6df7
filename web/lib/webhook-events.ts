/**
 * The event types an endpoint can receive, with what each means to the person choosing them.
 * The API's list (api/domain/webhooks-out/event-types.ts) is the truth: webhook-events.test.ts
 * fails when the two differ.
 */
export const WEBHOOK_EVENTS: { type: string; means: string }[] = [
  { type: "session.created", means: "a class is scheduled" },
  { type: "session.updated", means: "a class's details, time, seats or enrolled count change" },
  { type: "session.started", means: "a class goes live" },
  { type: "session.ended", means: "a class ends" },
  { type: "session.cancelled", means: "a class is cancelled" },
  { type: "enrollment.created", means: "a student enrolls" },
  { type: "enrollment.cancelled", means: "a student cancels their place" },
  { type: "attendance.updated", means: "who is in the room changes (at most every 10 s per class)" },
  { type: "recording.ready", means: "a recording can be watched" },
  { type: "refund.created", means: "a refund is started" },
  { type: "refund.succeeded", means: "a refund is paid back" },
  { type: "refund.failed", means: "a refund could not be paid" },
];
