import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { users, type UserRow } from "../db/schema.js";

export async function findUserBySubject(db: DbOrTx, subject: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.authSubject, subject)).limit(1);
  return row;
}

export async function findUsersByIds(db: DbOrTx, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, [...ids]));
}

export type UserProfile = Pick<UserRow, "name" | "email" | "avatarUrl" | "roles">;

/** Insert the user, or refresh the profile of the one with this subject. */
export async function upsertUserBySubject(
  db: DbOrTx,
  params: { id: string; authSubject: string; now: Date } & UserProfile,
): Promise<UserRow> {
  const { now, ...values } = params;
  const [row] = await db
    .insert(users)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: users.authSubject,
      set: { name: values.name, email: values.email, avatarUrl: values.avatarUrl, roles: values.roles, updatedAt: now },
    })
    .returning();
  return row!;
}
