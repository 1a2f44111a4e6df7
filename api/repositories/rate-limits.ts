import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { rateLimits } from "../db/schema.js";
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
    // Every expression below reads the row as it was before this attempt.
    const current = sql`excluded.window_start < ${rateLimits.windowStart} + ${value("windowMs")}::double precision * interval '1 millisecond'`;
    return d
      .insert(rateLimits)
      .values({ userId: value("userId"), action: value("action"), windowStart: value("now"), attempts: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.userId, rateLimits.action],
        set: {
          attempts: sql`case when ${current} then ${rateLimits.attempts} + 1 else 1 end`,
          windowStart: sql`case when ${current} then ${rateLimits.windowStart} else excluded.window_start end`,
        },
      })
      .returning({ attempts: rateLimits.attempts, windowStart: rateLimits.windowStart })
      .prepare(name);
  });
  const [row] = await query.execute(params);
  return row!;
}
