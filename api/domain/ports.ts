/**
 * The outside world as the domain sees it. Each port has real adapters and local
 * stand-ins; the composition root (api/composition.ts) is the only place that picks.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The two 100ms roles our template defines: the expert hosts, students are guests. */
export type VideoRole = "host" | "guest";

export interface VideoRoom {
  roomId: string;
  /** Room code for the host role (the only role we create codes for; see README). */
  roomCode: string;
}

export interface CreateRoomParams {
  /** Deterministic name derived from our session id: creating twice returns the same room. */
  name: string;
  description?: string;
  /** Hard stop on 100ms's side, a second guard behind our own 6-hour limit. */
  maxDurationSeconds: number;
}

export interface JoinTokenParams {
  roomId: string;
  role: VideoRole;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type CloseRoomOutcome =
  /** Peers were in the room: 100ms ended the session and locked the room. */
  | "ended"
  /** Nobody was in the room: it was disabled so nobody can start a new session in it. */
  | "disabled";

/**
 * `template`: the 100ms template records every room session by itself (auto-start).
 * `api`: we start a recording through the recordings API when a room session opens.
 */
export type RecordingMode = "template" | "api";

/** A finished recording file kept by the provider. */
export interface RecordingAsset {
  assetId: string;
  /** Where the provider stored it, e.g. `s3://bucket/prefix/x.mp4`. */
  path: string;
  durationSeconds: number | null;
}

export interface PresignedUrl {
  url: string;
  /** How long the URL works, as the provider granted it. */
  validForSeconds: number;
}

export interface VideoProvider {
  /** Create-or-get the room by name and a host room code. Idempotent. */
  createRoom(params: CreateRoomParams): Promise<VideoRoom>;
  /** Mint an app (auth) token for the browser SDK. Pure computation, no network. */
  joinToken(params: JoinTokenParams): Promise<string>;
  /** End the room's active session with lock, or disable the room if none is active. */
  closeRoom(roomId: string, reason: string): Promise<CloseRoomOutcome>;
  /** Start recording the room's active session (recording mode `api`). */
  startRecording(roomId: string): Promise<void>;
  /** The composite (whole-room) recording of one provider session, if it is ready. */
  findRecordingAsset(providerSessionId: string): Promise<RecordingAsset | null>;
  /** A short-lived signed link to download or stream the asset. */
  presignRecordingAsset(assetId: string, validForSeconds: number): Promise<PresignedUrl>;
}

/**
 * Thrown by adapters when the provider cannot be reached or answers with a server
 * error. The domain turns it into UPSTREAM_UNAVAILABLE.
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly service: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What an identity provider vouches for: an Auth0 access token, or the web session. */
export interface Identity {
  /** Opaque subject (`auth0|64f…`); never parsed. */
  subject: string;
  name?: string;
  email?: string;
  picture?: string;
  roles: string[];
}
