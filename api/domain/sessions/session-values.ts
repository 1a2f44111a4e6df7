import type { ParticipantRow, SessionRow } from "../../db/schema.js";

/**
 * The seed's spellings; they are what the database stores and what REST sends, and the
 * one list each: GraphQL's enums (api/graphql/enum-values.ts), REST's schemas and the input
 * schemas derive from these. The database's CHECK constraints spell them in SQL; the
 * column types below must agree (a mismatch does not compile).
 */
export const SESSION_TYPES = ["1-on-1", "group", "workshop"] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SESSION_STATUSES = ["scheduled", "live", "ended", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const PAYMENT_GATEWAYS = ["stripe", "razorpay"] as const;
export type PaymentGateway = (typeof PAYMENT_GATEWAYS)[number];

export const VIDEO_ROLES = ["host", "guest"] as const;
export type VideoRole = (typeof VIDEO_ROLES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const columnsAgree: [
  Same<SessionType, SessionRow["sessionType"]>,
  Same<SessionStatus, SessionRow["status"]>,
  Same<PaymentGateway, NonNullable<ParticipantRow["paymentGateway"]>>,
] = [true, true, true];
void columnsAgree;

/** The seed's "Maximum session duration: 6 hours". */
export const MAX_SESSION_MS = 6 * 60 * 60 * 1000;
/** A join token outlives the class by an hour at most. */
export const JOIN_TOKEN_GRACE_MS = 60 * 60 * 1000;
/** 100ms's largest ordinary room (`size` without `large_room`). */
export const MAX_SEATS = 2500;
/** The highest price we accept, in major units of any currency. */
export const MAX_PRICE = 1_000_000;
export const MAX_PAGE_SIZE = 100;
/** A sessions walk's orders: by scheduled start, soonest first, or latest first (past classes, newest first). */
export const SESSION_ORDERS = ["start_time_asc", "start_time_desc"] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** Where a refund stands, and why it is owed (refunds.status, refunds.cause). */
export const REFUND_STATUSES = ["pending", "refunded", "failed"] as const;
export const REFUND_CAUSES = ["session_cancelled", "booking_cancelled", "not_started"] as const;
