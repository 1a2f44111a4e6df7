/**
 * Faults forced on the local media plane, so the room page's recovery ("Try again") can be
 * seen working in tests and by hand: a join refused, or a connection dropped the way a
 * network loss drops it. Stand-in only, like the plane itself.
 */

export interface JoinRefusal {
  /** Only a join by this user (the token's `user_id`); any join when absent. */
  userId?: string;
  /**
   * The JSON-RPC error code. The SDK retries 5xx and 429 on its own for up to a minute,
   * so the default 400 is one it gives up on at once and reports to the page.
   */
  code: number;
  message: string;
}

export interface DropTarget {
  roomId?: string;
  userId?: string;
}

export interface MediaPlaneFaults {
  /** The next join (of `userId`, if given) is answered with an error instead of entering the room. */
  refuseNextJoin(refusal?: Partial<JoinRefusal>): void;
  /**
   * Cuts the signalling sockets of the matching joined peers without a close handshake (as a
   * lost network does); answers how many were cut. The SDK then tries to resume, which this
   * plane refuses (see `LostPeers`), and the page shows its error.
   */
  dropConnections(target: DropTarget): number;
}

/** Join refusals waiting for their join, used in order. */
export class JoinRefusals {
  private readonly queue: JoinRefusal[] = [];

  add(refusal: Partial<JoinRefusal> = {}): void {
    this.queue.push({ code: refusal.code ?? 400, message: refusal.message ?? "join refused (a fault injected into the local media plane)", userId: refusal.userId });
  }

  /** The refusal that applies to this join, removed from the queue; undefined when none does. */
  take(userId: string): JoinRefusal | undefined {
    const i = this.queue.findIndex((r) => r.userId === undefined || r.userId === userId);
    return i < 0 ? undefined : this.queue.splice(i, 1)[0];
  }
}

/**
 * Peer ids whose socket has closed. 100ms resumes such a peer when the SDK comes back with
 * the same id; this plane cannot (docs/100ms-media-plane.md#reconnects). Answering the SDK's resume at
 * `/init` with a 410 makes it give up at once with a terminal error, instead of retrying
 * for a minute against a refused socket (whose URL, holding the token, Chromium would print).
 */
export class LostPeers {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 10_000) {}

  add(peerId: string): void {
    this.ids.add(peerId);
    // Oldest first: a Set iterates in insertion order.
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value!);
  }

  has(peerId: string): boolean {
    return this.ids.has(peerId);
  }
}
