/**
 * Characters a text field refuses, whichever face of the API it arrives through:
 * - control characters (NUL and the rest of C0/C1; tab, line feed and carriage return are
 *   fine): nobody types them, and PostgreSQL cannot store NUL at all;
 * - lone UTF-16 surrogates: not text, and the database driver would silently store U+FFFD
 *   instead, so what is read back would differ from what was sent;
 * - bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 *   invisible, they make text display in a different order than it is stored and, left
 *   open, reorder the page text around it ("Trojan Source", CVE-2021-42574). Arabic and
 *   Hebrew need none of them; the marks LRM/RLM/ALM remain allowed.
 * Everything else (emoji, combining marks, any script, quotes, `<`, `'`) is stored as sent.
 */
import type { z } from "zod";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Why `value` is refused as text (a phrase to follow the field's name), or null. */
export function textProblem(value: string, opts: { bidi?: boolean } = {}): string | null {
  if (CONTROL.test(value)) return "cannot contain control characters such as NUL";
  if (LONE_SURROGATE.test(value)) return "contains an invalid character (a lone UTF-16 surrogate)";
  if (opts.bidi !== true && BIDI_CONTROL.test(value)) {
    return "cannot contain invisible text-direction controls (U+202A–U+202E, U+2066–U+2069)";
  }
  return null;
}

/**
 * Adds the check to a string schema; the message names the field. `bidi: true` lets
 * direction controls through, for machine-written values that are never displayed.
 */
export function refuseUnsafeText<S extends z.ZodString>(schema: S, field: string, opts: { bidi?: boolean } = {}): S {
  return schema.superRefine((value, ctx) => {
    // zod runs checks even on a non-string with a length (an array); its type issue says it all.
    if (typeof value !== "string") return;
    const problem = textProblem(value, opts);
    if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` });
  }) as S;
}

const UNSAFE_GLOBAL = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}|${BIDI_CONTROL.source}`, "g");

/**
 * `value` without the characters `textProblem` refuses, for text we cannot send back to its
 * author to fix: profile claims from the identity provider, which arrive on every request.
 */
export function withoutUnsafeText(value: string): string {
  return value.replace(UNSAFE_GLOBAL, "");
}
