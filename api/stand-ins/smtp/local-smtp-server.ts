/**
 * A local mail server: a real SMTP server (`smtp-server`) on 127.0.0.1 that accepts every
 * message, parses it (`mailparser`) and keeps it in memory, newest last, for the
 * `/_local/mail` inbox and for tests. The app reaches it through the same nodemailer adapter
 * it uses for a real server. `stop()` and `start()` take it away and bring it back on the
 * same port (an outage).
 */
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { refuseInProduction } from "../production-guard.js";

export interface ReceivedMail {
  id: string;
  receivedAt: Date;
  /** The SMTP envelope: who the server was told the message is from and for. */
  envelope: { from: string | null; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** The text/calendar part (an invitation or a cancellation), as sent. */
  calendar: string | null;
  raw: string;
}

export interface LocalSmtpServer {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL would be. */
  readonly url: string;
  messages(): readonly ReceivedMail[];
  /** The messages to one address, oldest first. */
  messagesTo(address: string): ReceivedMail[];
  clear(): void;
  /** Stop listening (connections in flight are cut): the mail server is away. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const MAX_KEPT = 500;

export async function startLocalSmtpServer(options: { port?: number; logger?: { info(obj: object, msg: string): void } } = {}): Promise<LocalSmtpServer> {
  refuseInProduction("The local SMTP server never runs in production: set SMTP_URL to your mail server.");
  const kept: ReceivedMail[] = [];
  let serial = 0;
  let server: SMTPServer | undefined;
  let port = options.port ?? 0;

  const listen = async () => {
    const smtp = new SMTPServer({
      // A stand-in on loopback: no TLS to negotiate, and any credentials in SMTP_URL are taken.
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(null, { user: "local" }),
      size: 10 * 1024 * 1024,
      // Stopping (an outage, shutdown) does not wait on a client that keeps its connection open.
      closeTimeout: 200,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              const calendarPart = parsed.attachments.find((a) => a.contentType.startsWith("text/calendar"));
              const headers: Record<string, string> = {};
              for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
              kept.push({
                id: `m${++serial}`,
                receivedAt: new Date(),
                envelope: {
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                  to: session.envelope.rcptTo.map((r) => r.address),
                },
                from: addresses(parsed.from)[0] ?? "",
                to: addresses(parsed.to),
                subject: parsed.subject ?? "",
                text: parsed.text ?? "",
                html: typeof parsed.html === "string" ? parsed.html : "",
                headers,
                calendar: calendarPart ? calendarPart.content.toString("utf8") : null,
                raw: raw.toString("utf8"),
              });
              if (kept.length > MAX_KEPT) kept.splice(0, kept.length - MAX_KEPT);
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.server.once("error", reject);
      smtp.listen(port, "127.0.0.1", () => {
        smtp.server.off("error", reject);
        resolve();
      });
    });
    port = (smtp.server.address() as { port: number }).port;
    server = smtp;
  };

  const stop = async () => {
    const current = server;
    server = undefined;
    if (!current) return;
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  options.logger?.info({ url: `smtp://127.0.0.1:${port}` }, "LOCAL STAND-IN: SMTP server keeping mail in memory (see /_local/mail); this is NOT a mail server that delivers anything — set SMTP_URL");
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages: () => kept,
    messagesTo: (address) => kept.filter((m) => m.envelope.to.some((to) => to.toLowerCase() === address.toLowerCase())),
    clear: () => {
      kept.length = 0;
    },
    stop,
    start: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
}
