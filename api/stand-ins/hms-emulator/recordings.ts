import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { badRequest, forbidden, notFound } from "./errors.js";
import { objectId, rfc3339, uuid } from "./ids.js";
import { paginate, type Page } from "./pagination.js";
import { type Body, optionalBoolean, optionalString } from "./params.js";
import type { RoomStore } from "./rooms.js";
import type { EventSink, SessionStore } from "./sessions.js";
import type { HmsRecording, HmsRecordingAsset, HmsRoom, HmsSession } from "./types.js";
import type { Workspace } from "./workspace.js";

/** 100ms's default presign duration when none is asked for (the SDK always asks). */
const DEFAULT_PRESIGN_SECONDS = 3600;
/** The webhook's own recording_presigned_url is valid 24 h (docs/100ms.md#events-the-app-uses). */
const WEBHOOK_PRESIGN_SECONDS = 24 * 3600;
const ACTIVE = new Set<HmsRecording["status"]>(["starting", "running", "stopping", "post_processing"]);

/**
 * Room-composite recordings and their assets (docs/100ms.md#recordings, #recording-assets, and the beam webhooks in #events-the-app-uses).
 *
 * A recording starts through `POST /recordings/room/:id/start`, or by itself when the
 * template auto-records (`autoRecord`) and a session opens. It runs until it is stopped,
 * its session closes (100ms stops 5 minutes after the last peer; we do it at once), or
 * the control API completes or fails it. Completion is immediate here where 100ms takes
 * minutes of post-processing; it adds a `room-composite` and a `chat` asset and sends
 * `beam.stopped.success` then `beam.recording.success`. Assets answer pre-signed URLs
 * pointing at the emulator's own `/_emulator/recording-files/:id`, signed and expiring.
 */
export class RecordingStore {
  private readonly byId = new Map<string, HmsRecording>();
  private readonly assets = new Map<string, HmsRecordingAsset>();
  private readonly signingKey = randomBytes(32);

  constructor(
    private readonly ws: Workspace,
    private readonly rooms: RoomStore,
    private readonly sessions: SessionStore,
    private readonly emit: EventSink,
    private readonly origin: () => string,
    private readonly autoRecord: boolean,
  ) {}

  all(): HmsRecording[] {
    return [...this.byId.values()];
  }

  allAssets(): HmsRecordingAsset[] {
    return [...this.assets.values()];
  }

  /** POST /recordings/room/:id/start */
  start(roomId: string, body: Body, now: Date): HmsRecording {
    const room = this.rooms.require(roomId);
    if (!room.enabled) throw forbidden("Room is disabled");
    const session = this.sessions.active(roomId);
    if (!session) throw notFound("active session not found", `room ${roomId} has no active session to record`);
    if (this.all().some((r) => r.session_id === session.id && ACTIVE.has(r.status))) {
      throw badRequest("recording already running", `session ${session.id} is already being recorded`);
    }
    optionalBoolean(body, "audio_only");
    return this.create(room, session, optionalString(body, "meeting_url") ?? "", now);
  }

  /** POST /recordings/:id/stop — answers `stopping`; post-processing then completes it. */
  stop(id: string, now: Date): HmsRecording {
    const recording = this.require(id);
    if (!ACTIVE.has(recording.status)) throw badRequest("recording not running", `recording ${id} is ${recording.status}`);
    recording.status = "stopping";
    recording.updated_at = rfc3339(now);
    const answer = this.view(recording);
    this.complete(id, now);
    return answer;
  }

  /** POST /recordings/room/:id/stop */
  stopRoom(roomId: string, now: Date): Page<HmsRecording> {
    this.rooms.require(roomId);
    const running = this.all().filter((r) => r.room_id === roomId && ACTIVE.has(r.status));
    if (running.length === 0) throw notFound("recording not found", `no running recording in room ${roomId}`);
    return { limit: running.length, data: running.map((r) => this.stop(r.id, now)), last: "" };
  }

  /** GET /recordings/:id — with its assets once completed. */
  get(id: string): HmsRecording {
    return this.view(this.require(id));
  }

