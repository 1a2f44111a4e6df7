import { badRequest, forbidden, notFound } from "./errors.js";
import { objectId, rfc3339, uuid } from "./ids.js";
import { paginate, type Page } from "./pagination.js";
import { type Body, optionalBoolean, optionalString, queryBoolean, queryDate } from "./params.js";
import type { RoomStore } from "./rooms.js";
import type { HmsRoom, HmsSession, HmsSessionPeer, JoinPeerParams } from "./types.js";
import type { Workspace } from "./workspace.js";

/** Receives each 100ms event as it happens; webhooks.ts turns them into deliveries. */
export type EventSink = (room: HmsRoom, type: string, data: Record<string, unknown>) => void;

/**
 * What the active-rooms endpoints answer when the room has no live session. 100ms does
 * not document it (docs/100ms.md#active-rooms): "not-found" (default) answers
 * 404 {code:404, message:"active session not found"}; "empty" answers 200 with nothing
 * in it (end-room still applies `lock`), so callers can be tested against both.
 */
export type InactiveRoomAnswer = "not-found" | "empty";

/** Told when a session opens (after its webhook) and closes (after its webhook). */
export interface SessionLifecycle {
  opened(room: HmsRoom, session: HmsSession, now: Date): void;
  closed(room: HmsRoom, session: HmsSession, now: Date): void;
}

/** A peer left the session, whoever caused it. */
export interface PeerLeft {
  roomId: string;
  peerId: string;
  /** The webhook's leave reason ("client request", "peer kicked", "server removed peer", …). */
  reason: string;
  message: string;
  /** True when the whole room was ended (REST end-room), false for a single removal or a leave. */
  roomEnd: boolean;
}

/** A message sent through REST send-message, for the peers in the room to receive. */
export interface RoomMessage {
  roomId: string;
  message: string;
  type: string;
  peerId?: string;
  role?: string;
}

/**
 * Told what happens to peers on the server side. The local media plane listens so that
 * the REST API's end-room, remove-peers and send-message reach the clients really
 * connected to it; without a listener these only change the emulator's records.
 */
export interface SessionListener {
  peerLeft?(event: PeerLeft): void;
  messageSent?(event: RoomMessage): void;
}

const secondsBetween = (from: string, to: Date) => Math.max(0, Math.round((to.getTime() - Date.parse(from)) / 1000));

/**
 * Sessions and the peers in them. The first join opens a session, the last leave
 * closes it (docs/100ms.md#sessions); a room has at most one active session.
 */
export class SessionStore {
  private readonly byId = new Map<string, HmsSession>();
  private readonly activeByRoom = new Map<string, string>();
  private readonly listeners = new Set<SessionListener>();

  constructor(
    private readonly ws: Workspace,
    private readonly rooms: RoomStore,
    private readonly emit: EventSink,
    private readonly inactiveAnswer: InactiveRoomAnswer,
    private readonly lifecycle?: SessionLifecycle,
  ) {}

  all(): HmsSession[] {
    return [...this.byId.values()];
  }

  get(id: string): HmsSession | undefined {
    return this.byId.get(id);
  }

