import type { WebContext } from "../../api/http/web-context";

// Loaders and actions receive the server's WebContext (api/http/web-context.ts).
declare module "@remix-run/node" {
  interface AppLoadContext extends WebContext {}
}

export type { WebContext };
