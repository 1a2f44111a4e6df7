/**
 * A page's GraphQL error becomes the page a person expects: sign in, 403, 404. Input
 * errors are returned to the form that sent them. Checked by name: the error class lives
 * in the server bundle, which web code never imports at run time.
 */
import { redirect } from "@remix-run/node";
import type { WebGraphQLErrorInfo } from "../../api/http/web-context";

interface WebGraphQLErrorLike {
  name: "WebGraphQLError";
  code: string;
  /** The HTTP status the API's one error table gives `code`. */
  status: number;
  message: string;
  errors: WebGraphQLErrorInfo[];
}

/** As the outage page (api/http/outage-page.ts) says when finding the viewer already fails. */
const RETRY_AFTER_SECONDS = 30;

export function isGraphQLError(error: unknown): error is WebGraphQLErrorLike {
  return error instanceof Error && error.name === "WebGraphQLError";
}

export function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/auth/login?returnTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Throws the response for errors that decide the whole page; returns the others. */
export function pageFor(error: unknown, request: Request): WebGraphQLErrorLike {
  if (!isGraphQLError(error)) throw error;
  switch (error.code) {
    case "UNAUTHENTICATED":
      throw redirect(signInUrl(request));
    case "FORBIDDEN":
      throw new Response(error.message, { status: 403 });
    case "NOT_FOUND":
      throw new Response(error.message, { status: 404 });
    // The database is away: the whole page is briefly unavailable (503), not broken (500).
    case "SERVICE_UNAVAILABLE":
      throw new Response(error.message, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
    default:
      return error;
  }
}

/** Run a page's operation; anything but the page-deciding errors is rethrown. */
export async function load<T>(request: Request, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw pageFor(error, request);
  }
}

/** Field errors of an input error, keyed by field path, for forms. */
export function fieldErrors(error: WebGraphQLErrorLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error.errors) for (const f of e.fields ?? []) out[f.path] ??= f.message;
  return out;
}
