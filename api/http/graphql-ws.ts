/**
 * GraphQL subscriptions over WebSocket, with the `graphql-ws` protocol on the same `/graphql`
 * path as the HTTP API. Credentials come in `connection_init` (`authorization: Bearer …`) or, for
 * the web app's own pages only (the Origin is APP_URL's), the sign-in cookie of the upgrade
 * request: another site's page must not ride a visitor's cookie. Each operation gets the same
 * request scope, parse limits, validation rules and cost rule as an HTTP query.
 */
import type { IncomingHttpHeaders, Server } from "node:http";
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Context } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { WebSocketServer } from "ws";
import type { OpenScope } from "../domain/request-scope.js";
import type { Viewer } from "../domain/viewer.js";
import { operationCostError, queryLimitRules, queryParseOptions } from "../graphql/query-limits.js";
import { formatError } from "../graphql/server.js";

export interface LiveUpdateLimits {
  connectionsPerUser: number;
  subscriptionsPerConnection: number;
}

export const DEFAULT_LIVE_UPDATE_LIMITS: LiveUpdateLimits = { connectionsPerUser: 5, subscriptionsPerConnection: 10 };

/** Close code for a user over their connection limit (4000–4999 are the application's). */
export const TOO_MANY_CONNECTIONS = 4429;

export interface GraphQLWebSocketOptions {
  schema: GraphQLSchema;
  openScope: OpenScope;
  viewerOf(headers: IncomingHttpHeaders): Promise<Viewer | null>;
  appUrl: string;
  production: boolean;
  logger: Logger;
  limits?: LiveUpdateLimits;
}

/** Answers WebSocket upgrades to /graphql; returns the way to close every socket. */
export function serveGraphQLWebSocket(server: Server, opts: GraphQLWebSocketOptions): () => Promise<void> {
  const limits = opts.limits ?? DEFAULT_LIVE_UPDATE_LIMITS;
  const appOrigin = new URL(opts.appUrl).origin;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const viewers = new WeakMap<object, Viewer>();
  const subscriptions = new WeakMap<object, Set<string>>();
  const connectionsOf = new Map<string, number>();
  const parseOptions = queryParseOptions();
  const rules = [...specifiedRules, ...queryLimitRules()];

  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/graphql") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  const format = (result: ExecutionResult) => ({
    ...result,
    ...(result.errors ? { errors: result.errors.map((e) => formatError(e.toJSON(), e, opts.production)) } : {}),
  });

  const disposable = useServer(
    {
      schema: opts.schema,
      parse: (source) => parse(source, parseOptions),
      validate: (schema, document) => validate(schema, document, rules),
      onConnect: async (ctx: Context<Record<string, unknown> | undefined, { request: { headers: IncomingHttpHeaders }; socket: { close(code: number, reason: string): void } }>) => {
        const authorization = ctx.connectionParams?.authorization;
        const headers: IncomingHttpHeaders = {};
        if (typeof authorization === "string") headers.authorization = authorization;
        else if (ctx.extra.request.headers.origin === appOrigin && ctx.extra.request.headers.cookie) headers.cookie = ctx.extra.request.headers.cookie;
        let viewer: Viewer | null = null;
        try {
          viewer = await opts.viewerOf(headers);
        } catch {
          viewer = null;
        }
        if (!viewer) return false;
        const open = connectionsOf.get(viewer.id) ?? 0;
        if (open >= limits.connectionsPerUser) {
          ctx.extra.socket.close(TOO_MANY_CONNECTIONS, `At most ${limits.connectionsPerUser} live-update connections per user`);
          return false;
        }
        connectionsOf.set(viewer.id, open + 1);
        viewers.set(ctx, viewer);
        subscriptions.set(ctx, new Set());
        return true;
      },
      onClose: (ctx) => {
        const viewer = viewers.get(ctx);
        if (!viewer) return;
        viewers.delete(ctx);
        const left = (connectionsOf.get(viewer.id) ?? 1) - 1;
        if (left > 0) connectionsOf.set(viewer.id, left);
        else connectionsOf.delete(viewer.id);
      },
      onSubscribe: (ctx, id, payload) => {
        const open = subscriptions.get(ctx)!;
        if (open.size >= limits.subscriptionsPerConnection) {
          return [new GraphQLError(`At most ${limits.subscriptionsPerConnection} subscriptions per connection: complete one first, or open another connection.`, { extensions: { code: "RATE_LIMITED" } })];
        }
        let document;
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError("The operation could not be read.")];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation && operation.operation !== "subscription") {
          return [new GraphQLError("Only subscriptions are served over WebSocket; send queries and mutations with HTTP POST to /graphql.", { extensions: { code: "OPERATION_NOT_SUPPORTED" } })];
        }
        const tooCostly = operation && operationCostError(opts.schema, document, operation, payload.variables ?? undefined);
        if (tooCostly) return [tooCostly];
        open.add(id);
      },
      onComplete: (ctx, id) => {
        subscriptions.get(ctx)?.delete(id);
      },
      context: (ctx, id) => opts.openScope(viewers.get(ctx) ?? null, `ws-${id}`),
      onNext: (_ctx, _id, _payload, _args, result) => format(result),
      // Errors before execution (parse, validation, limits) are the caller's to fix, as over HTTP.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => {
          const coded = e.extensions?.code ? e : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, originalError: e.originalError, extensions: { ...e.extensions, code: "GRAPHQL_VALIDATION_FAILED" } });
          return formatError(coded.toJSON(), coded, opts.production);
        }),
    },
    wss,
  );

  return async () => {
    for (const client of wss.clients) client.close(1001, "The server is shutting down");
    await disposable.dispose();
  };
}
