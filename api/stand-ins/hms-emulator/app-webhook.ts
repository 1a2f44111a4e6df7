/**
 * In local mode the emulator plays 100ms's dashboard too: its workspace webhook is
 * pointed at this very process, with the secret header, as soon as the port is known.
 */
import { WEBHOOK_SECRET_HEADER } from "../../webhooks/hms-webhook-router.js";
import type { HmsEmulator } from "./index.js";

export const HMS_WEBHOOK_PATH = "/api/webhooks/100ms";

export function pointEmulatorAt(emulator: HmsEmulator, appUrl: string, secret: string): void {
  emulator.setWebhook({ url: `${appUrl}${HMS_WEBHOOK_PATH}`, headers: { [WEBHOOK_SECRET_HEADER]: secret } });
}
