/**
 * `/api/live/*`: the seed's REST routes over the same services, viewer lookup and
 * error table as GraphQL. Everything answers JSON in the seed's envelope, failures of
 * the HTTP layer itself (bad JSON, wrong content type, too large, unknown route) included.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from "express";
import type { Logger } from "pino";
import type { RequestScope } from "../domain/request-scope.js";
import { sendError, sendFailure } from "./envelope.js";
import { clientWentAway, endAbandonedRequest } from "../abandoned-request.js";
import { HTTP_LAYER_CODES } from "./failure-codes.js";
import { buildOpenApiDocument } from "./openapi.js";
import { REST_ROUTES } from "./routes.js";

export const REST_BODY_LIMIT = "100kb";
const OPENAPI_PATH = "/openapi.json";

export interface RestDeps {
  /** The request's scope (viewer, services, readers): found and opened by the HTTP app, as for every face. */
  scopeOf(req: Request): Promise<RequestScope>;
  logger: Logger;
  appUrl: string;
  /** Idempotency-Key handling for POSTs, run once the body is read (the HTTP app supplies it). */
  idempotency?: RequestHandler;
  /** Sets the RateLimit-* headers of the per-user limits a route counts against (api/http hosts it). */
  rateLimitHeaders?: RequestHandler;
}

const requestIdOf = (req: Request) => String(req.id ?? "");

export function createRestRouter(deps: RestDeps): Router {
  const router = express.Router();
  const openApi = buildOpenApiDocument(deps.appUrl);

  router.get(OPENAPI_PATH, (_req, res) => {
    res.json(openApi);
  });

  // Cross-site cookie requests were already refused in front of every face (http/same-origin.ts).

  // Only routes that take a body read one; on the others a body is ignored, unread.
  const readBody = [requireJsonBody, express.json({ limit: REST_BODY_LIMIT })];
  for (const route of REST_ROUTES) {
    const idempotency = route.method === "post" && deps.idempotency ? [deps.idempotency] : [];
    const rateLimitHeaders = deps.rateLimitHeaders ? [deps.rateLimitHeaders] : [];
    router[route.method](route.path, ...(route.body ? readBody : []), ...idempotency, ...rateLimitHeaders, async (req: Request, res: Response) => {
      try {
        const result = await route.handle({
          ...(await deps.scopeOf(req)),
          appUrl: deps.appUrl,
          params: req.params as Record<string, string>,
          query: req.query as Record<string, unknown>,
          body: req.body,
        });
        res.status(route.status).json({
          success: true,
          data: result.data,
          ...result.extra,
          ...(route.message ? { message: route.message } : {}),
        });
      } catch (error) {
        sendError(res, error, deps.logger, requestIdOf(req));
      }
    });
  }

  // A known path with another method, then anything else under /api/live.
  router.use((req, res) => {
    const allowed = [...REST_ROUTES, { method: "get", path: OPENAPI_PATH }]
      .filter((r) => pathMatches(r.path, req.path))
      .map((r) => r.method.toUpperCase());
    if (allowed.length > 0) {
      res.setHeader("Allow", allowed.join(", "));
      sendFailure(res, 405, `${req.method} is not supported on ${req.baseUrl}${req.path}; use ${allowed.join(" or ")}.`, HTTP_LAYER_CODES.wrongMethod);
      return;
    }
    sendFailure(res, 404, `There is no ${req.method} ${req.baseUrl}${req.path} route. See ${req.baseUrl}/openapi.json for the routes.`, HTTP_LAYER_CODES.noRoute);
  });

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (clientWentAway(error, req)) {
      endAbandonedRequest(req, res, deps.logger);
    } else if (type === "entity.too.large") {
      sendFailure(res, 413, `The request body is larger than ${REST_BODY_LIMIT}.`, HTTP_LAYER_CODES.unreadable);
    } else if (type === "entity.parse.failed") {
      sendFailure(res, 400, "The request body is not valid JSON.", HTTP_LAYER_CODES.unreadable);
    } else if (type === "encoding.unsupported" || type === "charset.unsupported") {
      sendFailure(res, 415, "The request body must be UTF-8 JSON.", HTTP_LAYER_CODES.unreadable);
    } else if (error instanceof URIError || (error as { status?: number }).status === 400) {
      // Express's own 400s: a path with broken percent-encoding, a body that is not what its headers claim.
      sendFailure(res, 400, "The request could not be read: check the URL's encoding and that the body matches its Content-Type and Content-Encoding.", HTTP_LAYER_CODES.unreadable);
    } else {
      sendError(res, error, deps.logger, requestIdOf(req));
    }
  });
  return router;
}

/** A request that carries a body must say it is JSON. */
function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  if (hasBody && !req.is("application/json")) {
    sendFailure(res, 415, "Send the request body as JSON with the header Content-Type: application/json.", HTTP_LAYER_CODES.unreadable);
    return;
  }
  next();
}

function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/:[^/]+/g, "[^/]+")}/?$`);
  return re.test(path);
}
