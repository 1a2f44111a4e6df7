/**
 * What happens in a session's video room, in the domain's own words. The video service's
 * adapter reads its deliveries into these (for 100ms: api/webhooks/hms-room-event.ts); the
 * domain never sees a provider's webhook format.
 */
import { DomainError } from "../errors.js";

interface Base {
  /** The delivery's id: repeats of one delivery carry the same one, and are applied once. */
  eventId: string;
  /** The sender's name for the event, kept with it (webhook_events.type) and in logs. */
  type: string;
  roomId: string;
  /** The video service's session of the room (one room may open several). */
  hmsSessionId: string;
  /** When the video service's session started, if the event says. */
  sessionStartedAt: Date | null;
}

export type RoomEvent =
  | (Base & { kind: "peer-joined"; peerId: string; userId: string; role: string | null; joinedAt: Date | null })
  | (Base & { kind: "peer-left"; peerId: string; userId: string; role: string | null; joinedAt: Date | null; leftAt: Date | null })
  | (Base & { kind: "session-opened" })
  | (Base & { kind: "session-closed"; closedAt: Date | null })
  | (Base & { kind: "recording-succeeded"; recordingId: string | null; path: string | null; completedAt: Date | null })
  | (Base & { kind: "recording-failed"; error: string });

/** A delivery the adapter read: an event to apply, or one that changes nothing of ours (and why). */
export type RoomDelivery = RoomEvent | { kind: "ignored"; eventId: string; type: string; reason: string };

/** Clocks drift; a day is far more than 100ms's and ours ever will. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/**
 * The video service reports what has happened, so none of an event's times lies well after
 * our clock. One that does is no report, and would make watch times overflow what a number can hold.
 */
export function assertReportedTimes(event: RoomEvent, now: Date): void {
  const times: (Date | null)[] = [event.sessionStartedAt];
  if (event.kind === "peer-joined" || event.kind === "peer-left") times.push(event.joinedAt);
  if (event.kind === "peer-left") times.push(event.leftAt);
  if (event.kind === "session-closed") times.push(event.closedAt);
  if (event.kind === "recording-succeeded") times.push(event.completedAt);
  const late = times.find((t) => t !== null && t.getTime() > now.getTime() + FUTURE_TOLERANCE_MS);
  if (late) {
    throw new DomainError("BAD_USER_INPUT", `the event's time ${late.toISOString()} is more than a day ahead of ours`, {
      fields: [{ path: "data", message: "times must not lie in the future" }],
    });
  }
}
