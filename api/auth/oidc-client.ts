/**
 * The app as an OpenID Connect client of Auth0 (or the local provider): the authorization
 * code flow with PKCE and state (remix-auth's OAuth2 strategy), ID-token verification, the
 * refresh-token grant that renews a signed-in identity, and where sign-out leaves for.
 * It keeps no sessions; web-auth.ts does, through the domain.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { Authenticator } from "remix-auth";
import { CodeChallengeMethod, OAuth2Strategy } from "remix-auth-oauth2";
import { IdentityRefused, UpstreamError, type Identity, type IdentityRenewer, type RenewedIdentity } from "../domain/ports.js";
import { identityFromClaims } from "./identity-from-claims.js";

export interface OidcClientOptions {
  /** The identity provider's issuer URL (Auth0: `https://tenant/`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  appUrl: string;
  rolesClaim: string;
  /** Secure cookies: always in production. */
  secureCookies: boolean;
  /** How long a renewal may wait for the token endpoint. Default 5 s. */
  renewTimeoutMs?: number;
}

/** A sign-in that could not complete; the message is for the person signing in. */
export class SignInError extends Error {
  override readonly name = "SignInError";
}

export interface SignedIn {
  identity: Identity;
  /** Absent when the provider issued none (offline access not allowed for the application). */
  refreshToken?: string;
}

export interface OidcClient extends IdentityRenewer {
  readonly issuer: string;
  /** First leg: the redirect to the provider, carrying the state/PKCE cookie. */
  /**
   * First leg: the redirect to the provider. `chooseAccount` asks it to show its sign-in
   * page even when it remembers someone (`prompt=login`), as after signing out.
   */
  authorizationRedirect(request: Request, options?: { chooseAccount?: boolean }): Promise<Response>;
  /** Callback: the verified identity. Throws SignInError with a message for the person. */
  completeSignIn(request: Request): Promise<SignedIn>;
  /** The provider's logout URL returning to `home`, or `home` itself when the provider cannot be reached. */
  logoutLocation(home: string): Promise<string>;
}

/**
 * `offline_access` asks for a refresh token: what lets a session learn, every few minutes,
 * of a role removed or a user blocked at the provider.
 */
export const SIGN_IN_SCOPES = ["openid", "profile", "email", "offline_access"];
const STATE_COOKIE = "__oauth_state";
/** After an unreachable provider, renewals fail fast for this long instead of each waiting for a timeout. */
const UNREACHABLE_BACKOFF_MS = 30_000;

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
}

interface Discovered {
  doc: Discovery;
  keys: JWTVerifyGetKey;
  authenticator: Authenticator<SignedIn>;
}

