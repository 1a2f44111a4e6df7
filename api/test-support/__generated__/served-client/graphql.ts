/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new session. Times are UTC ISO-8601; the price is in major units of the currency. */
export type CreateSessionInput = {
  /** ISO-4217 code; defaults to INR. */
  currency?: string | null | undefined;
  /** Up to 5000 characters. */
  description?: string | null | undefined;
  /** Admins only. */
  featured?: boolean | null | undefined;
  /** 1–2500; leave out for no cap. */
  maxParticipants?: number | null | undefined;
  /** Category, difficulty, equipment and tags. */
  metadata?: SessionMetadataInput | null | undefined;
  /** The price of a seat in major units of `currency` (499.5 for ₹499.50): 0 (free, the default) to 1,000,000, with at most the currency's decimals (2 at most). */
  price?: number | null | undefined;
  /** After the start, at most 6 hours later. */
  scheduledEndTime: string;
  /** Must be in the future. */
  scheduledStartTime: string;
  /** Defaults to GROUP. ONE_ON_ONE always has one seat. */
  sessionType?: SessionType | null | undefined;
  /** An http(s) URL. */
  thumbnail?: string | null | undefined;
  /** 3–120 characters. */
  title: string;
};

/** The payment gateway that takes a price: Razorpay for INR, Stripe for other currencies (see `LiveSession.checkoutGateway`). */
export type PaymentGateway =
  /** Razorpay: an order (order_…) paid with Razorpay Checkout, giving a payment id (pay_…). */
  | 'RAZORPAY'
  /** Stripe: a PaymentIntent (pi_…) paid with the Payment Element. */
  | 'STRIPE';

/** A completed payment that pays for a seat. */
export type PaymentInput = {
  /** The gateway that took it (the `Checkout.gateway`). */
  paymentGateway: PaymentGateway;
  /** Stripe: the PaymentIntent id (pi_…). Razorpay: the payment id (pay_…). */
  paymentId: string;
};

/** Free-form details of a class; each up to 50 characters. */
export type SessionMetadataInput = {
  /** The style or kind, e.g. `Vinyasa`. */
  category?: string | null | undefined;
  /** The level, e.g. `Beginner`. */
  difficulty?: string | null | undefined;
  /** What to bring, e.g. `mat`, `strap`. */
  equipment?: Array<string> | null | undefined;
  /** Words to find the class by. */
  tags?: Array<string> | null | undefined;
};

/** Where a session is in its life: SCHEDULED, then LIVE once its expert starts it, then ENDED; or CANCELLED instead. */
export type SessionStatus =
  /** Called off before it started; paid seats are refunded. */
  | 'CANCELLED'
  /** Over: the room is closed; a recording may follow. */
  | 'ENDED'
  /** Started: its video room is open. */
  | 'LIVE'
  /** Published and not started yet: students may enroll. */
  | 'SCHEDULED';

/** What kind of class a session is. */
export type SessionType =
  /** A class for several students (the default). */
  | 'GROUP'
  /** One student with the expert: always exactly one seat. */
  | 'ONE_ON_ONE'
  /** A longer, usually themed class for several students. */
  | 'WORKSHOP';

/** What `sessionsConnection` lists; every field given must hold (AND). Empty: every session but cancelled ones. */
export type SessionsFilter = {
  /** metadata.category contains this text, ignoring case. */
  category?: string | null | undefined;
  /** metadata.difficulty is this, ignoring case. */
  difficulty?: string | null | undefined;
  /** One expert's sessions (a `User.id`). */
  expertId?: string | number | null | undefined;
  /** Featured sessions only (true) or unfeatured ones (false). */
  featured?: boolean | null | undefined;
  /** Free sessions (price 0) when true, priced ones when false. */
  free?: boolean | null | undefined;
  /** Words that must each begin a word of the title, the description or the expert's name (up to 100 characters). */
  search?: string | null | undefined;
  /** Scheduled to start at or after this time. */
  startsAfter?: string | null | undefined;
  /** Scheduled to start before this time. */
  startsBefore?: string | null | undefined;
  /** Any of these statuses (CANCELLED only when asked for). Leave out for every status but CANCELLED. */
  statuses?: Array<SessionStatus> | null | undefined;
};

