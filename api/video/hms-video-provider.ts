import { createSecretKey } from "node:crypto";
import HMS from "@100mslive/server-sdk";
import {
  type CloseRoomOutcome,
  type CreateRoomParams,
  type JoinTokenParams,
  type PresignedUrl,
  type RecordingAsset,
  UpstreamError,
  type VideoProvider,
  type VideoRoom,
} from "../domain/ports.js";
import { HmsCalls, type SdkAxios } from "./hms-calls.js";

export const HMS_API_BASE_URL = "https://api.100ms.live/v2";

export interface HmsVideoProviderOptions {
  accessKey: string;
  secret: string;
  /** The template whose `host` and `guest` roles our rooms use. */
  templateId: string;
  /** Default: real 100ms. The local emulator's `url` in development and tests. */
  baseUrl?: string;
  /** Deadline for each HTTP call to 100ms. Default 10 000 (the SDK's own is 3 minutes). */
  timeoutMs?: number;
}

/**
 * VideoProvider over @100mslive/server-sdk 0.3.0 (docs/100ms.md#the-server-sdk). The SDK is GPL-licensed,
 * unmaintained and quirky, so it stays behind this one file: its errors are translated
 * (hms-calls.ts), its hard-coded base URL and 3-minute timeout are overridden, and no
 * caller-supplied string reaches a query string (it does not URL-encode).
 */
