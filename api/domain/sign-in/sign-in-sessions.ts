/**
 * Web sign-in sessions, held on the server so they can be ended: by signing out, by
 * "sign out everywhere", by an admin, by their lifetime and idle limits, and by the identity
 * provider refusing to renew the identity (a user blocked or deleted). While a session
 * lives its identity is renewed from the provider at most `refreshEveryMs` apart, so a role
 * removed there stops working here within that time.
 */
import { z } from "zod";
import { findUsersByIds } from "../../repositories/users.js";
import {
  deleteSignInSession,
  deleteSignInSessionsEndedBy,
  deleteSignInSessionsOfUser,
  findSignInSession,
  insertSignInSession,
  storeRenewedIdentity,
  touchSignInSession,
} from "../../repositories/sign-in-sessions.js";
import type { SignInSessionRow } from "../../db/schema.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import { refuseUnsafeText } from "../text-rules.js";
import { runEvery } from "../periodic.js";
import { IdentityRefused, UpstreamError, type Identity } from "../ports.js";
import { requireViewer } from "../sessions/session-rules.js";
import { cleanIdentity } from "../users/profile-claims.js";
import { resolveViewer } from "../users/user-service.js";
import { isAdmin, type Viewer } from "../viewer.js";
import {
  DEFAULT_SIGN_IN_SESSION_POLICY,
  expiresAtFor,
  hasEnded,
  renewalDue,
  touchDue,
  withinRenewalGrace,
} from "./session-policy.js";
import { hashSessionId, looksLikeSessionId, newSessionId } from "./session-secrets.js";
import type { SignInSetup } from "./sign-in-setup.js";

export type { SignInSetup } from "./sign-in-setup.js";

type Deps = Pick<ServiceDeps, "db" | "clock" | "logger" | "signIn">;

export interface StartedSignInSession {
  /** The cookie's value; shown once, stored nowhere (only its hash is). */
  id: string;
  expiresAt: Date;
  viewer: Viewer;
}

/** A completed sign-in: the user is created or updated, and a session row written. */
export async function startSignInSession(
  deps: Deps,
  signIn: { identity: Identity; refreshToken?: string },
): Promise<StartedSignInSession> {
  const setup = requireSetup(deps);
  const identity = cleanIdentity(signIn.identity);
  const viewer = await resolveViewer(deps, identity);
  if (!signIn.refreshToken) {
    // Without one the identity cannot be renewed, so the session ends when a renewal is due.
    deps.logger.warn(
      { userId: viewer.id },
      "the identity provider returned no refresh token: this sign-in lasts until its identity is due for renewal. With Auth0, allow offline access (refresh tokens) for the application",
    );
  }
  const id = newSessionId();
  const now = deps.clock.now();
  const expiresAt = expiresAtFor(now, setup.policy);
  await insertSignInSession(deps.db, {
    idHash: hashSessionId(id),
    userId: viewer.id,
    identity: storedForm(identity),
    refreshToken: signIn.refreshToken ? setup.sealer.seal(signIn.refreshToken) : null,
    createdAt: now,
    lastSeenAt: now,
    identityRefreshedAt: now,
    expiresAt,
  });
  return { id, expiresAt, viewer };
}

/**
 * The identity a session cookie stands for, or null when it stands for none (unknown,
 * ended, expired, idle, or refused by the provider on renewal). Throws UPSTREAM_UNAVAILABLE
 * when a renewal is overdue past its grace and the provider still cannot be reached.
 */
export async function identityOfSignInSession(deps: Deps, cookieId: string): Promise<Identity | null> {
  const setup = requireSetup(deps);
  if (!looksLikeSessionId(cookieId)) return null;
  const idHash = hashSessionId(cookieId);
  const row = await findSignInSession(deps.db, idHash);
  if (!row) return null;
  const now = deps.clock.now();
  if (hasEnded(row, now, setup.policy)) {
    await deleteSignInSession(deps.db, idHash);
    return null;
  }
  if (renewalDue(row, now, setup.policy)) return renewOnce(deps, setup, row, now);
  if (touchDue(row, now)) await touchSignInSession(deps.db, idHash, now);
  return identityFrom(row.identity);
}

