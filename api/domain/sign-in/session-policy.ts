/**
 * How long a web sign-in session lives, and when it must hear from the identity provider
 * again. Pure rules on a session's timestamps (our clock); the service applies them.
 */
export interface SignInSessionPolicy {
  /** Absolute lifetime from sign-in (SESSION_MAX_AGE_HOURS). */
  maxAgeMs: number;
  /** Ends a session nobody used for this long (SESSION_IDLE_MINUTES). */
  idleMs: number;
  /** The identity is renewed from the provider at most this far apart (SESSION_REFRESH_MINUTES). */
  refreshEveryMs: number;
  /**
   * While the provider cannot be reached, the session goes on with the identity it has for this
   * much longer past a due renewal (SESSION_REFRESH_GRACE_MINUTES); after that its requests are
   * answered "try again later" until the provider answers or the session expires.
   */
  refreshGraceMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_SIGN_IN_SESSION_POLICY: SignInSessionPolicy = {
  maxAgeMs: 8 * 60 * MINUTE,
  idleMs: 120 * MINUTE,
  refreshEveryMs: 15 * MINUTE,
  refreshGraceMs: 15 * MINUTE,
};

/** last_seen_at is written at most this often: not on every request, precise enough for the idle limit. */
export const TOUCH_EVERY_MS = MINUTE;

interface Timestamps {
  lastSeenAt: Date;
  identityRefreshedAt: Date;
  expiresAt: Date;
}

export const expiresAtFor = (signedInAt: Date, policy: SignInSessionPolicy): Date => new Date(signedInAt.getTime() + policy.maxAgeMs);

/** Past its absolute lifetime, or idle too long: the session is over. */
export function hasEnded(s: Timestamps, now: Date, policy: SignInSessionPolicy): boolean {
  return now >= s.expiresAt || now.getTime() - s.lastSeenAt.getTime() >= policy.idleMs;
}

export const renewalDue = (s: Timestamps, now: Date, policy: SignInSessionPolicy): boolean =>
  now.getTime() - s.identityRefreshedAt.getTime() >= policy.refreshEveryMs;

/** The provider could not be asked: may the session still act on the identity it has? */
export const withinRenewalGrace = (s: Timestamps, now: Date, policy: SignInSessionPolicy): boolean =>
  now.getTime() - s.identityRefreshedAt.getTime() < policy.refreshEveryMs + policy.refreshGraceMs;

export const touchDue = (s: Timestamps, now: Date): boolean => now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
