/**
 * For tests: a client that speaks to the media plane the way @100mslive/hms-video-store
 * 0.15.0 does (docs/100ms-media-plane.md#a-session-step-by-step): init, the signalling socket, a publish connection whose
 * join offer holds only the `ion-sfu` data channel, a subscribe connection that answers
 * the server's offers, and one publish `offer` per track. werift stands in for the
 * browser's WebRTC, so the whole exchange runs in Node without Chromium.
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, useOPUS, useVP8 } from "werift";
import { WebSocket } from "ws";

export interface Received {
  method: string;
  params: any;
}

export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const USER_AGENT = "os:web_Linux,sdk:web,sdk_version:0.15.0,framework:js";

export async function mintAppToken(
  creds: { accessKey: string; secret: string },
  claims: { roomId: string; role: string; userId: string; type?: string; expiresIn?: number; secret?: string },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ access_key: creds.accessKey, type: claims.type ?? "app", version: 2, room_id: claims.roomId, role: claims.role, user_id: claims.userId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setJti(randomUUID())
    .setIssuedAt(now - 10)
    .setNotBefore(now - 10)
    .setExpirationTime(now + (claims.expiresIn ?? 3600))
    .sign(new TextEncoder().encode(claims.secret ?? creds.secret));
}

/** GET /init as the SDK sends it. */
export async function fetchInit(origin: string, token: string, peerId: string): Promise<{ status: number; body: any; headers: Headers }> {
  const url = new URL("/init", origin);
  url.searchParams.set("peer_id", peerId);
  url.searchParams.set("user_agent_v2", USER_AGENT);
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, origin: "http://127.0.0.1:3000" } });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

function pcConfig() {
  return { iceServers: [], iceUseIpv6: false, codecs: { audio: [useOPUS()], video: [useVP8()] }, iceAdditionalHostAddresses: ["127.0.0.1"] };
}

export class SdkLikeClient {
  readonly peerId = randomUUID();
  readonly received: Received[] = [];
  readonly publish = new RTCPeerConnection(pcConfig());
  readonly subscribe = new RTCPeerConnection(pcConfig());
  /** Tracks that arrived on the subscribe connection, with the msid the server gave them and their packet count. */
  readonly remoteTracks: { trackId?: string; streamId?: string; kind: string; packets: number }[] = [];
  /** Keyframe requests the server sent for our published video. */
  keyframeRequests = 0;
  subscribeChannelLabel?: string;
  private socket!: WebSocket;
  private readonly pending = new Map<string, { resolve(v: any): void; reject(e: Error): void }>();
  private readonly waiters: { match(r: Received): boolean; resolve(r: Received): void }[] = [];
  private readonly announced = new Map<string, object>();
  private closedCode?: number;

  constructor(
    private readonly origin: string,
    readonly token: string,
    readonly name: string,
    /** The SDK closes its socket itself when removed; false plays a client that does not. */
    private readonly closeWhenRemoved = true,
  ) {
    this.subscribe.ondatachannel = (e) => {
      this.subscribeChannelLabel = e.channel.label;
    };
    this.subscribe.ontrack = (e) => {
      const entry = { trackId: e.receiver.remoteTrackId, streamId: e.streams[0]?.id, kind: e.track.kind, packets: 0 };
      this.remoteTracks.push(entry);
      e.track.onReceiveRtp.subscribe(() => entry.packets++);
    };
  }

  /** init, then the socket; resolves once the socket is open. */
  async connect(): Promise<void> {
    const init = await fetchInit(this.origin, this.token, this.peerId);
    if (init.status !== 200) throw new RpcFailure(init.body.code, init.body.message);
    const url = new URL(init.body.endpoint);
    url.searchParams.set("peer", this.peerId);
    url.searchParams.set("token", this.token);
    url.searchParams.set("user_agent_v2", USER_AGENT);
    url.searchParams.set("protocol_version", "2.5");
    url.searchParams.set("protocol_spec", "20250115");
    this.socket = new WebSocket(url);
    this.socket.on("message", (data) => this.onMessage(JSON.parse(data.toString())));
    this.socket.on("close", (code) => {
      this.closedCode = code;
      for (const p of this.pending.values()) p.reject(new Error("socket closed"));
    });
    await new Promise<void>((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
    });
  }

  /** The SDK's join: data channel on the publish connection, offer in `join`, answer applied. */
  async join(): Promise<any> {
    await this.waitFor("on-policy-change");
    this.publish.createDataChannel("ion-sfu", { protocol: "SCTP" });
    await this.publish.setLocalDescription(await this.publish.createOffer());
    const answer = await this.call("join", {
      name: this.name,
      data: "",
      offer: { type: "offer", sdp: this.publish.localDescription!.sdp },
      disableVidAutoSub: true,
      server_sub_degrade: false,
      simulcast: false,
      onDemandTracks: false,
    });
    await this.publish.setRemoteDescription({ type: "answer", sdp: answer.sdp });
    return answer;
  }

