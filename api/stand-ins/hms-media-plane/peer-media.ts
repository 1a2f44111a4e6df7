/**
 * The two WebRTC connections the SDK keeps with its SFU (docs/100ms-media-plane.md#peer-connections), held
 * by werift on our side, and the forwarding of other peers' RTP into this peer's
 * subscribe connection. No RTP is parsed or produced here: packets are passed on as
 * they come, werift rewrites SSRC, payload type and sequence numbers per subscriber.
 */
import {
  type MediaStreamTrack,
  type RTCDataChannel,
  RTCPeerConnection,
  type RTCRtpReceiver,
  type RtpPacket,
  useOPUS,
  useVP8,
} from "werift";

/** How long a subscribe offer may wait for its answer before the queue moves on. */
const ANSWER_TIMEOUT_MS = 10_000;

export interface MediaLogger {
  warn(obj: object, msg?: string): void;
}

/** SDK signalling targets: 0 is the publish connection, 1 the subscribe one. */
export type Target = 0 | 1;

function newPeerConnection(): RTCPeerConnection {
  return new RTCPeerConnection({
    // werift's default is a public STUN server; offline it would only delay gathering.
    iceServers: [],
    iceUseIpv6: false,
    bundlePolicy: "max-bundle",
    // One codec per kind, so whatever one browser publishes every other can decode.
    codecs: { audio: [useOPUS()], video: [useVP8()] },
    // werift skips loopback when gathering; on a machine with only `lo` (some CI) this
    // is the one address both sides share.
    iceAdditionalHostAddresses: ["127.0.0.1"],
    // The forwarder's UDP sockets listen on loopback only, like the stand-in's HTTP side:
    // nothing on the network can send media into it. (A browser on this machine reaches
    // 127.0.0.1 from any of its own addresses.)
    iceInterfaceAddresses: { udp4: "127.0.0.1" },
  });
}

/**
 * The SDP without candidates on other addresses. werift gathers every host address and,
 * when its sockets are bound to loopback (`iceInterfaceAddresses`), still names those
 * addresses in its candidates, with ports that are really 127.0.0.1's: they could never
 * connect, and they would tell the browser the machine's network addresses for nothing.
 */
export function loopbackCandidatesOnly(sdp: string): string {
  return sdp
    .split("\r\n")
    .filter((line) => !line.startsWith("a=candidate:") || line.split(" ")[4] === "127.0.0.1")
    .join("\r\n");
}

/** A track a peer publishes, as the forwarder sees it. */
export class PublishedTrack {
  /** The SSRC the publisher actually sends with (the SDP may not say). */
  private ssrc?: number;
  private keyframeWanted = false;

  constructor(
    readonly publisherId: string,
    /** The SDK's `track_id` (the msid track id in the publish SDP). */
    readonly trackId: string,
    readonly streamId: string,
    readonly kind: "audio" | "video",
    private readonly track: MediaStreamTrack,
    private readonly receiver: RTCRtpReceiver,
  ) {
    this.track.onReceiveRtp.subscribe((rtp) => {
      this.ssrc = rtp.header.ssrc;
      if (this.keyframeWanted) this.requestKeyframe();
    });
  }

  onRtp(listener: (rtp: RtpPacket) => void): () => void {
    return this.track.onReceiveRtp.subscribe((rtp) => listener(rtp)).unSubscribe;
  }

  /** Asks the publisher for a keyframe, so a new or recovering subscriber can start decoding. */
  requestKeyframe(): void {
    if (this.kind !== "video") return;
    const ssrc = this.track.ssrc ?? this.ssrc;
    // Before the publisher's connection is up (or its first packet names the SSRC) a PLI
    // would be lost: ask again as soon as a packet arrives.
    const ready = ssrc !== undefined && this.receiver.dtlsTransport?.state === "connected";
    this.keyframeWanted = !ready;
    if (ready) void this.receiver.sendRtcpPLI(ssrc).catch(() => undefined);
  }
}

interface Forwarding {
  track: PublishedTrack;
  stop(): void;
}

/**
 * One peer's publish connection (the browser offers: first the `ion-sfu` data channel
 * in `join`, then one `offer` per track) and subscribe connection (we offer, with our own
 * `ion-sfu` data channel for the SDK's layer requests, and one sendonly m-line per
 * forwarded track). Subscribe offers go one at a time: a new offer before the previous
 * answer would put the browser in a glare it does not handle.
 */
