/**
 * A 100ms webhook delivery (contract §4.2–4.4) read into one of our room events. The
 * docs' own samples disagree about which envelope keys exist (`app_id`, `template_id`,
 * version 1.0 vs 2.0), so only what we use is required: the envelope's `id`, `type` and
 * `data`, and for each event we act on, the ids that say which room, session and peer.
 * Unknown keys are ignored; an unknown type is read as `ignored`, never an error.
 */
import { z } from "zod";
import { DomainError } from "../errors.js";

/** 100ms writes times with up to nanoseconds; Go's zero time stands for "none". */
const instant = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), { error: "must be an RFC 3339 timestamp" })
  .transform((v): Date | null => {
    const d = new Date(v);
    return d.getUTCFullYear() < 2000 ? null : d;
  });

const id = z.string().trim().min(1).max(200);
const optionalText = z.string().max(10_000).optional();

const envelopeSchema = z.object({
  id,
  type: z.string().trim().min(1).max(200),
  timestamp: instant.optional(),
  data: z.record(z.string(), z.unknown()),
});

const roomData = z.object({ room_id: id, session_id: id, session_started_at: instant.optional() });

const peerData = roomData.extend({
  peer_id: id,
  // Our join tokens always carry it; a peer that joined by a room code may not.
  user_id: z.string().max(200).optional(),
  role: z.string().max(200).optional(),
  joined_at: instant.optional(),
  left_at: instant.optional(),
});

const sessionCloseData = roomData.extend({
  session_stopped_at: instant.optional(),
  session_duration: z.number().nonnegative().optional(),
});

const recordingSuccessData = roomData.extend({
  recording_id: z.string().max(200).optional(),
  recording_path: optionalText,
  stopped_at: instant.optional(),
  session_stopped_at: instant.optional(),
});

const recordingFailureData = roomData.extend({
  error_message: optionalText,
  error: optionalText,
  error_type: optionalText,
});

interface Base {
  eventId: string;
  type: string;
  roomId: string;
  hmsSessionId: string;
  /** When the 100ms session started, if the event says. */
  sessionStartedAt: Date | null;
}

export type RoomEvent =
  | (Base & { kind: "peer-joined"; peerId: string; userId: string; role: string | null; joinedAt: Date | null })
  | (Base & { kind: "peer-left"; peerId: string; userId: string; role: string | null; joinedAt: Date | null; leftAt: Date | null })
  | (Base & { kind: "session-opened" })
  | (Base & { kind: "session-closed"; closedAt: Date | null })
  | (Base & { kind: "recording-succeeded"; recordingId: string | null; path: string | null; completedAt: Date | null })
  | (Base & { kind: "recording-failed"; error: string });

export type ParsedDelivery = RoomEvent | { kind: "ignored"; eventId: string; type: string };

/** Types 100ms documents that change nothing of ours; acknowledged without a note. */
export const UNUSED_EVENT_TYPES = new Set([
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
  const fields = result.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join("."), message: i.message }));
  throw new DomainError("BAD_USER_INPUT", fields.map((f) => `${f.path || "body"}: ${f.message}`).join("; "), { fields });
}

export function parseRoomEvent(raw: unknown): ParsedDelivery {
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
      return { kind: "ignored", eventId: envelope.id, type: envelope.type };
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
