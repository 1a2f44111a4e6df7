import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { AuthError } from "../auth/auth-error.js";
import type { StartupLogger } from "../stand-ins/auth0/local-issuer.js";

/** Awaits a verification that must fail and hands back its AuthError for closer checks. */
export async function refusal(verification: Promise<unknown>): Promise<AuthError> {
  let identity: unknown;
  try {
    identity = await verification;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error(`Expected the token to be refused, but it verified as ${JSON.stringify(identity)}`);
}

export const silentLogger: StartupLogger = { info: () => {} };

/** A throwaway HTTP server on 127.0.0.1 for JWKS endpoints that misbehave. */
export async function serveOnce(handler: RequestListener): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port that was free a moment ago and has nothing listening on it now. */
export async function closedPort(): Promise<number> {
  const { server, close } = await serveOnce(() => {});
  const { port } = server.address() as AddressInfo;
  await close();
  return port;
}
