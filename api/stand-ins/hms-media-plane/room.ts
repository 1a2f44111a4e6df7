/**
 * Who is connected to which room, and what every other peer hears when someone joins,
 * publishes, mutes or leaves (docs/100ms-media-plane.md#what-the-server-sends). The shapes are the SDK's
 * `PeerNotification` and `TrackState`; dates are epoch milliseconds.
 */
import type { WebSocket } from "ws";
import { notification } from "./json-rpc.js";
import type { PeerMedia, PublishedTrack } from "./peer-media.js";

export interface TrackState {
  type: "audio" | "video";
  source: string;
  description: string;
  mute: boolean;
  track_id: string;
  stream_id: string;
}

/** A signalling client: connected once its socket opens, joined once `join` succeeded. */
export class ConnectedPeer {
  state: "connected" | "joined" | "gone" = "connected";
  name = "";
  data = "";
  joinedAt = 0;
  /** What the peer announced in its `offer` and `track-update` requests, by track id. */
  readonly tracks = new Map<string, TrackState>();
  /** Its tracks whose RTP has a werift receiver, by track id. */
  readonly published = new Map<string, PublishedTrack>();
  media?: PeerMedia;

  constructor(
    readonly id: string,
    readonly roomId: string,
    readonly role: string,
    readonly userId: string,
    private readonly socket: WebSocket,
  ) {}

  send(method: string, params: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(notification(method, params));
  }

  /** `PeerInfo`: what `on-track-add`, `on-track-update` and `on-broadcast` name the sender with. */
  info() {
    return { peer_id: this.id, role: this.role, groups: [], info: { name: this.name, data: this.data, user_id: this.userId, type: "regular" } };
  }

  /** `PeerNotification`: `realtime: true`, or the SDK treats the peer as gone. */
  notification() {
    return { ...this.info(), joined_at: this.joinedAt, tracks: Object.fromEntries(this.tracks), realtime: true };
  }
}

export class MediaRooms {
  private readonly byRoom = new Map<string, Map<string, ConnectedPeer>>();

  add(peer: ConnectedPeer): void {
    let room = this.byRoom.get(peer.roomId);
    if (!room) this.byRoom.set(peer.roomId, (room = new Map()));
    room.set(peer.id, peer);
  }

  get(roomId: string, peerId: string): ConnectedPeer | undefined {
    return this.byRoom.get(roomId)?.get(peerId);
  }

  /** Joined peers of the room (not those still in preview). */
  joined(roomId: string): ConnectedPeer[] {
    return [...(this.byRoom.get(roomId)?.values() ?? [])].filter((p) => p.state === "joined");
  }

  others(peer: ConnectedPeer): ConnectedPeer[] {
    return this.joined(peer.roomId).filter((p) => p !== peer);
  }

  all(): ConnectedPeer[] {
    return [...this.byRoom.values()].flatMap((room) => [...room.values()]);
  }

  /** A peer finished joining: it learns who is there, and they learn of it. */
  joinedRoom(peer: ConnectedPeer, room: { name: string; sessionId?: string; startedAt?: number }): void {
    peer.state = "joined";
    const others = this.others(peer);
    peer.send("peer-list", {
      peers: Object.fromEntries(others.map((p) => [p.id, p.notification()])),
      room: { name: room.name, session_id: room.sessionId, started_at: room.startedAt },
    });
    for (const other of others) other.send("on-peer-join", peer.notification());
    // Always at least once: the first subscribe offer carries the `ion-sfu` channel the SDK waits for.
    peer.media?.forward(others.flatMap((p) => [...p.published.values()]));
  }

  /** New tracks announced in a publish `offer`: the others map incoming RTP to this peer with them. */
  tracksAdded(peer: ConnectedPeer, tracks: TrackState[]): void {
    if (tracks.length === 0) return;
    for (const other of this.others(peer)) other.send("on-track-add", { peer: peer.info(), tracks: byId(tracks) });
  }

  tracksRemoved(peer: ConnectedPeer, tracks: TrackState[]): void {
    if (tracks.length === 0) return;
    for (const other of this.others(peer)) {
      for (const t of tracks) other.media?.stopForwarding(t.track_id);
      other.send("on-track-remove", { peer: peer.info(), tracks: byId(tracks) });
    }
  }

  tracksUpdated(peer: ConnectedPeer, tracks: TrackState[]): void {
    for (const other of this.others(peer)) other.send("on-track-update", { peer: peer.info(), tracks: byId(tracks) });
  }

  /** RTP of a peer's track reached us: every other joined peer starts receiving it. */
  trackPublished(peer: ConnectedPeer, track: PublishedTrack): void {
    for (const other of this.others(peer)) other.media?.forward([track]);
  }

  /** Removes the peer; if it had joined, the others see it leave and stop receiving its tracks. */
  remove(peer: ConnectedPeer): void {
    const wasJoined = peer.state === "joined";
    peer.state = "gone";
    const room = this.byRoom.get(peer.roomId);
    room?.delete(peer.id);
    if (room?.size === 0) this.byRoom.delete(peer.roomId);
    if (!wasJoined) return;
    for (const other of this.others(peer)) {
      for (const trackId of peer.published.keys()) other.media?.stopForwarding(trackId);
      other.send("on-peer-leave", peer.notification());
    }
  }
}

function byId(tracks: TrackState[]): Record<string, TrackState> {
  return Object.fromEntries(tracks.map((t) => [t.track_id, t]));
}
