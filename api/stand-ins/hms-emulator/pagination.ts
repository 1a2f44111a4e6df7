import { badRequest } from "./errors.js";

/**
 * The pagination every 100ms list endpoint shares (docs/100ms.md#pagination): `limit` 10–100
 * (default 10), `start` = the previous page's `last`, answer `{limit, data, last}`.
 *
 * Choices where the docs are silent:
 * - `start` is exclusive (an inclusive cursor would make the server SDK's iterator loop
 *   over duplicates) and compared by key, so an unknown `start` still works as a cursor.
 * - `last` is the key of the page's last item while more items follow, and `""` on the
 *   final page (the room-codes doc example shows `""`).
 * - A `limit` outside 10–100 is a 400 rather than being clamped.
 */
export interface Page<T> {
  limit: number;
  data: T[];
  last: string;
}

export function readLimit(query: URLSearchParams): number {
  const raw = query.get("limit");
  if (raw === null) return 10;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 10 || n > 100) {
    throw badRequest("Invalid query parameter: limit", "limit must be an integer between 10 and 100");
  }
  return n;
}

/** `items` must already be in ascending `key` order. */
export function paginate<T>(items: T[], key: (item: T) => string, query: URLSearchParams): Page<T> {
  const limit = readLimit(query);
  const start = query.get("start");
  const after = start ? items.filter((item) => key(item) > start) : items;
  const data = after.slice(0, limit);
  const more = after.length > data.length;
  const lastItem = data[data.length - 1];
  return { limit, data, last: more && lastItem !== undefined ? key(lastItem) : "" };
}
