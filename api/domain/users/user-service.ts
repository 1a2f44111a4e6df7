import { findUserBySubject, upsertUserBySubject } from "../../repositories/users.js";
import type { ServiceDeps } from "../deps.js";
import { newId } from "../ids.js";
import type { Identity } from "../ports.js";
import type { Viewer } from "../viewer.js";

const KNOWN_ROLES = new Set(["expert", "admin"]);

/**
 * The one path from a verified identity (Bearer token or web session) to a viewer:
 * the user is created on first sight and their profile kept in step with the identity
 * provider, which stays the source of truth for names and roles.
 */
export async function resolveViewer(deps: Pick<ServiceDeps, "db" | "clock">, identity: Identity): Promise<Viewer> {
  const profile = {
    name: identity.name?.trim() || identity.email?.trim() || "Yoga student",
    email: identity.email?.trim() || null,
    avatarUrl: identity.picture?.trim() || null,
    roles: [...new Set(identity.roles.filter((r) => KNOWN_ROLES.has(r)))].sort(),
  };
  const existing = await findUserBySubject(deps.db, identity.subject);
  const row =
    existing &&
    existing.name === profile.name &&
    existing.email === profile.email &&
    existing.avatarUrl === profile.avatarUrl &&
    existing.roles.join(",") === profile.roles.join(",")
      ? existing
      : await upsertUserBySubject(deps.db, {
          id: existing?.id ?? newId("usr"),
          authSubject: identity.subject,
          now: deps.clock.now(),
          ...profile,
        });
  return { id: row.id, name: row.name, email: row.email, avatarUrl: row.avatarUrl, roles: row.roles };
}
