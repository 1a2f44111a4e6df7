/**
 * The whole service as `npm start` builds it (same composition root, the local 100ms
 * emulator and identity provider, real HTTP), on a test database and a fixed clock.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import pino, { type Logger } from "pino";
import { getDemoUser, type DemoUserKey } from "../stand-ins/auth0/demo-users.js";
import { compose, type Composition } from "../composition.js";
import { loadEnv } from "../config/env.js";
import type { HmsEmulator } from "../stand-ins/hms-emulator/index.js";
import type { LocalIssuer, MintClaims } from "../stand-ins/auth0/local-issuer.js";
import type { PaymentStandIns } from "../stand-ins/payments/index.js";
import { createTestClock, type TestClock } from "./test-clock.js";
import type { TestDatabase } from "./test-database.js";

/**
 * Tests make many sessions per user, and every test's requests come from 127.0.0.1 within
 * a few (test-clock) minutes; the rate-limit tests set their own limits.
 */
const UNLIMITED_ENV = {
  RATE_LIMIT_CREATE_SESSION: "1000000",
  RATE_LIMIT_ENROLL: "1000000",
  RATE_LIMIT_JOIN_TOKEN: "1000000",
  RATE_LIMIT_ANONYMOUS: "1000000",
  RATE_LIMIT_SIGN_IN: "1000000",
};

export type Caller = DemoUserKey | { sub: string; name?: string; roles?: string[] } | null;

/** A typed document from ./__generated__ (`graphql(...)`), or raw GraphQL text. */
export type GraphQLDocument = string | TypedDocumentNode<any, any>;

/** The text to send: typed documents carry their fragments already. */
export function graphQLText(document: GraphQLDocument): string {
  return typeof document === "string" ? document : print(document);
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  url: string;
  clock: TestClock;
  composition: Composition;
  emulator: HmsEmulator;
  /** The local Stripe and Razorpay stand-ins; absent when the test's env turns them off. */
  payments?: PaymentStandIns;
  issuer: LocalIssuer;
  /**
   * An access token for a demo account (or any subject), as the local Auth0 stand-in issues it: the
   * one way tests act as someone. `claims` changes the token (an expired one: `{ expiresInSeconds: -60 }`).
   */
  tokenFor(caller: Exclude<Caller, null>, claims?: Omit<MintClaims, "sub">): Promise<string>;
  /**
   * Sends a typed document (written with `graphql()` from ./__generated__, so its result follows
   * the schema) or raw text (for requests that are wrong on purpose). Variables stay open: contract
   * tests send the wrong input on purpose too.
   */
  gql<R>(query: TypedDocumentNode<R, any>, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse<R>>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse<T>>;
  /** One of several documents (a table of cases): the result is whichever the document was. */
  gql(query: GraphQLDocument, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse>;
  /** Like gql, but fails the test with the errors if there are any. */
  gqlOk<R>(query: TypedDocumentNode<R, any>, variables?: Record<string, unknown>, as?: Caller): Promise<R>;
  gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<T>;
  close(): Promise<void>;
}

export async function startTestApp(database: TestDatabase, options: { env?: Record<string, string>; logger?: Logger } = {}): Promise<TestApp> {
  const clock = createTestClock();
  const env = loadEnv({ NODE_ENV: "test", PORT: "0", DEMO_DATA: "false", DATA_DIR: "/nonexistent-in-tests", APP_URL: "http://app.test", ...UNLIMITED_ENV, ...options.env });
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const composition = await compose(env, { logger, clock, database });
  const server: Server = await new Promise((resolve) => {
    const s = composition.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  // fetch keeps connections for reuse; on a loaded machine a test that seeds for longer than
  // Node's 5 s keep-alive would race the server closing the idle connection (ECONNRESET).
  server.keepAliveTimeout = 120_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // As `npm start` does: the emulator's webhooks come back to this app.
  composition.listening(server);
  const issuer = composition.localIssuer!;
  const tokens = new Map<string, string>();

  async function tokenFor(caller: Exclude<Caller, null>, changes?: Omit<MintClaims, "sub">): Promise<string> {
    const claims = {
      ...(typeof caller === "string"
        ? (({ sub, name, email, picture, roles }) => ({ sub, name, email, picture, roles }))(getDemoUser(caller))
        : { sub: caller.sub, name: caller.name ?? caller.sub, roles: caller.roles ?? [] }),
      ...changes,
    };
    // A lifetime relative to now is minted afresh each time; the rest is the same token every call.
    if (changes?.expiresInSeconds !== undefined || changes?.notBefore !== undefined) return issuer.mintAccessToken(claims);
    const key = JSON.stringify(claims);
    if (!tokens.has(key)) tokens.set(key, await issuer.mintAccessToken(claims));
    return tokens.get(key)!;
  }

  async function gql<T>(document: GraphQLDocument, variables: Record<string, unknown> = {}, as: Caller = null): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (as) headers.authorization = `Bearer ${await tokenFor(as)}`;
    const query = graphQLText(document);
    const res = await fetch(`${url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as Omit<GraphQLResponse<T>, "status" | "headers">;
    return { status: res.status, headers: res.headers, ...body };
  }

  return {
    url,
    clock,
    composition,
    emulator: composition.emulator!,
    payments: composition.paymentStandIns,
    issuer,
    tokenFor,
    gql,
    async gqlOk<T>(query: GraphQLDocument, variables?: Record<string, unknown>, as?: Caller) {
      const res = await gql<T>(query, variables, as);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await composition.close();
    },
  };
}
