/**
 * The Mailer port over SMTP with nodemailer: production's mail server, or the local SMTP
 * stand-in (the same adapter, pointed at it). One pooled transport per process.
 */
import nodemailer from "nodemailer";
import type { Mailer, MailMessage } from "../domain/ports.js";

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  url: string;
  /** How long to wait for the server at each step before giving up (the job is retried). */
  timeoutMs: number;
  /** Refuse a server that does not offer STARTTLS (production). */
  requireTls: boolean;
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // Production never sends credentials or mail in clear text: a server that offers no STARTTLS is refused.
    requireTLS: options.requireTls && url.protocol === "smtp:",
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    async send(message: MailMessage) {
      const info = await transport.sendMail({
        messageId: `<${message.id}@live-sessions>`,
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        // nodemailer sends it as the text/calendar alternative (with its METHOD) calendar clients read.
        icalEvent: message.calendar ? { method: message.calendar.method, filename: message.calendar.filename, content: message.calendar.content } : undefined,
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
