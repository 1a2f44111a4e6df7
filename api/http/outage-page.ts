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
import { plainPageHtml } from "./plain-page.js";

export const OUTAGE_TITLE = "Live Sessions is briefly unavailable";
export const OUTAGE_ADVICE = "We can't reach our database right now. Nothing you did caused this, and nothing is lost. Please try again in a moment.";

export function outagePageHtml(): string {
  return plainPageHtml({ title: OUTAGE_TITLE, message: OUTAGE_ADVICE, action: { href: "", label: "Try again" } });
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