export class PeerMedia {
  readonly publish = newPeerConnection();
  readonly subscribe = newPeerConnection();
  private readonly api: RTCDataChannel;
  private readonly forwarded = new Map<string, Forwarding>();
  private wanted: PublishedTrack[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pendingAnswer?: { resolve(): void; reject(e: Error): void };
  private negotiated = false;
  private closed = false;

  constructor(
    private readonly sendOffer: (sdp: string) => void,
    onPublishedTrack: (track: MediaStreamTrack, receiver: RTCRtpReceiver, streamId: string | undefined) => void,
    private readonly log: MediaLogger,
  ) {
    this.api = this.subscribe.createDataChannel("ion-sfu", { protocol: "SCTP" });
    this.api.onMessage.subscribe((data) => this.answerApiRequest(data));
    this.publish.ontrack = (e) => onPublishedTrack(e.track, e.receiver, e.streams[0]?.id);
  }

  /** Answers an offer on the publish connection: the join offer or a track's renegotiation. */
  async answerPublishOffer(sdp: string): Promise<string> {
    await this.publish.setRemoteDescription({ type: "offer", sdp });
    await this.publish.setLocalDescription(await this.publish.createAnswer());
    return loopbackCandidatesOnly(this.publish.localDescription!.sdp);
  }

  async addCandidate(target: Target, candidate: { candidate?: string; sdpMid?: string; sdpMLineIndex?: number; usernameFragment?: string }) {
    const pc = target === 0 ? this.publish : this.subscribe;
    await pc.addIceCandidate(candidate);
  }

  /** The browser's answer to our latest subscribe offer. */
  async applySubscribeAnswer(sdp: string): Promise<void> {
    await this.subscribe.setRemoteDescription({ type: "answer", sdp });
    this.pendingAnswer?.resolve();
  }

  /** Starts (or, with no tracks, just opens) the subscribe connection carrying these tracks. */
  forward(tracks: readonly PublishedTrack[]): void {
    this.wanted.push(...tracks);
    this.queue = this.queue.then(() => this.negotiate()).catch((e: unknown) => {
      if (!this.closed) this.log.warn({ err: e instanceof Error ? e.message : String(e) }, "subscribe renegotiation failed");
    });
  }

  /**
   * Stops sending a track that is gone (its publisher left or unpublished). The m-line
   * stays in the session: the SDK drops the remote track on `on-peer-leave` or
   * `on-track-remove`, and werift reuses the inactive m-line for a later track.
   */
  stopForwarding(trackId: string): void {
    this.forwarded.get(trackId)?.stop();
    this.forwarded.delete(trackId);
    this.wanted = this.wanted.filter((t) => t.trackId !== trackId);
  }

  /** Resolves once every queued subscribe negotiation has been answered (tests wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const f of this.forwarded.values()) f.stop();
    this.forwarded.clear();
    this.pendingAnswer?.reject(new Error("peer closed"));
    await Promise.allSettled([this.publish.close(), this.subscribe.close()]);
  }

  private async negotiate(): Promise<void> {
    if (this.closed) return;
    const adding = this.wanted.filter((t, i, all) => !this.forwarded.has(t.trackId) && all.findIndex((x) => x.trackId === t.trackId) === i);
    this.wanted = [];
    if (adding.length === 0 && this.negotiated) return;
    for (const track of adding) this.startForwarding(track);
    await this.subscribe.setLocalDescription(await this.subscribe.createOffer());
    const answered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no answer to the subscribe offer")), ANSWER_TIMEOUT_MS);
      timer.unref();
      this.pendingAnswer = {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
    this.sendOffer(loopbackCandidatesOnly(this.subscribe.localDescription!.sdp));
    await answered;
    this.pendingAnswer = undefined;
    this.negotiated = true;
    // The publisher's last keyframe went by long ago; without a fresh one the new subscriber shows nothing.
    for (const track of adding) track.requestKeyframe();
  }

  private startForwarding(track: PublishedTrack): void {
    const transceiver = this.subscribe.addTransceiver(track.kind, { direction: "sendonly" });
    // The SDK finds a remote track's owner by the msid (docs/100ms-media-plane.md#how-a-track-finds-its-peer), so it must carry the publisher's ids.
    transceiver.sender.streamId = track.streamId;
    (transceiver.sender as { trackId: string }).trackId = track.trackId;
    const sender = transceiver.sender;
    const stopRtp = track.onRtp((rtp) => {
      const copy = rtp.clone();
      // Extension ids were negotiated with the publisher, not with this subscriber.
      copy.header.extensions = [];
      void sender.sendRtp(copy).catch(() => undefined);
    });
    const pli = sender.onPictureLossIndication.subscribe(() => track.requestKeyframe());
    this.forwarded.set(track.trackId, {
      track,
      stop: () => {
        stopRtp();
        pli.unSubscribe();
      },
    });
  }

  /** The SDK's layer and audio preferences (`prefer-*-track-state`): we forward everything anyway, so just agree. */
  private answerApiRequest(data: string | Buffer): void {
    let id: unknown;
    try {
      id = (JSON.parse(data.toString()) as { id?: unknown }).id;
    } catch {
      return;
    }
    if (typeof id !== "string" && typeof id !== "number") return;
    if (this.api.readyState === "open") this.api.send(JSON.stringify({ jsonrpc: "2.0", id, result: {} }));
  }
}
