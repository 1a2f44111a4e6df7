/**
 * 100ms webhook deliveries exactly as its docs show them (docs/100ms.md#envelope and
 * #events-the-app-uses, with the docs' own inconsistencies: peer and beam samples have no `app_id`,
 * `template_id` sits inside `data`, the SFU recording events are version 1.0), filled in
 * with a test's rooms, peers and times. Each call makes a new delivery with a new id;
 * a retry of a delivery is the same object sent again.
 */
import { randomUUID } from "node:crypto";
import type { RoomEventOutcome } from "../domain/attendance/attendance-service.js";
import type { Services } from "../domain/services.js";
import { hmsDelivery } from "../webhooks/hms-room-event.js";

/**
 * A delivery as the webhook route hands it to the domain: read at the edge (a body that is
 * no 100ms delivery rejects with BAD_USER_INPUT), then recorded.
 */
export async function deliver(services: Pick<Services, "recordRoomEvent">, raw: unknown): Promise<RoomEventOutcome> {
  return services.recordRoomEvent(hmsDelivery(raw));
}

export interface WebhookEnvelope {
  version: string;
  id: string;
  account_id: string;
  app_id?: string;
  timestamp: string;
  type: string;
  data: Record<string, unknown>;
}

export interface RoomContext {
  roomId: string;
  roomName: string;
  /** 100ms's session id. */
  sessionId: string;
  sessionStartedAt: Date;
}

export interface PeerContext {
  peerId: string;
  userId: string;
  userName: string;
  role: "host" | "guest";
}

const ACCOUNT_ID = "60b8e13a6eb86d8101b57354";
const APP_ID = "5ff5881b80b66969e1fb35f6";
const TEMPLATE_ID = "60b8e13a6eb86d8101b5735f";

/** Envelope times are whole seconds; data times carry nanoseconds. */
const seconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const nanos = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, ".$1912470Z");

function envelope(type: string, at: Date, data: Record<string, unknown>, extra: Partial<WebhookEnvelope> = {}): WebhookEnvelope {
  return { version: "2.0", id: randomUUID(), account_id: ACCOUNT_ID, timestamp: seconds(at), type, data, ...extra };
}

function roomFields(room: RoomContext) {
  return { room_id: room.roomId, room_name: room.roomName, session_id: room.sessionId, template_id: TEMPLATE_ID };
}

function peerFields(room: RoomContext, peer: PeerContext) {
  return {
    peer_id: peer.peerId,
    role: peer.role,
    ...roomFields(room),
    type: "regular",
    user_id: peer.userId,
    user_name: peer.userName,
    user_data: "",
    session_started_at: nanos(room.sessionStartedAt),
  };
}

export const hmsWebhooks = {
  sessionOpen: (room: RoomContext) =>
    envelope(
      "session.open.success",
      room.sessionStartedAt,
      { ...roomFields(room), session_started_at: nanos(room.sessionStartedAt) },
      { app_id: APP_ID },
    ),

  sessionClose: (room: RoomContext, stoppedAt: Date) =>
    envelope(
      "session.close.success",
      stoppedAt,
      {
        ...roomFields(room),
        session_duration: Math.round((stoppedAt.getTime() - room.sessionStartedAt.getTime()) / 1000),
        session_started_at: nanos(room.sessionStartedAt),
        session_stopped_at: nanos(stoppedAt),
      },
      { app_id: APP_ID },
    ),

  peerJoin: (room: RoomContext, peer: PeerContext, joinedAt: Date) =>
    envelope("peer.join.success", joinedAt, { joined_at: nanos(joinedAt), ...peerFields(room, peer) }),

  peerLeave: (room: RoomContext, peer: PeerContext, joinedAt: Date, leftAt: Date, reason = "client request") =>
    envelope("peer.leave.success", leftAt, {
      duration: Math.round((leftAt.getTime() - joinedAt.getTime()) / 1000),
      joined_at: nanos(joinedAt),
      left_at: nanos(leftAt),
      reason,
      message: "",
      ...peerFields(room, peer),
    }),

  roomEnd: (room: RoomContext, at: Date) =>
    envelope("room.end.success", at, {
      peer_id: "",
      role: "",
      ...roomFields(room),
      user_id: "",
      user_name: "",
      lock_room: true,
      reason: "The class has ended",
      source: "api",
      session_started_at: nanos(room.sessionStartedAt),
    }),

  beamRecordingSuccess: (room: RoomContext, recording: { recordingId: string; path: string; startedAt: Date; stoppedAt: Date }) =>
    envelope("beam.recording.success", new Date(recording.stoppedAt.getTime() + 60_000), {
      beam_id: recording.recordingId,
      created_at: nanos(recording.startedAt),
      duration: Math.round((recording.stoppedAt.getTime() - recording.startedAt.getTime()) / 1000),
      metadata_id: randomUUID(),
      metadata_timestamp: nanos(recording.stoppedAt),
      peer_id: "",
      recording_id: recording.recordingId,
      recording_path: recording.path,
      recording_presigned_url: `https://storage.example.com/${recording.recordingId}.mp4?X-Amz-Signature=abc`,
      chat_recording_path: recording.path.replace(/\.mp4$/, ".csv"),
      chat_recording_presigned_url: `https://storage.example.com/${recording.recordingId}.csv?X-Amz-Signature=abc`,
      room_id: room.roomId,
      started_at: recording.startedAt.toISOString(),
      stopped_at: recording.stoppedAt.toISOString(),
      session_id: room.sessionId,
      template_id: TEMPLATE_ID,
      max_height: 720,
      max_width: 1280,
      meeting_url: "",
      rtmp: [],
      session_started_at: nanos(room.sessionStartedAt),
      size: 10024,
    }),

  /** The SFU recorder's event: version 1.0, no recording id. */
  sfuRecordingSuccess: (room: RoomContext, path: string, stoppedAt: Date) =>
    envelope(
      "recording.success",
      stoppedAt,
      {
        duration: Math.round((stoppedAt.getTime() - room.sessionStartedAt.getTime()) / 1000),
        ...roomFields(room),
        recording_path: path,
        recording_presigned_url: "https://storage.example.com/sfu.mp4?sig=1",
        chat_recording_path: "",
        chat_recording_presigned_url: "",
        size: 2048,
        session_started_at: nanos(room.sessionStartedAt),
        session_stopped_at: nanos(stoppedAt),
        location: path,
        URL: "https://storage.example.com/sfu.mp4?sig=1",
      },
      { version: "1.0", app_id: APP_ID },
    ),

  beamFailure: (room: RoomContext, at: Date, message = "upload failed") =>
    envelope("beam.failure", at, {
      beam_id: "beam-1",
      error_code: 500,
      error_message: message,
      error_type: "UPLOAD_ERROR",
      peer_id: "",
      ...roomFields(room),
      session_started_at: nanos(room.sessionStartedAt),
    }),
};

/** A deterministic shuffle (mulberry32), so a failing order can be replayed from its seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
