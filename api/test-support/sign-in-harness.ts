/**
 * Web sign-in on its own: the local OpenID Connect provider, the real OIDC client and
 * WebAuth, and the domain's sign-in sessions on a test database with a test clock. For
 * tests of cookies and session rules that need neither GraphQL nor 100ms.
 */
import pino from "pino";
import { startLocalOidcProvider, type LocalOidcProvider } from "../stand-ins/auth0/local-oidc-provider.js";
import { createOidcClient, type OidcClient } from "../auth/oidc-client.js";
import { createWebAuth, type WebAuth } from "../auth/web-auth.js";
import type { ServiceDeps } from "../domain/deps.js";
import { DEFAULT_SIGN_IN_SESSION_POLICY, type SignInSessionPolicy } from "../domain/sign-in/session-policy.js";
import { createTokenSealer } from "../domain/sign-in/session-secrets.js";
import { endSignInSession, identityOfSignInSession, startSignInSession } from "../domain/sign-in/sign-in-sessions.js";
import { createTestClock, type TestClock } from "./test-clock.js";
import type { TestDatabase } from "./test-database.js";

export const TEST_ROLES_CLAIM = "https://live-sessions.app/roles";
export const TEST_SESSION_SECRET = "a-test-session-secret-of-at-least-32-chars";

export interface SignInHarness {
  provider: LocalOidcProvider;
  oidc: OidcClient;
  auth: WebAuth;
  deps: Pick<ServiceDeps, "db" | "clock" | "logger" | "signIn">;
  clock: TestClock;
  close(): Promise<void>;
}

export async function startSignInHarness(
  database: TestDatabase,
  opts: { appUrl?: string; secureCookies?: boolean; policy?: Partial<SignInSessionPolicy>; renewer?: (oidc: OidcClient) => OidcClient } = {},
): Promise<SignInHarness> {
  const appUrl = opts.appUrl ?? "http://app.test";
  const secureCookies = opts.secureCookies ?? false;
  const provider = await startLocalOidcProvider({ redirectUri: `${appUrl}/auth/callback`, postLogoutRedirectUri: `${appUrl}/app/live`, rolesClaim: TEST_ROLES_CLAIM });
  const oidc = createOidcClient({ issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, appUrl, rolesClaim: TEST_ROLES_CLAIM, secureCookies, renewTimeoutMs: 1000 });
  const clock = createTestClock();
  const policy = { ...DEFAULT_SIGN_IN_SESSION_POLICY, ...opts.policy };
  const deps = {
    db: database.db,
    clock,
    logger: pino({ level: "silent" }),
    signIn: { policy, sealer: createTokenSealer(TEST_SESSION_SECRET), renewer: opts.renewer?.(oidc) ?? oidc },
  };
  const auth = createWebAuth({
    oidc,
    sessions: {
      startSignInSession: (s) => startSignInSession(deps, s),
      identityOfSignInSession: (id) => identityOfSignInSession(deps, id),
      endSignInSession: (id) => endSignInSession(deps, id),
    },
    appUrl,
    sessionSecret: TEST_SESSION_SECRET,
    secureCookies,
    sessionMaxAgeSeconds: policy.maxAgeMs / 1000,
  });
  return { provider, oidc, auth, deps, clock, close: () => provider.close() };
}
