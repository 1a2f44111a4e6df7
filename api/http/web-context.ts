/**
 * What the Remix loaders and actions receive as their load context: the viewer, an
 * in-process GraphQL client (the same schema, resolvers and rules as /graphql, without
 * HTTP), and the sign-in flows. Web code imports only these types, never the runtime.
 */
import type { ApolloServer } from "@apollo/server";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { DocumentNode } from "graphql";
import type { WebAuth } from "../auth/web-auth.js";
import type { DevRoom } from "./dev-room.js";
import type { LocalPayments } from "../payments/stand-ins/index.js";
import type { Database } from "../db/client.js";
import { createReaders } from "../domain/readers.js";
import type { Services } from "../domain/services.js";
import type { Viewer } from "../domain/viewer.js";
import type { GraphQLContext } from "../graphql/context.js";

export interface WebGraphQLErrorInfo {
  code: string;
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
}

export type Gql = <R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables?: V) => Promise<R>;

export interface WebContext {
  viewer: Viewer | null;
  gql: Gql;
  auth: WebAuth;
  /** True when the local stand-ins run: pages may say so (demo accounts, no video). */
  localStandIns: boolean;
  /** Pretend students for the local 100ms emulator's rooms; absent with real 100ms. */
  devRoom?: DevRoom;
  /** The local media plane's init endpoint for the room pages' SDK; absent with real 100ms (the SDK's default). */
  videoInitEndpoint?: string;
  /** The web checkout's "pay" step on the local payment stand-ins; absent with real gateways. */
  localPayments?: LocalPayments;
  /** This response's Content-Security-Policy nonce, for the inline scripts of the page. */
  cspNonce?: string;
}

export function createGql(deps: { graphql: ApolloServer<GraphQLContext>; services: Services; db: Database }, viewer: Viewer | null, requestId: string): Gql {
  return async (document, variables) => {
    const response = await deps.graphql.executeOperation(
      { query: document as unknown as DocumentNode, variables: variables as Record<string, unknown> | undefined },
      { contextValue: { viewer, services: deps.services, readers: createReaders(deps.db, viewer), requestId } },
    );
    if (response.body.kind !== "single") throw new Error("incremental GraphQL responses are not used by the web app");
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      throw new WebGraphQLError(
        errors.map((e) => ({
          code: String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
          message: e.message,
          fields: e.extensions?.fields as WebGraphQLErrorInfo["fields"],
          retryAfter: e.extensions?.retryAfter as number | undefined,
        })),
      );
    }
    return data as never;
  };
}