export function createOidcClient(opts: OidcClientOptions): OidcClient {
  const redirectURI = `${opts.appUrl}/auth/callback`;
  const renewTimeoutMs = opts.renewTimeoutMs ?? 5000;

  async function verifiedIdentity(idToken: string, { doc, keys }: Pick<Discovered, "doc" | "keys">): Promise<Identity> {
    // The ID token came straight from the token endpoint; check it is for us all the same.
    const { payload } = await jwtVerify(idToken, keys, { issuer: doc.issuer, audience: opts.clientId, algorithms: ["RS256"] });
    if (typeof payload.sub !== "string" || payload.sub === "") throw new SignInError("The sign-in provider sent no user id.");
    return identityFromClaims({ ...(payload as JWTPayload), sub: payload.sub }, opts.rolesClaim);
  }

  // Discovery is lazy: the local provider may start after us, and Auth0 may be briefly unreachable.
  let discovered: Promise<Discovered> | undefined;
  function discover(): Promise<Discovered> {
    discovered ??= (async () => {
      const res = await fetch(new URL(".well-known/openid-configuration", withSlash(opts.issuer)), { signal: AbortSignal.timeout(renewTimeoutMs) });
      if (!res.ok) throw new SignInError(`The sign-in provider did not answer (HTTP ${res.status}). Please try again in a moment.`);
      const doc = (await res.json()) as Discovery;
      const keys = createRemoteJWKSet(new URL(doc.jwks_uri));
      const strategy = new OAuth2Strategy<SignedIn>(
        {
          clientId: opts.clientId,
          clientSecret: opts.clientSecret,
          authorizationEndpoint: doc.authorization_endpoint,
          tokenEndpoint: doc.token_endpoint,
          redirectURI,
          scopes: SIGN_IN_SCOPES,
          codeChallengeMethod: CodeChallengeMethod.S256,
          cookie: { name: STATE_COOKIE, httpOnly: true, sameSite: "Lax", path: "/auth", ...(opts.secureCookies ? { secure: true as const } : {}) },
        },
        async ({ tokens }) => {
          const identity = await verifiedIdentity(tokens.idToken(), { doc, keys });
          return { identity, ...(tokens.hasRefreshToken() && { refreshToken: tokens.refreshToken() }) };
        },
      );
      return { doc, keys, authenticator: new Authenticator<SignedIn>().use(strategy, "oidc") };
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error instanceof SignInError ? error : new SignInError("The sign-in provider cannot be reached. Please try again in a moment.");
    });
    return discovered;
  }

  /** The client authentication the code exchange uses (arctic: HTTP Basic), for the token and revocation endpoints. */
  const clientAuthorization = `Basic ${Buffer.from(`${opts.clientId}:${opts.clientSecret}`).toString("base64")}`;

  let unreachableUntil = 0;
  const unreachable = (message: string): UpstreamError => {
    unreachableUntil = Date.now() + UNREACHABLE_BACKOFF_MS;
    return new UpstreamError("identity provider", message);
  };

  /** A form POST to one of the provider's endpoints as this client; throws UpstreamError when it cannot be reached. */
  async function postToProvider(name: string, endpoint: (doc: Discovery) => string, form: Record<string, string>): Promise<{ res: Response; provider: Discovered }> {
    if (Date.now() < unreachableUntil) throw new UpstreamError("identity provider", "the identity provider was unreachable moments ago");
    let provider: Discovered;
    try {
      provider = await discover();
    } catch {
      throw unreachable("the identity provider's discovery document could not be fetched");
    }
    try {
      const res = await fetch(endpoint(provider.doc), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", authorization: clientAuthorization },
        body: new URLSearchParams(form),
        signal: AbortSignal.timeout(renewTimeoutMs),
      });
      return { res, provider };
    } catch {
      throw unreachable(`the identity provider's ${name} endpoint could not be reached`);
    }
  }

  return {
    issuer: opts.issuer,

    async authorizationRedirect(request, options = {}) {
      const { authenticator } = await discover();
      try {
        await authenticator.authenticate("oidc", request);
      } catch (thrown) {
        // The strategy "throws" its redirect to the provider, with the state cookie.
        if (thrown instanceof Response) return options.chooseAccount ? withPromptLogin(thrown) : thrown;
        throw thrown;
      }
      throw new SignInError("The sign-in could not be started.");
    },

    async completeSignIn(request) {
      const { authenticator } = await discover();
      try {
        return await authenticator.authenticate("oidc", request);
      } catch (error) {
        throw new SignInError(describeCallbackError(error));
      }
    },

    async renew(refreshToken): Promise<RenewedIdentity> {
      const { res, provider } = await postToProvider("token", (doc) => doc.token_endpoint, { grant_type: "refresh_token", refresh_token: refreshToken });
      const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (res.status === 400 || res.status === 401 || res.status === 403) {
        // invalid_grant: the grant is gone (user blocked or deleted, token revoked or expired).
        const code = typeof body?.error === "string" ? body.error : `HTTP ${res.status}`;
        throw new IdentityRefused(`the identity provider refused the refresh token (${code})`);
      }
      if (!res.ok || !body) throw unreachable(`the identity provider's token endpoint answered HTTP ${res.status}`);
      if (typeof body.id_token !== "string") throw new IdentityRefused("the identity provider renewed the tokens without an ID token");
      let identity: Identity;
      try {
        identity = await verifiedIdentity(body.id_token, provider);
      } catch (error) {
        if (error instanceof errors.JWKSTimeout || error instanceof TypeError) throw unreachable("the identity provider's keys could not be fetched");
        throw new IdentityRefused(`the renewed ID token failed verification (${error instanceof Error ? error.name : "unknown"})`);
      }
      return { identity, ...(typeof body.refresh_token === "string" && body.refresh_token !== refreshToken && { refreshToken: body.refresh_token }) };
    },

    async revoke(refreshToken) {
      // Auth0 lists its /oauth/revoke in discovery; the fallback is where Auth0 keeps it.
      const { res } = await postToProvider("revocation", (doc) => doc.revocation_endpoint ?? `${withSlash(opts.issuer)}oauth/revoke`, { token: refreshToken, token_type_hint: "refresh_token" });
      await res.arrayBuffer().catch(() => undefined);
      // RFC 7009 §2.2: 200 also for a token already revoked, expired or unknown.
      if (!res.ok) throw new UpstreamError("identity provider", `the identity provider's revocation endpoint answered HTTP ${res.status}`);
    },

    async logoutLocation(home) {
      try {
        const { doc } = await discover();
        return doc.end_session_endpoint
          ? `${doc.end_session_endpoint}?${new URLSearchParams({ client_id: opts.clientId, post_logout_redirect_uri: home })}`
          : `${withSlash(opts.issuer)}v2/logout?${new URLSearchParams({ client_id: opts.clientId, returnTo: home })}`;
      } catch {
        // The provider is down: sign out of the app at least.
        return home;
      }
    },
  };
}

/**
 * The strategy's redirect with `prompt=login` added: OpenID Connect Core §3.1.2.1, which
 * Auth0 honours by showing its login page even when its own session is alive.
 */
function withPromptLogin(redirect: Response): Response {
  const location = new URL(redirect.headers.get("Location")!);
  location.searchParams.set("prompt", "login");
  const headers = new Headers(redirect.headers);
  headers.set("Location", location.href);
  return new Response(null, { status: redirect.status, headers });
}

function describeCallbackError(error: unknown): string {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/access_denied/i.test(text)) return "Sign-in was cancelled or refused. You can try again.";
  if (/state/i.test(text)) return "This sign-in link has expired or was already used. Please sign in again.";
  return "Sign-in could not be completed. Please try again.";
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
