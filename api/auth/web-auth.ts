/**
 * Web sign-in: the OpenID Connect code flow (oidc-client.ts) against Auth0 or the local
 * provider, and the session it leaves behind. The `__session` cookie carries only a random
 * id; the session itself is a row on the server (api/domain/sign-in), so signing out, an
 * admin, the lifetime and idle limits, and the provider (on renewal) can all end it. The
 * cookie is one more identity source of the viewer lookup, so pages and API calls from the
 * browser see the same viewer.
 */
import { createCookie } from "@remix-run/node";
import { isDomainError } from "../domain/errors.js";
import type { Identity } from "../domain/ports.js";
import type { StartedSignInSession } from "../domain/sign-in/sign-in-sessions.js";
import { SignInError, type OidcClient } from "./oidc-client.js";
import { safeReturnTo } from "./return-to.js";

export { SignInError } from "./oidc-client.js";

/** What web sign-in needs of the domain: its sign-in session service. */
export interface WebSessionStore {
  startSignInSession(signIn: { identity: Identity; refreshToken?: string }): Promise<StartedSignInSession>;
  identityOfSignInSession(cookieId: string): Promise<Identity | null>;
  endSignInSession(cookieId: string): Promise<void>;
}

export interface WebAuthOptions {
  oidc: OidcClient;
  sessions: WebSessionStore;
  appUrl: string;
  /** Signs the short-lived cookie that carries returnTo through the provider. */
  sessionSecret: string;
  /** Secure cookies: always in production. */
  secureCookies: boolean;
  /** The session cookie's Max-Age: the session's absolute lifetime (the server enforces it too). */
  sessionMaxAgeSeconds: number;
}

export const SESSION_COOKIE = "__session";
/** Where the app was asked to return to, kept while the person is at the provider. */
export const PENDING_SIGN_IN_COOKIE = "__sign_in";
/**
 * Set by signing out: the next sign-in in this browser asks the provider for its sign-in
 * page (prompt=login), so the person may choose another account rather than be signed
 * straight back in as the one who just left (the provider's own session may outlive ours).
 */
export const SIGNED_OUT_COOKIE = "__signed_out";

export interface WebAuth {
  /** The identity provider's issuer URL (sign-out leaves the app for it). */
  readonly issuer: string;
  /** The signed-in identity from the session cookie, or null. */
  identityFromCookie(cookieHeader: string | undefined): Promise<Identity | null>;
  /** First leg: a redirect to the provider. Callback: a redirect back into the app, signed in. */
  signIn(request: Request, returnTo?: string): Promise<Response>;
  /** Ends this browser's session on the server, clears the cookie, and leaves for the provider's logout. */
  signOut(request: Request): Promise<Response>;
}

export function createWebAuth(opts: WebAuthOptions): WebAuth {
  const { oidc, sessions } = opts;
  const attributes = `Path=/; HttpOnly; SameSite=Lax${opts.secureCookies ? "; Secure" : ""}`;
  const pending = createCookie(PENDING_SIGN_IN_COOKIE, {
    secrets: [opts.sessionSecret],
    httpOnly: true,
    sameSite: "lax",
    secure: opts.secureCookies,
    path: "/auth",
    // Long enough to choose an account at the provider; the sign-in itself is the session.
    maxAge: 3600,
  });
  const sessionCookie = (id: string) => `${SESSION_COOKIE}=${id}; Max-Age=${opts.sessionMaxAgeSeconds}; ${attributes}`;
  const clearedSessionCookie = `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${attributes}`;
  const signedOutAttributes = `Path=/auth; HttpOnly; SameSite=Lax${opts.secureCookies ? "; Secure" : ""}`;
  const signedOutCookie = `${SIGNED_OUT_COOKIE}=1; Max-Age=${30 * 86400}; ${signedOutAttributes}`;
  const clearedSignedOutCookie = `${SIGNED_OUT_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${signedOutAttributes}`;

  return {
    issuer: oidc.issuer,

    async identityFromCookie(cookieHeader) {
      const id = cookieValue(cookieHeader, SESSION_COOKIE);
      return id ? sessions.identityOfSignInSession(id) : null;
    },

    async signIn(request, returnTo) {
      const cookies = request.headers.get("cookie") ?? undefined;
      const isCallback = new URL(request.url).searchParams.has("state");
      if (!isCallback) {
        const redirect = await oidc.authorizationRedirect(request, { chooseAccount: cookieValue(cookies, SIGNED_OUT_COOKIE) === "1" });
        redirect.headers.append("Set-Cookie", await pending.serialize({ returnTo: safeReturnTo(returnTo, opts.appUrl) }));
        return redirect;
      }
      const signedIn = await oidc.completeSignIn(request);
      let started: StartedSignInSession;
      try {
        started = await sessions.startSignInSession(signedIn);
      } catch (error) {
        // The provider vouched for someone this service cannot take (a user id it cannot store).
        if (isDomainError(error) && error.code === "UNAUTHENTICATED") throw new SignInError(error.message);
        throw error;
      }
      // A browser that was signed in already gets a new session id; the old row goes.
      const previous = cookieValue(cookies, SESSION_COOKIE);
      if (previous) await sessions.endSignInSession(previous);
      const remembered = (await pending.parse(cookies ?? null)) as { returnTo?: unknown } | null;
      // Checked again: the first leg may have been served by an older version of this check.
      const target = safeReturnTo(remembered?.returnTo, opts.appUrl);
      const headers = new Headers({ Location: target });
      headers.append("Set-Cookie", sessionCookie(started.id));
      headers.append("Set-Cookie", await pending.serialize("", { maxAge: 0 }));
      if (cookieValue(cookies, SIGNED_OUT_COOKIE)) headers.append("Set-Cookie", clearedSignedOutCookie);
      return new Response(null, { status: 302, headers });
    },

    async signOut(request) {
      const id = cookieValue(request.headers.get("cookie") ?? undefined, SESSION_COOKIE);
      if (id) await sessions.endSignInSession(id);
      const location = await oidc.logoutLocation(`${opts.appUrl}/app/live`);
      const headers = new Headers({ Location: location });
      headers.append("Set-Cookie", clearedSessionCookie);
      headers.append("Set-Cookie", signedOutCookie);
      return new Response(null, { status: 302, headers });
    },
  };
}

/** One cookie's raw value from a Cookie header; the session id needs no decoding. */
function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}