/**
 * Sign-out: the session row goes, so the cookie (or any copy of it) opens nothing any more,
 * and its refresh token is revoked at the provider.
 */
export async function endSignInSession(deps: Deps, cookieId: string): Promise<void> {
  if (!looksLikeSessionId(cookieId)) return;
  const ended = await deleteSignInSession(deps.db, hashSessionId(cookieId));
  if (ended) await revokeAtProvider(deps, [ended]);
}

/** Ends every web session of the signed-in user, on every device, this one included. */
export async function signOutEverywhere(deps: Deps, viewer: Viewer | null): Promise<{ userId: string; endedSessions: number }> {
  const user = requireViewer(viewer);
  const ended = await deleteSignInSessionsOfUser(deps.db, user.id);
  await revokeAtProvider(deps, ended);
  deps.logger.info({ userId: user.id, endedSessions: ended.length }, "signed out everywhere");
  return { userId: user.id, endedSessions: ended.length };
}

/**
 * Revokes the ended sessions' refresh tokens at the provider. Best effort: the sessions are
 * already over here whatever the provider answers (their rows are gone, and with them the
 * only copies this app held), so a provider that is down or refuses is logged, not thrown.
 */
async function revokeAtProvider(deps: Deps, ended: ReadonlyArray<{ refreshToken: string | null }>): Promise<void> {
  const setup = deps.signIn;
  if (!setup) return;
  for (const { refreshToken: sealed } of ended) {
    // None, or sealed under an earlier SESSION_SECRET: nothing this app can revoke.
    const refreshToken = sealed ? setup.sealer.open(sealed) : null;
    if (!refreshToken) continue;
    try {
      await setup.renewer.revoke(refreshToken);
    } catch (error) {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "a signed-out session's refresh token could not be revoked at the identity provider");
    }
  }
}

/** An admin ends every web session of a user (a lost laptop, a compromised account). */
export async function endUserSessions(
  deps: Deps,
  viewer: Viewer | null,
  rawUserId: unknown,
): Promise<{ userId: string; endedSessions: number }> {
  const admin = requireViewer(viewer);
  if (!isAdmin(admin)) throw new DomainError("FORBIDDEN", "Only an admin can end another user's sign-in sessions.");
  const userId = parseInput(userIdInput, rawUserId);
  if ((await findUsersByIds(deps.db, [userId])).length === 0) throw new DomainError("NOT_FOUND", `No user has the id "${userId}".`);
  const ended = await deleteSignInSessionsOfUser(deps.db, userId);
  await revokeAtProvider(deps, ended);
  deps.logger.info({ userId, endedSessions: ended.length, by: admin.id }, "an admin ended a user's sign-in sessions");
  return { userId, endedSessions: ended.length };
}

/** Deletes the rows of sessions past their lifetime or idle limit; returns how many. */
export async function purgeEndedSignInSessions(deps: Pick<ServiceDeps, "db" | "clock" | "signIn">): Promise<number> {
  const policy = deps.signIn?.policy ?? DEFAULT_SIGN_IN_SESSION_POLICY;
  const now = deps.clock.now();
  return deleteSignInSessionsEndedBy(deps.db, { now, seenBefore: new Date(now.getTime() - policy.idleMs) });
}

const userIdInput = refuseUnsafeText(
  z.string({ error: "The user id must be text" }).trim().min(1, { error: "The user id is required" }).max(64, { error: "The user id is too long" }),
  "The user id",
);

const PURGE_INTERVAL_MS = 15 * 60_000;

export function startSignInSessionPurge(deps: ServiceDeps): () => Promise<void> {
  return runEvery(PURGE_INTERVAL_MS, "sign-in session purge", () => purgeEndedSignInSessions(deps), deps.logger);
}

// ---------------------------------------------------------------------------------------

/**
 * A page fires several requests at once; they share one renewal, because a provider that
 * rotates refresh tokens treats a second use of the same token as theft and revokes the grant.
 * A renewal is known by the session and the renewal it follows, and a successful one is kept
 * for a while after it settles: a request that read the row just before the new token was
 * stored still holds the spent one, and must share this answer rather than spend it again.
 * (Across instances, the provider's reuse interval covers the same race: docs/auth0.md.)
 */
