import type { IncomingHttpHeaders } from "node:http";

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
  headers: IncomingHttpHeaders;
  now: Date;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Path relative to the table's prefix, `:name` segments capture. */
  pattern: string;
  /** Answered as JSON with status 200 (every 100ms success is a 200). */
  handler(ctx: RouteContext): unknown;
}

/** `POST /active-rooms/:id/end-room`: the name faults use to address a route. */
export const routeKey = (r: Pick<Route, "method" | "pattern">): string => `${r.method} ${r.pattern}`;

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Exact segment matching; a trailing slash is tolerated. Unknown → undefined (a 404). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = path.replace(/\/+$/, "").split("/").slice(1);
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.pattern.split("/").slice(1);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i] as string;
      const seg = segments[i] as string;
      if (part.startsWith(":")) {
        let value: string;
        try {
          value = decodeURIComponent(seg);
        } catch {
          value = seg;
        }
        ok = value !== "";
        params[part.slice(1)] = value;
      } else {
        ok = part === seg;
      }
    }
    if (ok) return { route, params };
  }
  return undefined;
}
