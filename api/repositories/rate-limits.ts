import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { addressRateLimits, rateLimits } from "../db/schema.js";
import { preparedOnce } from "./prepared.js";

/**
 * Counts one attempt in the user's current window for `action`, or opens a new window at
 * `now` when the last one is over, and answers the window as it stands after this attempt.
 * One statement: concurrent attempts (from any instance) queue on the row and each sees its
 * own count, so exactly as many pass as the limit allows.
 */
export async function countAttempt(
  db: DbOrTx,
  params: { userId: string; action: string; now: Date; windowMs: number },
): Promise<{ attempts: number; windowStart: Date }> {
  const query = preparedOnce(db, "countAttempt", (d, name) => {
    const value = sql.placeholder;
    return d
      .insert(rateLimits)
      .values({ userId: value("userId"), action: value("action"), windowStart: value("now"), attempts: 1 })
      .onConflictDoUpdate({ target: [rateLimits.userId, rateLimits.action], set: nextWindow(rateLimits) })
      .returning({ attempts: rateLimits.attempts, windowStart: rateLimits.windowStart })
      .prepare(name);
  });
  const [row] = await query.execute(params);
  return row!;
}

/**
 * countAttempt for a network address instead of a user (address_rate_limits), `attempts` at
 * once (an instance's lease, see address-limits.ts): the same one statement, so concurrent
 * calls each get their own numbers in the window, the last of which is answered.
 */
export async function countAddressAttempts(
  db: DbOrTx,
  params: { address: string; action: string; now: Date; windowMs: number; attempts: number },
): Promise<{ attempts: number; windowStart: Date }> {
  const query = preparedOnce(db, "countAddressAttempt", (d, name) => {
    const value = sql.placeholder;
    return d
      .insert(addressRateLimits)
      .values({ address: value("address"), action: value("action"), windowStart: value("now"), attempts: sql`${value("attempts")}::int` })
      .onConflictDoUpdate({ target: [addressRateLimits.address, addressRateLimits.action], set: nextWindow(addressRateLimits) })
      .returning({ attempts: addressRateLimits.attempts, windowStart: addressRateLimits.windowStart })
      .prepare(name);
  });
  const [row] = await query.execute(params);
  return row!;
}

/**
 * The conflicting row after the inserted row's attempts (one, or an address lease's): counted
 * in its window while that is open (the `windowMs` placeholder), else a new window opening at
 * this attempt. Every expression reads the row as it was before this attempt.
 */
function nextWindow(table: typeof rateLimits | typeof addressRateLimits) {
  const current = sql`excluded.window_start < ${table.windowStart} + ${sql.placeholder("windowMs")}::double precision * interval '1 millisecond'`;
  return {
    attempts: sql`case when ${current} then ${table.attempts} + excluded.attempts else excluded.attempts end`,
    windowStart: sql`case when ${current} then ${table.windowStart} else excluded.window_start end`,
  };
}

/** Forgets address windows that opened before `before`; returns how many. */
export async function deleteAddressWindowsBefore(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db.delete(addressRateLimits).where(lt(addressRateLimits.windowStart, before)).returning({ address: addressRateLimits.address });
  return rows.length;
}
