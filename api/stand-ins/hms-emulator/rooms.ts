import { badRequest, forbidden, notFound } from "./errors.js";
import { objectId, rfc3339, uuid } from "./ids.js";
import { paginate, type Page } from "./pagination.js";
import {
  type Body,
  optionalBoolean,
  optionalInteger,
  optionalString,
  queryBoolean,
  queryDate,
} from "./params.js";
import type { HmsRoom, RecordingInfo, RoomWebhook } from "./types.js";
import type { Workspace } from "./workspace.js";

const NAME_CHARSET = /^[a-zA-Z0-9.\-:_]+$/;
const REGIONS = new Set(["eu", "in", "us", "auto"]);
const UPLOAD_TYPES = new Set(["s3", "gs", "oss", "azure"]);

/** The fields a create or update may set; undefined means "leave as is". */
interface RoomPatch {
  name?: string;
  description?: string;
  recording_info?: RecordingInfo;
  region?: string;
  large_room?: boolean;
  size?: number;
  max_duration_seconds?: number;
  webhook?: RoomWebhook;
  polls?: unknown[];
}

/** Rooms keyed by id, plus a lower-cased name index: 100ms names are case-insensitive. */
export class RoomStore {
  private readonly byId = new Map<string, HmsRoom>();
  private readonly idByName = new Map<string, string>();

  constructor(private readonly ws: Workspace) {}

  all(): HmsRoom[] {
    // Insertion order is id order because ids grow monotonically (see ids.ts).
    return [...this.byId.values()];
  }

  get(id: string): HmsRoom | undefined {
    return this.byId.get(id);
  }

  /** For endpoints that need the room to exist: 404 "room not found" otherwise. */
  require(id: string): HmsRoom {
    const room = this.byId.get(id);
    if (!room) throw notFound("room not found", `no room with id ${id}`);
    return room;
  }

  /** Room-code endpoints answer 403 "Room is disabled" (docs/100ms.md#room-codes). */
  requireEnabled(id: string): HmsRoom {
    const room = this.require(id);
    if (!room.enabled) throw forbidden("Room is disabled", `room ${id} is disabled`);
    return room;
  }

  /**
   * POST /rooms. An existing name (any casing) returns that room updated with the
   * payload; it keeps its id, original name casing and `enabled` flag (a disabled room
   * stays disabled: create is not a way around a lock).
   */
  createOrUpdate(body: Body, now: Date): HmsRoom {
    if (body.template !== undefined) throw badRequest("Invalid body param: template. Use template_id");
    const templateId = optionalString(body, "template_id");
    if (templateId !== undefined && templateId !== this.ws.templateId) {
      throw badRequest("Error: template not found", `no template with id ${templateId}`);
    }
    const patch = this.readPatch(body);
    const existingId = patch.name === undefined ? undefined : this.idByName.get(patch.name.toLowerCase());
    if (existingId !== undefined) {
      const { name: _sameName, ...rest } = patch;
      return this.apply(this.require(existingId), rest, now);
    }
    const name = patch.name ?? uuid();
    const room: HmsRoom = {
      id: objectId(now),
      name,
      enabled: true,
      description: "",
      customer_id: this.ws.customerId,
      customer: this.ws.customerId,
      app_id: this.ws.appId,
      recording_info: { enabled: false },
      recording_source_template: true,
      enabled_source_template: true,
      template_id: this.ws.templateId,
      template: this.ws.templateName,
      region: this.ws.region,
      large_room: false,
      created_at: rfc3339(now),
      updated_at: rfc3339(now),
    };
    this.byId.set(room.id, room);
    this.idByName.set(name.toLowerCase(), room.id);
    return this.apply(room, { ...patch, name: undefined }, now);
  }

  /** POST /rooms/:id: an update, or enable/disable when the body carries `enabled`. */
  update(id: string, body: Body, now: Date): HmsRoom {
    const room = this.require(id);
    const enabled = optionalBoolean(body, "enabled");
    const patch = this.readPatch(body);
    if (patch.name !== undefined && patch.name.toLowerCase() !== room.name.toLowerCase()) {
      const clash = this.idByName.get(patch.name.toLowerCase());
      if (clash !== undefined) throw badRequest("Invalid body param: name", "a room with this name already exists");
      this.idByName.delete(room.name.toLowerCase());
      this.idByName.set(patch.name.toLowerCase(), room.id);
    }
    if (enabled !== undefined) room.enabled = enabled;
    return this.apply(room, patch, now);
  }

  setEnabled(id: string, enabled: boolean, now: Date): HmsRoom {
    const room = this.require(id);
    room.enabled = enabled;
    room.updated_at = rfc3339(now);
    return room;
  }

