/** The port outbound webhooks reach the network through (api/outbound-webhooks/http-transport.ts). */
export interface WebhookTransport {
  /** Every address the host name resolves to (an IP literal resolves to itself). */
  resolve(hostname: string): Promise<string[]>;
  /**
   * POST the body to the URL, connecting to `address` (already checked) whatever the name
   * resolves to by then, so a DNS answer that changes between the check and the connection
   * cannot point the request elsewhere. Redirects are not followed. Resolves with the status
   * code; rejects on a connection error or after `timeoutMs`.
   */
  post(request: { url: URL; address: string; headers: Record<string, string>; body: string; timeoutMs: number }): Promise<{ statusCode: number }>;
}

/** How outbound webhooks behave on this server (composition root). */
export interface WebhooksOutSetup {
  transport: WebhookTransport;
  /** Production: https only, and loopback receivers refused too. */
  production: boolean;
  /** First retry after this; doubling up to an hour, for 24 hours. */
  retryBaseMs: number;
}
