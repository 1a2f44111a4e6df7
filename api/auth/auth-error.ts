/**
 * Why a Bearer token was refused. Every reason but `jwks_unavailable` means "this token
 * will never be accepted" (answer 401); `jwks_unavailable` means "we cannot check any token
 * right now" (answer 503), so the two must stay distinguishable.
 */
export type AuthErrorReason =
  | "malformed"
  | "algorithm_not_allowed"
  | "invalid_signature"
  | "unknown_key"
  | "wrong_issuer"
  | "wrong_audience"
  | "expired"
  | "not_yet_valid"
  | "missing_subject"
  | "invalid_claims"
  | "invalid_token"
  | "jwks_unavailable";

/** A refused access token. `message` is written for the person holding the token. */
export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    readonly reason: AuthErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isAuthError = (e: unknown): e is AuthError => e instanceof AuthError;
