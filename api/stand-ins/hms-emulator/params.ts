import { badRequest } from "./errors.js";

/**
 * Readers for request bodies and query strings. They throw 400s worded like the
 * documented ones ("Invalid body param: …", "Invalid query parameter: …").
 */

export type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("Invalid body", "body must be a JSON object");
  }
  return value as Body;
}

export function optionalString(body: Body, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`Invalid body param: ${field}`, `${field} must be a string`);
  return v;
}

export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw badRequest(`Invalid body param: ${field}`, `${field} must be a boolean`);
  return v;
}

export function optionalInteger(body: Body, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw badRequest(`Invalid body param: ${field}`, `${field} must be an integer`);
  }
  return v;
}

/** `true`/`false` only; anything else is a 400 rather than a silent default. */
export function queryBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  if (v === "true") return true;
  if (v === "false") return false;
  throw badRequest(`Invalid query parameter: ${name}`, `${name} must be true or false`);
}

export function queryDate(query: URLSearchParams, name: string): Date | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) {
    throw badRequest(`Invalid query parameter: ${name}`, `${name} must be an RFC 3339 timestamp`);
  }
  return d;
}
