import type { Logger } from "pino";
import type { Database } from "../db/client.js";
import type { AddressRateLimitPolicy, RateLimitPolicy } from "./rate-limits/rate-limit-policy.js";
import type { SignInSetup } from "./sign-in/sign-in-setup.js";
import type { RefundPolicy } from "./payments/refund-policy.js";
import type { BookingPolicy } from "./sessions/booking-policy.js";
import type { NotificationSetup } from "./notifications/notification-setup.js";
import type { WebhooksOutSetup } from "./webhooks-out/transport.js";
import type { SessionFeed } from "./live-updates/session-feed.js";
import type { Clock, PaymentGatewayName, PaymentVerifier, RecordingMode, VideoProvider } from "./ports.js";

/** What every service needs; built once in the composition root. */
export interface ServiceDeps {
  db: Database;
  clock: Clock;
  video: VideoProvider;
  logger: Logger;
  /** Who starts recordings: the 100ms template by itself (default), or we through the API. */
  recordingMode?: RecordingMode;
  /** Per-user limits on createSession, enroll and joinToken; DEFAULT_RATE_LIMITS when absent. */
  rateLimits?: RateLimitPolicy;
  /** Per-address limits on anonymous requests and sign-ins; DEFAULT_ADDRESS_RATE_LIMITS when absent. */
  addressRateLimits?: AddressRateLimitPolicy;
  /** The payment gateways this server can verify with; without one, priced enrollments through it are refused. */
  payments?: PaymentSetup;
  /** How refunds are retried; DEFAULT_REFUND_POLICY when absent. */
  refunds?: RefundPolicy;
  /** The cancellation cut-off and the waitlist's hold; DEFAULT_BOOKING_POLICY when absent. */
  booking?: BookingPolicy;
  /** Web sign-in sessions (lifetimes, refresh-token sealing, identity renewal); absent where no web sign-in runs. */
  signIn?: SignInSetup;
  /** Email: the mail server, links, and how sending is retried; without it messages are queued but not sent. */
  notifications?: NotificationSetup;
  /** Outbound webhooks' network and rules; without it endpoints cannot be registered and nothing is sent (events still queue). */
  webhooksOut?: WebhooksOutSetup;
  /** Session changes from every instance (LISTEN/NOTIFY), for live subscriptions; absent where none run. */
  sessionFeed?: SessionFeed;
}

export interface PaymentSetup {
  verifiers: Partial<Record<PaymentGatewayName, PaymentVerifier>>;
  /** Currencies the web checkout takes through Razorpay when it can; Stripe takes the rest. */
  razorpayCurrencies: readonly string[];
}
