import type { z } from "zod";
import { DomainError } from "./errors.js";

/** Parse with a domain schema; every problem becomes one BAD_USER_INPUT that names its field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  throw new DomainError("BAD_USER_INPUT", fields.map((f) => f.message).join("; "), { fields });
}
