import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { users, type UserRow } from "../db/schema.js";
import { preparedOnce } from "./prepared.js";

export async function findUserBySubject(db: DbOrTx, subject: string): Promise<UserRow | undefined> {
  const query = preparedOnce(db, "userBySubject", (d, name) =>
    d.select().from(users).where(eq(users.authSubject, sql.placeholder("subject"))).limit(1).prepare(name),
  );
  const [row] = await query.execute({ subject });
  return row;
}

export async function findUsersByIds(db: DbOrTx, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  // One prepared query for any number of ids: `= any(array)` instead of an IN list.
  const query = preparedOnce(db, "usersByIds", (d, name) =>
    d.select().from(users).where(sql`${users.id} = any(${sql.placeholder("ids")}::text[])`).prepare(name),
  );
  return query.execute({ ids: [...ids] });
}

export type UserProfile = Pick<UserRow, "name" | "email" | "avatarUrl" | "roles">;

/**
 * Insert the user, or refresh the profile of the one with this subject. With `identityIssuedAt`
 * the update only happens when the stored profile is not from newer claims (the guard holds
 * under concurrent requests); undefined is returned when it did not happen.
 */
export async function upsertUserBySubject(
  db: DbOrTx,
  params: { id: string; authSubject: string; now: Date; identityIssuedAt: Date | null } & UserProfile,
): Promise<UserRow | undefined> {
  const query = preparedOnce(db, "upsertUserBySubject", (d, name) => {
    const value = sql.placeholder;
    const now = sql`${value("now")}::timestamptz`;
    return d
      .insert(users)
      .values({
        id: sql`${value("id")}`,
        authSubject: sql`${value("authSubject")}`,
        name: sql`${value("name")}`,
        email: sql`${value("email")}::text`,
        avatarUrl: sql`${value("avatarUrl")}::text`,
        roles: sql`${sql.param(value("roles"), users.roles)}::text[]`,
        identityIssuedAt: sql`${value("identityIssuedAt")}::timestamptz`,
        // The statement commits without waiting for the WAL flush: set_config(…, true) lasts
        // until this statement's own transaction ends, which is after its commit is recorded
        // (a SET LOCAL would need a transaction of its own, four round trips instead of one).
        // Safe: whatever durable write later refers to this row (an enrollment, a session)
        // flushes the WAL up to its own commit, which lies after this row's; a crash within the
        // flush delay can only lose a row nothing durable refers to yet, and the next request
        // re-creates it. A user's first request, an enrollment's included, so pays one flush.
        createdAt: sql`(select ${now} from set_config('synchronous_commit', 'off', true))`,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: users.authSubject,
        set: {
          name: sql`excluded.name`,
          email: sql`excluded.email`,
          avatarUrl: sql`excluded.avatar_url`,
          roles: sql`excluded.roles`,
          identityIssuedAt: sql`coalesce(excluded.identity_issued_at, ${users.identityIssuedAt})`,
          updatedAt: sql`excluded.updated_at`,
        },
        setWhere: sql`${users.identityIssuedAt} is null or excluded.identity_issued_at >= ${users.identityIssuedAt}`,
      })
      .returning()
      .prepare(name);
  });
  const { now, identityIssuedAt, ...values } = params;
  const [row] = await query.execute({ ...values, now: now.toISOString(), identityIssuedAt: identityIssuedAt?.toISOString() ?? null });
  return row;
}

export type NotificationPreferences = Pick<UserRow, "timeZone" | "emailReminders" | "emailNotices">;

/** Change a user's time zone and email choices (only the fields given). */
export async function updateNotificationPreferences(db: DbOrTx, params: { userId: string; now: Date } & Partial<NotificationPreferences>): Promise<UserRow | undefined> {
  const { userId, now, ...changes } = params;
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, userId))
    .returning();
  return row;
}

/** Set the time zone only while none is set: the browser's at first sign-in, never over the user's own choice. */
export async function setTimeZoneIfUnset(db: DbOrTx, params: { userId: string; timeZone: string; now: Date }): Promise<void> {
  await db
    .update(users)
    .set({ timeZone: params.timeZone, updatedAt: params.now })
    .where(sql`${users.id} = ${params.userId} and ${users.timeZone} is null`);
}
