import { eq, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { signInSessions, type SignInSessionRow } from "../db/schema.js";

export type NewSignInSession = SignInSessionRow;

export async function insertSignInSession(db: DbOrTx, values: NewSignInSession): Promise<void> {
  await db.insert(signInSessions).values(values);
}

export async function findSignInSession(db: DbOrTx, idHash: string): Promise<SignInSessionRow | undefined> {
  const [row] = await db.select().from(signInSessions).where(eq(signInSessions.idHash, idHash)).limit(1);
  return row;
}

/** False when there was no such session (already ended). */
/** Ends one session; answers its sealed refresh token (null when it had none), or undefined when there was no such session. */
export async function deleteSignInSession(db: DbOrTx, idHash: string): Promise<{ refreshToken: string | null } | undefined> {
  const [row] = await db.delete(signInSessions).where(eq(signInSessions.idHash, idHash)).returning({ refreshToken: signInSessions.refreshToken });
  return row;
}

/** Ends every session of the user; answers each one's sealed refresh token (null when it had none). */
export async function deleteSignInSessionsOfUser(db: DbOrTx, userId: string): Promise<Array<{ refreshToken: string | null }>> {
  return db.delete(signInSessions).where(eq(signInSessions.userId, userId)).returning({ refreshToken: signInSessions.refreshToken });
}

export async function touchSignInSession(db: DbOrTx, idHash: string, lastSeenAt: Date): Promise<void> {
  await db.update(signInSessions).set({ lastSeenAt }).where(eq(signInSessions.idHash, idHash));
}

/** Stores a renewed identity; false when the session ended meanwhile (a sign-out wins over a renewal). */
export async function storeRenewedIdentity(
  db: DbOrTx,
  params: { idHash: string; identity: unknown; refreshToken: string | null; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(signInSessions)
    .set({ identity: params.identity, refreshToken: params.refreshToken, identityRefreshedAt: params.at, lastSeenAt: params.at })
    .where(eq(signInSessions.idHash, params.idHash))
    .returning({ idHash: signInSessions.idHash });
  return rows.length === 1;
}

/** Deletes sessions past their expiry or last seen at or before `seenBefore`; returns how many. */
export async function deleteSignInSessionsEndedBy(db: DbOrTx, params: { now: Date; seenBefore: Date }): Promise<number> {
  const rows = await db
    .delete(signInSessions)
    .where(or(lte(signInSessions.expiresAt, params.now), lte(signInSessions.lastSeenAt, params.seenBefore)))
    .returning({ idHash: signInSessions.idHash });
  return rows.length;
}

