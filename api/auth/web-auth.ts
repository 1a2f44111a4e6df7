/**
 * Web sign-in: the OAuth2/OIDC authorization-code flow with PKCE and state (remix-auth's
 * OAuth2 strategy) against Auth0 or the local provider, and the signed session cookie it
 * leaves behind. The cookie is one more identity source of the viewer lookup, so pages
 * and API calls from the browser see the same viewer.
 */
import { createCookieSessionStorage } from "@remix-run/node";
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { Authenticator } from "remix-auth";
import { CodeChallengeMethod, OAuth2Strategy } from "remix-auth-oauth2";
import type { Identity } from "../domain/ports.js";
import { identityFromClaims } from "./identity-from-claims.js";

export interface WebAuthOptions {
  /** The identity provider's issuer URL (Auth0: `https://tenant/`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  appUrl: string;
  rolesClaim: string;
  sessionSecret: string;
  /** Secure cookies: always in production. */
  secureCookies: boolean;
}

export const SESSION_COOKIE = "__session";
const STATE_COOKIE = "__oauth_state";
const SESSION_HOURS = 8;

/** A sign-in that could not complete; the message is for the person signing in. */
export class SignInError extends Error {
  override readonly name = "SignInError";
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

export interface WebAuth {
  /** The identity provider's issuer URL (sign-out leaves the app for it). */
  readonly issuer: string;
  /** The signed-in identity from the session cookie, or null. */
  identityFromCookie(cookieHeader: string | undefined): Promise<Identity | null>;
  /** First leg: a redirect to the provider. Callback: a redirect back into the app, signed in. */
  signIn(request: Request, returnTo?: string): Promise<Response>;
  signOut(request: Request): Promise<Response>;
}

export function createWebAuth(opts: WebAuthOptions): WebAuth {
  const sessions = createCookieSessionStorage<{ identity: Identity; returnTo: string }>({
    cookie: {
      name: SESSION_COOKIE,
      secrets: [opts.sessionSecret],
      httpOnly: true,
      sameSite: "lax",
      secure: opts.secureCookies,
      path: "/",
      maxAge: SESSION_HOURS * 3600,
    },
  });
  const redirectURI = `${opts.appUrl}/auth/callback`;

  // Discovery is lazy: the local provider may start after us, and Auth0 may be briefly unreachable.
  let discovered: Promise<{ doc: Discovery; keys: JWTVerifyGetKey; authenticator: Authenticator<Identity> }> | undefined;
  function discover() {
    discovered ??= (async () => {
      const res = await fetch(new URL(".well-known/openid-configuration", withSlash(opts.issuer)));
      if (!res.ok) throw new SignInError(`The sign-in provider did not answer (HTTP ${res.status}). Please try again in a moment.`);
      const doc = (await res.json()) as Discovery;
      const keys = createRemoteJWKSet(new URL(doc.jwks_uri));
      const strategy = new OAuth2Strategy<Identity>(
        {
          clientId: opts.clientId,
          clientSecret: opts.clientSecret,
          authorizationEndpoint: doc.authorization_endpoint,
          tokenEndpoint: doc.token_endpoint,
          redirectURI,
          scopes: ["openid", "profile", "email"],
          codeChallengeMethod: CodeChallengeMethod.S256,
          cookie: { name: STATE_COOKIE, httpOnly: true, sameSite: "Lax", path: "/auth", ...(opts.secureCookies ? { secure: true as const } : {}) },
        },
        async ({ tokens }) => {
          // The ID token came straight from the token endpoint; check it is for us all the same.
          const { payload } = await jwtVerify(tokens.idToken(), keys, { issuer: doc.issuer, audience: opts.clientId });
          if (typeof payload.sub !== "string") throw new SignInError("The sign-in provider sent no user id.");
          return identityFromClaims({ ...payload, sub: payload.sub }, opts.rolesClaim);
        },
      );
      return { doc, keys, authenticator: new Authenticator<Identity>().use(strategy, "oidc") };
    })().catch((error: unknown) => {
      discovered = undefined;
      throw error instanceof SignInError ? error : new SignInError("The sign-in provider cannot be reached. Please try again in a moment.");
    });
    return discovered;
  }

  return {
    issuer: opts.issuer,

    async identityFromCookie(cookieHeader) {
      if (!cookieHeader?.includes(`${SESSION_COOKIE}=`)) return null;
      const session = await sessions.getSession(cookieHeader);
      return session.get("identity") ?? null;
    },

    async signIn(request, returnTo) {
      const { authenticator } = await discover();
      const session = await sessions.getSession(request.headers.get("cookie"));
      const isCallback = new URL(request.url).searchParams.has("state");
      if (!isCallback) {
        session.set("returnTo", safeReturnTo(returnTo));
        try {
          await authenticator.authenticate("oidc", request);
        } catch (thrown) {
          // The strategy "throws" its redirect to the provider, with the state cookie.
          if (thrown instanceof Response) {
            thrown.headers.append("Set-Cookie", await sessions.commitSession(session));
            return thrown;
          }
          throw thrown;
        }
        throw new SignInError("The sign-in could not be started.");
      }
      let identity: Identity;
      try {
        identity = await authenticator.authenticate("oidc", request);
      } catch (error) {
        throw new SignInError(describeCallbackError(error));
      }
      const target = safeReturnTo(session.get("returnTo"));
      session.unset("returnTo");
      session.set("identity", identity);
      const headers = new Headers({ Location: target });
      headers.append("Set-Cookie", await sessions.commitSession(session));
      return new Response(null, { status: 302, headers });
    },

    async signOut(request) {
      const session = await sessions.getSession(request.headers.get("cookie"));
      const home = `${opts.appUrl}/app/live`;
      let location = home;
      try {
        const { doc } = await discover();
        location = doc.end_session_endpoint
          ? `${doc.end_session_endpoint}?${new URLSearchParams({ client_id: opts.clientId, post_logout_redirect_uri: home })}`
          : `${withSlash(opts.issuer)}v2/logout?${new URLSearchParams({ client_id: opts.clientId, returnTo: home })}`;
      } catch {
        // The provider is down: sign out of the app at least.
      }
      return new Response(null, { status: 302, headers: { Location: location, "Set-Cookie": await sessions.destroySession(session) } });
    },
  };
}

/** Only paths inside the app: never an open redirect to another site. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/app/live";
  return value;
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
