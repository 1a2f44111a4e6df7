/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers over
 * 16 KB, bytes that are not HTTP) get the API's failure envelope as JSON instead of
 * Node's bare status line; nothing of the request is echoed.
 */
import { STATUS_CODES, type Server } from "node:http";
import type { Duplex } from "node:stream";

function answerFor(code: string | undefined): [number, string] {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return [431, "The request's URL and headers are too large (16 KB at most)."];
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return [408, "The request took too long to arrive."];
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return [413, "The request's chunk extensions are too large."];
    default:
      return [400, "The request is not valid HTTP."];
  }
}

export function answerUnparsableRequests(server: Server): void {
  server.on("clientError", (error: Error & { code?: string }, socket: Duplex) => {
    // As Node's own handler: answer only when no response has started on this socket.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, message] = answerFor(error.code);
    const body = JSON.stringify({ success: false, error: message, code: "BAD_REQUEST" });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      // HTTP sockets stay half-open after our end until the client ends too, and a slow
      // client never does: free the connection (and its MAX_CONNECTIONS slot) once answered.
      () => socket.destroy(),
    );
  });
}
