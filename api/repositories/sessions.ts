import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { liveSessions, sessionCounts, type SessionRow, type UserRow, users } from "../db/schema.js";
import { preparedOnce } from "./prepared.js";
import { driverRows, prefixedColumns, rowReader } from "./row-reader.js";

/**
 * The session row, locked (FOR UPDATE) until the transaction ends: every change to its seats
 * or room state queues here, and takes this lock before any other on the row (see the
 * booking cancellation for the deadlock a later FOR UPDATE makes).
 */
export async function lockSession(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(liveSessions).where(eq(liveSessions.id, id)).for("update");
  return row;
}

export type NewSession = typeof liveSessions.$inferInsert;
export type SessionStatus = SessionRow["status"];

export async function insertSession(db: DbOrTx, values: NewSession): Promise<SessionRow> {
  const [row] = await db.insert(liveSessions).values(values).returning();
  return row!;
}

export async function findSessionById(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  const query = preparedOnce(db, "sessionById", (d, name) =>
    d.select().from(liveSessions).where(eq(liveSessions.id, sql.placeholder("id"))).limit(1).prepare(name),
  );
  const [row] = await query.execute({ id });
  return row;
}

export async function findSessionsByIds(db: DbOrTx, ids: readonly string[]): Promise<SessionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(liveSessions).where(inArray(liveSessions.id, [...ids]));
}

export interface SessionFilter {
  /** `undefined` means every status but cancelled. */
  status?: SessionStatus;
  expertId?: string;
  featured?: boolean;
  /** Sessions whose metadata.category contains this text, ignoring case. */
  category?: string;
  /** Matched against metadata.difficulty, ignoring case. */
  difficulty?: string;
  /**
   * Words that must each begin a word of the title, the description or the expert's name
   * (in any order); letters and digits only, lower case (the domain splits the search).
   */
  searchWords?: readonly string[];
  /** Any of these statuses (overrides `status`); the set is part of the prepared query's shape. */
  statuses?: readonly SessionStatus[];
  /** Scheduled to start at or after this moment. */
  startsAfter?: Date;
  /** Scheduled to start before this moment. */
  startsBefore?: Date;
  /** True: free sessions (price 0); false: priced ones. */
  free?: boolean;
}

const FILTER_KEYS = ["status", "expertId", "featured", "category", "difficulty", "searchWords", "startsAfter", "startsBefore", "free"] as const;

/** Which filters are set: the queries below are prepared once per shape, values bound per call. */
const shapeOf = (filter: SessionFilter) =>
  [...FILTER_KEYS.filter((key) => filter[key] !== undefined), ...(filter.statuses ? [`statuses=${[...filter.statuses].sort().join("|")}`] : [])].join(",");

/**
 * The values the prepared queries bind. The search words become a prefix query
 * (`vinya:* & deep:*`); they hold only letters and digits, so none of tsquery's operators
 * can reach it from a person's typing.
 */
function bindings(filter: SessionFilter): Record<string, unknown> {
  const { searchWords, statuses: _inTheShape, startsAfter, startsBefore, ...rest } = filter;
  return {
    ...rest,
    ...(searchWords !== undefined && { search: searchWords.map((w) => `${w}:*`).join(" & ") }),
    ...(startsAfter !== undefined && { startsAfter: startsAfter.toISOString() }),
    ...(startsBefore !== undefined && { startsBefore: startsBefore.toISOString() }),
  };
}

/** The filter's status, expert and featured conditions, on the sessions or on their counts. */
function keyConditions(table: typeof liveSessions | typeof sessionCounts, filter: SessionFilter): (SQL | undefined)[] {
  const value = sql.placeholder;
  return [
    filter.statuses !== undefined
      ? inArray(table.status, [...filter.statuses])
      : filter.status !== undefined
        ? eq(table.status, value("status"))
        : ne(table.status, "cancelled"),
    filter.expertId !== undefined ? eq(table.expertId, value("expertId")) : undefined,
    filter.featured !== undefined ? eq(table.featured, value("featured")) : undefined,
  ];
}

