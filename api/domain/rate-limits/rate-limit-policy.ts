/**
 * What the rate limits are, apart from how they are counted: the composition root builds a
 * policy from the settings and the services' dependencies carry it (deps.ts), so these
 * types sit below both and import nothing.
 */

export const RATE_LIMITED_ACTIONS = ["createSession", "enroll", "joinToken"] as const;
export type RateLimitedAction = (typeof RATE_LIMITED_ACTIONS)[number];

export interface RateLimit {
  /** Attempts allowed in one window. */
  max: number;
  windowMs: number;
}

/** Per user, per action. */
export type RateLimitPolicy = Record<RateLimitedAction, RateLimit>;

export const ADDRESS_LIMITED_ACTIONS = ["anonymous", "signIn"] as const;
export type AddressLimitedAction = (typeof ADDRESS_LIMITED_ACTIONS)[number];

/** Per network address: requests without credentials, and sign-ins. */
export type AddressRateLimitPolicy = Record<AddressLimitedAction, RateLimit>;