  /** Publishes a track as the SDK does (one `offer` per track); answers a writer for its RTP. */
  async publishTrack(kind: "audio" | "video"): Promise<{ trackId: string; streamId: string; write(): void }> {
    const track = new MediaStreamTrack({ kind });
    const transceiver = this.publish.addTransceiver(track, { direction: "sendonly" });
    const trackId = randomUUID();
    const streamId = randomUUID();
    transceiver.sender.streamId = streamId;
    (transceiver.sender as { trackId: string }).trackId = trackId;
    transceiver.sender.onPictureLossIndication.subscribe(() => this.keyframeRequests++);
    this.announced.set(trackId, { type: kind, source: "regular", description: "", mute: false, track_id: trackId, stream_id: streamId });
    await this.publish.setLocalDescription(await this.publish.createOffer());
    const answer = await this.call("offer", { desc: { type: "offer", sdp: this.publish.localDescription!.sdp }, tracks: Object.fromEntries(this.announced) });
    await this.publish.setRemoteDescription({ type: "answer", sdp: answer.sdp });
    let sequenceNumber = 1;
    let timestamp = 1000;
    const ssrc = 0x1234 + this.announced.size;
    return {
      trackId,
      streamId,
      write: () => {
        // Any payload will do: the forwarder passes packets on without looking inside.
        const header = new RtpHeader({ payloadType: kind === "video" ? 96 : 111, sequenceNumber: sequenceNumber++, timestamp: (timestamp += 3000), ssrc, marker: true });
        track.writeRtp(new RtpPacket(header, Buffer.from([0x10, 0x00, 0x9d, 0x01, 0x2a])));
      },
    };
  }

  call(method: string, params: object): Promise<any> {
    const id = randomUUID();
    this.socket.send(JSON.stringify({ method, params, id, jsonrpc: "2.0" }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method: string, params: object): void {
    this.socket.send(JSON.stringify({ method, params }));
  }

  /** The first notification (past or future) with this method that matches. */
  waitFor(method: string, match: (params: any) => boolean = () => true): Promise<any> {
    const seen = this.received.find((r) => r.method === method && match(r.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve) => this.waiters.push({ match: (r) => r.method === method && match(r.params), resolve: (r) => resolve(r.params) }));
  }

  notifications(method: string): any[] {
    return this.received.filter((r) => r.method === method).map((r) => r.params);
  }

  /** Resolves with the close code once the server or we closed the socket. */
  closed(): Promise<number> {
    if (this.closedCode !== undefined) return Promise.resolve(this.closedCode);
    return new Promise((resolve) => this.socket.once("close", (code) => resolve(code)));
  }

  /** The SDK's own leave: `leave`, then close 1000. */
  async leave(): Promise<void> {
    this.notify("leave", { client_reason: "user request" });
    this.socket.close(1000);
    await this.closed();
    await this.dispose();
  }

  async dispose(): Promise<void> {
    if (this.socket && this.closedCode === undefined) this.socket.terminate();
    await Promise.allSettled([this.publish.close(), this.subscribe.close()]);
  }

  private onMessage(message: any): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.result) pending?.resolve(message.result);
      else pending?.reject(new RpcFailure(message.error?.code, message.error?.message));
      return;
    }
    const r: Received = { method: message.method, params: message.params };
    this.received.push(r);
    // An offer that arrives as the test drops the connection finds the peer connection closed:
    // nobody is left to answer, as the SDK would leave it (not an unhandled rejection).
    if (r.method === "offer") this.answerSubscribeOffer(r.params.sdp).catch((error: unknown) => {
      if (this.subscribe.connectionState !== "closed") throw error;
    });
    // The SDK leaves without sending `leave` (docs/100ms-media-plane.md#what-the-server-sends).
    if (r.method === "on-peer-leave-request" && this.closeWhenRemoved) this.socket.close(1000);
    for (const w of [...this.waiters]) {
      if (w.match(r)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(r);
      }
    }
  }

  private async answerSubscribeOffer(sdp: string): Promise<void> {
    await this.subscribe.setRemoteDescription({ type: "offer", sdp });
    await this.subscribe.setLocalDescription(await this.subscribe.createAnswer());
    this.notify("answer", { desc: { type: "answer", sdp: this.subscribe.localDescription!.sdp } });
  }
}
