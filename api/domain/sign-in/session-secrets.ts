/**
 * The secrets of a web sign-in session. The cookie holds a random id; the database holds
 * only its SHA-256, so a copy of the table hands out no working cookies. The provider's
 * refresh token is sealed with AES-256-GCM under a key derived from SESSION_SECRET, so a
 * copy of the table does not hand out refresh tokens either.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits), base64url: what the `__session` cookie carries. */
export const newSessionId = (): string => randomBytes(32).toString("base64url");

export const hashSessionId = (id: string): string => createHash("sha256").update(id, "utf8").digest("base64url");

/** Cookie values that cannot be one of our ids are refused before any query. */
export const looksLikeSessionId = (value: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(value);

export interface TokenSealer {
  seal(plain: string): string;
  /** The sealed text, or null when it was not sealed with this secret (or was altered). */
  open(sealed: string): string | null;
}

const VERSION = "v1";

export function createTokenSealer(secret: string): TokenSealer {
  // A key of its own for this purpose, so SESSION_SECRET's other uses never share it.
  const key = Buffer.from(hkdfSync("sha256", secret, "live-sessions", "sign-in-session refresh token", 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
    },
    open(sealed) {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== VERSION || !iv || body === undefined || !tag) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}
