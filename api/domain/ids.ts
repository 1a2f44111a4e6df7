import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * Prefixed random ids (`ses_k3j…`, `part_…`) like the seed's examples. Lowercase
 * alphanumerics only, so a session id can be embedded in a 100ms room name.
 */
export function newId(prefix: "ses" | "part" | "usr" | "wl" | "nt" | "evt" | "whe" | "wha", length = 16): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}