  /**
   * GET /rooms. `enabled` defaults to true as the docs say, so disabled rooms only show
   * up with `enabled=false`. `name` matches exactly, ignoring case.
   */
  list(query: URLSearchParams): Page<HmsRoom> {
    const enabled = queryBoolean(query, "enabled") ?? true;
    const name = query.get("name")?.toLowerCase();
    const templateId = query.get("template_id");
    const after = queryDate(query, "after");
    const before = queryDate(query, "before");
    const rooms = this.all().filter(
      (r) =>
        r.enabled === enabled &&
        (name === undefined || r.name.toLowerCase() === name) &&
        (templateId === null || r.template_id === templateId) &&
        (after === undefined || new Date(r.created_at) > after) &&
        (before === undefined || new Date(r.created_at) < before),
    );
    const page = paginate(rooms, (r) => r.id, query);
    // List items carry `key` ("<customer_id>:<name>") in the docs' list example only.
    return { ...page, data: page.data.map((r) => ({ ...r, key: `${r.customer_id}:${r.name}` })) };
  }

  private apply(room: HmsRoom, patch: RoomPatch, now: Date): HmsRoom {
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined) (room as unknown as Record<string, unknown>)[k] = v;
    }
    if (patch.recording_info !== undefined) room.recording_source_template = false;
    if (patch.region === "auto") room.region = this.ws.region;
    room.updated_at = rfc3339(now);
    return room;
  }

  /** Validation of the documented create/update fields; unknown fields are ignored. */
  private readPatch(body: Body): RoomPatch {
    const name = optionalString(body, "name");
    if (name !== undefined && !NAME_CHARSET.test(name)) {
      throw badRequest("Invalid body param: name", "name may only contain a-z A-Z 0-9 . - : _");
    }
    const region = optionalString(body, "region");
    if (region !== undefined && !REGIONS.has(region)) throw badRequest("Error: region not supported");
    const largeRoom = optionalBoolean(body, "large_room");
    const size = optionalInteger(body, "size");
    const maxSize = largeRoom ? 20000 : 2500;
    if (size !== undefined && (size < 0 || size > maxSize)) {
      throw badRequest("Invalid body param: size", `size must be between 0 and ${maxSize}`);
    }
    const maxDuration = optionalInteger(body, "max_duration_seconds");
    if (maxDuration !== undefined && maxDuration < 120) {
      throw badRequest("Invalid body param: max_duration_seconds less than 120 seconds");
    }
    if (maxDuration !== undefined && maxDuration > 43200) {
      throw badRequest("Invalid body param: max_duration_seconds greater than 43200 seconds");
    }
    const polls = body.polls;
    if (polls !== undefined && !Array.isArray(polls)) throw badRequest("Invalid body param: polls");
    return {
      name,
      description: optionalString(body, "description"),
      recording_info: readRecordingInfo(body.recording_info),
      region,
      large_room: largeRoom,
      size,
      max_duration_seconds: maxDuration,
      webhook: readWebhook(body.webhook),
      polls: polls as unknown[] | undefined,
    };
  }
}

function readRecordingInfo(value: unknown): RecordingInfo | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest("Invalid body param: recording_info");
  const info = value as Record<string, unknown>;
  if (typeof info.enabled !== "boolean") throw badRequest("Invalid body param: recording_info.enabled");
  const upload = info.upload_info;
  if (upload === undefined || upload === null) return { enabled: info.enabled };
  if (typeof upload !== "object" || Array.isArray(upload)) throw badRequest("Invalid upload configuration");
  const u = upload as Record<string, unknown>;
  if (typeof u.type !== "string" || !UPLOAD_TYPES.has(u.type)) throw badRequest("Invalid upload configuration");
  if (typeof u.location !== "string" || u.location === "") throw badRequest("Bucket location is missing");
  return { enabled: info.enabled, upload_info: { ...u } };
}

function readWebhook(value: unknown): RoomWebhook | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest("Invalid body param: webhook");
  const w = value as Record<string, unknown>;
  if (typeof w.url !== "string" || !/^https?:\/\//.test(w.url)) throw badRequest("Invalid body param: webhook.url");
  const headers = w.headers;
  if (headers === undefined || headers === null) return { url: w.url };
  if (typeof headers !== "object" || Array.isArray(headers)) throw badRequest("Invalid body param: webhook.headers");
  for (const v of Object.values(headers)) {
    if (typeof v !== "string") throw badRequest("Invalid body param: webhook.headers");
  }
  return { url: w.url, headers: { ...(headers as Record<string, string>) } };
}
