/**
 * Internal values of the GraphQL enums: the seed's spellings, as stored. Apollo maps
 * `ONE_ON_ONE` ⇄ "1-on-1" at the edge, so resolvers and the domain see only the latter.
 */
export enum SessionStatus {
  SCHEDULED = "scheduled",
  LIVE = "live",
  ENDED = "ended",
  CANCELLED = "cancelled",
}

export enum SessionType {
  ONE_ON_ONE = "1-on-1",
  GROUP = "group",
  WORKSHOP = "workshop",
}

export enum VideoRole {
  HOST = "host",
  GUEST = "guest",
}

export enum PaymentGateway {
  STRIPE = "stripe",
  RAZORPAY = "razorpay",
}
