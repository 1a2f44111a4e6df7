/**
 * A Remix server build made by hand, for tests of the web face (api/http/web.ts) without
 * `npm run build`: the real Remix request handler, over a few routes the test defines.
 * Pages render as the text "page <status>"; the built app's own pages are covered by the
 * browser tests (web/e2e).
 */
import type { ActionFunctionArgs, ServerBuild } from "@remix-run/node";

export interface TinyRoute {
  /** URL path below the root, e.g. `app/live/:id`. */
  path: string;
  action(args: ActionFunctionArgs): Promise<Response | Record<string, unknown>> | Response | Record<string, unknown>;
  /** A page (a route with a component), not a resource route. */
  page?: boolean;
}

export function tinyRemixBuild(routes: Record<string, TinyRoute>): ServerBuild {
  const serverRoutes: ServerBuild["routes"] = { root: { id: "root", path: "", module: { default: () => null } as never } };
  for (const [id, route] of Object.entries(routes)) {
    serverRoutes[id] = {
      id,
      parentId: "root",
      path: route.path,
      module: { action: route.action, ...(route.page ? { default: () => null } : {}) } as never,
    };
  }
  return {
    mode: "test",
    entry: {
      module: {
        default: (_request, status, headers) => new Response(`page ${status}`, { status, headers: { ...Object.fromEntries(headers), "Content-Type": "text/plain" } }),
      },
    },
    routes: serverRoutes,
    assets: { entry: { imports: [], module: "/entry.js" }, routes: {}, url: "/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "/nonexistent",
    future: {} as ServerBuild["future"],
    isSpaMode: false,
  };
}
