/**
 * HTTP over a plain TCP socket, for requests fetch will not make: a Content-Length the body
 * never delivers, a chunked body that stops half-way, headers that never finish.
 */
import { connect, type Socket } from "node:net";

export interface RawExchange {
  socket: Socket;
  /** Everything the server sent, once it ended its side of the connection. */
  ended: Promise<string>;
  /** Everything the server sent, once the connection closed (or the socket failed). */
  closed: Promise<{ text: string; error?: Error }>;
}

/**
 * `allowHalfOpen`: keep our side open after the server ends its side, as a client that
 * means to hold the connection would (by default the socket ends its side in reply).
 */
export function openRaw(port: number, options: { host?: string; allowHalfOpen?: boolean } = {}): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: options.host ?? "127.0.0.1", allowHalfOpen: options.allowHalfOpen ?? false });
    const chunks: Buffer[] = [];
    const text = () => Buffer.concat(chunks).toString("latin1");
    socket.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise<string>((done) => socket.once("end", () => done(text())));
    const closed = new Promise<{ text: string; error?: Error }>((done) => {
      let error: Error | undefined;
      socket.on("error", (e) => (error = e));
      socket.on("close", () => done({ text: text(), error }));
    });
    socket.once("connect", () => resolve({ socket, ended, closed }));
    socket.once("error", reject);
  });
}

/** The status code of the first response in what the server sent, or undefined if none. */
export function statusOf(text: string): number | undefined {
  const m = /^HTTP\/1\.1 (\d{3}) /.exec(text);
  return m ? Number(m[1]) : undefined;
}

export function bodyOf(text: string): string {
  return text.slice(text.indexOf("\r\n\r\n") + 4);
}
