/**
 * What the Remix loaders and actions receive as their load context: the viewer, an
 * in-process GraphQL client (the same schema, resolvers and rules as /graphql, without
 * HTTP), and the sign-in flows. Web code imports only these types, never the runtime.
 */
import type { ApolloServer } from "@apollo/server";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode } from "graphql";
import type { WebAuth } from "../auth/web-auth.js";
import type { DevRoom } from "../stand-ins/demo/dev-room.js";
import type { LocalPayments } from "../stand-ins/payments/index.js";
import type { OpenScope } from "../domain/request-scope.js";
import { isExpert, mayRegisterWebhooks, webhooksHearEveryClass, type Viewer } from "../domain/viewer.js";
import type { GraphQLContext } from "../graphql/context.js";
import { httpStatusOfGraphQLCode } from "../errors-map.js";

export interface WebGraphQLErrorInfo {
  code: string;
  /** The HTTP status the error table (api/errors-map.ts) gives `code`, for routes that answer over HTTP. */
  status: number;
  message: string;
  fields?: { path: string; message: string }[];
  /** RATE_LIMITED: seconds until the user may try again. */
  retryAfter?: number;
}

/** A GraphQL operation of a page that failed; loaders turn its code into the right page. */
export class WebGraphQLError extends Error {
  override readonly name = "WebGraphQLError";
  constructor(readonly errors: WebGraphQLErrorInfo[]) {
    super(errors.map((e) => e.message).join("; "));
  }
  get code(): string {
    return this.errors[0]?.code ?? "INTERNAL_SERVER_ERROR";
  }
  get status(): number {
    return this.errors[0]?.status ?? 500;
  }
}

export type Gql = <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables?: V) => Promise<R>;

/** The signed-in person as pages show them; what they may do is the domain's answer, not the page's. */
export interface WebViewer extends Viewer {
  /** May create sessions and has a dashboard (the domain's rule, api/domain/viewer.ts). */
  isExpert: boolean;
  /** May register webhook endpoints: experts and admins (api/domain/viewer.ts). */
  mayRegisterWebhooks: boolean;
  /** Their webhook endpoints hear every class (admins; api/domain/viewer.ts), not only their own. */
  webhooksHearEveryClass: boolean;
}

export interface WebContext {
  viewer: WebViewer | null;
  gql: Gql;
  auth: WebAuth;
  /** True when the local stand-ins run: pages may say so (demo accounts, no video). */
  localStandIns: boolean;
  /** The GraphQL explorer page (/graphiql) is served: outside production only. */
  graphqlExplorer: boolean;
  /** Pretend students for the local 100ms emulator's rooms; absent with real 100ms. */
  devRoom?: DevRoom;
  /** The local media plane's init endpoint for the room pages' SDK; absent with real 100ms (the SDK's default). */
  videoInitEndpoint?: string;
  /** The web checkout's "pay" step on the local payment stand-ins; absent with real gateways. */
  localPayments?: LocalPayments;
  /** This response's Content-Security-Policy nonce, for the inline scripts of the page. */
  cspNonce?: string;
}

/** The request's viewer and GraphQL client, the part of the web context every page request gets. */
export function webRequestContext(
  deps: { graphql: ApolloServer<GraphQLContext>; openScope: OpenScope },
  viewer: Viewer | null,
  requestId: string,
): Pick<WebContext, "viewer" | "gql"> {
  return {
    viewer: viewer && { ...viewer, isExpert: isExpert(viewer), mayRegisterWebhooks: mayRegisterWebhooks(viewer), webhooksHearEveryClass: webhooksHearEveryClass(viewer) },
    gql: createGql(deps.graphql, () => deps.openScope(viewer, requestId)),
  };
}

/**
 * Each operation runs in a scope of its own: a page's action and then its loaders run in one
 * request, and a scope's readers keep what they read, so one scope would show the loaders
 * the world from before the action.
 */
function createGql(graphql: ApolloServer<GraphQLContext>, openScope: () => GraphQLContext): Gql {
  return async (document, variables) => {
    const response = await graphql.executeOperation(
      { query: document as unknown as DocumentNode, variables: variables as Record<string, unknown> | undefined },
      { contextValue: openScope() },
    );
    if (response.body.kind !== "single") throw new Error("incremental GraphQL responses are not used by the web app");
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      throw new WebGraphQLError(
        errors.map((e) => {
          const code = String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR");
          return {
            code,
            status: httpStatusOfGraphQLCode(code),
            message: e.message,
            fields: e.extensions?.fields as WebGraphQLErrorInfo["fields"],
            retryAfter: e.extensions?.retryAfter as number | undefined,
          };
        }),
      );
    }
    return data as never;
  };
}
