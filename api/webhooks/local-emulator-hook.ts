/**
 * In local mode the emulator plays 100ms's dashboard too: its workspace webhook is
 * pointed at this very process, with the secret header, as soon as the port is known.
 */
import type { Server } from "node:http";
import type { HmsEmulator } from "../video/hms-emulator/index.js";
import { WEBHOOK_SECRET_HEADER } from "./hms-webhook-router.js";

export const HMS_WEBHOOK_PATH = "/api/webhooks/100ms";

/** Where a server listening on `server` can be reached from this machine. */
export function loopbackUrl(server: Server): string {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("loopbackUrl: the server is not listening on TCP");
  const unspecified = address.address === "0.0.0.0" || address.address === "::";
  const host = unspecified ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export function pointEmulatorAt(emulator: HmsEmulator, appUrl: string, secret: string): void {
  emulator.setWebhook({ url: `${appUrl}${HMS_WEBHOOK_PATH}`, headers: { [WEBHOOK_SECRET_HEADER]: secret } });
}
