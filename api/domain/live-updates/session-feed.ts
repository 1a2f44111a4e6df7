/**
 * Session changes as they happen, for live subscriptions. Every change that writes an event to
 * the webhook outbox also NOTIFYs (api/repositories/session-changes.ts), in the same transaction;
 * each instance LISTENs once and fans the notifications out to its own subscribers, so a change
 * made through any instance reaches subscribers on all of them with no broker but PostgreSQL
 * (PGlite's LISTEN/NOTIFY serves the embedded database the same way).
 */
import type { Logger } from "pino";
import { SESSION_CHANGES_CHANNEL } from "../../repositories/session-changes.js";

export interface SessionChange {
  sessionId: string;
  expertId: string;
}

/** LISTEN on the database (api/db/client.ts): resolves with the way to stop. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export interface SessionFeed {
  /** Changes that `match`, from now on, until the iterator is returned (the subscriber left). */
  changes(match: (change: SessionChange) => boolean): AsyncIterableIterator<SessionChange>;
  /** Subscribers on this instance now. */
  size(): number;
  close(): Promise<void>;
}

/** A subscriber that falls this far behind loses the oldest changes: it re-reads the row anyway. */
const MAX_QUEUED = 100;

export async function startSessionFeed(listen: Listen, logger: Logger): Promise<SessionFeed> {
  const subscribers = new Set<(change: SessionChange) => void>();
  const unlisten = await listen(SESSION_CHANGES_CHANNEL, (payload) => {
    let change: SessionChange;
    try {
      change = JSON.parse(payload) as SessionChange;
    } catch {
      logger.warn({ payload }, "an unreadable session change notification was ignored");
      return;
    }
    for (const deliver of subscribers) deliver(change);
  });

  return {
    size: () => subscribers.size,
    changes(match) {
      const queue: SessionChange[] = [];
      let wake: ((r: IteratorResult<SessionChange>) => void) | undefined;
      let done = false;
      const deliver = (change: SessionChange) => {
        if (done || !match(change)) return;
        if (wake) {
          const w = wake;
          wake = undefined;
          w({ value: change, done: false });
          return;
        }
        // Many notifications of one session while the subscriber is busy are one change to it.
        if (queue.some((q) => q.sessionId === change.sessionId)) return;
        queue.push(change);
        if (queue.length > MAX_QUEUED) queue.shift();
      };
      subscribers.add(deliver);
      const finish = (): Promise<IteratorResult<SessionChange>> => {
        done = true;
        subscribers.delete(deliver);
        wake?.({ value: undefined, done: true });
        wake = undefined;
        return Promise.resolve({ value: undefined, done: true });
      };
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next: () => {
          if (done) return Promise.resolve({ value: undefined, done: true });
          const queued = queue.shift();
          if (queued) return Promise.resolve({ value: queued, done: false });
          return new Promise((resolve) => {
            wake = resolve;
          });
        },
        return: finish,
        throw: finish,
      };
    },
    close: async () => {
      subscribers.clear();
      await unlisten();
    },
  };
}
