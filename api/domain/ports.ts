/**
 * The outside world as the domain sees it. Each port has real adapters and local
 * stand-ins; the composition root (api/composition.ts) is the only place that picks.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The two 100ms roles our template defines: the expert hosts, students are guests. */
export type { VideoRole } from "./sessions/session-values.js";
import type { PaymentGateway, VideoRole } from "./sessions/session-values.js";

export interface VideoRoom {
  roomId: string;
  /** Room code for the host role (the only role we create codes for; see docs/decisions/0007-deterministic-room-names.md). */
  roomCode: string;
}

export interface CreateRoomParams {
  /** Deterministic name derived from our session id: creating twice returns the same room. */
  name: string;
  description?: string;
  /** Hard stop on 100ms's side, a second guard behind our own 6-hour limit. */
  maxDurationSeconds: number;
}

export interface JoinTokenParams {
  roomId: string;
  role: VideoRole;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
}

export type CloseRoomOutcome =
  /** Peers were in the room: 100ms ended the session and locked the room. */
  | "ended"
  /** Nobody was in the room: it was disabled so nobody can start a new session in it. */
  | "disabled";

/**
 * `template`: the 100ms template records every room session by itself (auto-start).
 * `api`: we start a recording through the recordings API when a room session opens.
 */
export type RecordingMode = "template" | "api";

/** A finished recording file kept by the provider. */
export interface RecordingAsset {
  assetId: string;
  /** Where the provider stored it, e.g. `s3://bucket/prefix/x.mp4`. */
  path: string;
  durationSeconds: number | null;
}

export interface PresignedUrl {
  url: string;
  /** How long the URL works, as the provider granted it. */
  validForSeconds: number;
}

export interface VideoProvider {
  /** Create-or-get the room by name and a host room code. Idempotent. */
  createRoom(params: CreateRoomParams): Promise<VideoRoom>;
  /** Mint an app (auth) token for the browser SDK. Pure computation, no network. */
  joinToken(params: JoinTokenParams): Promise<string>;
  /** End the room's active session with lock, or disable the room if none is active. */
  closeRoom(roomId: string, reason: string): Promise<CloseRoomOutcome>;
  /** Start recording the room's active session (recording mode `api`). */
  startRecording(roomId: string): Promise<void>;
  /** The composite (whole-room) recording of one provider session, if it is ready. */
  findRecordingAsset(providerSessionId: string): Promise<RecordingAsset | null>;
  /** A short-lived signed link to download or stream the asset. */
  presignRecordingAsset(assetId: string, validForSeconds: number): Promise<PresignedUrl>;
}

/**
 * Thrown by adapters when the provider cannot be reached or answers with a server
 * error. The domain turns it into UPSTREAM_UNAVAILABLE.
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  constructor(
    readonly service: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What an identity provider vouches for: an Auth0 access token, or the web session. */
export interface Identity {
  /** Opaque subject (`auth0|64f…`); never parsed. */
  subject: string;
  name?: string;
  email?: string;
  picture?: string;
  roles: string[];
  /**
   * When the provider issued these claims (the token's `iat`). Only ever compared with other
   * `iat`s, never with our clock: a profile is not overwritten with older claims.
   */
  issuedAt?: Date;
}

/** A web session's identity renewed by the provider, and the refresh token to use next time. */
export interface RenewedIdentity {
  identity: Identity;
  /** Present when the provider rotated the refresh token; the old one must not be used again. */
  refreshToken?: string;
}

/**
 * The identity provider's refresh-token grant, which web sign-in sessions use to learn of
 * changes at the provider (a role removed, a user blocked). `renew` throws IdentityRefused when
 * the provider refuses the grant for good, and UpstreamError when it cannot be asked right now.
 */
export interface IdentityRenewer {
  renew(refreshToken: string): Promise<RenewedIdentity>;
  /**
   * Revokes a refresh token at the provider (RFC 7009), so a copy of it (a database backup,
   * a leaked dump) renews nothing once its session has ended. Throws UpstreamError when the
   * provider cannot be reached or refuses.
   */
  revoke(refreshToken: string): Promise<void>;
}

/** The provider refused to renew an identity (invalid_grant: user deleted or blocked, grant revoked). */
export class IdentityRefused extends Error {
  override readonly name = "IdentityRefused";
}

/** The gateways a paid seat can be bought through (the seed's `paymentGateway` values). */
export type PaymentGatewayName = PaymentGateway;

