/** Outbound webhooks' rows: endpoints, the event outbox, deliveries and their attempts. */
import { and, asc, type Column, desc, eq, gt, inArray, lt, lte, ne, notExists, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { sessionChangeNotice, type SessionChange } from "./session-changes.js";
import {
  liveSessions,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
  webhookEvents,
  type WebhookDeliveryAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  type WebhookEventRow,
} from "../db/schema.js";

export type NewWebhookEndpoint = typeof webhookEndpoints.$inferInsert;

export async function insertWebhookEndpoint(db: DbOrTx, values: NewWebhookEndpoint): Promise<WebhookEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export async function findWebhookEndpoint(db: DbOrTx, id: string): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

export async function listWebhookEndpointsOf(db: DbOrTx, ownerId: string): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.ownerId, ownerId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function countWebhookEndpointsOf(db: DbOrTx, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints).where(eq(webhookEndpoints.ownerId, ownerId));
  return row?.n ?? 0;
}

export async function updateWebhookEndpoint(db: DbOrTx, id: string, set: Partial<NewWebhookEndpoint>): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, id)).returning();
  return row;
}

export async function deleteWebhookEndpoint(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/**
 * Events, a pending delivery of each to every enabled endpoint that listens to its type and
 * hears its session (the expert's own, or an admin's), and the NOTIFY that tells every instance
 * the session changed (delivered at commit): one statement. Enrollment writes these while it
 * holds the class's row lock, and each round trip there is one every other enrollment waits for.
 */
export async function insertWebhookEvents(db: DbOrTx, events: readonly WebhookEventRow[], change: SessionChange): Promise<void> {
  if (events.length === 0) return;
  const rows = sql.join(
    events.map(
      (e) =>
        sql`(${e.id}, ${e.type}, ${e.sessionId}, ${e.expertId}, ${JSON.stringify(e.data)}::jsonb, ${e.occurredAt.toISOString()}::timestamptz, ${e.deliverAfter.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    with event as (
      insert into ${webhookEvents} (id, type, session_id, expert_id, data, occurred_at, deliver_after) values ${rows}
      returning id, type, expert_id, occurred_at, deliver_after
    ), delivery as (${deliveriesOfInsertedEvents(sql`event`)})
    select ${sessionChangeNotice(change)}`);
}

/**
 * The deliveries of events just inserted by the same statement (`events`: a CTE returning id,
 * type, expert_id, occurred_at, deliver_after): one per enabled endpoint that hears each.
 */
export function deliveriesOfInsertedEvents(events: SQL): SQL {
  return sql`
    insert into ${webhookDeliveries} (id, event_id, endpoint_id, status, attempts, next_attempt_at, first_attempt_due_at, created_at, updated_at)
    select 'msg_' || substr(md5(event.id || endpoint.id), 1, 24), event.id, endpoint.id, 'pending', 0, event.deliver_after, event.deliver_after, event.occurred_at, event.occurred_at
    from ${events} as event join ${webhookEndpoints} endpoint
      on endpoint.enabled and event.type = any(endpoint.events) and (endpoint.all_sessions or endpoint.owner_id = event.expert_id)
    on conflict do nothing`;
}

const isoOf = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A session's event `data.session` built by PostgreSQL from a row of `live_sessions` columns
 * (`row`: the alias of a table or CTE), for a statement that writes an event from a row it
 * changes. The same object as the domain's `sessionData` (event-types.ts), which stays the
 * contract; api/domain/webhooks-out/session-data.test.ts holds the two equal.
 */
export function sessionDataOf(row: SQL): SQL {
  const s = liveSessions;
  const c = (column: Column) => sql`${row}.${sql.identifier(column.name)}`;
  return sql`jsonb_build_object(
    'id', ${c(s.id)}, 'expertId', ${c(s.expertId)}, 'title', ${c(s.title)}, 'status', ${c(s.status)},
    'sessionType', ${c(s.sessionType)},
    'scheduledStartTime', ${isoOf(c(s.scheduledStartTime))}, 'scheduledEndTime', ${isoOf(c(s.scheduledEndTime))},
    'actualStartTime', ${isoOf(c(s.actualStartTime))}, 'actualEndTime', ${isoOf(c(s.actualEndTime))},
    'maxParticipants', ${c(s.maxParticipants)}, 'enrolledCount', ${c(s.enrolledCount)},
    'currentViewers', ${c(s.currentViewers)}, 'attendedCount', ${c(s.attendedCount)},
    'recordingAvailable', ${c(s.recordingAvailable)}, 'price', ${c(s.price)}::float8, 'currency', ${c(s.currency)},
    'cancellationReason', ${c(s.cancellationReason)})`;
}

/** The session's newest event of a type still waiting for its delivery time (a throttled one). */
export async function findWaitingEvent(db: DbOrTx, params: { sessionId: string; type: string; now: Date }): Promise<WebhookEventRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.sessionId, params.sessionId), eq(webhookEvents.type, params.type), gt(webhookEvents.deliverAfter, params.now)))
    .orderBy(desc(webhookEvents.deliverAfter))
    .limit(1);
  return row;
}

/** When the session's last event of a type was (or will be) delivered. */
export async function lastDeliveryTimeOf(db: DbOrTx, params: { sessionId: string; type: string }): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: webhookEvents.deliverAfter })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.sessionId, params.sessionId), eq(webhookEvents.type, params.type)))
    .orderBy(desc(webhookEvents.deliverAfter))
    .limit(1);
  return row?.at;
}

