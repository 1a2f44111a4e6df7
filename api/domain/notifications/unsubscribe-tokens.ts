/**
 * The signed address in every email's List-Unsubscribe header: it names a user and what to
 * turn off, and carries an HMAC-SHA256 of both under a server secret, so it works without
 * signing in and nobody can make one for someone else.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type UnsubscribeScope = "reminders" | "notices";

const mac = (key: string, payload: string) => createHmac("sha256", key).update(`unsubscribe:${payload}`).digest("base64url");

export function signUnsubscribeToken(key: string, userId: string, scope: UnsubscribeScope): string {
  const payload = `${Buffer.from(userId).toString("base64url")}.${scope}`;
  return `${payload}.${mac(key, payload)}`;
}

/** The user and scope, or null for a token that was not signed with this key (or was altered). */
export function readUnsubscribeToken(key: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [user, scope, signature] = parts as [string, string, string];
  if (scope !== "reminders" && scope !== "notices") return null;
  const expected = Buffer.from(mac(key, `${user}.${scope}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId: Buffer.from(user, "base64url").toString("utf8"), scope };
}
