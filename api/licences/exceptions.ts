/**
 * Production dependencies allowed despite a licence outside the permissive list (policy.ts).
 * An exception names the package and the exact licence field it was reviewed under: if the
 * package changes its licence, the exception no longer matches and the check fails again.
 * An exception that matches nothing also fails the check, so this list stays true.
 *
 * None of these may reach the browser: web/e2e/bundle.e2e.ts allows only permissive licences
 * in build/client, with no exceptions.
 */
export interface LicenceException {
  name: string;
  licence: string;
  reason: string;
}

export const EXCEPTIONS: readonly LicenceException[] = [
  {
    name: "@100mslive/server-sdk",
    licence: "GPL-3.0-only",
    reason:
      "Required by the design card for 100ms room and token management. Server only: imported " +
      "from api/video, never bundled for browsers (the bundle test checks). GPL-3.0 obligations " +
      "start when the program is conveyed to others; we run it as a hosted service and do not " +
      "distribute the server, and it is GPL, not AGPL, so network use does not trigger them. " +
      "Review again before shipping the server to anyone (on-premises, appliance, desktop).",
  },
  {
    name: "mediabunny",
    licence: "MPL-2.0",
    reason:
      "Media container library pulled in by werift (the local 100ms media plane, server only). " +
      "MPL-2.0 is file-level copyleft: it binds only changes to mediabunny's own files, and only " +
      "when distributed. We use it unmodified and do not distribute the server.",
  },
  {
    name: "argparse",
    licence: "Python-2.0",
    reason:
      "The Python Software Foundation License (a port of Python's argparse): permissive, no " +
      "copyleft, OSI-approved, only outside our SPDX list. Pulled in by js-yaml (codegen's config " +
      "loader) and by markdown-it's command-line tool under the development GraphQL explorer " +
      "(graphiql); markdown-it's library does not import it, so it never reaches a browser.",
  },
];