function filterCondition(filter: SessionFilter): SQL | undefined {
  const value = sql.placeholder;
  return and(
    ...keyConditions(liveSessions, filter),
    filter.category !== undefined ? sql`strpos(lower(${liveSessions.metadata}->>'category'), lower(${value("category")})) > 0` : undefined,
    filter.difficulty !== undefined ? sql`lower(${liveSessions.metadata}->>'difficulty') = lower(${value("difficulty")})` : undefined,
    // search_vector is kept by triggers and indexed (drizzle/0009_sessions-search.sql).
    filter.searchWords !== undefined ? sql`"live_sessions"."search_vector" @@ to_tsquery('simple', ${value("search")})` : undefined,
    filter.startsAfter !== undefined ? sql`${liveSessions.scheduledStartTime} >= ${value("startsAfter")}::timestamptz` : undefined,
    filter.startsBefore !== undefined ? sql`${liveSessions.scheduledStartTime} < ${value("startsBefore")}::timestamptz` : undefined,
    // Bound, not built in: free and priced share one prepared query.
    filter.free !== undefined ? sql`(${liveSessions.price} = 0) = ${value("free")}::boolean` : undefined,
  );
}

/** A page's sessions with their experts, each table's columns under its own prefix (row-reader.ts). */
const PAGE_FIELDS = { ...prefixedColumns(liveSessions, "s_"), ...prefixedColumns(users, "u_") };
const readSession = rowReader(liveSessions, "s_");
const readExpert = rowReader(users, "u_");

function sessionsWithExperts(rows: Record<string, unknown>[]): { items: SessionRow[]; experts: UserRow[] } {
  const items: SessionRow[] = [];
  const experts = new Map<string, UserRow>();
  for (const row of rows) {
    const session = readSession(row);
    items.push(session);
    if (!experts.has(session.expertId)) experts.set(session.expertId, readExpert(row));
  }
  return { items, experts: [...experts.values()] };
}

/** Where a keyset page starts: just past this session in the walk's order. */
export interface SessionPosition {
  scheduledStartTime: Date;
  id: string;
}

/**
 * A page of a keyset walk over (scheduled start, id): `limit` sessions after `from` (or from the
 * start) in `order`. Sessions inserted meanwhile before the position never shift the page, as
 * an offset would. The page comes with its experts, as listSessions.
 */
export async function seekSessions(
  db: DbOrTx,
  params: { filter: SessionFilter; order: "asc" | "desc"; from?: SessionPosition; limit: number },
): Promise<{ items: SessionRow[]; experts: UserRow[] }> {
  const value = sql.placeholder;
  const direction = params.order === "asc" ? asc : desc;
  const past =
    params.order === "asc"
      ? sql`(${liveSessions.scheduledStartTime}, ${liveSessions.id}) > (${value("fromStart")}::timestamptz, ${value("fromId")})`
      : sql`(${liveSessions.scheduledStartTime}, ${liveSessions.id}) < (${value("fromStart")}::timestamptz, ${value("fromId")})`;
  const shape = `sessionSeek:${params.order}:${params.from ? "from" : "start"}:${shapeOf(params.filter)}`;
  const page = preparedOnce(db, shape, (d, name) =>
    d
      .select(PAGE_FIELDS)
      .from(liveSessions)
      .innerJoin(users, eq(users.id, liveSessions.expertId))
      .where(and(filterCondition(params.filter), params.from ? past : undefined))
      .orderBy(direction(liveSessions.scheduledStartTime), direction(liveSessions.id))
      .limit(value("limit"))
      .prepare(name),
  );
  const rows = await driverRows(page, {
    ...bindings(params.filter),
    limit: params.limit,
    ...(params.from && { fromStart: params.from.scheduledStartTime.toISOString(), fromId: params.from.id }),
  });
  return sessionsWithExperts(rows);
}