export function createHmsVideoProvider(opts: HmsVideoProviderOptions): VideoProvider {
  for (const field of ["accessKey", "secret", "templateId"] as const) {
    // An empty value would make the SDK silently fall back to HMS_ACCESS_KEY / HMS_SECRET.
    if (typeof opts[field] !== "string" || opts[field] === "") throw new Error(`createHmsVideoProvider: ${field} is required`);
  }
  const timeoutMs = opts.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error("createHmsVideoProvider: timeoutMs must be a positive integer");
  const baseUrl = (opts.baseUrl ?? HMS_API_BASE_URL).replace(/\/+$/, "");

  // The secret goes in as a KeyObject: given a string, jsonwebtoken first tries (and fails)
  // to read it as a PEM private key on every signature, which made each join token cost
  // 1.6 ms of CPU. The SDK only hands the secret on to jsonwebtoken's sign.
  const sdk = new HMS.SDK(opts.accessKey, createSecretKey(Buffer.from(opts.secret, "utf8")) as unknown as string);
  // The SDK sets the global loglevel to debug outside production and prints its own
  // unstructured error lines; every failure is translated and logged by us instead.
  sdk.setLogLevel("silent");
  const axios = (sdk.api as unknown as { axios: SdkAxios }).axios;
  axios.defaults.baseURL = baseUrl;
  axios.defaults.timeout = timeoutMs;
  const calls = new HmsCalls(axios, baseUrl, timeoutMs);

  return {
    async createRoom({ name, description, maxDurationSeconds }: CreateRoomParams): Promise<VideoRoom> {
      // POST /rooms is create-or-update by name, so a retry after a lost answer is safe.
      // The SDK's CreateParams lacks max_duration_seconds; the value passes through at runtime.
      const params = { name, description, template_id: opts.templateId, max_duration_seconds: maxDurationSeconds };
      const room = await calls.run(`creating room "${name}"`, () =>
        sdk.rooms.create(params as unknown as HMS.Room.CreateParams),
      );
      if (typeof room?.id !== "string" || room.id === "") {
        throw new UpstreamError("100ms", `100ms answered creating room "${name}" without a room id`);
      }
      // Only a host code: a guest code would let anyone with it join without enrolling.
      const code = await calls.run(`creating the host room code of room ${room.id}`, () =>
        sdk.roomCodes.createForRole(pathSegment(room.id), "host"),
      );
      if (typeof code?.code !== "string" || code.code === "") {
        throw new UpstreamError("100ms", `100ms answered creating the host room code of room ${room.id} without a code`);
      }
      return { roomId: room.id, roomCode: code.code };
    },

    async joinToken({ roomId, role, userId, issuedAt, expiresAt }: JoinTokenParams): Promise<string> {
      // The SDK computes exp = (notValidBefore || issuedAt) + validForSeconds, in whole
      // seconds, and treats 0 as "not given"; pass all three so exp is exactly expiresAt.
      const iat = Math.floor(issuedAt.getTime() / 1000);
      const exp = Math.floor(expiresAt.getTime() / 1000);
      if (!(iat > 0) || !(exp > iat)) throw new RangeError("joinToken: expiresAt must be at least a second after issuedAt");
      if (roomId === "" || userId === "") throw new TypeError("joinToken: roomId and userId are required");
      try {
        const { token } = await sdk.auth.getAuthToken({
          roomId,
          role,
          userId,
          issuedAt: iat,
          notValidBefore: iat,
          validForSeconds: exp - iat,
        });
        return token;
      } catch (e) {
        // Signing is local; a failure here is our bug, not 100ms being down.
        throw new Error(`joinToken: signing the 100ms app token failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    },

    async closeRoom(roomId: string, reason: string): Promise<CloseRoomOutcome> {
      if (roomId === "") throw new TypeError("closeRoom: roomId is required");
      const ended = await calls.attempt(() => sdk.activeRooms.end(pathSegment(roomId), { reason, lock: true }));
      if (ended.ok) return "ended";
      // 404 = no active session (nobody in the room): disable it so nobody can start one.
      if (ended.failure.kind === "http" && ended.failure.status === 404) {
        await calls.run(`disabling room ${roomId}`, () => sdk.rooms.enableOrDisable(pathSegment(roomId), false));
        return "disabled";
      }
      throw calls.error(`ending room ${roomId}`, ended.failure);
    },

    async startRecording(roomId: string): Promise<void> {
      if (roomId === "") throw new TypeError("startRecording: roomId is required");
      // No meeting_url: 100ms then records through the template's own composite-recording
      // page, which needs composite recording enabled on the template (docs/100ms.md#recordings).
      await calls.run(`starting the recording of room ${roomId}`, () =>
        sdk.recordings.start(pathSegment(roomId), {} as HMS.Recording.StartParams),
      );
    },

    async findRecordingAsset(providerSessionId: string): Promise<RecordingAsset | null> {
      if (providerSessionId === "") throw new TypeError("findRecordingAsset: providerSessionId is required");
      // The SDK does not encode query values, so we do.
      const page = await calls.run(`listing the recordings of 100ms session ${providerSessionId}`, () =>
        sdk.api.get<{ data?: unknown }>("/recording-assets", {
          session_id: encodeURIComponent(providerSessionId),
          status: "completed",
          limit: 100,
        }),
      );
      const assets = (Array.isArray(page?.data) ? page.data : []).filter(isPlayableAsset);
      // The plain composite first, then the legacy one; the newest of each kind.
      assets.sort((a, b) => COMPOSITE_TYPES.indexOf(a.type) - COMPOSITE_TYPES.indexOf(b.type) || String(b.created_at).localeCompare(String(a.created_at)));
      const asset = assets[0];
      if (!asset) return null;
      return {
        assetId: asset.id,
        path: typeof asset.path === "string" ? asset.path : "",
        durationSeconds: typeof asset.duration === "number" && Number.isFinite(asset.duration) ? asset.duration : null,
      };
    },

    async presignRecordingAsset(assetId: string, validForSeconds: number): Promise<PresignedUrl> {
      if (assetId === "") throw new TypeError("presignRecordingAsset: assetId is required");
      if (!Number.isInteger(validForSeconds) || validForSeconds <= 0) throw new RangeError("presignRecordingAsset: validForSeconds must be a positive integer");
      const signed = await calls.run(`signing a link to recording asset ${assetId}`, () =>
        sdk.recordingAssets.generatePreSignedURL(pathSegment(assetId), validForSeconds),
      );
      if (typeof signed?.url !== "string" || !/^https?:\/\//.test(signed.url)) {
        throw new UpstreamError("100ms", `100ms answered signing a link to recording asset ${assetId} without a URL`);
      }
      return { url: signed.url, validForSeconds: typeof signed.expiry === "number" && signed.expiry > 0 ? signed.expiry : validForSeconds };
    },
  };
}

/** Whole-room recordings, the only kind we play back. */
const COMPOSITE_TYPES = ["room-composite", "room-composite-legacy"];

interface AssetJson {
  id: string;
  type: string;
  status: string;
  path?: unknown;
  duration?: unknown;
  created_at?: unknown;
}

function isPlayableAsset(value: unknown): value is AssetJson {
  const a = value as Partial<AssetJson> | null;
  return (
    typeof a === "object" &&
    a !== null &&
    typeof a.id === "string" &&
    a.id !== "" &&
    typeof a.type === "string" &&
    COMPOSITE_TYPES.includes(a.type) &&
    a.status === "completed"
  );
}

/** The SDK interpolates ids into paths verbatim; encoding keeps an odd id from changing the path. */
const pathSegment = (value: string): string => encodeURIComponent(value);
