/**
 * One SDK client on the signalling socket: the JSON-RPC methods it sends in a session
 * (docs/100ms-media-plane.md#what-the-sdk-sends, #a-session-step-by-step) and what each does to the emulator's
 * session records, to the other peers and to the werift connections.
 */
import { randomUUID } from "node:crypto";
import type { WebSocket } from "ws";
import { HmsApiError } from "../hms-emulator/errors.js";
import type { HmsEmulator, Logger, PeerLeft } from "../hms-emulator/index.js";
import type { JoinRefusals } from "./faults.js";
import { parseIncoming, reply, replyError, RpcError } from "./json-rpc.js";
import { PeerMedia, PublishedTrack, type Target } from "./peer-media.js";
import { policyChange, rolePolicy } from "./roles.js";
import type { ConnectedPeer, MediaRooms, TrackState } from "./room.js";

/** A removal asked for over the socket (end-room, peer-leave-request), so the kicked peers learn who asked. */
export interface RemovalRequest {
  requestedBy: string;
  reason: string;
}

export interface SignallingContext {
  emulator: HmsEmulator;
  rooms: MediaRooms;
  logger: Logger;
  /** One node id for the whole plane: a different one in a later message would make the SDK migrate (docs/100ms-media-plane.md#what-the-server-sends). */
  sfuNodeId: string;
  /** In-flight removals keyed by peer id, or by `room:<roomId>` for an end-room. */
  removals: Map<string, RemovalRequest>;
  /** Joins a test asked to refuse (a forced fault). */
  joinRefusals: JoinRefusals;
}

/** How long a removed client gets to close its socket itself before we close it. */
const CLOSE_GRACE_MS = 2000;

type Handled = { result: object; after?: () => void };

export class SignallingClient {
  /** Messages are handled one at a time, in order: a trickle must not overtake the answer it belongs to. */
  private chain: Promise<void> = Promise.resolve();
  /** The emulator no longer lists this peer (it left, or the server removed it). */
  private leftEmulator = false;
  /** This peer asked to end the room: it sends `leave` itself, so it is not kicked. */
  private endingRoom = false;

  constructor(
    private readonly ctx: SignallingContext,
    private readonly socket: WebSocket,
    readonly peer: ConnectedPeer,
    private readonly token: string,
  ) {}

  start(): void {
    this.socket.on("message", (data) => this.enqueue(() => this.handle(data.toString())));
    this.socket.on("close", () => this.enqueue(() => this.closed()));
    const { workspace } = this.ctx.emulator;
    // The SDK waits for this, without a timeout, before preview and join can finish.
    this.peer.send("on-policy-change", policyChange(this.peer.role, workspace.roles, workspace.templateId));
  }

  /**
   * The emulator removed this peer (REST end-room or remove-peers, or a removal asked
   * over the socket). Nothing is said to a peer that ended the room itself: it leaves on its own.
   */
  removedByServer(event: PeerLeft, request: RemovalRequest | undefined): void {
    this.leftEmulator = true;
    if (this.endingRoom || this.peer.state !== "joined") return;
    this.peer.send("on-peer-leave-request", {
      requested_by: request?.requestedBy,
      reason: request?.reason || event.message || event.reason,
      room_end: event.roomEnd,
    });
    this.leaveRoom();
    // The SDK closes the socket itself after this notification; a client that does not is closed for it.
    setTimeout(() => this.socket.close(1000, "removed from the room"), CLOSE_GRACE_MS).unref();
  }

  /** A forced fault: the connection ends without a close handshake, as when the network goes. */
  drop(): void {
    this.socket.terminate();
  }

  private enqueue(task: () => Promise<void> | void): void {
    this.chain = this.chain.then(task).catch((e: unknown) => this.ctx.logger.warn({ err: describe(e), peerId: this.peer.id }, "local media plane: signalling error"));
  }

  private async handle(text: string): Promise<void> {
    const message = parseIncoming(text);
    if (message.kind === "invalid") {
      this.ctx.logger.warn({ peerId: this.peer.id, reason: message.reason }, "local media plane: unreadable signalling message");
      return;
    }
    if (message.kind === "notification") {
      await this.notification(message.method, message.params);
      return;
    }
    let handled: Handled;
    try {
      handled = await this.request(message.method, message.params);
    } catch (e) {
      this.sendRaw(replyError(message.id, toRpcError(e, this.ctx.logger)));
      return;
    }
    this.sendRaw(reply(message.id, handled.result));
    handled.after?.();
  }

  private async request(method: string, params: Record<string, unknown>): Promise<Handled> {
    switch (method) {
      case "ping":
        return { result: { timestamp: Date.now() } };
      case "join":
        return this.join(params);
      case "offer":
        return this.publishOffer(params);
      case "broadcast":
        return this.broadcast(params);
      case "end-room":
        return this.endRoom(params);
      case "peer-leave-request":
        return this.removeOther(params);
      default:
        throw new RpcError(404, `${method} is not implemented by the local media plane`);
    }
  }