  /** GET /recordings — without `recording_assets`, as the docs say. */
  list(query: URLSearchParams): Page<HmsRecording> {
    const roomId = query.get("room_id");
    const sessionId = query.get("session_id");
    const status = query.get("status");
    const items = this.all().filter(
      (r) => (roomId === null || r.room_id === roomId) && (sessionId === null || r.session_id === sessionId) && (status === null || r.status === status),
    );
    const page = paginate(items, (r) => r.id, query);
    return { ...page, data: page.data.map((r) => ({ ...r, recording_assets: null })) };
  }

  /** GET /recording-assets */
  listAssets(query: URLSearchParams): Page<HmsRecordingAsset> {
    const roomId = query.get("room_id");
    const sessionId = query.get("session_id");
    const status = query.get("status");
    if (status !== null && status !== "completed" && status !== "failed") {
      throw badRequest("Invalid query parameter: status", "status must be completed or failed");
    }
    const items = this.allAssets().filter(
      (a) => (roomId === null || a.room_id === roomId) && (sessionId === null || a.session_id === sessionId) && (status === null || a.status === status),
    );
    return paginate(items, (a) => a.id, query);
  }

  /** GET /recording-assets/:id */
  asset(id: string): HmsRecordingAsset {
    const asset = this.assets.get(id);
    if (!asset) throw notFound("asset not found", `no recording asset with id ${id}`);
    return asset;
  }

  /** GET /recording-assets/:id/presigned-url?presign_duration= */
  presign(id: string, query: URLSearchParams, now: Date): { id: string; path: string; url: string; expiry: number } {
    const asset = this.asset(id);
    const raw = query.get("presign_duration");
    const seconds = raw === null ? DEFAULT_PRESIGN_SECONDS : Number(raw);
    if (!/^\d+$/.test(raw ?? "0") || !(seconds > 0) || seconds > 7 * 24 * 3600) {
      throw badRequest("Invalid query parameter: presign_duration", "presign_duration must be a whole number of seconds, at most 7 days");
    }
    return { id: asset.id, path: asset.path, url: this.signedUrl(asset.id, now, seconds), expiry: seconds };
  }

  /** Checks a link made by `presign`; what a storage bucket does with its signature. */
  openSignedUrl(assetId: string, query: URLSearchParams, now: Date): { asset: HmsRecordingAsset; note: string } {
    const expires = Number(query.get("expires"));
    const signature = query.get("signature") ?? "";
    const expected = this.signature(assetId, expires);
    const given = Buffer.from(signature, "hex");
    if (!Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw forbidden("SignatureDoesNotMatch", "the link was not signed by this emulator");
    }
    if (now.getTime() / 1000 > expires) throw forbidden("Request has expired", `the link expired at ${new Date(expires * 1000).toISOString()}`);
    return { asset: this.asset(assetId), note: "Emulated recording: the local 100ms emulator stores no media." };
  }

  /** Control API: post-processing finished. */
  complete(id: string, now: Date, opts: { durationSeconds?: number } = {}): HmsRecording {
    const recording = this.require(id);
    if (recording.status === "completed" || recording.status === "failed") {
      throw badRequest("recording already finished", `recording ${id} is ${recording.status}`);
    }
    const room = this.rooms.require(recording.room_id);
    const started = recording.started_at ?? recording.created_at;
    const duration = opts.durationSeconds ?? Math.max(1, Math.round((now.getTime() - Date.parse(started)) / 1000));
    recording.status = "completed";
    recording.stopped_at ??= rfc3339(now);
    recording.updated_at = rfc3339(now);
    const prefix = `s3://hms-emulator-recordings/${this.ws.customerId}/${recording.room_id}/${recording.session_id}/${recording.id}`;
    const composite = this.addAsset(recording, "room-composite", `${prefix}.mp4`, duration, now);
    const chat = this.addAsset(recording, "chat", `${prefix}-chat.csv`, duration, now);
    const beam = this.beamFields(room, recording);
    this.emit(room, "beam.stopped.success", { ...beam, duration, reason: "client request" });
    this.emit(room, "beam.recording.success", {
      ...beam,
      created_at: recording.created_at,
      duration,
      recording_id: recording.id,
      recording_path: composite.path,
      recording_presigned_url: this.signedUrl(composite.id, now, WEBHOOK_PRESIGN_SECONDS),
      chat_recording_path: chat.path,
      chat_recording_presigned_url: this.signedUrl(chat.id, now, WEBHOOK_PRESIGN_SECONDS),
      started_at: started,
      stopped_at: recording.stopped_at,
      size: composite.size,
    });
    return this.view(recording);
  }

