/**
 * Which licences the product may depend on. A licence is acceptable when it is on the
 * permissive list below: those ask only that copyright and licence notices are kept, never
 * that our own source is published. Everything else — GPL, AGPL, LGPL, MPL, custom terms
 * ("SEE LICENSE IN …", "LicenseRef-…"), proprietary ("UNLICENSED"), a missing or unparsable
 * licence field — needs a named exception with a reason (api/licences/exceptions.ts), and the
 * browser bundle gets no exceptions at all (web/e2e/bundle.e2e.ts).
 *
 * The licence field is read as an SPDX expression: `A OR B` is acceptable if either side is
 * (the licensee chooses), `A AND B` only if both are, `A WITH exception` only if that whole
 * pair is listed (none are).
 */
import { dirname, isAbsolute, resolve } from "node:path";

/** SPDX ids treated as permissive. Compared case-insensitively; a trailing `+` ("or later") is ignored. */
export const PERMISSIVE = [
  "MIT",
  "MIT-0",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "0BSD",
  "Apache-2.0",
  "Zlib",
  "BlueOak-1.0.0",
  "Unlicense", // public-domain dedication; not to be confused with "UNLICENSED" (all rights reserved)
  "CC0-1.0",
] as const;

const permissive = new Set(PERMISSIVE.map((id) => id.toLowerCase()));

/** The licence of one package as written in its package.json (current or legacy forms). */
export function licenceExpression(pkg: { license?: unknown; licenses?: unknown }): string | undefined {
  const one = (l: unknown): string | undefined => {
    if (typeof l === "string") return l.trim() || undefined;
    if (l && typeof l === "object" && typeof (l as { type?: unknown }).type === "string") return ((l as { type: string }).type).trim() || undefined;
    return undefined;
  };
  const direct = one(pkg.license);
  if (direct) return direct;
  // Deprecated `licenses: [{ type }]`: npm documented it for dual licensing, so it reads as OR.
  if (Array.isArray(pkg.licenses)) {
    const ids = pkg.licenses.map(one);
    if (ids.length > 0 && ids.every((id): id is string => id !== undefined)) {
      return ids.length === 1 ? ids[0] : ids.map((id) => `(${id})`).join(" OR ");
    }
  }
  return undefined;
}

type Node = { id: string } | { op: "AND" | "OR"; left: Node; right: Node } | { with: string; id: string };

/** Parses an SPDX licence expression; undefined when it is not one (free text, "MIT/X11", …). */
export function parseExpression(expression: string): Node | undefined {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (t: string | undefined, op: string) => t !== undefined && t.toUpperCase() === op;
  const isId = (t: string | undefined) => t !== undefined && /^[A-Za-z0-9.\-+:]+$/.test(t) && !["AND", "OR", "WITH"].includes(t.toUpperCase());

  function or(): Node | undefined {
    let left = and();
    while (left && isOp(peek(), "OR")) {
      i++;
      const right = and();
      left = right && { op: "OR", left, right };
    }
    return left;
  }
  function and(): Node | undefined {
    let left = withExpr();
    while (left && isOp(peek(), "AND")) {
      i++;
      const right = withExpr();
      left = right && { op: "AND", left, right };
    }
    return left;
  }
  function withExpr(): Node | undefined {
    const a = atom();
    if (a && "id" in a && !("with" in a) && isOp(peek(), "WITH")) {
      i++;
      const exception = peek();
      if (!isId(exception)) return undefined;
      i++;
      return { id: a.id, with: exception! };
    }
    return a;
  }
  function atom(): Node | undefined {
    const t = peek();
    if (t === "(") {
      i++;
      const inner = or();
      if (peek() !== ")") return undefined;
      i++;
      return inner;
    }
    if (!isId(t)) return undefined;
    i++;
    return { id: t! };
  }

  const tree = or();
  return tree && i === tokens.length ? tree : undefined;
}

function acceptable(node: Node): boolean {
  if ("op" in node) return node.op === "OR" ? acceptable(node.left) || acceptable(node.right) : acceptable(node.left) && acceptable(node.right);
  if ("with" in node) return false;
  return permissive.has(node.id.replace(/\+$/, "").toLowerCase());
}

export type Verdict =
  | { ok: true; licence: string }
  | { ok: false; licence: string; why: "missing" | "not an SPDX expression" | "custom licence text" | "not permissive" };

/** Whether a licence field allows shipping the package without an exception. */
export function judge(licence: string | undefined): Verdict {
  if (licence === undefined) return { ok: false, licence: "(none)", why: "missing" };
  if (/^SEE LICEN[CS]E IN /i.test(licence)) return { ok: false, licence, why: "custom licence text" };
  const tree = parseExpression(licence);
  if (!tree) return { ok: false, licence, why: "not an SPDX expression" };
  if (acceptable(tree)) return { ok: true, licence };
  return { ok: false, licence, why: /LicenseRef-/i.test(licence) ? "custom licence text" : "not permissive" };
}

/**
 * The npm package a bundled module belongs to: the directory of the nearest package.json above
 * it that has a `name` (nested ones such as dist/esm/package.json with only `type` are skipped).
 * Works for node_modules, `file:`/workspace packages and aliases resolved elsewhere alike.
 * Undefined for virtual modules (Rollup's "\0…" helpers) and for the project's own code.
 */
export function packageDirOf(moduleId: string, projectRoot: string, readManifest: (dir: string) => { name?: unknown } | undefined): string | undefined {
  const path = moduleId.replace(/^\0/, "").replace(/\?.*$/, "");
  if (!isAbsolute(path)) return undefined;
  const root = resolve(projectRoot);
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const manifest = readManifest(dir);
    if (manifest && typeof manifest.name === "string") return dir === root ? undefined : dir;
    if (dirname(dir) === dir) return undefined;
  }
}
