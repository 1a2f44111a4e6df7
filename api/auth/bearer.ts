import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { Identity } from "../domain/ports.js";
import { identityFromClaims } from "./identity-from-claims.js";
import { JwksUnavailable, missingSubject, tokenFailure } from "./token-failure.js";

export { AuthError, isAuthError, type AuthErrorReason } from "./auth-error.js";

export interface BearerVerifierOptions {
  /** Auth0's `iss`, with its trailing slash: `https://tenant.auth0.com/`. */
  issuer: string;
  /** The API identifier the token must be issued for. */
  audience: string;
  /** The namespaced claim the roles Action writes, e.g. `https://live-sessions.app/roles`. */
  rolesClaim: string;
  /** Defaults to `${issuer}.well-known/jwks.json`. */
  jwksUrl?: string;
  /** Allowed clock skew for `exp`/`nbf`. Defaults to 30 seconds. */
  clockToleranceSeconds?: number;
}

export interface BearerVerifier {
  /** Resolves to the caller's identity or rejects with an AuthError, never anything else. */
  verify(token: string): Promise<Identity>;
}

export function createBearerVerifier(opts: BearerVerifierOptions): BearerVerifier {
  // A missing slash makes every token fail the `iss` check; say so at boot, not per request.
  if (!opts.issuer.endsWith("/")) {
    throw new Error(
      `The issuer must end with "/" as Auth0's iss claim does (got "${opts.issuer}", expected "${opts.issuer}/").`,
    );
  }
  const settings = {
    issuer: opts.issuer,
    audience: opts.audience,
    jwksUrl: opts.jwksUrl ?? `${opts.issuer}.well-known/jwks.json`,
  };
  const getKey = keyResolver(settings.jwksUrl);
  const clockTolerance = opts.clockToleranceSeconds ?? 30;

  return {
    async verify(token) {
      let claims;
      try {
        ({ payload: claims } = await jwtVerify(token, getKey, {
          // Pinning the algorithm is what stops `alg: none` and HS256-with-the-public-key forgeries.
          algorithms: ["RS256"],
          issuer: settings.issuer,
          audience: settings.audience,
          clockTolerance,
          // A token without `exp` would never expire.
          requiredClaims: ["exp"],
        }));
      } catch (error) {
        throw tokenFailure(error, settings);
      }
      const { sub } = claims;
      if (typeof sub !== "string" || sub === "") throw missingSubject();
      return identityFromClaims({ ...claims, sub }, opts.rolesClaim);
    },
  };
}

/**
 * jose's remote key set caches keys and refetches on an unknown `kid` (at most once per
 * 30 s cooldown). We wrap it only to tag fetch failures, which jose reports as assorted
 * errors (TypeError, JWKSTimeout, plain JOSEError), so they become `jwks_unavailable`.
 */
function keyResolver(jwksUrl: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl));
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // The set was fetched fine but holds no key for this token: the token's fault.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new JwksUnavailable(`Could not load the key set at ${jwksUrl}`, { cause: error });
    }
  };
}

/**
 * The token from an `Authorization: Bearer <token>` header, or null for anything else
 * (absent, another scheme such as Basic, an empty or space-containing token).
 */
export function extractBearer(authorizationHeader: string | undefined): string | null {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? "");
  return match?.[1] ?? null;
}
