/** What the notifications need from the composition root: a mail server, links, a signing key, a retry policy. */
import type { Mailer } from "../ports.js";

/** The web pages an email links to; the composition root builds them from the app's URL (the domain knows no URL). */
export interface NotificationLinks {
  /** The session's page (enrolled students join from it). */
  session(sessionId: string): string;
  /** The student's join page, which moves them into the room when the class starts. */
  join(sessionId: string): string;
  /** The signed one-click unsubscribe address (GET shows a page, POST unsubscribes; RFC 8058). */
  unsubscribe(token: string): string;
  /** The signed-in settings page. */
  settings(): string;
  /** A webhook endpoint's page (its state, delivery log, Enable again). */
  webhookEndpoint(endpointId: string): string;
}

export interface NotificationPolicy {
  /** Attempts at one message before it is marked failed. */
  maxAttempts: number;
  /** The first retry's wait; each one after doubles it (capped at an hour). */
  retryBaseMs: number;
}

export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicy = { maxAttempts: 20, retryBaseMs: 30_000 };

export interface NotificationSetup {
  mailer: Mailer;
  /** MAIL_FROM: `Live Sessions <classes@example.com>`. */
  from: string;
  links: NotificationLinks;
  /** Signs unsubscribe links (HMAC-SHA256), so they work without sign-in and cannot be forged. */
  signingKey: string;
  policy: NotificationPolicy;
}
