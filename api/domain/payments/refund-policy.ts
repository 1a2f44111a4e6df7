/** How refunds are retried (settings REFUND_MAX_ATTEMPTS, REFUND_RETRY_BASE_MS). */
export interface RefundPolicy {
  /** Attempts before a refund is given up as `failed`. */
  maxAttempts: number;
  /** The wait after the first failed attempt; it doubles after each, up to an hour. */
  retryBaseMs: number;
}

export const DEFAULT_REFUND_POLICY: RefundPolicy = { maxAttempts: 12, retryBaseMs: 30_000 };
