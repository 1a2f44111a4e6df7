import { rfc3339, rfc3339Seconds, uuid } from "./ids.js";
import type { HmsRoom, Logger, RoomWebhook, WebhookEnvelope } from "./types.js";
import type { Workspace } from "./workspace.js";

/** 100ms retries a delivery 1 s, then 3 s, then 10 s after the previous attempt (docs/100ms.md#delivery). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1000, 3000, 10000];
/** 100ms's delivery timeout is undocumented; long enough for a local receiver. */
const DELIVERY_TIMEOUT_MS = 5000;
/** Keep only the tail of the event and delivery logs in a long-running dev server. */
const MAX_LOGGED = 5000;

function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > MAX_LOGGED) list.shift();
}

export interface WebhookOptions extends RoomWebhook {
  /** Override the retry schedule (tests use short delays). */
  retryDelaysMs?: readonly number[];
}

export interface WebhookDelivery {
  eventId: string;
  type: string;
  url: string;
  /** 0 for the first try, 1..n for retries. */
  attempt: number;
  status?: number;
  error?: string;
  at: string;
}

/**
 * Turns emulator events into 100ms-shaped webhook envelopes and POSTs them. The envelope
 * is the superset of the docs' inconsistent samples (docs/100ms.md#envelope): `app_id` always,
 * `template_id` both at the top level and inside `data`. A room-level webhook replaces
 * the workspace one. Only an HTTP 200 counts as delivered, as the docs word it.
 * There is no signature: the configured headers are sent as they are.
 */
export class WebhookSender {
  private readonly envelopes: WebhookEnvelope[] = [];
  private readonly log: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly ws: Workspace,
    private workspaceHook: WebhookOptions | undefined,
    private readonly logger: Logger,
  ) {}

  /** The dashboard's workspace webhook setting; applies to events emitted from now on. */
  setWorkspaceHook(hook: WebhookOptions | undefined): void {
    this.workspaceHook = hook;
  }

  emit(room: HmsRoom, type: string, data: Record<string, unknown>, now: Date): WebhookEnvelope {
    const envelope: WebhookEnvelope = {
      version: "2.0",
      id: uuid(),
      account_id: this.ws.customerId,
      app_id: this.ws.appId,
      template_id: room.template_id,
      timestamp: rfc3339Seconds(now),
      type,
      data: { ...data, template_id: room.template_id },
    };
    pushCapped(this.envelopes, envelope);
    const target = room.webhook ?? this.workspaceHook;
    if (target && !this.closed) this.attempt(envelope, target, 0);
    return envelope;
  }

  events(): WebhookEnvelope[] {
    return structuredClone(this.envelopes);
  }

  deliveries(): WebhookDelivery[] {
    return structuredClone(this.log);
  }

  /** Resolves once every delivery, retries included, has succeeded or given up. */
  settled(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.pending = 0;
    this.notifyIdle();
  }

  private attempt(envelope: WebhookEnvelope, target: RoomWebhook, attempt: number): void {
    this.pending += 1;
    void this.post(envelope, target, attempt).finally(() => {
      this.pending = Math.max(0, this.pending - 1);
      this.notifyIdle();
    });
  }

  private async post(envelope: WebhookEnvelope, target: RoomWebhook, attempt: number): Promise<void> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
    const record: WebhookDelivery = { eventId: envelope.id, type: envelope.type, url: target.url, attempt, at: rfc3339(new Date()) };
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { ...target.headers, "content-type": "application/json" },
        body: JSON.stringify(envelope),
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed) return;
    pushCapped(this.log, record);
    if (record.status === 200) return;
    const schedule = this.workspaceHook?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delay = schedule[attempt];
    if (delay === undefined) {
      this.logger.warn({ eventId: envelope.id, type: envelope.type, url: target.url }, "webhook delivery gave up after retries");
      return;
    }
    // Count the scheduled retry as pending so settled() waits for it.
    this.pending += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.pending = Math.max(0, this.pending - 1);
      if (!this.closed) this.attempt(envelope, target, attempt + 1);
      this.notifyIdle();
    }, delay);
    this.timers.add(timer);
  }

  private notifyIdle(): void {
    if (this.pending !== 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