  /** Answers a function that stops listening. */
  listen(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  active(roomId: string): HmsSession | undefined {
    const id = this.activeByRoom.get(roomId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** A client joins: a real one through the local media plane, or a simulated one (the control API). */
  join(roomId: string, params: JoinPeerParams, now: Date): HmsSessionPeer {
    const room = this.rooms.require(roomId);
    if (!room.enabled) throw forbidden("Room is disabled", "a disabled room refuses new joins");
    if (!this.ws.roles.includes(params.role)) throw badRequest("role not allowed", `role ${params.role} is not in the template`);
    if (typeof params.userId !== "string" || params.userId === "") throw badRequest("user_id is required");
    if (typeof params.name !== "string" || params.name === "") throw badRequest("name is required");
    if (params.peerId !== undefined && (params.peerId === "" || this.active(roomId)?.peers[params.peerId])) {
      throw badRequest("peer_id is already in use", `peer ${params.peerId} already joined this session`);
    }
    let session = this.active(roomId);
    if (!session) {
      session = {
        id: objectId(now),
        room_id: roomId,
        customer_id: this.ws.customerId,
        app_id: this.ws.appId,
        active: true,
        peers: {},
        created_at: rfc3339(now),
        updated_at: rfc3339(now),
      };
      this.byId.set(session.id, session);
      this.activeByRoom.set(roomId, session.id);
      this.emit(room, "session.open.success", { ...this.common(room, session), session_started_at: session.created_at });
      this.lifecycle?.opened(room, session, now);
    }
    const peer: HmsSessionPeer = {
      id: params.peerId ?? uuid(),
      session_id: session.id,
      name: params.name,
      role: params.role,
      user_id: params.userId,
      metadata: params.metadata ?? "",
      joined_at: rfc3339(now),
    };
    session.peers[peer.id] = peer;
    session.updated_at = rfc3339(now);
    this.emit(room, "peer.join.success", {
      ...this.common(room, session),
      ...this.peerFields(peer),
      joined_at: peer.joined_at,
    });
    return peer;
  }

  /** A peer leaves; `reason` is one of the webhook's documented leave reasons. */
  leave(roomId: string, peerId: string, now: Date, reason = "client request", message = ""): HmsSessionPeer {
    return this.removePeer(roomId, peerId, now, reason, message, false);
  }

  private removePeer(roomId: string, peerId: string, now: Date, reason: string, message: string, roomEnd: boolean): HmsSessionPeer {
    const room = this.rooms.require(roomId);
    const session = this.active(roomId);
    const peer = session?.peers[peerId];
    if (!session || !peer || peer.left_at !== undefined) throw notFound("peer not found", `no peer ${peerId} in room ${roomId}`);
    peer.left_at = rfc3339(now);
    session.updated_at = rfc3339(now);
    this.emit(room, "peer.leave.success", {
      ...this.common(room, session),
      ...this.peerFields(peer),
      joined_at: peer.joined_at,
      left_at: peer.left_at,
      duration: secondsBetween(peer.joined_at, now),
      reason,
      message,
    });
    // Clients hear of it before the session closes, in the order 100ms would tell them.
    for (const l of this.listeners) l.peerLeft?.({ roomId, peerId, reason, message, roomEnd });
    if (this.currentPeers(session).length === 0) this.close(room, session, now);
    return peer;
  }

  /** GET /active-rooms/:id */
  activeRoom(roomId: string): object {
    const room = this.rooms.require(roomId);
    const session = this.requireActive(roomId);
    const summary = { id: room.id, name: room.name, customer_id: room.customer_id };
    if (!session) return { ...summary, session: null };
    return {
      ...summary,
      session: { id: session.id, created_at: session.created_at, peers: this.currentPeers(session).map((p) => p.id) },
    };
  }

  /** GET /active-rooms/:id/peers?user_id&role — an empty map when nothing matches. */
  activePeers(roomId: string, query: URLSearchParams): { peers: Record<string, object> } {
    this.rooms.require(roomId);
    const session = this.requireActive(roomId);
    const userId = query.get("user_id");
    const role = query.get("role");
    const peers: Record<string, object> = {};
    for (const p of session ? this.currentPeers(session) : []) {
      if ((userId === null || p.user_id === userId) && (role === null || p.role === role)) peers[p.id] = activePeer(p);
    }
    return { peers };
  }

  /** GET /active-rooms/:id/peers/:peerId — the emulator has no media, so no tracks. */
  activePeer(roomId: string, peerId: string): object {
    return { ...activePeer(this.requireCurrentPeer(roomId, peerId)), tracks: {} };
  }

  /** POST /active-rooms/:id/peers/:peerId */
  updatePeer(roomId: string, peerId: string, body: Body, now: Date): object {
    const peer = this.requireCurrentPeer(roomId, peerId);
    const name = optionalString(body, "name");
    const role = optionalString(body, "role");
    const metadata = optionalString(body, "metadata");
    if (role !== undefined && !this.ws.roles.includes(role)) throw badRequest("Invalid body param: role", `role ${role} is not in the template`);
    if (name !== undefined) peer.name = name;
    if (role !== undefined) peer.role = role;
    if (metadata !== undefined) peer.metadata = metadata;
    const session = this.active(roomId);
    if (session) session.updated_at = rfc3339(now);
    return { ...activePeer(peer), tracks: {} };
  }

  /** POST /active-rooms/:id/send-message — reaches the clients connected to the local media plane, if any. */
  sendMessage(roomId: string, body: Body): { message: string } {
    this.rooms.require(roomId);
    this.requireActive(roomId);
    const message = optionalString(body, "message");
    if (!message) throw badRequest("Invalid body param: message", "message is required");
    const event: RoomMessage = {
      roomId,
      message,
      type: optionalString(body, "type") ?? "chat",
      peerId: optionalString(body, "peer_id"),
      role: optionalString(body, "role"),
    };
    for (const l of this.listeners) l.messageSent?.(event);
    return { message: "message sent" };
  }

  /** POST /active-rooms/:id/remove-peers — `peer_id` wins over `role` (docs/100ms.md#active-rooms). */
  removePeers(roomId: string, body: Body, now: Date): { message: string } {
    this.rooms.require(roomId);
    const peerId = optionalString(body, "peer_id");
    const role = optionalString(body, "role");
    const reason = optionalString(body, "reason") ?? "";
    if (!peerId && !role) throw badRequest("Invalid body param: peer_id or role is required");
    const session = this.requireActive(roomId);
    if (peerId) {
      this.leave(roomId, this.requireCurrentPeer(roomId, peerId).id, now, "peer kicked", reason);
    } else if (session) {
      for (const p of this.currentPeers(session).filter((x) => x.role === role)) {
        this.leave(roomId, p.id, now, "peer kicked", reason);
      }
    }
    return { message: "peer remove request submitted" };
  }

  /**
   * POST /active-rooms/:id/end-room. Real 100ms ends asynchronously ("session is
   * ending"); the emulator finishes before answering so tests need not poll.
   */
  endRoom(roomId: string, body: Body, now: Date): { message: string } {
    const room = this.rooms.require(roomId);
    const reason = optionalString(body, "reason") ?? "";
    const lock = optionalBoolean(body, "lock") ?? false;
    const session = this.requireActive(roomId);
    if (lock) this.rooms.setEnabled(roomId, false, now);
    if (session) {
      this.emit(room, "room.end.success", {
        ...this.common(room, session),
        // Ended through the REST API, so no peer did it; `source` is our guess.
        peer_id: "",
        role: "",
        user_id: "",
        user_name: "",
        lock_room: lock,
        reason,
        source: "api",
        session_started_at: session.created_at,
      });
      for (const p of this.currentPeers(session)) this.removePeer(roomId, p.id, now, "server removed peer", reason, true);
    }
    return { message: "session is ending" };
  }

  /** GET /sessions — `active` defaults to true as the docs say (docs/100ms.md#sessions). */
  list(query: URLSearchParams): Page<HmsSession> {
    const roomId = query.get("room_id");
    const active = queryBoolean(query, "active") ?? true;
    const after = queryDate(query, "after");
    const before = queryDate(query, "before");
    const sessions = this.all().filter(
      (s) =>
        s.active === active &&
        (roomId === null || s.room_id === roomId) &&
        (after === undefined || new Date(s.created_at) > after) &&
        (before === undefined || new Date(s.created_at) < before),
    );
    return paginate(sessions, (s) => s.id, query);
  }

  /** GET /sessions/:id */
  require(id: string): HmsSession {
    const session = this.byId.get(id);
    if (!session) throw notFound("session not found", `no session with id ${id}`);
    return session;
  }

  private close(room: HmsRoom, session: HmsSession, now: Date): void {
    session.active = false;
    session.updated_at = rfc3339(now);
    this.activeByRoom.delete(room.id);
    this.emit(room, "session.close.success", {
      ...this.common(room, session),
      session_duration: secondsBetween(session.created_at, now),
      session_started_at: session.created_at,
      session_stopped_at: rfc3339(now),
    });
    this.lifecycle?.closed(room, session, now);
  }

  /** The live session, or undefined in "empty" mode; a 404 in "not-found" mode. */
  private requireActive(roomId: string): HmsSession | undefined {
    const session = this.active(roomId);
    if (!session && this.inactiveAnswer === "not-found") {
      throw notFound("active session not found", `room ${roomId} has no active session`);
    }
    return session;
  }

  private requireCurrentPeer(roomId: string, peerId: string): HmsSessionPeer {
    this.rooms.require(roomId);
    const peer = this.requireActive(roomId)?.peers[peerId];
    if (!peer || peer.left_at !== undefined) throw notFound("peer not found", `no peer ${peerId} in room ${roomId}`);
    return peer;
  }

  private currentPeers(session: HmsSession): HmsSessionPeer[] {
    return Object.values(session.peers).filter((p) => p.left_at === undefined);
  }

  private common(room: HmsRoom, session: HmsSession) {
    return { room_id: room.id, room_name: room.name, session_id: session.id, template_id: room.template_id };
  }

  private peerFields(p: HmsSessionPeer) {
    return {
      peer_id: p.id,
      role: p.role,
      user_id: p.user_id,
      user_name: p.name,
      user_data: p.metadata,
      type: "regular",
      session_started_at: this.byId.get(p.session_id)?.created_at,
    };
  }
}

function activePeer(p: HmsSessionPeer) {
  return { id: p.id, name: p.name, user_id: p.user_id, metadata: p.metadata, role: p.role, joined_at: p.joined_at };
}