export async function replaceEventData(db: DbOrTx, params: { id: string; data: Record<string, unknown>; occurredAt: Date }): Promise<void> {
  await db.update(webhookEvents).set({ data: params.data, occurredAt: params.occurredAt }).where(eq(webhookEvents.id, params.id));
}

export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  event: WebhookEventRow;
  endpoint: WebhookEndpointRow;
}

/**
 * Claim due deliveries of enabled endpoints: rows another instance holds are skipped, and a
 * claimed row is pushed a lease into the future, so a crash mid-call only delays it.
 */
export async function claimDueDeliveries(db: DbOrTx, params: { now: Date; leaseUntil: Date; limit: number }): Promise<ClaimedDelivery[]> {
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: params.leaseUntil, attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(
      sql`${webhookDeliveries.id} in (${db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, params.now), eq(webhookEndpoints.enabled, true)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(params.limit)
        .for("update", { of: webhookDeliveries, skipLocked: true })})`,
    )
    .returning();
  if (claimed.length === 0) return [];
  const events = await db.select().from(webhookEvents).where(inArray(webhookEvents.id, [...new Set(claimed.map((d) => d.eventId))]));
  const endpoints = await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))]));
  return claimed.map((delivery) => ({
    delivery,
    event: events.find((e) => e.id === delivery.eventId)!,
    endpoint: endpoints.find((e) => e.id === delivery.endpointId)!,
  }));
}

export async function recordDeliveryAttempt(db: DbOrTx, attempt: WebhookDeliveryAttemptRow): Promise<void> {
  await db.insert(webhookDeliveryAttempts).values(attempt);
}

export async function markDelivered(db: DbOrTx, params: { id: string; statusCode: number; at: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: "delivered", lastStatusCode: params.statusCode, lastError: null, deliveredAt: params.at, updatedAt: params.at })
    .where(and(eq(webhookDeliveries.id, params.id), eq(webhookDeliveries.status, "pending")));
}

export async function retryDeliveryLater(db: DbOrTx, params: { id: string; statusCode: number | null; error: string; retryAt: Date; at: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ lastStatusCode: params.statusCode, lastError: params.error.slice(0, 1000), nextAttemptAt: params.retryAt, updatedAt: params.at })
    .where(and(eq(webhookDeliveries.id, params.id), eq(webhookDeliveries.status, "pending")));
}

export async function markDeliveryFailed(db: DbOrTx, params: { id: string; statusCode: number | null; error: string; at: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", lastStatusCode: params.statusCode, lastError: params.error.slice(0, 1000), updatedAt: params.at })
    .where(and(eq(webhookDeliveries.id, params.id), eq(webhookDeliveries.status, "pending")));
}

/** Every pending delivery of a disabled endpoint fails with the endpoint's reason. */
export async function failPendingDeliveriesOf(db: DbOrTx, params: { endpointId: string; error: string; at: Date }): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", lastError: params.error.slice(0, 1000), updatedAt: params.at })
    .where(and(eq(webhookDeliveries.endpointId, params.endpointId), eq(webhookDeliveries.status, "pending")));
}

/** A delivery again, with the same id (so the receiver can deduplicate), due now, with a fresh 24 hours of retries. */
export async function requeueDelivery(db: DbOrTx, params: { id: string; at: Date }): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: params.at, firstAttemptDueAt: params.at, deliveredAt: null, updatedAt: params.at })
    .where(eq(webhookDeliveries.id, params.id))
    .returning();
  return row;
}

export async function findDelivery(db: DbOrTx, id: string): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

export interface DeliveryWithEvent {
  delivery: WebhookDeliveryRow;
  event: Pick<WebhookEventRow, "id" | "type" | "sessionId" | "occurredAt">;
}

/** An endpoint's deliveries, newest first. */
export async function listDeliveriesOf(db: DbOrTx, params: { endpointId: string; limit: number }): Promise<DeliveryWithEvent[]> {
  const rows = await db
    .select({ delivery: webhookDeliveries, id: webhookEvents.id, type: webhookEvents.type, sessionId: webhookEvents.sessionId, occurredAt: webhookEvents.occurredAt })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, params.endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(params.limit);
  return rows.map(({ delivery, ...event }) => ({ delivery, event }));
}

/** The last attempts of these deliveries, newest first (one query for a page of them). */
export async function listAttemptsOf(db: DbOrTx, deliveryIds: readonly string[]): Promise<WebhookDeliveryAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookDeliveryAttempts)
    .where(inArray(webhookDeliveryAttempts.deliveryId, [...deliveryIds]))
    .orderBy(desc(webhookDeliveryAttempts.attemptedAt), desc(webhookDeliveryAttempts.id));
}

/**
 * Forget events that happened before `before`: their finished deliveries (and attempts, by
 * cascade), then the events left without any. A pending delivery keeps its event.
 */
export async function purgeWebhookEventsBefore(db: DbOrTx, before: Date): Promise<number> {
  const old = db.select({ id: webhookEvents.id }).from(webhookEvents).where(lt(webhookEvents.occurredAt, before));
  await db.delete(webhookDeliveries).where(and(ne(webhookDeliveries.status, "pending"), inArray(webhookDeliveries.eventId, old)));
  const gone = await db
    .delete(webhookEvents)
    .where(and(lt(webhookEvents.occurredAt, before), notExists(db.select({ one: sql`1` }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, webhookEvents.id)))))
    .returning({ id: webhookEvents.id });
  return gone.length;
}