  /** Control API: the recorder failed. */
  fail(id: string, now: Date, message = "emulated recording failure"): HmsRecording {
    const recording = this.require(id);
    if (recording.status === "completed" || recording.status === "failed") {
      throw badRequest("recording already finished", `recording ${id} is ${recording.status}`);
    }
    const room = this.rooms.require(recording.room_id);
    recording.status = "failed";
    recording.stopped_at ??= rfc3339(now);
    recording.updated_at = rfc3339(now);
    this.emit(room, "beam.failure", {
      ...this.beamFields(room, recording),
      error_code: 500,
      error_message: message,
      error_type: "INTERNAL_ERROR",
    });
    return this.view(recording);
  }

  /** The template's auto-record: a session opening starts its recording. */
  sessionOpened(room: HmsRoom, session: HmsSession, now: Date): void {
    if (this.autoRecord) this.create(room, session, "", now);
  }

  /** The last peer left: whatever records this session stops and is processed. */
  sessionClosed(_room: HmsRoom, session: HmsSession, now: Date): void {
    for (const r of this.all()) {
      if (r.session_id === session.id && ACTIVE.has(r.status)) this.complete(r.id, now);
    }
  }

  private create(room: HmsRoom, session: HmsSession, meetingUrl: string, now: Date): HmsRecording {
    const recording: HmsRecording = {
      id: objectId(now),
      room_id: room.id,
      session_id: session.id,
      status: "running",
      created_at: rfc3339(now),
      started_at: rfc3339(now),
      updated_at: rfc3339(now),
      stopped_at: null,
      meeting_url: meetingUrl,
      destination: "",
      started_by: "",
      stopped_by: "",
      asset_types: ["room-composite", "chat"],
      recording_assets: null,
    };
    this.byId.set(recording.id, recording);
    this.emit(room, "beam.started.success", { ...this.beamFields(room, recording), recording_enabled: true, start_delay: 0 });
    // The start call itself answers `starting`; the recorder is up by the time anyone looks.
    return { ...recording, status: "starting", started_at: null };
  }

  private addAsset(recording: HmsRecording, type: string, path: string, duration: number, now: Date): HmsRecordingAsset {
    const asset: HmsRecordingAsset = {
      id: objectId(now),
      job_id: recording.id,
      room_id: recording.room_id,
      session_id: recording.session_id,
      type,
      path,
      status: "completed",
      size: duration * 125_000,
      duration,
      created_at: rfc3339(now),
      thumbnails: null,
      metadata: type === "room-composite" ? { resolution: { width: 1280, height: 720 } } : {},
    };
    this.assets.set(asset.id, asset);
    return asset;
  }

  private view(recording: HmsRecording): HmsRecording {
    const assets = this.allAssets().filter((a) => a.job_id === recording.id);
    return { ...recording, recording_assets: recording.status === "completed" ? assets : null };
  }

  private require(id: string): HmsRecording {
    const recording = this.byId.get(id);
    if (!recording) throw notFound("recording not found", `no recording with id ${id}`);
    return recording;
  }

  private beamFields(room: HmsRoom, recording: HmsRecording) {
    return {
      beam_id: recording.id,
      job_id: recording.id,
      metadata_id: uuid(),
      metadata_timestamp: recording.updated_at,
      peer_id: "",
      room_id: room.id,
      room_name: room.name,
      session_id: recording.session_id,
      template_id: room.template_id,
      max_width: 1280,
      max_height: 720,
      meeting_url: recording.meeting_url,
      rtmp: [],
      session_started_at: this.sessions.get(recording.session_id)?.created_at,
    };
  }

  private signedUrl(assetId: string, now: Date, seconds: number): string {
    const expires = Math.floor(now.getTime() / 1000) + seconds;
    return `${this.origin()}/_emulator/recording-files/${assetId}?expires=${expires}&signature=${this.signature(assetId, expires).toString("hex")}`;
  }

  private signature(assetId: string, expires: number): Buffer {
    return createHmac("sha256", this.signingKey).update(`${assetId}\n${expires}`).digest();
  }
}
