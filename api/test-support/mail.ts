/**
 * Email in tests: the local SMTP server (a real one, on loopback) and the real nodemailer
 * adapter pointed at it, attached to a harness's dependencies. Messages are read back as the
 * server received them.
 */
import nodeIcal from "node-ical";
import type { ServiceDeps } from "../domain/deps.js";
import type { NotificationSetup } from "../domain/notifications/notification-setup.js";
import { createSmtpMailer } from "../mail/smtp-mailer.js";
import { startLocalSmtpServer, type LocalSmtpServer, type ReceivedMail } from "../stand-ins/smtp/local-smtp-server.js";

export const TEST_APP_URL = "http://app.test";
export const TEST_SIGNING_KEY = "test-unsubscribe-signing-key";

export function testNotificationSetup(smtpUrl: string, overrides: Partial<NotificationSetup> = {}): NotificationSetup & { close(): void } {
  const mailer = createSmtpMailer({ url: smtpUrl, timeoutMs: 2000, requireTls: false });
  return {
    mailer,
    from: "Live Sessions <classes@live.test>",
    links: {
      session: (id) => `${TEST_APP_URL}/app/live/${id}`,
      join: (id) => `${TEST_APP_URL}/app/live/join/${id}`,
      unsubscribe: (token) => `${TEST_APP_URL}/email/unsubscribe?token=${encodeURIComponent(token)}`,
      settings: () => `${TEST_APP_URL}/app/live/settings`,
      webhookEndpoint: (id) => `${TEST_APP_URL}/app/live/webhooks/${id}`,
    },
    signingKey: TEST_SIGNING_KEY,
    policy: { maxAttempts: 5, retryBaseMs: 1000 },
    ...overrides,
    close: () => mailer.close(),
  };
}

/** Starts a local SMTP server and makes `deps` send through it. */
export async function attachLocalMail(deps: ServiceDeps): Promise<{ smtp: LocalSmtpServer; close(): Promise<void> }> {
  const smtp = await startLocalSmtpServer();
  const setup = testNotificationSetup(smtp.url);
  deps.notifications = setup;
  return {
    smtp,
    close: async () => {
      setup.close();
      await smtp.close();
    },
  };
}

export interface ParsedInvite {
  method: string;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  status: string | undefined;
  url: string | undefined;
}

/** The message's calendar part read with an iCalendar library (node-ical), or a failure naming what is missing. */
export function inviteOf(mail: ReceivedMail): ParsedInvite {
  if (!mail.calendar) throw new Error(`"${mail.subject}" carries no calendar part`);
  const parsed = nodeIcal.sync.parseICS(mail.calendar);
  const events = Object.values(parsed).filter((c): c is nodeIcal.VEvent => c?.type === "VEVENT");
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  const event = events[0]!;
  const calendar = parsed.vcalendar as unknown as { method?: string } | undefined;
  return {
    method: calendar?.method ?? "",
    uid: event.uid,
    sequence: Number(event.sequence),
    start: new Date(event.start),
    end: new Date(event.end ?? Number.NaN),
    status: event.status,
    url: typeof event.url === "string" ? event.url : undefined,
  };
}
