import { badRequest, notFound } from "./errors.js";
import { rfc3339, roomCodeString } from "./ids.js";
import { paginate, type Page } from "./pagination.js";
import { type Body, queryBoolean } from "./params.js";
import type { RoomStore } from "./rooms.js";
import type { HmsRoomCode } from "./types.js";
import type { Workspace } from "./workspace.js";

/**
 * One code per (room, role), created on first request and returned unchanged after
 * that (the server-sdk's own test implies stability; docs/100ms.md#room-codes). A disabled code
 * stays disabled when "created" again: only POST /room-codes/code re-enables it.
 */
export class RoomCodeStore {
  private readonly byCode = new Map<string, HmsRoomCode>();
  private readonly byRoomRole = new Map<string, HmsRoomCode>();

  constructor(
    private readonly ws: Workspace,
    private readonly rooms: RoomStore,
  ) {}

  forRoom(roomId: string): HmsRoomCode[] {
    return [...this.byCode.values()].filter((c) => c.room_id === roomId);
  }

  /** POST /room-codes/room/:id — one code for each role of the template. */
  createAll(roomId: string, now: Date): HmsRoomCode[] {
    this.rooms.requireEnabled(roomId);
    return this.ws.roles.map((role) => this.getOrCreate(roomId, role, now));
  }

  /** POST /room-codes/room/:id/role/:role */
  createForRole(roomId: string, role: string, now: Date): HmsRoomCode {
    this.rooms.requireEnabled(roomId);
    this.requireRole(role);
    return this.getOrCreate(roomId, role, now);
  }

  /** GET /room-codes/room/:id, paged in creation order with the code as cursor. */
  list(roomId: string, query: URLSearchParams): Page<HmsRoomCode> {
    this.rooms.requireEnabled(roomId);
    const role = query.get("role");
    if (role !== null) this.requireRole(role);
    const enabled = queryBoolean(query, "enabled");
    const codes = this.forRoom(roomId)
      .filter((c) => (role === null || c.role === role) && (enabled === undefined || c.enabled === enabled))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return paginate(codes, (c) => c.code, query);
  }

  /** POST /room-codes/code — the body must be exactly `{code, enabled}`. */
  setEnabled(body: Body, now: Date): HmsRoomCode {
    const extra = Object.keys(body).filter((k) => k !== "code" && k !== "enabled");
    if (extra.length > 0) throw badRequest("Invalid body param", `unexpected field(s): ${extra.join(", ")}`);
    if (typeof body.code !== "string") throw badRequest("Invalid body param: code");
    if (typeof body.enabled !== "boolean") throw badRequest("Invalid body param: enabled");
    const code = this.byCode.get(body.code);
    if (!code) throw notFound("Code not found");
    code.enabled = body.enabled;
    code.updated_at = rfc3339(now);
    return code;
  }

  private requireRole(role: string): void {
    if (!this.ws.roles.includes(role)) throw notFound("Role not found", `role ${role} is not in the template`);
  }

  private getOrCreate(roomId: string, role: string, now: Date): HmsRoomCode {
    const key = `${roomId}\u0000${role}`;
    const existing = this.byRoomRole.get(key);
    if (existing) return existing;
    let code = roomCodeString();
    while (this.byCode.has(code)) code = roomCodeString();
    const created: HmsRoomCode = {
      code,
      room_id: roomId,
      role,
      enabled: true,
      created_at: rfc3339(now),
      updated_at: rfc3339(now),
    };
    this.byCode.set(code, created);
    this.byRoomRole.set(key, created);
    return created;
  }
}
