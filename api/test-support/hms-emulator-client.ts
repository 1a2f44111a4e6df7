import { SignJWT } from "jose";
import { randomUUID } from "node:crypto";

/**
 * A deliberately plain client for contract tests: real HTTP with fetch and management
 * tokens minted here with jose, so the emulator is checked independently of the SDK.
 */

export interface TokenClaims {
  accessKey: string;
  secret: string;
  type?: string;
  version?: number;
  /** Seconds relative to now. */
  nbfOffset?: number;
  expOffset?: number;
  alg?: "HS256" | "HS512";
}

export async function mintManagementToken(c: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ access_key: c.accessKey, type: c.type ?? "management", version: c.version ?? 2 })
    .setProtectedHeader({ alg: c.alg ?? "HS256", typ: "JWT" })
    .setJti(randomUUID())
    .setIssuedAt(now + (c.nbfOffset ?? -10))
    .setNotBefore(now + (c.nbfOffset ?? -10))
    .setExpirationTime(now + (c.expOffset ?? 3600))
    .sign(new TextEncoder().encode(c.secret));
}

export interface Reply<T = any> {
  status: number;
  body: T;
}

export interface HmsTestClient {
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  del<T = any>(path: string): Promise<Reply<T>>;
  /** Same, with an explicit Authorization header value (or none). */
  raw<T = any>(method: string, path: string, init: { authorization?: string; body?: string }): Promise<Reply<T>>;
}

/** `base` is the emulator's origin; paths include their `/v2` or `/_emulator` prefix. */
export function hmsTestClient(base: string, creds: { accessKey: string; secret: string }): HmsTestClient {
  const raw = async <T>(method: string, path: string, init: { authorization?: string; body?: string }): Promise<Reply<T>> => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (init.authorization !== undefined) headers.authorization = init.authorization;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(base + path, { method, headers, body: init.body });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const call = async <T>(method: string, path: string, body?: unknown) =>
    raw<T>(method, path, {
      authorization: `Bearer ${await mintManagementToken(creds)}`,
      body: body === undefined ? (method === "POST" ? "{}" : undefined) : JSON.stringify(body),
    });
  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    del: (path) => call("DELETE", path),
    raw,
  };
}

export const silentLogger = { info: () => {}, warn: () => {} };

export const TEST_CREDS = {
  accessKey: "emulator-test-access-key",
  secret: "emulator-test-secret-at-least-32-bytes!",
  templateId: "64a0c0ffee0123456789abcd",
} as const;
