/**
 * A 100ms webhook delivery (docs/100ms.md#envelope, #events-the-app-uses) read into one of
 * the domain's room events (api/domain/attendance/room-event.ts), here at the edge, so the
 * domain never sees 100ms's format. The docs' own samples disagree about which envelope keys exist (`app_id`, `template_id`,
 * version 1.0 vs 2.0), so only what we use is required: the envelope's `id`, `type` and
 * `data`, and for each event we act on, the ids that say which room, session and peer.
 * Unknown keys are ignored; an unknown type is read as `ignored`, never an error.
 */
import { z } from "zod";
import type { RoomDelivery } from "../domain/attendance/room-event.js";
import { DomainError } from "../domain/errors.js";
import { refuseUnsafeText } from "../domain/text-rules.js";

/**
 * 100ms writes RFC 3339 times with up to nanoseconds; Go's zero time stands for "none".
 * Strict, because Date.parse is not: it reads "2030-02-30" as 2 March and "1" as 2001.
 */
const instant = z.iso
  .datetime({ offset: true, error: "must be an RFC 3339 timestamp" })
  .transform((v): Date | null => {
    const d = new Date(v);
    return d.getUTCFullYear() < 2000 ? null : d;
  });

/** Ids and texts are stored; NUL or a lone surrogate would fail there, or change on the way. */
const storable = (schema: z.ZodString) => refuseUnsafeText(schema, "the value", { bidi: true });
const id = storable(z.string().trim().min(1).max(200));
const shortText = storable(z.string().max(200));
const optionalText = storable(z.string().max(10_000)).optional();
/** Far longer than any room stays open; keeps the end time it implies a real date. */
const MAX_SESSION_DURATION_S = 7 * 24 * 3600;

const envelopeSchema = z.object({
  id,
  type: storable(z.string().trim().min(1).max(200)),
  timestamp: instant.optional(),
  data: z.record(z.string(), z.unknown()),
});

const roomData = z.object({ room_id: id, session_id: id, session_started_at: instant.optional() });

const peerData = roomData.extend({
  peer_id: id,
  // Our join tokens always carry it; a peer that joined by a room code may not.
  user_id: shortText.optional(),
  role: shortText.optional(),
  joined_at: instant.optional(),
  left_at: instant.optional(),
});

const sessionCloseData = roomData.extend({
  session_stopped_at: instant.optional(),
  session_duration: z.number().nonnegative().max(MAX_SESSION_DURATION_S).optional(),
});

const recordingSuccessData = roomData.extend({
  recording_id: shortText.optional(),
  recording_path: optionalText,
  stopped_at: instant.optional(),
  session_stopped_at: instant.optional(),
});

const recordingFailureData = roomData.extend({
  error_message: optionalText,
  error: optionalText,
  error_type: optionalText,
});

/** Types 100ms documents that change nothing of ours; acknowledged without a note. */
const UNUSED_EVENT_TYPES = new Set([
  "room.end.success",
  "room.end.failure",
  "peer.join.failure",
  "peer.leave.failure",
  "role.change.success",
  "role.change.failure",
  "beam.started.success",
  "beam.stopped.success",
]);

/** Like parseInput, but each message names its key: the answer goes to a machine's log. */
function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    // zod says "expected string, received undefined" for a key that is simply not there.
    message: i.code === "invalid_type" && / received undefined$/.test(i.message) ? "is missing" : i.message,
  }));
  throw new DomainError("BAD_USER_INPUT", fields.map((f) => `${f.path || "body"}: ${f.message}`).join("; "), { fields });
}

/** What every event of ours carries. */
type Base = Pick<Extract<RoomDelivery, { kind: "session-opened" }>, "eventId" | "type" | "roomId" | "hmsSessionId" | "sessionStartedAt">;

/** Throws BAD_USER_INPUT (answered 400) for a body that is no 100ms delivery. */
export function hmsDelivery(raw: unknown): RoomDelivery {
  const envelope = parse(envelopeSchema, raw, "");
  const at = envelope.timestamp ?? null;
  const base = (d: z.output<typeof roomData>): Base => ({
    eventId: envelope.id,
    type: envelope.type,
    roomId: d.room_id,
    hmsSessionId: d.session_id,
    sessionStartedAt: d.session_started_at ?? null,
  });
  const data = <S extends z.ZodType>(schema: S) => parse(schema, envelope.data, "data");
  switch (envelope.type) {
    case "peer.join.success": {
      const d = data(peerData);
      return { ...base(d), kind: "peer-joined", ...peer(d), joinedAt: d.joined_at ?? at };
    }
    case "peer.leave.success": {
      const d = data(peerData);
      return { ...base(d), kind: "peer-left", ...peer(d), joinedAt: d.joined_at ?? null, leftAt: d.left_at ?? at };
    }
    case "session.open.success": {
      const d = data(roomData);
      return { ...base(d), kind: "session-opened", sessionStartedAt: d.session_started_at ?? at };
    }
    case "session.close.success": {
      const d = data(sessionCloseData);
      const fromDuration =
        d.session_started_at && d.session_duration !== undefined
          ? new Date(d.session_started_at.getTime() + d.session_duration * 1000)
          : null;
      return { ...base(d), kind: "session-closed", closedAt: d.session_stopped_at ?? at ?? fromDuration };
    }
    case "beam.recording.success":
    case "recording.success": {
      const d = data(recordingSuccessData);
      return {
        ...base(d),
        kind: "recording-succeeded",
        recordingId: d.recording_id || null,
        path: d.recording_path || null,
        completedAt: d.stopped_at ?? d.session_stopped_at ?? at,
      };
    }
    case "beam.failure":
    case "recording.failed": {
      const d = data(recordingFailureData);
      const error = [d.error_type, d.error_message ?? d.error].filter(Boolean).join(": ") || envelope.type;
      return { ...base(d), kind: "recording-failed", error: error.slice(0, 1000) };
    }
    default:
      return { kind: "ignored", eventId: envelope.id, type: envelope.type, reason: UNUSED_EVENT_TYPES.has(envelope.type) ? "not used" : "unknown event type" };
  }
}

function peer(d: z.output<typeof peerData>) {
  return {
    peerId: d.peer_id,
    // Without a user id a peer is nobody we know; keep its peers apart from everyone else's.
    userId: d.user_id?.trim() || `anonymous:${d.peer_id}`,
    role: d.role?.trim() || null,
  };
}
