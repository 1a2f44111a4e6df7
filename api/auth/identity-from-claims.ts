import type { JWTPayload } from "jose";
import type { Identity } from "../domain/ports.js";

/**
 * Reads an Identity out of claims that were already verified. Claims come from a tenant's
 * Action code, which an operator can get wrong, so odd shapes degrade to "no roles" or
 * "no profile" instead of crashing the request. `sub` is checked by the verifier.
 */
export function identityFromClaims(
  claims: JWTPayload & { sub: string },
  rolesClaim: string,
): Identity {
  const identity: Identity = { subject: claims.sub, roles: rolesFrom(claims[rolesClaim]) };
  for (const field of ["name", "email", "picture"] as const) {
    const value = claims[field];
    if (typeof value === "string" && value !== "") identity[field] = value;
  }
  // jose has checked that a present `iat` is a number; a token without one cannot prove its age.
  if (typeof claims.iat === "number" && Number.isFinite(claims.iat)) identity.issuedAt = new Date(claims.iat * 1000);
  return identity;
}

function rolesFrom(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const roles = value.filter((role): role is string => typeof role === "string" && role !== "");
  return [...new Set(roles)];
}
