import { errors } from "jose";
import { AuthError } from "./auth-error.js";

/** What the messages may mention: only our own configuration, never a value from the token. */
export interface VerifierSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

/**
 * Raised by our key resolver when the issuer's key set cannot be fetched or read, so that
 * network trouble is never mistaken for a bad token (503, not 401).
 */
export class JwksUnavailable extends Error {
  override readonly name = "JwksUnavailable";
}

/**
 * Turns whatever jose (or our key resolver) threw into an AuthError a person can act on.
 * jose verifies the signature before it looks at claims, so claim failures are about a token
 * the issuer really signed.
 */
export function tokenFailure(error: unknown, settings: VerifierSettings): AuthError {
  const { issuer, audience, jwksUrl } = settings;
  if (error instanceof AuthError) return error;
  if (error instanceof JwksUnavailable) {
    return new AuthError(
      "jwks_unavailable",
      `The signing keys of ${issuer} could not be fetched from ${jwksUrl}, so access tokens cannot be checked right now. Try again in a moment.`,
      { cause: error.cause ?? error },
    );
  }
  if (error instanceof errors.JWTExpired) {
    return new AuthError("expired", "The access token has expired. Sign in again to get a new one.");
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimFailure(error, settings);
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthError(
      "algorithm_not_allowed",
      `The access token is signed with an algorithm this API does not accept. Only RS256 tokens issued by ${issuer} are accepted.`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError(
      "invalid_signature",
      `The access token's signature could not be verified. It was not signed by ${issuer}; request a new token from that issuer.`,
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError(
      "unknown_key",
      `The access token was signed with a key that ${issuer} does not publish. It may come from another tenant or from a retired key; sign in again through ${issuer}.`,
    );
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthError(
      "malformed",
      `The bearer token is not a JWT access token. Send "Authorization: Bearer <access token>" with a token requested for audience=${audience}; Auth0 hands out an opaque (non-JWT) token when no audience is requested.`,
    );
  }
  return new AuthError(
    "invalid_token",
    `The access token could not be verified. Request a new token from ${issuer} for audience=${audience}.`,
    { cause: error },
  );
}

function claimFailure(error: errors.JWTClaimValidationFailed, settings: VerifierSettings): AuthError {
  const { issuer, audience } = settings;
  switch (error.claim) {
    case "iss":
      return new AuthError(
        "wrong_issuer",
        `The access token was issued by someone other than ${issuer}, the only issuer this API trusts. Sign in through ${issuer}.`,
      );
    case "aud":
      return new AuthError(
        "wrong_audience",
        `The access token was issued for a different API (audience). Request a token with audience=${audience}.`,
      );
    case "nbf":
      return new AuthError(
        "not_yet_valid",
        "The access token is not valid yet (its nbf time is in the future). Check the clock of the machine that issued it, or retry in a moment.",
      );
    case "sub":
      return missingSubject();
    default:
      return new AuthError(
        "invalid_claims",
        `The access token's "${error.claim}" claim is missing or invalid. Request a new token from ${issuer}.`,
      );
  }
}

export const missingSubject = (): AuthError =>
  new AuthError(
    "missing_subject",
    "The access token names no subject (sub claim), so it does not say who is calling. Request a token for a signed-in user.",
  );
