/** The local emulator of the 100ms REST API v2. Never used in production (it refuses to start). */
export { startHmsEmulator, type HmsEmulator, type HmsEmulatorOptions } from "./server.js";
export type { RequestRecord } from "../request-log.js";
export { HmsApiError } from "./errors.js";
export { ANY_ROUTE, type ActiveFault, type FaultSpec } from "../faults.js";
export type { InactiveRoomAnswer, PeerLeft, RoomMessage, SessionListener } from "./sessions.js";
export type { AppTokenGrant } from "./tokens.js";
export type {
  HmsRecording,
  HmsRecordingAsset,
  HmsRoom,
  HmsRoomCode,
  HmsSession,
  HmsSessionPeer,
  JoinPeerParams,
  Logger,
  RoomWebhook,
  WebhookEnvelope,
} from "./types.js";
export { DEFAULT_RETRY_DELAYS_MS, type WebhookDelivery, type WebhookOptions } from "./webhooks.js";
export type { Workspace } from "./workspace.js";