export async function listSessions(
  db: DbOrTx,
  params: { filter: SessionFilter; limit: number; skip: number },
): Promise<{ items: SessionRow[]; experts: UserRow[]; total: number }> {
  // The page with its experts in one query: every list shows the expert's name and picture.
  const page = preparedOnce(db, `sessionPage:${shapeOf(params.filter)}`, (d, name) =>
    d
      .select(PAGE_FIELDS)
      .from(liveSessions)
      .innerJoin(users, eq(users.id, liveSessions.expertId))
      .where(filterCondition(params.filter))
      .orderBy(asc(liveSessions.scheduledStartTime), asc(liveSessions.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("skip"))
      .prepare(name),
  );
  const [rows, total] = await Promise.all([driverRows(page, { ...bindings(params.filter), limit: params.limit, skip: params.skip }), countSessions(db, params.filter)]);
  return { ...sessionsWithExperts(rows), total };
}

/**
 * How many sessions match: a sum over session_counts when the filter is made of its keys
 * (status, expert, featured), so the cost does not grow with the number of sessions; an
 * exact count of the sessions for the metadata and search filters, which those keys cannot answer.
 */
export async function countSessions(db: DbOrTx, filter: SessionFilter): Promise<number> {
  const shape = shapeOf(filter);
  if (
    filter.category !== undefined ||
    filter.difficulty !== undefined ||
    filter.searchWords !== undefined ||
    filter.statuses !== undefined ||
    filter.startsAfter !== undefined ||
    filter.startsBefore !== undefined ||
    filter.free !== undefined
  ) {
    const counted = preparedOnce(db, `sessionCount:${shape}`, (d, name) =>
      d.select({ total: count() }).from(liveSessions).where(filterCondition(filter)).prepare(name),
    );
    const [row] = await counted.execute(bindings(filter));
    return Number(row?.total ?? 0);
  }
  const summed = preparedOnce(db, `sessionCountSum:${shape}`, (d, name) =>
    d
      .select({ total: sql<string | null>`sum(${sessionCounts.sessions})` })
      .from(sessionCounts)
      .where(and(...keyConditions(sessionCounts, filter)))
      .prepare(name),
  );
  const [row] = await summed.execute(bindings(filter));
  return Number(row?.total ?? 0);
}

/**
 * A scheduled session's new details, only while it is still scheduled and its new cap (if
 * any) still holds everyone enrolled and every seat held: checked in the same statement as
 * the change, so an enrollment racing the edit cannot end up over the cap. Undefined when
 * either no longer held.
 */
export async function updateScheduledSession(
  db: DbOrTx,
  params: { id: string; set: Partial<Pick<NewSession, "title" | "description" | "thumbnail" | "scheduledStartTime" | "scheduledEndTime" | "maxParticipants" | "metadata">> & { updatedAt: Date } },
): Promise<SessionRow | undefined> {
  const cap = params.set.maxParticipants;
  const [row] = await db
    .update(liveSessions)
    .set(params.set)
    .where(
      and(
        eq(liveSessions.id, params.id),
        eq(liveSessions.status, "scheduled"),
        cap == null ? undefined : sql`${liveSessions.enrolledCount} + ${liveSessions.heldSeats} <= ${cap}`,
      ),
    )
    .returning();
  return row;
}

/** Sessions whose status is still `from`, moved to `to`; undefined if someone got there first. */
export async function transitionSession(
  db: DbOrTx,
  params: { id: string; from: SessionStatus; set: Partial<NewSession> & { status: SessionStatus } },
): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(liveSessions)
    .set(params.set)
    .where(and(eq(liveSessions.id, params.id), eq(liveSessions.status, params.from)))
    .returning();
  return row;
}

/** Give one seat back (an enrollment was removed in the same transaction). */
export async function releaseSeat(db: DbOrTx, params: { id: string; now: Date }): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(liveSessions)
    .set({ enrolledCount: sql`${liveSessions.enrolledCount} - 1`, updatedAt: params.now })
    .where(and(eq(liveSessions.id, params.id), sql`${liveSessions.enrolledCount} > 0`))
    .returning();
  return row;
}
