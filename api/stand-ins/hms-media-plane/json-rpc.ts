/**
 * The SDK's JSON-RPC framing over the signalling socket (docs/100ms-media-plane.md#json-rpc-framing):
 * requests carry an `id` and expect `{id, result}` with a truthy result, or
 * `{id, error:{code, message}}`; notifications have no `id`.
 */

export type Incoming =
  | { kind: "request"; id: string; method: string; params: Record<string, unknown> }
  | { kind: "notification"; method: string; params: Record<string, unknown> }
  | { kind: "invalid"; reason: string };

export function parseIncoming(text: string): Incoming {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "invalid", reason: "not JSON" };
  }
  if (typeof value !== "object" || value === null) return { kind: "invalid", reason: "not an object" };
  const m = value as { id?: unknown; method?: unknown; params?: unknown };
  if (typeof m.method !== "string") return { kind: "invalid", reason: "no method" };
  const params = typeof m.params === "object" && m.params !== null ? (m.params as Record<string, unknown>) : {};
  if (typeof m.id === "string" || typeof m.id === "number") return { kind: "request", id: String(m.id), method: m.method, params };
  return { kind: "notification", method: m.method, params };
}

/** A request's failure as the SDK reads it: `code` becomes the HMSException code. */
export class RpcError extends Error {
  override readonly name = "RpcError";
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const reply = (id: string, result: object) => JSON.stringify({ jsonrpc: "2.0", id, result });
export const replyError = (id: string, e: RpcError) => JSON.stringify({ jsonrpc: "2.0", id, error: { code: e.code, message: e.message } });
export const notification = (method: string, params: object) => JSON.stringify({ jsonrpc: "2.0", method, params });