/** A payment as its gateway reports it. Amounts are in the currency's minor units (paise, cents; yen as is). */
export interface GatewayPayment {
  /** The reference the client sends: a Stripe PaymentIntent id (`pi_…`) or a Razorpay payment id (`pay_…`). */
  id: string;
  /** The money is ours: Stripe `succeeded`, Razorpay `captured`. */
  completed: boolean;
  /** The gateway's own word for the state, for messages (`requires_payment_method`, `authorized`…). */
  status: string;
  amountMinor: number;
  /** ISO-4217, upper case. */
  currency: string;
  /**
   * Our session and user ids, when our checkout opened the payment: what our server wrote with
   * its secret key (Stripe PaymentIntent metadata; the notes of the Razorpay order it created,
   * never the payment's own notes, which the browser's checkout options can set). Absent for
   * a payment made any other way.
   */
  sessionId?: string;
  userId?: string;
}

export interface OpenCheckoutParams {
  sessionId: string;
  userId: string;
  amountMinor: number;
  currency: string;
  description: string;
}

/** What a browser needs to take a payment with the gateway's own checkout. */
export interface OpenedCheckout {
  gateway: PaymentGatewayName;
  /** Stripe: the PaymentIntent id; Razorpay: the order id (`order_…`). */
  reference: string;
  /** Stripe only: the PaymentIntent's client secret for the Payment Element. */
  clientSecret?: string;
  /** Stripe publishable key or Razorpay key id: public by design. */
  publicKey: string;
  amountMinor: number;
  currency: string;
}

export interface RefundParams {
  /** The payment to refund: a Stripe PaymentIntent id or a Razorpay payment id. */
  paymentId: string;
  /** The full amount paid, in minor units. */
  amountMinor: number;
  /**
   * The same for every attempt at one refund (derived from the enrollment), so a retry after
   * a lost answer can never refund twice: Stripe's `Idempotency-Key`, Razorpay's `X-Refund-Idempotency`.
   */
  idempotencyKey: string;
  /** Ours, written on the refund for the gateway's dashboard. */
  notes: Record<string, string>;
}

/** A refund as its gateway reports it. */
export interface GatewayRefund {
  /** Stripe `re_…`, Razorpay `rfnd_…`. */
  id: string;
  /**
   * `accepted`: the gateway took the refund and is returning the money (Stripe `succeeded` or
   * `pending`, Razorpay `processed` or `pending`); `failed`: it gave up (Stripe `failed` or `canceled`, Razorpay `failed`).
   */
  outcome: "accepted" | "failed";
  /** The gateway's own word for the state. */
  status: string;
  amountMinor: number;
}

/**
 * Thrown by an adapter when the gateway refuses a refund for good (a 4xx that is not about
 * load or a concurrent request): retrying the same request cannot succeed.
 */
export class RefundRefused extends Error {
  override readonly name = "RefundRefused";
}

/**
 * A payment gateway as enrollment sees it: look a payment up (the server never takes a
 * client's word that it paid) and, for the web checkout, open one; refund one in full.
 */
export interface PaymentVerifier {
  readonly gateway: PaymentGatewayName;
  /** False when the gateway can verify but not open checkouts (Stripe without a publishable key). */
  readonly canOpenCheckout: boolean;
  /**
   * The payment, or null when the gateway has none by that reference (including references
   * that cannot be one of its ids). Throws UpstreamError when the gateway cannot answer.
   */
  findPayment(reference: string): Promise<GatewayPayment | null>;
  /** A Stripe PaymentIntent or a Razorpay order for this amount. Throws UpstreamError like findPayment. */
  openCheckout(params: OpenCheckoutParams): Promise<OpenedCheckout>;
  /** Refund a payment. Throws RefundRefused for a lasting refusal, UpstreamError when the gateway cannot answer now. */
  refund(params: RefundParams): Promise<GatewayRefund>;
}

/** An email as the notifications send it: both bodies, and a calendar invitation where one belongs. */
export interface MailMessage {
  /** Ours, unique per message and the same on every attempt: its Message-ID, so a repeat is recognisable. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  /** An iCalendar object (RFC 5545) sent as the text/calendar part calendar clients act on. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string; filename: string };
}

/**
 * Outgoing email (SMTP in production). `send` resolves once the mail server accepted the
 * message and throws when it could not be handed over (the caller retries later).
 */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
