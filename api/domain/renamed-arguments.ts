/**
 * An argument renamed under the versioning policy (README "Versioning"): the consistent name
 * is added beside the old one, which is deprecated and kept until its removal date. A
 * required argument cannot be deprecated in GraphQL, so both are optional in the schema
 * and exactly one is required here, with an error that names the one to use.
 */
import { DomainError } from "./errors.js";

export function renamedArgument(args: Record<string, unknown>, name: string, deprecatedName: string): unknown {
  const given = args[name] ?? null;
  const old = args[deprecatedName] ?? null;
  if (given !== null && old !== null) {
    const message = `Give ${name} only: ${deprecatedName} is its deprecated name, and both were given.`;
    throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: deprecatedName, message }] });
  }
  if (given === null && old === null) {
    const message = `${name} is required.`;
    throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: name, message }] });
  }
  return given ?? old;
}
