import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, type JWK, type JWTPayload } from "jose";
import { DEMO_USERS } from "./demo-users.js";
import { loadOrCreateSigningKey } from "../../auth/signing-key.js";
import { refuseInProduction } from "../production-guard.js";

export const LOCAL_AUDIENCE = "https://api.live-sessions.local";
export const DEFAULT_ROLES_CLAIM = "https://live-sessions.app/roles";
/** Stands in for the Auth0 application's client id, which Auth0 puts in `azp`. */
export const LOCAL_CLIENT_ID = "live-sessions-local";

export interface StartupLogger {
  info(obj: object, msg?: string): void;
}

export interface LocalIssuerOptions {
  /** 0 or absent: any free port. */
  port?: number;
  audience?: string;
  rolesClaim?: string;
  logger?: StartupLogger;
  /** Where to keep the RSA key pair (JWK JSON) so tokens survive a restart. */
  keyFile?: string;
}

/** What the tenant's Action and login put into an access token, plus knobs for tests. */
export interface MintClaims {
  sub: string;
  name?: string;
  email?: string;
  picture?: string;
  roles?: readonly string[];
  /** Lifetime from now; negative gives an already-expired token. Default 86400, Auth0's API default. */
  expiresInSeconds?: number;
  /** Default: [our audience, `${issuer}userinfo`], as Auth0 issues when `openid` is in scope. */
  audience?: string | string[];
  issuer?: string;
  notBefore?: Date;
  alg?: "RS256";
}

export interface LocalIssuer {
  /** `http://127.0.0.1:PORT/`, trailing slash included like Auth0's. */
  readonly issuer: string;
  readonly audience: string;
  readonly rolesClaim: string;
  readonly jwksUrl: string;
  readonly port: number;
  readonly kid: string;
  /** The published verification key (tests use it to forge tokens). */
  readonly publicJwk: JWK;
  /** The claims mintAccessToken would sign, without signing them. */
  accessTokenClaims(claims: MintClaims): JWTPayload;
  mintAccessToken(claims: MintClaims): Promise<string>;
  /** Signs exactly these claims with the issuer's key: for tokens Auth0 would never issue. */
  signClaims(payload: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

const consoleLogger: StartupLogger = {
  info: (obj, msg) => console.info(JSON.stringify({ level: "info", ...obj, msg })),
};

export async function startLocalIssuer(opts: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  refuseInProduction(
    "A local identity provider cannot run in production. Set AUTH0_DOMAIN and AUTH0_AUDIENCE " +
      "(and AUTH0_ROLES_CLAIM if your roles Action uses another claim) to verify tokens with Auth0.",
  );
  const audience = opts.audience ?? LOCAL_AUDIENCE;
  const rolesClaim = opts.rolesClaim ?? DEFAULT_ROLES_CLAIM;
  const key = await loadOrCreateSigningKey(opts.keyFile);

  let documents: Record<string, unknown> = {};
  const server = createServer((req, res) => serve(documents, req, res));
  const port = await listen(server, opts.port ?? 0);
  const issuer = `http://127.0.0.1:${port}/`;
  const jwksUrl = `${issuer}.well-known/jwks.json`;
  documents = {
    "/.well-known/jwks.json": { keys: [key.publicJwk] },
    // Only what this stand-in really serves; sign-in endpoints arrive with the web sign-in.
    "/.well-known/openid-configuration": {
      issuer,
      jwks_uri: jwksUrl,
      id_token_signing_alg_values_supported: ["RS256"],
      subject_types_supported: ["public"],
      scopes_supported: ["openid", "profile", "email"],
    },
  };

  const sign = (payload: Record<string, unknown>) =>
    new SignJWT(payload).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid }).sign(key.privateKey);

  const accessTokenClaims = (claims: MintClaims): JWTPayload => {
    const iat = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = {
      // The roles Action in docs/auth0.md#the-roles-action: namespaced roles, then the profile.
      [rolesClaim]: [...(claims.roles ?? [])],
      ...(claims.name !== undefined && { name: claims.name }),
      ...(claims.email !== undefined && { email: claims.email }),
      ...(claims.picture !== undefined && { picture: claims.picture }),
      iss: claims.issuer ?? issuer,
      sub: claims.sub,
      aud: claims.audience ?? [audience, `${issuer}userinfo`],
      iat,
      exp: iat + (claims.expiresInSeconds ?? 86_400),
      ...(claims.notBefore && { nbf: Math.floor(claims.notBefore.getTime() / 1000) }),
      scope: "openid profile email",
      azp: LOCAL_CLIENT_ID,
    };
    return payload;
  };

  (opts.logger ?? consoleLogger).info(
    { issuer, jwksUrl, audience, demoAccounts: DEMO_USERS.map((u) => u.key) },
    `Auth: LOCAL stand-in for Auth0 (not a real identity provider) issuing RS256 tokens for demo accounts ` +
      `${DEMO_USERS.map((u) => u.key).join(", ")}. Set AUTH0_DOMAIN and AUTH0_AUDIENCE to use Auth0.`,
  );

  return {
    issuer,
    audience,
    rolesClaim,
    jwksUrl,
    port,
    kid: key.kid,
    publicJwk: key.publicJwk,
    accessTokenClaims,
    mintAccessToken: (claims) => sign(accessTokenClaims(claims)),
    signClaims: sign,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function serve(documents: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://local").pathname;
  const document = documents[path];
  if (document === undefined) return sendJson(res, 404, { error: "not_found" });
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return sendJson(res, 405, { error: "method_not_allowed" });
  }
  sendJson(res, 200, document);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`The local identity provider cannot listen on 127.0.0.1:${port}: the port is in use.`, { cause: error })
          : error,
      ),
    );
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}
