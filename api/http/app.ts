/**
 * The HTTP face of the process: health, GraphQL, and (in later issues) the REST shim and
 * the web app, all over the same services and the same viewer lookup.
 */
import { expressMiddleware } from "@as-integrations/express4";
import type { ApolloServer } from "@apollo/server";
import compression from "compression";
import express, { type Express, type Request } from "express";
import type { Logger } from "pino";
import { pingWithin } from "../db/availability.js";
import { asDomainError } from "../errors-map.js";
import type { OpenScope, RequestScope } from "../domain/request-scope.js";
import type { Services } from "../domain/services.js";
import type { GraphQLContext } from "../graphql/context.js";
import { domainErrorToGraphQL } from "../graphql/server.js";
import { graphqlHttpErrors } from "../graphql/http-errors.js";
import { createRestRouter } from "../rest/router.js";
import { accessLog } from "./access-log.js";
import { apiSecurityHeaders } from "./security-headers.js";
import { sameOriginForCookies } from "./same-origin.js";
import { apiCors } from "./cors.js";
import { loopbackOnly } from "./loopback-only.js";
import type { ViewerLookup } from "./viewer.js";
import { addressRateLimit } from "./address-rate-limit.js";
import { unsubscribeRoutes } from "./unsubscribe.js";
import { settingsPageUrl } from "../web-links.js";
import { idempotentRequests } from "./idempotency.js";
import { userRateLimitHeaders } from "./user-rate-limit-headers.js";

export interface AppDeps {
  logger: Logger;
  services: Services;
  /** Opens a request's scope in the domain (viewer, services, readers): every face's one door. */
  openScope: OpenScope;
  graphql: ApolloServer<GraphQLContext>;
  viewerOf: ViewerLookup;
  appUrl: string;
  /** Reports whether the database answers; /readyz uses it. */
  ping(): Promise<void>;
  /** Extra routes of local stand-ins (never present in production). */
  localRoutes?: express.Router;
  /** The Remix web app; absent in API-only tests. */
  web?: express.Router;
  /** `/api/webhooks/*`: 100ms's webhook receiver. */
  hmsWebhooks?: express.Router;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For gives the client's address. Default: nobody's. */
  trustProxy?: false | number | string[];
  /** Browser apps on other sites that may call the API with a Bearer token (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  // One lookup (memoised per request in viewer.ts), one scope: GraphQL's context and REST's calls.
  const scopeOf = async (req: Request): Promise<RequestScope> => deps.openScope(await deps.viewerOf(req.headers), String(req.id));
  // Idempotency-Key on REST POSTs and GraphQL mutations, after their bodies are read (idempotency.ts).
  const idempotency = (face: "rest" | "graphql") => idempotentRequests(face, { services: deps.services, viewerOf: deps.viewerOf, logger: deps.logger });

  app.disable("x-powered-by");
  // Per-address limits count `req.ip`: a forwarded address is believed only from configured proxies.
  app.set("trust proxy", deps.trustProxy ?? false);

  // Each request's id and its line in the access log (access-log.ts).
  app.use(accessLog(deps.logger));

  // Pages, GraphQL and REST answers over 1 KB are compressed as they are sent (brotli at
  // quality 4, gzip otherwise: cheap enough per request). The web app's hashed assets come
  // precompressed from the build (web.ts) and carry Content-Encoding, so this leaves them be.
  app.use(compression({ threshold: 1024 }));

  // Pages get theirs, with a policy for the web app, from the web router (security-headers.ts).
  app.use(["/graphql", "/api"], apiSecurityHeaders({ secure: deps.appUrl.startsWith("https:") }));
  // Other sites' browser apps named in CORS_ORIGINS, Bearer only (cors.ts).
  const crossSite = apiCors(deps.corsOrigins ?? []);
  if (crossSite) app.use(["/graphql", "/api/live"], crossSite);
  // Before every face: a cookie-authenticated change must come from our own pages (same-origin.ts).
  app.use(sameOriginForCookies(deps.appUrl));
  // Requests without credentials, and sign-ins, per client address (address-rate-limit.ts).
  app.use(addressRateLimit({ take: deps.services.takeAddressAttempt, viewerOf: deps.viewerOf, logger: deps.logger }));

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      // Bounded: a database that hangs must read as "not ready", not as a probe time-out.
      await pingWithin(deps.ping, 2000);
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "not ready", reason: "The database is not answering." });
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    idempotency("graphql"),
    // Where the caller stands in a per-user limit the operation counted against (user-rate-limit-headers.ts).
    userRateLimitHeaders(),
    expressMiddleware(deps.graphql, {
      context: async ({ req }): Promise<GraphQLContext> => {
        try {
          return await scopeOf(req as Request);
        } catch (error) {
          const domainError = asDomainError(error);
          if (domainError) throw domainErrorToGraphQL(domainError, (req as Request).headers.authorization !== undefined);
          // Apollo answers "Context creation failed" (a 500, masked by formatError) before any
          // plugin sees the request, so the cause is logged here, where the request id is known.
          deps.logger.error({ err: error, requestId: String((req as Request).id) }, "unexpected error before a GraphQL request ran (finding the viewer)");
          throw error;
        }
      },
    }),
  );

  // Bodies Express could not read (not JSON, too large) answer as GraphQL errors, not HTML.
  app.use("/graphql", graphqlHttpErrors(deps.logger));

  if (deps.hmsWebhooks) app.use("/api/webhooks", deps.hmsWebhooks);
  app.use("/api/live", createRestRouter({ scopeOf, logger: deps.logger, appUrl: deps.appUrl, idempotency: idempotency("rest"), rateLimitHeaders: userRateLimitHeaders() }));

  // Email's signed unsubscribe links: no sign-in (api/http/unsubscribe.ts).
  app.use("/email", unsubscribeRoutes({ services: deps.services, logger: deps.logger, settingsUrl: settingsPageUrl(deps.appUrl) }));

  // The stand-ins hand out tokens for any demo account: only to this machine (loopback-only.ts).
  if (deps.localRoutes) app.use("/_local", loopbackOnly, deps.localRoutes);

  // The web app answers everything else (and its own 404s).
  if (deps.web) app.use(deps.web);
  return app;
}
