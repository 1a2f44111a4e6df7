/**
 * The profile a user row takes from the identity provider's claims. Claims pass the same
 * text rules as input (text-rules.ts), but nobody can be asked to fix a claim, and it
 * arrives on every request: a name keeps its text without the refused characters (a NUL,
 * a right-to-left override), while an email address or picture URL holding any is no
 * longer what it claims to be and is dropped.
 */
import type { UserProfile } from "../../repositories/users.js";
import type { Identity } from "../ports.js";
import { textProblem, withoutUnsafeText } from "../text-rules.js";

const KNOWN_ROLES = new Set(["expert", "admin"]);
/** Longer claims are cut: a provider's profile is not a place for essays. */
const MAX_NAME = 200;
const MAX_EMAIL = 320;
const MAX_PICTURE = 4096;

export function profileOf(identity: Identity): UserProfile {
  const email = exact(identity.email, MAX_EMAIL);
  return {
    name: cleaned(identity.name, MAX_NAME) ?? email ?? "Yoga student",
    email,
    avatarUrl: exact(identity.picture, MAX_PICTURE),
    roles: [...new Set(identity.roles.filter((r) => KNOWN_ROLES.has(r)))].sort(),
  };
}

/** The identity with its profile claims cleaned the same way, for storing as a web session's identity. */
export function cleanIdentity(identity: Identity): Identity {
  const { name, email, picture, ...rest } = identity;
  const clean: Identity = { ...rest, roles: identity.roles.filter((r) => textProblem(r) === null) };
  const n = cleaned(name, MAX_NAME);
  const e = exact(email, MAX_EMAIL);
  const p = exact(picture, MAX_PICTURE);
  if (n) clean.name = n;
  if (e) clean.email = e;
  if (p) clean.picture = p;
  return clean;
}

function cleaned(value: string | undefined, max: number): string | null {
  const text = withoutUnsafeText(value ?? "").trim();
  return text ? Array.from(text).slice(0, max).join("") : null;
}

function exact(value: string | undefined, max: number): string | null {
  const text = value?.trim();
  if (!text || textProblem(text) !== null || text.length > max) return null;
  return text;
}
