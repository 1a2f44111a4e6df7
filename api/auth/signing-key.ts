import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from "jose";

export interface SigningKey {
  privateKey: CryptoKey;
  /** The public half as published in the JWKS (with kid, alg, use). */
  publicJwk: JWK;
  kid: string;
}

/**
 * The local issuer's RS256 key. With a keyFile the key survives restarts, so tokens (and
 * browser sessions holding them) stay valid while a developer restarts `npm start`.
 */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningKey> {
  const stored = keyFile ? await readStoredJwk(keyFile) : undefined;
  if (stored) return fromPrivateJwk(stored);

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  if (keyFile) {
    await mkdir(dirname(keyFile), { recursive: true });
    // A private key: readable by its owner only.
    await writeFile(keyFile, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  }
  return fromPrivateJwk(privateJwk);
}

async function readStoredJwk(keyFile: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== "RSA" || typeof jwk.d !== "string") throw new Error("not an RSA private JWK");
    return jwk;
  } catch (cause) {
    // Never overwrite silently: that would invalidate every token signed with the old key.
    throw new Error(
      `The local issuer's key file ${keyFile} does not hold an RSA private key (JWK JSON). Delete it to start with a new key.`,
      { cause },
    );
  }
}

async function fromPrivateJwk(privateJwk: JWK): Promise<SigningKey> {
  const privateKey = (await importJWK(privateJwk, "RS256")) as CryptoKey;
  const bare: JWK = { kty: "RSA", n: privateJwk.n, e: privateJwk.e };
  // A thumbprint kid is stable for a persisted key and changes with a new one, as on rotation.
  const kid = await calculateJwkThumbprint(bare);
  return { privateKey, publicJwk: { ...bare, kid, alg: "RS256", use: "sig" }, kid };
}
