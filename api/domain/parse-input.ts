import type { z } from "zod";
import { DomainError } from "./errors.js";

/** Parse with a domain schema; every problem becomes one BAD_USER_INPUT that names its field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const all = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
    wrongType: issue.code === "invalid_type",
  }));
  // A value of the wrong type gets that one message: zod still measures an array given for
  // a string ("title must be text; title must be at least 3 characters"). Same words once.
  const fields = all
    .filter((f) => f.wrongType || !all.some((other) => other.wrongType && other.path === f.path))
    .filter((f, i, kept) => kept.findIndex((o) => o.path === f.path && o.message === f.message) === i)
    .map(({ path, message }) => ({ path, message }));
  throw new DomainError("BAD_USER_INPUT", [...new Set(fields.map((f) => f.message))].join("; "), { fields });
}
