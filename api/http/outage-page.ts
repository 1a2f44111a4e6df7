/**
 * The page a person gets while the database cannot be reached and the web app cannot even
 * find out who they are (the session cookie is checked against the database): 503, a
 * Retry-After, and a plain page that says what happened and what to do. Pages whose data
 * fails later say the same through the web app's own error page (web/root.tsx).
 */
import type { ErrorRequestHandler } from "express";
import type { Logger } from "pino";
import { databaseUnavailability } from "../db/availability.js";
import { asDomainError, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../errors-map.js";

export const OUTAGE_TITLE = "Live Sessions is briefly unavailable";
export const OUTAGE_ADVICE = "We can't reach our database right now. Nothing you did caused this, and nothing is lost. Please try again in a moment.";

/** Self-contained (no scripts, no assets that could fail too); styled like the app's error page. */
export function outagePageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${OUTAGE_TITLE}</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; background: #faf9fb; }
  header { padding: .75rem 1rem; border-bottom: 1px solid #e5e7eb; background: #fff; font-weight: 700; color: #6d28d9; }
  main { max-width: 36rem; margin: 0 auto; padding: 3rem 1rem; text-align: center; }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  a { display: inline-block; margin-top: 1rem; padding: .5rem 1rem; border-radius: 8px; background: #6d28d9; color: #fff; text-decoration: none; }
</style>
</head>
<body>
<header>Live Sessions</header>
<main>
<h1>${OUTAGE_TITLE}</h1>
<p>${OUTAGE_ADVICE}</p>
<a href="">Try again</a>
</main>
</body>
</html>
`;
}

/** Express error handler for the web router: the outage page for a database outage, anything else passed on. */
export const databaseOutagePage: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent || asDomainError(error)?.code !== "SERVICE_UNAVAILABLE") {
    next(error);
    return;
  }
  // A warning like every 503: the outage is expected in operation, its cause is worth a line.
  (req as { log?: Logger }).log?.warn({ database: databaseUnavailability(error) }, "the database is unavailable; answered the outage page");
  res
    .status(503)
    .set({ "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" })
    .type("html")
    .send(outagePageHtml());
};
