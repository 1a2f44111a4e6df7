/**
 * The emulator's wire objects, shaped after the 100ms REST v2 docs (docs/100ms.md#rest-api).
 * Timestamps are RFC 3339 strings because that is what crosses the wire.
 */

export interface RoomWebhook {
  url: string;
  headers?: Record<string, string>;
}

export interface RecordingInfo {
  enabled: boolean;
  upload_info?: Record<string, unknown>;
}

export interface HmsRoom {
  id: string;
  name: string;
  enabled: boolean;
  description: string;
  customer_id: string;
  /** Deprecated duplicate of customer_id that the docs still show. */
  customer: string;
  app_id: string;
  recording_info: RecordingInfo;
  recording_source_template: boolean;
  enabled_source_template: boolean;
  template_id: string;
  template: string;
  region: string;
  large_room: boolean;
  size?: number;
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
  polls?: unknown[];
  created_at: string;
  updated_at: string;
}

export interface HmsRoomCode {
  code: string;
  room_id: string;
  role: string;
  enabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface HmsSessionPeer {
  id: string;
  session_id: string;
  name: string;
  role: string;
  user_id: string;
  metadata: string;
  joined_at: string;
  /** Absent while the peer is still in the room. */
  left_at?: string;
}

export interface HmsSession {
  id: string;
  room_id: string;
  customer_id: string;
  app_id: string;
  active: boolean;
  /** A map keyed by peer id, not an array, whatever the docs' prose says. */
  peers: Record<string, HmsSessionPeer>;
  created_at: string;
  updated_at: string;
}

export interface HmsRecordingAsset {
  id: string;
  /** The recording that produced it. */
  job_id: string;
  room_id: string;
  session_id: string;
  type: string;
  path: string;
  status: "completed" | "failed";
  size: number;
  duration: number;
  created_at: string;
  thumbnails: null;
  metadata: Record<string, unknown>;
}

export interface HmsRecording {
  id: string;
  room_id: string;
  session_id: string;
  status: "starting" | "running" | "stopping" | "post_processing" | "completed" | "failed";
  created_at: string;
  started_at: string | null;
  updated_at: string;
  stopped_at: string | null;
  meeting_url: string;
  destination: string;
  started_by: string;
  stopped_by: string;
  asset_types: string[];
  recording_assets: HmsRecordingAsset[] | null;
}

export interface WebhookEnvelope {
  version: "2.0";
  id: string;
  account_id: string;
  app_id: string;
  template_id: string;
  timestamp: string;
  type: string;
  data: Record<string, unknown>;
}

export interface JoinPeerParams {
  /**
   * The peer id to use. A real client (the web SDK) chooses its own and the local media
   * plane passes it on, so webhooks and active-rooms name the peer as the client does;
   * simulated joins leave it out and get a fresh one.
   */
  peerId?: string;
  userId: string;
  role: string;
  name: string;
  metadata?: string;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}
