/**
 * The smallest GraphQL client an integrator would write around generated typed documents:
 * `fetch` with the document's text and its variables, both typed by the document (so the
 * variables a test sends must be the operation's, and the answer is the operation's shape).
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { Caller, TestApp } from "./test-app.js";

export interface TypedAnswer<R> {
  status: number;
  headers: Headers;
  data?: R | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TypedGraphQLClient {
  /** Sends `document` with `variables`; `headers` adds request headers (an Idempotency-Key). */
  request<R, V>(document: TypedDocumentNode<R, V>, variables: V, headers?: Record<string, string>): Promise<TypedAnswer<R>>;
}

export function typedGraphQLClient(app: TestApp, as: Caller = null): TypedGraphQLClient {
  return {
    async request(document, variables, headers = {}) {
      const auth: Record<string, string> = as ? { authorization: `Bearer ${await app.tokenFor(as)}` } : {};
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth, ...headers },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
    },
  };
}
