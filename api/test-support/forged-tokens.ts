import { base64url, exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey } from "jose";
import type { LocalIssuer, MintClaims } from "../stand-ins/auth0/local-issuer.js";

/**
 * Tokens an attacker could make, for tests that prove the verifier refuses them. Each one
 * carries the claims and `kid` of a genuine token from `issuer`, so only the forgery differs.
 */

/** Signed by a freshly generated RSA key that claims the issuer's `kid`. */
export async function mintWithForeignKey(issuer: LocalIssuer, claims: MintClaims): Promise<string> {
  const { privateKey } = await generateKeyPair("RS256");
  return new SignJWT(issuer.accessTokenClaims(claims))
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: issuer.kid })
    .sign(privateKey);
}

/** `alg: none` with an empty signature. */
export function mintUnsigned(issuer: LocalIssuer, claims: MintClaims): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: "none", typ: "JWT", kid: issuer.kid })}.${encode(issuer.accessTokenClaims(claims))}.`;
}

/** HS256 keyed with the issuer's public key (PEM), the classic algorithm-confusion attack. */
export async function mintHs256WithPublicKey(issuer: LocalIssuer, claims: MintClaims): Promise<string> {
  const publicKey = (await importJWK(issuer.publicJwk, "RS256", { extractable: true })) as CryptoKey;
  const secret = new TextEncoder().encode(await exportSPKI(publicKey));
  return new SignJWT(issuer.accessTokenClaims(claims))
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: issuer.kid })
    .sign(secret);
}
