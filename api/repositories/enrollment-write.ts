/**
 * An enrollment written in one statement: the participant row, the waitlist entry it
 * replaces, the seat, the notification jobs, the webhook events with their deliveries, and the
 * NOTIFY for live subscribers.
 *
 * Why one statement: every other enrollment in the class waits on the class row's lock from the
 * seat's UPDATE until the commit. Written as a transaction of several statements, that wait
 * held a round trip per statement and, under load, the Node event loop's turn before each next
 * one was sent (BENCHMARKS.md: a 9 ms median hold, most of it not PostgreSQL's work). As one
 * statement, run outside any transaction, it commits on its own, so the lock is held only
 * while PostgreSQL finishes the statement and flushes the commit.
 *
 * Whatever fails rolls the whole statement back: when the participant row already exists (the
 * same person, or the same payment on someone else's seat) or no seat is free, the statement
 * raises (`live_sessions_require`, drizzle/0016) and nothing of it stays.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.js";
import { liveSessionParticipants, liveSessions, notificationJobs, type ParticipantRow, type SessionRow, waitlistEntries, webhookEvents } from "../db/schema.js";
import type { NewNotificationJob } from "./notifications.js";
import type { NewParticipant } from "./participants.js";
import { preparedOnce } from "./prepared.js";
import { sessionChangeNotice, sessionChangePayload, type SessionChange } from "./session-changes.js";
import { deliveriesOfInsertedEvents, sessionDataOf } from "./webhooks-out.js";

/** An event of the enrollment; its `data.session` is filled by the statement from the seated row. */
export interface SeatedEvent {
  id: string;
  type: string;
  /** The event's other `data` fields (e.g. the enrollment), merged beside `session`. */
  data: Record<string, unknown>;
}

export interface EnrollmentWrite {
  participant: NewParticipant & { id: string; sessionId: string; userId: string };
  jobs: readonly NewNotificationJob[];
  events: readonly SeatedEvent[];
  /** Told to live subscribers on every instance when the statement commits. */
  change: SessionChange;
  now: Date;
}

/** Why nothing was written. */
export type EnrollmentRefusal =
  /** A participant row with this person, or this payment, exists (or was committed meanwhile). */
  | "participant-exists"
  /** The class is gone, not open for enrollment, or has no free seat (and none held for this person). */
  | "no-seat";

export type EnrollmentWritten = { participant: ParticipantRow; session: SessionRow } | { refused: EnrollmentRefusal };

const REFUSALS: readonly EnrollmentRefusal[] = ["participant-exists", "no-seat"];

export async function writeEnrollment(db: DbOrTx, write: EnrollmentWrite): Promise<EnrollmentWritten> {
  const { participant, jobs, events, now } = write;
  // Built and prepared once per shape (which fields are given, how many jobs and events): the
  // statement is long, and building its text and having PostgreSQL parse it on every call
  // cost more than running it (measured under the enroll benchmark).
  const shape = `enrollment ${shapeOf(participant)} ${jobs.map(shapeOf).join(" ")} ${events.length}`;
  const statement = preparedOnce(db, shape, (d, name) => buildStatement(d, write).prepare(name));
  const values: Record<string, unknown> = {
    now,
    nowText: now.toISOString(),
    change: sessionChangePayload(write.change),
    ...prefixed("participant", participant),
    ...Object.assign({}, ...jobs.map((job, i) => prefixed(`job${i}`, job))),
    ...Object.assign({}, ...events.map((event, i) => prefixed(`event${i}`, { id: event.id, type: event.type, data: JSON.stringify(event.data) }))),
  };
  try {
    const [row] = await statement.execute(values);
    if (!row?.participant || !row.session) throw new Error("The enrollment statement answered without its rows");
    return { participant: row.participant, session: row.session };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { refused: refusal };
    throw error;
  }
}

/** The fields given (an undefined one is not: the column takes its default). */
function given(values: object): [string, unknown][] {
  return Object.entries(values).filter(([, value]) => value !== undefined);
}

/** Which fields are given, and which of them are null (written as a literal: see `placeholders`). */
function shapeOf(values: object): string {
  return given(values)
    .map(([key, value]) => (value === null ? `${key}=null` : key))
    .join(",");
}

function prefixed(prefix: string, values: object): Record<string, unknown> {
  return Object.fromEntries(given(values).map(([key, value]) => [`${prefix}_${key}`, value]));
}

/**
 * Each given field of `values` as a placeholder of the same name under `prefix`; a null as the
 * literal, because Drizzle passes a placeholder's value through the column's encoder, which
 * turns null into the text "null" for some types (numeric).
 */
function placeholders<T extends object>(prefix: string, values: T): T {
  return Object.fromEntries(given(values).map(([key, value]) => [key, value === null ? sql`null` : sql.placeholder(`${prefix}_${key}`)])) as T;
}

