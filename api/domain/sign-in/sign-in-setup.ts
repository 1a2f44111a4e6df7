/**
 * What web sign-in sessions need beyond the database; the composition root builds it and
 * the services' dependencies (deps.ts) carry it, so it sits below both.
 */
import type { IdentityRenewer } from "../ports.js";
import type { SignInSessionPolicy } from "./session-policy.js";
import type { TokenSealer } from "./session-secrets.js";

export interface SignInSetup {
  policy: SignInSessionPolicy;
  /** Seals the provider's refresh tokens with SESSION_SECRET. */
  sealer: TokenSealer;
  renewer: IdentityRenewer;
}
