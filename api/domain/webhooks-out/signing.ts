/** Standard Webhooks (standardwebhooks.com) signing, through its maintained library. */
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new secret in the spec's form: `whsec_` and 24 random bytes in base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString("base64")}`;

/** The three headers of a delivery: its id (the same on every retry), when it was signed, and the signature. */
export function signedHeaders(secret: string, msgId: string, signedAt: Date, body: string): Record<string, string> {
  const signature = new Webhook(secret).sign(msgId, signedAt, body);
  return {
    "content-type": "application/json",
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
