/**
 * Where sign-in sends a person back to. The value arrives in a link anyone can craft
 * (`/auth/login?returnTo=…`), so it is only ever a place inside the app: never another
 * site, never a header-breaking string.
 *
 * Prefix checks on the raw string are not enough: browsers drop tabs and newlines from a
 * URL and read `\` as `/`, so `/<TAB>/evil.example` became `//evil.example`; and a CR/LF
 * cannot go in a Location header at all (that was a 500 after the login code was spent).
 * So the value is parsed exactly as a browser would against APP_URL, must stay on its
 * origin, and what goes back out is the parsed URL's own (percent-encoded, ASCII) path,
 * query and fragment, never the raw string.
 */
export const DEFAULT_RETURN_TO = "/app/live";

// C0 controls and DEL: nothing a link of ours contains, and the parser would silently drop some.
const CONTROL = /[\u0000-\u001f\u007f]/;

export function safeReturnTo(value: unknown, appUrl: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || CONTROL.test(value)) return DEFAULT_RETURN_TO;
  const app = new URL(appUrl);
  let url: URL;
  try {
    url = new URL(value, app);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.origin !== app.origin) return DEFAULT_RETURN_TO;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` parses to the path `//evil.example`, which a browser reads as another host.
  if (target.startsWith("//")) return DEFAULT_RETURN_TO;
  return target;
}
