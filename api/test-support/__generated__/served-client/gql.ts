/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ClientMe { me { id name } }\n": typeof types.ClientMeDocument,
    "\n  mutation ClientCreate($input: CreateSessionInput!) {\n    createSession(input: $input) { id title status price currency isFree checkoutGateway scheduledStartTime }\n  }\n": typeof types.ClientCreateDocument,
    "\n  query ClientWalk($first: Int!, $after: String, $filter: SessionsFilter) {\n    sessionsConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ClientWalkDocument,
    "\n  mutation ClientEnroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { id sessionId paid paymentGateway amountPaid }\n  }\n": typeof types.ClientEnrollDocument,
    "\n  query ClientSeats($id: ID!) { session(id: $id) { id status enrolledCount attendedCount } }\n": typeof types.ClientSeatsDocument,
    "\n  mutation ClientCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference publicKey amountInMinorUnits currency }\n  }\n": typeof types.ClientCheckoutDocument,
    "\n  mutation ClientStart($id: ID!) { startSession(id: $id) { roomId roomCode sessionUrl session { status } } }\n": typeof types.ClientStartDocument,
    "\n  mutation ClientJoin($sessionId: ID!) { joinToken(sessionId: $sessionId) { token role userName expiresAt } }\n": typeof types.ClientJoinDocument,
    "\n  mutation ClientEnd($id: ID!) { endSession(id: $id) { sessionId duration session { status } } }\n": typeof types.ClientEndDocument,
    "\n  query ClientRecording($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt } }\n": typeof types.ClientRecordingDocument,
};
const documents: Documents = {
    "\n  query ClientMe { me { id name } }\n": types.ClientMeDocument,
    "\n  mutation ClientCreate($input: CreateSessionInput!) {\n    createSession(input: $input) { id title status price currency isFree checkoutGateway scheduledStartTime }\n  }\n": types.ClientCreateDocument,
    "\n  query ClientWalk($first: Int!, $after: String, $filter: SessionsFilter) {\n    sessionsConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ClientWalkDocument,
    "\n  mutation ClientEnroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { id sessionId paid paymentGateway amountPaid }\n  }\n": types.ClientEnrollDocument,
    "\n  query ClientSeats($id: ID!) { session(id: $id) { id status enrolledCount attendedCount } }\n": types.ClientSeatsDocument,
    "\n  mutation ClientCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference publicKey amountInMinorUnits currency }\n  }\n": types.ClientCheckoutDocument,
    "\n  mutation ClientStart($id: ID!) { startSession(id: $id) { roomId roomCode sessionUrl session { status } } }\n": types.ClientStartDocument,
    "\n  mutation ClientJoin($sessionId: ID!) { joinToken(sessionId: $sessionId) { token role userName expiresAt } }\n": types.ClientJoinDocument,
    "\n  mutation ClientEnd($id: ID!) { endSession(id: $id) { sessionId duration session { status } } }\n": types.ClientEndDocument,
    "\n  query ClientRecording($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt } }\n": types.ClientRecordingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientMe { me { id name } }\n"): (typeof documents)["\n  query ClientMe { me { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreate($input: CreateSessionInput!) {\n    createSession(input: $input) { id title status price currency isFree checkoutGateway scheduledStartTime }\n  }\n"): (typeof documents)["\n  mutation ClientCreate($input: CreateSessionInput!) {\n    createSession(input: $input) { id title status price currency isFree checkoutGateway scheduledStartTime }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientWalk($first: Int!, $after: String, $filter: SessionsFilter) {\n    sessionsConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ClientWalk($first: Int!, $after: String, $filter: SessionsFilter) {\n    sessionsConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientEnroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { id sessionId paid paymentGateway amountPaid }\n  }\n"): (typeof documents)["\n  mutation ClientEnroll($sessionId: ID!, $payment: PaymentInput) {\n    enroll(sessionId: $sessionId, payment: $payment) { id sessionId paid paymentGateway amountPaid }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientSeats($id: ID!) { session(id: $id) { id status enrolledCount attendedCount } }\n"): (typeof documents)["\n  query ClientSeats($id: ID!) { session(id: $id) { id status enrolledCount attendedCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference publicKey amountInMinorUnits currency }\n  }\n"): (typeof documents)["\n  mutation ClientCheckout($sessionId: ID!) {\n    startCheckout(sessionId: $sessionId) { gateway reference publicKey amountInMinorUnits currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientStart($id: ID!) { startSession(id: $id) { roomId roomCode sessionUrl session { status } } }\n"): (typeof documents)["\n  mutation ClientStart($id: ID!) { startSession(id: $id) { roomId roomCode sessionUrl session { status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientJoin($sessionId: ID!) { joinToken(sessionId: $sessionId) { token role userName expiresAt } }\n"): (typeof documents)["\n  mutation ClientJoin($sessionId: ID!) { joinToken(sessionId: $sessionId) { token role userName expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientEnd($id: ID!) { endSession(id: $id) { sessionId duration session { status } } }\n"): (typeof documents)["\n  mutation ClientEnd($id: ID!) { endSession(id: $id) { sessionId duration session { status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientRecording($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt } }\n"): (typeof documents)["\n  query ClientRecording($sessionId: ID!) { recordingUrl(sessionId: $sessionId) { url expiresAt } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;