function buildStatement(db: DbOrTx, shape: EnrollmentWrite) {
  const now = sql.placeholder("now");
  // Every other change to a class's seats, enrollments and waitlist locks the class row first
  // (sessions.ts lockSession: a cancellation, the waitlist seating the first in line); this
  // statement must too, before it writes anything another of those may wait on. Otherwise a
  // cancellation seating this very person from the waitlist waits on this statement's
  // participant row while this statement waits on the class: a deadlock (waitlist.test.ts).
  // NO KEY UPDATE is the lock the seat's UPDATE takes anyway; FOR UPDATE would also wait on the
  // key-share lock other enrollments' participant rows hold on the class (their foreign key).
  const lock = db.$with("class").as(
    db.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.id, sql.placeholder("participant_sessionId"))).for("no key update"),
  );
  // Inserted only once the class is locked (its condition asks for the lock); each value cast
  // to its column's type, as VALUES would infer it, and a null written as a literal (see
  // `placeholders`).
  const columns = getTableColumns(liveSessionParticipants);
  const fields = given(shape.participant).map(([key, value]) => ({ column: columns[key as keyof typeof columns], key, value }));
  const participant = db.$with("participant", {}).as(sql`
    insert into ${liveSessionParticipants} (${sql.join(
      fields.map((f) => sql.identifier(f.column.name)),
      sql`, `,
    )})
    select ${sql.join(
      fields.map((f) => {
        const type = sql.raw(f.column.getSQLType());
        return f.value === null ? sql`null::${type}` : sql`${sql.param(sql.placeholder(`participant_${f.key}`), f.column)}::${type}`;
      }),
      sql`, `,
    )}
    where exists (select 1 from "class")
    on conflict do nothing
    returning *`);
  // The person's waitlist entry goes either way; an open offer holds a seat that becomes theirs
  // (`offered` is read from the entry as it is when deleted, after any concurrent change).
  const entry = db.$with("entry").as(
    db
      .delete(waitlistEntries)
      .where(
        and(
          eq(waitlistEntries.sessionId, sql.placeholder("participant_sessionId")),
          eq(waitlistEntries.userId, sql.placeholder("participant_userId")),
          sql`exists (select 1 from "class")`,
        ),
      )
      .returning({ offered: sql<boolean>`${waitlistEntries.status} = 'offered' and ${waitlistEntries.offeredUntil} > ${sql.placeholder("nowText")}::timestamptz`.as("offered") }),
  );
  const offered = sql`exists (select 1 from "entry" where "entry"."offered")`;
  // Taken atomically: the row is only updated while a seat is free and the class still takes
  // enrollments. Concurrent statements queue on the row's lock and each re-checks the
  // condition on the row as the one before left it, so the count can never pass the cap.
  const seat = db.$with("seat").as(
    db
      .update(liveSessions)
      .set({
        enrolledCount: sql`${liveSessions.enrolledCount} + 1`,
        heldSeats: sql`${liveSessions.heldSeats} - case when ${offered} then 1 else 0 end`,
        updatedAt: now as unknown as Date,
      })
      .where(
        and(
          eq(liveSessions.id, sql.placeholder("participant_sessionId")),
          inArray(liveSessions.status, ["scheduled", "live"]),
          sql`exists (select 1 from "participant")`,
          // Seats held for the waitlist's offers are not free to anyone but a person offered one.
          sql`case when ${offered} then ${liveSessions.heldSeats} > 0
                   else ${liveSessions.maxParticipants} is null or ${liveSessions.enrolledCount} + ${liveSessions.heldSeats} < ${liveSessions.maxParticipants} end`,
        ),
      )
      .returning(),
  );
  const ctes = [lock, participant, entry, seat];
  if (shape.jobs.length > 0) {
    ctes.push(db.$with("jobs").as(db.insert(notificationJobs).values(shape.jobs.map((job, i) => placeholders(`job${i}`, job))).onConflictDoNothing()) as never);
  }
  if (shape.events.length > 0) {
    const rows = sql.join(
      shape.events.map((_, i) => sql`(${sql.placeholder(`event${i}_id`)}, ${sql.placeholder(`event${i}_type`)}, ${sql.placeholder(`event${i}_data`)}::jsonb)`),
      sql`, `,
    );
    const nowText = sql`${sql.placeholder("nowText")}::timestamptz`;
    ctes.push(
      db.$with("event", {}).as(sql`
        insert into ${webhookEvents} (id, type, session_id, expert_id, data, occurred_at, deliver_after)
        select new.id, new.type, "seat".id, "seat".expert_id, new.data || jsonb_build_object('session', ${sessionDataOf(sql`"seat"`)}), ${nowText}, ${nowText}
        from "seat", (values ${rows}) as new (id, type, data)
        returning id, type, expert_id, occurred_at, deliver_after`) as never,
      db.$with("delivery", {}).as(deliveriesOfInsertedEvents(sql`"event"`)) as never,
    );
  }
  return db
    .with(...ctes)
    .select({
      participant: fieldsOf(liveSessionParticipants, "participant"),
      session: fieldsOf(liveSessions, "seat"),
      // Live subscribers on every instance hear of it when the statement commits.
      noticed: sessionChangeNotice(sql.placeholder("change")),
    })
    .from(
      // One row always, so the checks run even when a CTE came back empty; either raising undoes it all.
      sql`(select live_sessions_require(exists (select 1 from "class"), 'no-seat')
               and live_sessions_require(exists (select 1 from "participant"), 'participant-exists')
               and live_sessions_require(exists (select 1 from "seat"), 'no-seat') as ok) as outcome`,
    )
    .leftJoin(sql`"participant"`, sql`true`)
    .leftJoin(sql`"seat"`, sql`true`);
}

/** A table's columns read from the CTE `alias` (its RETURNING), mapped as Drizzle maps the table's own. */
function fieldsOf<T extends PgTable>(table: T, alias: string): { [K in keyof T["$inferSelect"]]: SQL<T["$inferSelect"][K]> } {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([key, column]) => [key, sql`${sql.identifier(alias)}.${sql.identifier(column.name)}`.mapWith(column)]),
  ) as never;
}

/** The statement's raise (`live_sessions_require`), whichever driver and wrapper carried it. */
function refusalOf(error: unknown): EnrollmentRefusal | undefined {
  for (let e: unknown = error; typeof e === "object" && e !== null; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "P0001" && REFUSALS.includes(message as EnrollmentRefusal)) return message as EnrollmentRefusal;
  }
  return undefined;
}
