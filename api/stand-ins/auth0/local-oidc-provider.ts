/**
 * A LOCAL OpenID Connect provider standing in for Auth0's sign-in (authorization code +
 * PKCE), built on `oidc-provider`, a certified OP. The web app's remix-auth strategy
 * talks to it exactly as it talks to Auth0; only the issuer URL differs. Its login page
 * lists the demo accounts and says plainly that they are local.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { DEMO_USERS, findDemoUser, getDemoUser, type DemoUserKey } from "./demo-users.js";
import { refuseInProduction } from "../production-guard.js";

export interface LocalOidcProvider {
  /** `http://127.0.0.1:PORT/`, with the trailing slash Auth0's issuers have. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /**
   * What an Auth0 admin does in the dashboard, for tests and demos: the change reaches the
   * app's sessions at their next renewal, as it would with Auth0. Local stand-in only.
   */
  removeRole(user: DemoUserKey, role: string): void;
  /** The user is blocked: the provider refuses their refresh tokens and sign-ins (invalid_grant). */
  blockUser(user: DemoUserKey): void;
  close(): Promise<void>;
}

export interface LocalOidcOptions {
  /** Where the app receives the code: `${APP_URL}/auth/callback`. */
  redirectUri: string;
  /** Where the provider sends people after signing out: the app's home page. */
  postLogoutRedirectUri: string;
  rolesClaim: string;
  port?: number;
  logger?: { info(obj: object, msg?: string): void };
}

export async function startLocalOidcProvider(opts: LocalOidcOptions): Promise<LocalOidcProvider> {
  refuseInProduction("The local sign-in provider cannot run in production. Set AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET to sign in with Auth0.");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const clientId = "live-sessions-web-local";
  const clientSecret = randomBytes(24).toString("hex");
  // This provider's own copy of the demo accounts, so removing a role here changes no other instance.
  const roles = new Map(DEMO_USERS.map((u) => [u.sub, [...u.roles]]));
  const blocked = new Set<string>();

  const provider = new Provider(issuer.replace(/\/$/, ""), {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [opts.postLogoutRedirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code", "refresh_token"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    // Profile and roles travel in the ID token, as Auth0's roles Action puts them there.
    conformIdTokenClaims: false,
    claims: { openid: ["sub", opts.rolesClaim], profile: ["name", "picture"], email: ["email"] },
    scopes: ["openid", "profile", "email", "offline_access"],
    // Called again on every refresh-token grant: a removed role or a blocked user shows there.
    findAccount: (_ctx, id) => {
      const user = DEMO_USERS.find((u) => u.sub === id);
      if (!user || blocked.has(id)) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, name: user.name, email: user.email, picture: user.picture, [opts.rolesClaim]: [...(roles.get(id) ?? [])] }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // Auth0's /oauth/revoke (RFC 7009): sign-out revokes the session's refresh token.
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Sign-out needs no confirmation page for the demo accounts.
        logoutSource: (ctx, form) => {
          ctx.body = `<!doctype html><html><body>${form}<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // Every use of a refresh token returns a new one and retires the old, as Auth0 does with
    // rotation on; reusing a retired one revokes the grant. The app must cope with the strictest case.
    rotateRefreshToken: true,
    // Refresh tokens and grants outlive any app session (the app's own limits end those), as on Auth0.
    ttl: { Session: 8 * 3600, Interaction: 3600, Grant: 14 * 86400, RefreshToken: 14 * 86400, IdToken: 3600, AccessToken: 3600, AuthorizationCode: 600 },
  });
  // 127.0.0.1 over plain HTTP is fine for a local stand-in; the provider warns about it otherwise.
  provider.proxy = false;

  const callback = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    grantOfflineAccessLikeAuth0(url, req);
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (!match) {
      callback(req, res);
      return;
    }
    handleInteraction(provider, req, res, Boolean(match[2])).catch((error: unknown) => {
      res.statusCode = 400;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(page("Sign-in expired", `<p>This sign-in attempt is no longer valid (${escapeHtml(String((error as Error).message))}). Go back to the app and sign in again.</p>`));
    });
  });

  opts.logger?.info(
    { issuer, accounts: DEMO_USERS.map((u) => u.key) },
    "LOCAL STAND-IN: OpenID Connect sign-in provider with demo accounts (not Auth0; set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET for real sign-in)",
  );
  return {
    issuer,
    clientId,
    clientSecret,
    removeRole: (key, role) => {
      const sub = getDemoUser(key).sub;
      roles.set(sub, (roles.get(sub) ?? []).filter((r) => r !== role));
    },
    blockUser: (key) => {
      blocked.add(getDemoUser(key).sub);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Auth0 issues a refresh token to its first-party applications for `offline_access` without
 * a consent prompt; oidc-provider follows OpenID Connect Core §11 to the letter and drops
 * `offline_access` unless `prompt=consent` is sent. The app sends what Auth0 wants, so the
 * stand-in adds the prompt, and its consent step grants first-party requests by itself.
 */
function grantOfflineAccessLikeAuth0(url: URL, req: IncomingMessage): void {
  if (url.pathname !== "/auth") return;
  // The app's own prompt stays (`login` after signing out: show the account chooser again).
  const prompts = url.searchParams.get("prompt")?.split(" ") ?? [];
  if (prompts.includes("consent") || prompts.includes("none")) return;
  if (!url.searchParams.get("scope")?.split(" ").includes("offline_access")) return;
  url.searchParams.set("prompt", [...prompts, "consent"].join(" "));
  req.url = `${url.pathname}${url.search}`;
}

async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, submitted: boolean): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === "login") {
    if (!submitted) {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(loginPage(details.uid));
      return;
    }
    const account = findDemoUser(new URLSearchParams(await readBody(req)).get("account") ?? "");
    if (!account) {
      res.statusCode = 400;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(loginPage(details.uid, "Choose one of the demo accounts."));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    return;
  }
  // Consent: the web app is this provider's only, first-party client, so grant what it asked for.
  const { accountId } = details.session!;
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({ accountId, clientId: details.params.client_id as string });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error("form too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function loginPage(uid: string, error?: string): string {
  const buttons = DEMO_USERS.map(
    (u) =>
      `<button type="submit" name="account" value="${u.key}"><img src="${u.picture}" alt="" width="40" height="40">` +
      `<span><strong>${escapeHtml(u.name)}</strong><small>${u.roles.length ? escapeHtml(u.roles.join(", ")) : "student"}</small></span></button>`,
  ).join("");
  return page(
    "Sign in with a demo account",
    `<p class="notice">This is a <strong>local demo sign-in</strong>, not Auth0: pick one of these made-up accounts. ` +
      `Real accounts sign in through Auth0 when the app is configured for it.</p>` +
      (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : "") +
      `<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">${buttons}</form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
.notice{background:#fef3c7;border:1px solid #f59e0b;padding:.75rem;border-radius:.5rem}.error{color:#b91c1c}
form{display:grid;gap:.5rem}button{display:flex;gap:.75rem;align-items:center;text-align:left;padding:.6rem;border:1px solid #d1d5db;border-radius:.5rem;background:#fff;font:inherit;cursor:pointer}
button:hover,button:focus{border-color:#7c3aed;outline:2px solid #c4b5fd}small{display:block;color:#6b7280}img{border-radius:50%}
</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
