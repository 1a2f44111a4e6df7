/**
 * GraphQL lets a caller send `null` for an optional input field; the domain's schemas
 * treat "left out" as "use the default", and so should an explicit null.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v !== null) out[key] = withoutNulls(v);
  }
  return out as T;
}
