import { findUserBySubject, upsertUserBySubject, type UserProfile } from "../../repositories/users.js";
import type { UserRow } from "../../db/schema.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { newId } from "../ids.js";
import type { Identity } from "../ports.js";
import { textProblem } from "../text-rules.js";
import type { Viewer } from "../viewer.js";
import { profileOf } from "./profile-claims.js";

/**
 * The one path from a verified identity (Bearer token or web session) to a viewer:
 * the user is created on first sight and their profile kept in step with the identity
 * provider, which stays the source of truth for names and roles.
 *
 * Newer claims win: the row remembers when the claims it holds were issued (`iat`), and
 * claims older than those never overwrite it. The viewer is always the row, so a request
 * made with an old token (a copied Bearer token from before a role was removed) acts with
 * the newer roles the row holds, not with the ones its token still lists. A token without
 * `iat` cannot prove its age: it only updates a row that holds no dated claims either.
 */
export async function resolveViewer(deps: Pick<ServiceDeps, "db" | "clock">, identity: Identity): Promise<Viewer> {
  // The subject is the user's key: it cannot be cleaned up without naming someone else.
  if (textProblem(identity.subject) !== null) {
    throw new DomainError(
      "UNAUTHENTICATED",
      "The identity provider sent a user id (sub) with characters this service cannot store. Ask the service's operator to check the identity provider.",
    );
  }
  const profile = profileOf(identity);
  const issuedAt = identity.issuedAt ?? null;
  const existing = await findUserBySubject(deps.db, identity.subject);
  if (existing && !shouldUpdate(existing, profile, issuedAt)) return viewerOf(existing);
  const row =
    (await upsertUserBySubject(deps.db, {
      id: existing?.id ?? newId("usr"),
      authSubject: identity.subject,
      now: deps.clock.now(),
      identityIssuedAt: issuedAt,
      ...profile,
    })) ??
    // A concurrent request stored newer claims first: theirs stand.
    (await findUserBySubject(deps.db, identity.subject));
  return viewerOf(row!);
}

function shouldUpdate(existing: UserRow, profile: UserProfile, issuedAt: Date | null): boolean {
  const stored = existing.identityIssuedAt;
  if (stored && (!issuedAt || issuedAt < stored)) return false;
  if (issuedAt && (!stored || issuedAt > stored)) return true;
  return !(
    existing.name === profile.name &&
    existing.email === profile.email &&
    existing.avatarUrl === profile.avatarUrl &&
    existing.roles.join(",") === profile.roles.join(",")
  );
}

const viewerOf = (row: UserRow): Viewer => ({ id: row.id, name: row.name, email: row.email, avatarUrl: row.avatarUrl, roles: row.roles });
