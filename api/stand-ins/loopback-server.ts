/**
 * Listening and closing for the local stand-ins (the 100ms emulator, the payment gateways):
 * they bind to 127.0.0.1 only, so nothing outside this machine can reach them, and close at
 * once, kept-alive connections included, so tests and shutdown never wait on a client.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on 127.0.0.1 (`port` 0: any free port); answers the port and the origin. */
export async function listenOnLoopback(server: Server, port = 0): Promise<{ port: number; origin: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { port: bound, origin: `http://127.0.0.1:${bound}` };
}

/** Stops accepting, drops open connections, and resolves once the server has closed. */
export function closeNow(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Where a server listening on `server` can be reached from this machine. */
export function loopbackUrl(server: Server): string {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("loopbackUrl: the server is not listening on TCP");
  const unspecified = address.address === "0.0.0.0" || address.address === "::";
  const host = unspecified ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