const renewals = new Map<string, Promise<Identity | null>>();
const KEEP_SETTLED_RENEWAL_MS = 60_000;

function renewOnce(deps: Deps, setup: SignInSetup, row: SignInSessionRow, now: Date): Promise<Identity | null> {
  const key = `${row.idHash}@${row.identityRefreshedAt.getTime()}`;
  const running = renewals.get(key);
  if (running) return running;
  const renewal = renew(deps, setup, row, now);
  renewals.set(key, renewal.then((r) => r.identity));
  renewal.then(
    // Only a renewal that spent the refresh token is kept; any other answer (the provider away
    // within the grace period) must be asked again, as time moves on.
    (r) => (r.spentRefreshToken ? setTimeout(() => renewals.delete(key), KEEP_SETTLED_RENEWAL_MS).unref() : renewals.delete(key)),
    () => renewals.delete(key),
  );
  return renewals.get(key)!;
}

async function renew(deps: Deps, setup: SignInSetup, row: SignInSessionRow, now: Date): Promise<{ identity: Identity | null; spentRefreshToken: boolean }> {
  const log = deps.logger.child({ userId: row.userId });
  const current = identityFrom(row.identity);
  const refreshToken = row.refreshToken ? setup.sealer.open(row.refreshToken) : null;
  if (!refreshToken) {
    // No token, or one sealed under another SESSION_SECRET: the identity cannot be renewed.
    log.info("sign-in session ended: its identity is due for renewal and it holds no usable refresh token");
    await deleteSignInSession(deps.db, row.idHash);
    return { identity: null, spentRefreshToken: false };
  }
  let renewed;
  try {
    renewed = await setup.renewer.renew(refreshToken);
    if (renewed.identity.subject !== current.subject) throw new IdentityRefused("the provider renewed the identity of another user");
  } catch (error) {
    if (error instanceof UpstreamError) {
      if (withinRenewalGrace(row, now, setup.policy)) {
        log.warn({ err: error.message }, "the identity provider cannot be reached; the sign-in session goes on with its last identity for now");
        if (touchDue(row, now)) await touchSignInSession(deps.db, row.idHash, now);
        return { identity: current, spentRefreshToken: false };
      }
      throw new DomainError(
        "UPSTREAM_UNAVAILABLE",
        "Your sign-in could not be checked because the sign-in provider is unreachable. Please try again in a moment.",
        { retryable: true },
      );
    }
    if (error instanceof IdentityRefused) {
      log.info({ reason: error.message }, "sign-in session ended: the identity provider refused to renew it");
      await deleteSignInSession(deps.db, row.idHash);
      return { identity: null, spentRefreshToken: true };
    }
    throw error;
  }
  const identity = cleanIdentity(renewed.identity);
  const stored = await storeRenewedIdentity(deps.db, {
    idHash: row.idHash,
    identity: storedForm(identity),
    refreshToken: renewed.refreshToken ? setup.sealer.seal(renewed.refreshToken) : row.refreshToken,
    at: now,
  });
  return { identity: stored ? identity : null, spentRefreshToken: true };
}

function requireSetup(deps: Deps): SignInSetup {
  if (!deps.signIn) throw new Error("Web sign-in sessions are not configured (ServiceDeps.signIn is missing).");
  return deps.signIn;
}

const storedIdentity = z.object({
  subject: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  picture: z.string().optional(),
  roles: z.array(z.string()),
  issuedAt: z.iso.datetime().optional(),
});

function storedForm(identity: Identity): z.infer<typeof storedIdentity> {
  const { issuedAt, ...rest } = identity;
  return { ...rest, ...(issuedAt && { issuedAt: issuedAt.toISOString() }) };
}

function identityFrom(json: unknown): Identity {
  const { issuedAt, ...rest } = storedIdentity.parse(json);
  return { ...rest, ...(issuedAt && { issuedAt: new Date(issuedAt) }) };
}