  private async notification(method: string, params: Record<string, unknown>): Promise<void> {
    switch (method) {
      case "trickle": {
        const target = params.target === 1 ? 1 : 0;
        const candidate = params.candidate as { candidate?: string } | undefined;
        if (!this.peer.media || !candidate?.candidate) return;
        await this.peer.media.addCandidate(target as Target, candidate).catch((e: unknown) => {
          this.ctx.logger.warn({ peerId: this.peer.id, target, err: describe(e) }, "local media plane: ICE candidate refused");
        });
        return;
      }
      case "answer": {
        const sdp = (params.desc as { sdp?: unknown } | undefined)?.sdp;
        if (typeof sdp === "string") await this.peer.media?.applySubscribeAnswer(sdp);
        return;
      }
      case "track-update":
        this.trackUpdate(params);
        return;
      case "leave":
        this.leaveEmulator("client request");
        this.leaveRoom();
        return;
      default:
        // `analytics` and anything newer SDKs send: nothing to do.
        return;
    }
  }

  private async join(params: Record<string, unknown>): Promise<Handled> {
    if (this.peer.state !== "connected") throw new RpcError(400, "this peer has already joined");
    const refusal = this.ctx.joinRefusals.take(this.peer.userId);
    if (refusal) throw new RpcError(refusal.code, refusal.message);
    const { emulator } = this.ctx;
    // The token may have expired since the socket opened (preview can last long).
    await emulator.verifyAppToken(this.token);
    const offer = (params.offer as { sdp?: unknown } | undefined)?.sdp;
    if (typeof offer !== "string") throw new RpcError(400, "join needs a WebRTC offer (non-WebRTC joins are not supported locally)");
    this.peer.name = typeof params.name === "string" ? params.name : "";
    this.peer.data = typeof params.data === "string" ? params.data : "";
    const media = new PeerMedia(
      (sdp) => this.peer.send("offer", { type: "offer", sdp, sfu_node_id: this.ctx.sfuNodeId }),
      (track, receiver, streamId) => {
        const trackId = receiver.remoteTrackId ?? track.id ?? randomUUID();
        const state = this.peer.tracks.get(trackId);
        const published = new PublishedTrack(this.peer.id, trackId, state?.stream_id ?? streamId ?? trackId, track.kind as "audio" | "video", track, receiver);
        this.peer.published.set(trackId, published);
        if (this.peer.state === "joined") this.ctx.rooms.trackPublished(this.peer, published);
      },
      this.ctx.logger,
    );
    let answer: string;
    try {
      answer = await media.answerPublishOffer(offer);
    } catch (e) {
      await media.close();
      throw new RpcError(400, `the join offer could not be answered: ${describe(e)}`);
    }
    try {
      emulator.joinPeer(this.peer.roomId, {
        peerId: this.peer.id,
        // 100ms fills in a user id when the token has none; the peer id is as good locally.
        userId: this.peer.userId,
        role: this.peer.role,
        name: this.peer.name,
        metadata: this.peer.data,
      });
    } catch (e) {
      await media.close();
      throw e;
    }
    this.peer.media = media;
    this.peer.joinedAt = Date.now();
    const session = emulator.activeSession(this.peer.roomId);
    const room = { name: emulator.room(this.peer.roomId)?.name ?? "", sessionId: session?.id, startedAt: session ? Date.parse(session.created_at) : undefined };
    return {
      result: { type: "answer", sdp: answer, sfu_node_id: this.ctx.sfuNodeId },
      after: () => this.ctx.rooms.joinedRoom(this.peer, room),
    };
  }

  /** One `offer` per published track; `tracks` holds every track the peer publishes now. */
  private async publishOffer(params: Record<string, unknown>): Promise<Handled> {
    const media = this.requireJoined();
    const sdp = (params.desc as { sdp?: unknown } | undefined)?.sdp;
    if (typeof sdp !== "string") throw new RpcError(400, "offer needs desc.sdp");
    const announced = readTracks(params.tracks);
    const added = announced.filter((t) => !this.peer.tracks.has(t.track_id));
    const removed = [...this.peer.tracks.values()].filter((t) => !announced.some((a) => a.track_id === t.track_id));
    for (const t of removed) {
      this.peer.tracks.delete(t.track_id);
      this.peer.published.delete(t.track_id);
    }
    // Known before the answer, because werift reports the new track while applying the offer.
    for (const t of announced) this.peer.tracks.set(t.track_id, t);
    const answer = await media.answerPublishOffer(sdp);
    return {
      result: { type: "answer", sdp: answer, sfu_node_id: this.ctx.sfuNodeId },
      after: () => {
        this.ctx.rooms.tracksAdded(this.peer, added);
        this.ctx.rooms.tracksRemoved(this.peer, removed);
      },
    };
  }

