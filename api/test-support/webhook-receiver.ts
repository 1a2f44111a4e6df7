/**
 * A real HTTP server on loopback that receives outbound webhooks the way an integrator's
 * would: it keeps every request (headers and raw body) and answers with the status the test
 * scripts (200 unless told otherwise), so retries after failures can be driven.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed `{type, timestamp, data}`. */
  json: { type: string; timestamp: string; data: Record<string, any> };
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answer the next requests with these statuses, in order; then 200 again. */
  failNext(...statuses: number[]): void;
  /** Hold every answer this long (a slow receiver). */
  delayMs: number;
  /** The received deliveries' types, in arrival order. */
  types(): string[];
  clear(): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(path = "/hooks"): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const script: number[] = [];
  const receiver = { delayMs: 0 } as WebhookReceiver;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, body, json: JSON.parse(body) });
      const status = script.shift() ?? 200;
      setTimeout(() => res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "failed"), receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    failNext: (...statuses: number[]) => script.push(...statuses),
    types: () => received.map((r) => r.json.type),
    clear: () => {
      received.length = 0;
      script.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Verify a delivery as an integrator would, with the standardwebhooks library; throws when it does not verify. */
export function verifyDelivery(secret: string, delivery: ReceivedWebhook): unknown {
  return new Webhook(secret).verify(delivery.body, {
    "webhook-id": String(delivery.headers["webhook-id"]),
    "webhook-timestamp": String(delivery.headers["webhook-timestamp"]),
    "webhook-signature": String(delivery.headers["webhook-signature"]),
  });
}
