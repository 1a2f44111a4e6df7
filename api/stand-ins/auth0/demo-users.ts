/**
 * The people the local stand-in for Auth0 signs in. Their `sub` has the shape of an Auth0
 * subject (`connection|id`) so nothing downstream can tell them from real accounts.
 */
export type DemoUserKey = "deepak" | "meera" | "priya" | "tom" | "lena" | "admin";

export interface DemoUser {
  key: DemoUserKey;
  sub: string;
  name: string;
  email: string;
  /** An inline SVG: the machine running the demo may have no internet for avatar services. */
  picture: string;
  roles: readonly string[];
}

function demoUser(key: DemoUserKey, name: string, roles: readonly string[], color: string): DemoUser {
  return {
    key,
    sub: `local|${key}`,
    name,
    email: `${key}@example.com`,
    picture: initialsAvatar(name, color),
    roles,
  };
}

function initialsAvatar(name: string, color: string): string {
  const initials = name
    .split(" ")
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<circle cx="32" cy="32" r="32" fill="${color}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${initials}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const DEMO_USERS: readonly DemoUser[] = [
  demoUser("deepak", "Deepak Kumar", ["expert"], "#b45309"),
  demoUser("meera", "Meera Iyer", ["expert"], "#7c3aed"),
  demoUser("priya", "Priya Sharma", [], "#0f766e"),
  demoUser("tom", "Tom Becker", [], "#1d4ed8"),
  demoUser("lena", "Lena Fischer", [], "#be123c"),
  demoUser("admin", "Ada Admin", ["admin"], "#374151"),
];

/** For keys that come from outside (a sign-in form): undefined when there is no such account. */
export function findDemoUser(key: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.key === key);
}

/** For keys written in code: the type already guarantees the account exists. */
export function getDemoUser(key: DemoUserKey): DemoUser {
  const user = findDemoUser(key);
  if (!user) throw new Error(`No demo user "${key}"`);
  return user;
}