  private trackUpdate(params: Record<string, unknown>): void {
    if (this.peer.state !== "joined") return;
    const updated = readTracks(params.tracks).filter((t) => this.peer.tracks.has(t.track_id));
    for (const t of updated) this.peer.tracks.set(t.track_id, t);
    if (updated.length > 0) this.ctx.rooms.tracksUpdated(this.peer, updated);
  }

  /** Chat. The sender shows its own copy from our reply, so it never gets the message back. */
  private broadcast(params: Record<string, unknown>): Handled {
    this.requireJoined();
    const info = params.info as { message?: unknown; type?: unknown } | undefined;
    if (!info || info.message === undefined) throw new RpcError(400, "broadcast needs info.message");
    const roles = Array.isArray(params.roles) ? params.roles.filter((r): r is string => typeof r === "string") : [];
    const to = typeof params.peer_id === "string" ? params.peer_id : undefined;
    const messageId = randomUUID();
    const timestamp = Date.now();
    const recipients = this.ctx.rooms
      .others(this.peer)
      .filter((p) => (to !== undefined ? p.id === to : roles.length === 0 || roles.includes(p.role)));
    return {
      result: { message_id: messageId, timestamp },
      after: () => {
        for (const p of recipients) {
          p.send("on-broadcast", { peer: this.peer.info(), roles, private: to !== undefined, timestamp, message_id: messageId, info });
        }
      },
    };
  }

  private endRoom(params: Record<string, unknown>): Handled {
    this.requireJoined();
    if (!rolePolicy(this.peer.role, this.ctx.emulator.workspace.roles).permissions.endRoom) {
      throw new RpcError(403, `the ${this.peer.role} role may not end the room`);
    }
    const reason = typeof params.reason === "string" ? params.reason : "";
    const key = `room:${this.peer.roomId}`;
    this.endingRoom = true;
    this.ctx.removals.set(key, { requestedBy: this.peer.id, reason });
    try {
      this.ctx.emulator.endRoom(this.peer.roomId, { reason, lock: params.lock === true });
    } finally {
      this.ctx.removals.delete(key);
    }
    return { result: {} };
  }

  private removeOther(params: Record<string, unknown>): Handled {
    this.requireJoined();
    if (!rolePolicy(this.peer.role, this.ctx.emulator.workspace.roles).permissions.removeOthers) {
      throw new RpcError(403, `the ${this.peer.role} role may not remove others`);
    }
    const target = typeof params.requested_for === "string" ? params.requested_for : "";
    if (!this.ctx.rooms.others(this.peer).some((p) => p.id === target)) throw new RpcError(404, "peer not found");
    const reason = typeof params.reason === "string" ? params.reason : "";
    this.ctx.removals.set(target, { requestedBy: this.peer.id, reason });
    try {
      this.ctx.emulator.leavePeer(this.peer.roomId, target, "peer kicked");
    } finally {
      this.ctx.removals.delete(target);
    }
    return { result: {} };
  }

  private closed(): void {
    // Without `leave` first, this is a dropped connection. The SDK would reconnect with
    // the same peer id; that is not supported here, so the peer leaves at once.
    this.leaveEmulator("websocket closed");
    this.leaveRoom();
    // Only now: closing the connections while the SDK still holds them makes it log data channel errors.
    void this.peer.media?.close();
  }

  private requireJoined(): PeerMedia {
    if (this.peer.state !== "joined" || !this.peer.media) throw new RpcError(400, "join the room first");
    return this.peer.media;
  }

  /** Records the leave in the emulator (webhooks) unless it already knows. */
  private leaveEmulator(reason: string): void {
    if (this.leftEmulator || this.peer.state !== "joined") return;
    this.leftEmulator = true;
    try {
      this.ctx.emulator.leavePeer(this.peer.roomId, this.peer.id, reason);
    } catch (e) {
      // Already gone there (e.g. the room ended while this peer was leaving).
      if (!(e instanceof HmsApiError && e.status === 404)) throw e;
    }
  }

  /** Others see this peer go and stop receiving its tracks. Idempotent. */
  private leaveRoom(): void {
    if (this.peer.state !== "gone") this.ctx.rooms.remove(this.peer);
  }

  private sendRaw(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }
}

function readTracks(value: unknown): TrackState[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value as Record<string, Partial<TrackState>>)
    .filter((t) => typeof t?.track_id === "string" && (t.type === "audio" || t.type === "video"))
    .map((t) => ({
      type: t.type!,
      source: typeof t.source === "string" ? t.source : "regular",
      description: typeof t.description === "string" ? t.description : "",
      mute: t.mute === true,
      track_id: t.track_id!,
      stream_id: typeof t.stream_id === "string" ? t.stream_id : "",
    }));
}

/** The SDK shows `message`; the emulator's details say why, so they go in too. */
export function toRpcError(e: unknown, logger: Logger): RpcError {
  if (e instanceof RpcError) return e;
  if (e instanceof HmsApiError) return new RpcError(e.status, [e.message, ...e.details].join(": "));
  logger.warn({ err: describe(e) }, "local media plane: internal error");
  return new RpcError(500, "internal error in the local media plane");
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