/** What a person may do in a session's 100ms video room. */
export type VideoRole =
  /** A student: can publish video and audio and see everyone. */
  | 'GUEST'
  /** The session's expert: full permissions. */
  | 'HOST';

export type ClientMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientMeQuery = { me: { id: string, name: string } | null };

export type ClientCreateMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type ClientCreateMutation = { createSession: { id: string, title: string, status: SessionStatus, price: number, currency: string, isFree: boolean, checkoutGateway: PaymentGateway | null, scheduledStartTime: string } };

export type ClientWalkQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: SessionsFilter | null | undefined;
}>;


export type ClientWalkQuery = { sessionsConnection: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClientEnrollMutationVariables = Exact<{
  sessionId: string | number;
  payment?: PaymentInput | null | undefined;
}>;


export type ClientEnrollMutation = { enroll: { id: string, sessionId: string, paid: boolean, paymentGateway: PaymentGateway | null, amountPaid: number | null } };

export type ClientSeatsQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientSeatsQuery = { session: { id: string, status: SessionStatus, enrolledCount: number, attendedCount: number } | null };

export type ClientCheckoutMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type ClientCheckoutMutation = { startCheckout: { gateway: PaymentGateway, reference: string, publicKey: string, amountInMinorUnits: number, currency: string } };

export type ClientStartMutationVariables = Exact<{
  id: string | number;
}>;


export type ClientStartMutation = { startSession: { roomId: string, roomCode: string, sessionUrl: string, session: { status: SessionStatus } } };

export type ClientJoinMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type ClientJoinMutation = { joinToken: { token: string, role: VideoRole, userName: string, expiresAt: string } };

export type ClientEndMutationVariables = Exact<{
  id: string | number;
}>;


export type ClientEndMutation = { endSession: { sessionId: string, duration: number, session: { status: SessionStatus } } };

export type ClientRecordingQueryVariables = Exact<{
  sessionId: string | number;
}>;


export type ClientRecordingQuery = { recordingUrl: { url: string, expiresAt: string } | null };


export const ClientMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClientMeQuery, ClientMeQueryVariables>;
export const ClientCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"isFree"}},{"kind":"Field","name":{"kind":"Name","value":"checkoutGateway"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledStartTime"}}]}}]}}]} as unknown as DocumentNode<ClientCreateMutation, ClientCreateMutationVariables>;
export const ClientWalkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientWalk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SessionsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionsConnection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ClientWalkQuery, ClientWalkQueryVariables>;
export const ClientEnrollDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientEnroll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"payment"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enroll"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"payment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"payment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"paymentGateway"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaid"}}]}}]}}]} as unknown as DocumentNode<ClientEnrollMutation, ClientEnrollMutationVariables>;
export const ClientSeatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientSeats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enrolledCount"}},{"kind":"Field","name":{"kind":"Name","value":"attendedCount"}}]}}]}}]} as unknown as DocumentNode<ClientSeatsQuery, ClientSeatsQueryVariables>;
export const ClientCheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCheckout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gateway"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"publicKey"}},{"kind":"Field","name":{"kind":"Name","value":"amountInMinorUnits"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<ClientCheckoutMutation, ClientCheckoutMutationVariables>;
export const ClientStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roomId"}},{"kind":"Field","name":{"kind":"Name","value":"roomCode"}},{"kind":"Field","name":{"kind":"Name","value":"sessionUrl"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ClientStartMutation, ClientStartMutationVariables>;
export const ClientJoinDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientJoin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"joinToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"userName"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ClientJoinMutation, ClientJoinMutationVariables>;
export const ClientEndDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientEnd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ClientEndMutation, ClientEndMutationVariables>;
export const ClientRecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRecording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ClientRecordingQuery, ClientRecordingQueryVariables>;