/**
 * Internal values of the GraphQL enums, derived from the domain's lists (the seed's
 * spellings, as stored): Apollo maps `ONE_ON_ONE` ⇄ "1-on-1" at the edge, so resolvers and
 * the domain see only the latter. The GraphQL names come from schema.graphql; enum-values.test.ts
 * checks that each enum here has exactly the schema's names and the domain's values.
 */
import { WEBHOOK_DELIVERY_STATUSES } from "../domain/webhooks-out/event-types.js";
import { REFUSAL_CODES } from "../domain/sessions/session-permissions.js";
import { PAYMENT_GATEWAYS, REFUND_CAUSES, REFUND_STATUSES, SESSION_ORDERS, SESSION_STATUSES, SESSION_TYPES, VIDEO_ROLES } from "../domain/sessions/session-values.js";

/** The GraphQL name of a spelling that is not a word, where upper-casing would not make a name. */
const NAMED = { "1-on-1": "ONE_ON_ONE" } as const;
type Named = typeof NAMED;
type GraphQLName<V extends string> = V extends keyof Named ? Named[V] : Uppercase<V>;

/** `["group", "1-on-1"]` → `{ GROUP: "group", ONE_ON_ONE: "1-on-1" }`, typed key by key. */
function byGraphQLName<V extends string>(values: readonly V[]): { readonly [K in V as GraphQLName<K>]: K } {
  return Object.fromEntries(values.map((v) => [(NAMED as Record<string, string>)[v] ?? v.toUpperCase(), v])) as never;
}

export const SessionStatus = byGraphQLName(SESSION_STATUSES);
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SessionType = byGraphQLName(SESSION_TYPES);
export type SessionType = (typeof SESSION_TYPES)[number];

export const VideoRole = byGraphQLName(VIDEO_ROLES);
export type VideoRole = (typeof VIDEO_ROLES)[number];

export const PaymentGateway = byGraphQLName(PAYMENT_GATEWAYS);
export type PaymentGateway = (typeof PAYMENT_GATEWAYS)[number];

export const RefusalCode = byGraphQLName(REFUSAL_CODES);
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const RefundStatus = byGraphQLName(REFUND_STATUSES);
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const RefundCause = byGraphQLName(REFUND_CAUSES);
export type RefundCause = (typeof REFUND_CAUSES)[number];

export const WebhookDeliveryStatus = byGraphQLName(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export const SessionOrder = byGraphQLName(SESSION_ORDERS);
export type SessionOrder = (typeof SESSION_ORDERS)[number];
