import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a received secret with ours in constant time. Both are hashed first so the
 * comparison also takes the same time whatever the lengths (timingSafeEqual needs equal ones).
 */
export function secretMatches(given: string | string[] | undefined, expected: string | undefined): boolean {
  if (typeof given !== "string" || expected === undefined || expected === "") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
