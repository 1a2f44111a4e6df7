import { describe, expect, it } from "vitest";
import { createTokenSealer, hashSessionId, looksLikeSessionId, newSessionId } from "./session-secrets.js";

describe("session ids", () => {
  it("are 256 random bits, base64url, never repeated, and stored only as their SHA-256", () => {
    const ids = new Set(Array.from({ length: 1000 }, newSessionId));
    expect(ids.size).toBe(1000);
    for (const id of [...ids].slice(0, 10)) {
      expect(Buffer.from(id, "base64url")).toHaveLength(32);
      expect(looksLikeSessionId(id)).toBe(true);
      expect(hashSessionId(id)).not.toContain(id);
      expect(hashSessionId(id)).toBe(hashSessionId(id));
    }
  });

  it.each(["", "abc", "x".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}.`])("%j is not one", (value) => {
    expect(looksLikeSessionId(value)).toBe(false);
  });
});

describe("the refresh-token sealer", () => {
  const sealer = createTokenSealer("a-session-secret-of-at-least-32-characters");

  it("seals so that the token is not readable, and differently each time", () => {
    const a = sealer.seal("refresh-token-value");
    const b = sealer.seal("refresh-token-value");
    expect(a).not.toContain("refresh-token-value");
    expect(a).not.toBe(b);
    expect(sealer.open(a)).toBe("refresh-token-value");
    expect(sealer.open(b)).toBe("refresh-token-value");
  });

  it("opens nothing sealed under another secret, altered, or not sealed at all", () => {
    const sealed = sealer.seal("refresh-token-value");
    expect(createTokenSealer("another-session-secret-of-32-characters!").open(sealed)).toBeNull();
    const [v, iv, body, tag] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(sealer.open([v, iv, flipped.toString("base64url"), tag].join("."))).toBeNull();
    expect(sealer.open("refresh-token-value")).toBeNull();
    expect(sealer.open("v1...")).toBeNull();
  });
});
