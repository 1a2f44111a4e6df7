/**
 * `/email/unsubscribe?token=…`: the signed link in every email's List-Unsubscribe header.
 * Works without signing in. GET shows what the link turns off and a button (link scanners
 * follow GETs, so a GET changes nothing); POST turns it off — the button, or a mail client's
 * one-click unsubscribe (RFC 8058: `List-Unsubscribe=One-Click`, no cookie, no page).
 */
import express from "express";
import type { Logger } from "pino";
import type { Services } from "../domain/services.js";
import { asDomainError } from "../errors-map.js";
import { escapeHtml } from "./plain-page.js";

const WHAT: Record<"reminders" | "notices", string> = {
  reminders: "reminders before your classes",
  notices: "confirmations and notices (cancellations, recordings, new enrollments)",
};

export function unsubscribeRoutes(deps: { services: Services; logger: Logger; settingsUrl: string }): express.Router {
  const router = express.Router();
  const handle = (apply: boolean) => async (req: express.Request, res: express.Response) => {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    try {
      const { scope, name } = await deps.services.unsubscribe(req.query.token, apply);
      const what = WHAT[scope];
      if (apply) {
        res.type("html").send(page("Unsubscribed", `<p>${escapeHtml(name)}, you will no longer get ${escapeHtml(what)} by email.</p><p>Changed your mind? <a href="${escapeHtml(deps.settingsUrl)}">Email settings</a> (after signing in).</p>`));
        return;
      }
      res.type("html").send(
        page(
          "Stop these emails?",
          `<p>${escapeHtml(name)}: stop ${escapeHtml(what)}?</p>
<form method="post"><button type="submit">Unsubscribe</button></form>
<p><a href="${escapeHtml(deps.settingsUrl)}">All email settings</a> (after signing in)</p>`,
        ),
      );
    } catch (error) {
      const domainError = asDomainError(error);
      if (!domainError) {
        deps.logger.error({ err: error, requestId: String(req.id) }, "unsubscribe failed");
        res.status(500).type("html").send(page("Something went wrong", "<p>Nothing was changed. Try the link again in a minute.</p>"));
        return;
      }
      res.status(domainError.code === "NOT_FOUND" ? 404 : 400).type("html").send(page("This link does not work", `<p>${escapeHtml(domainError.message)}</p><p>Nothing was changed.</p>`));
    }
  };
  router.get("/unsubscribe", handle(false));
  router.post("/unsubscribe", express.urlencoded({ extended: false, limit: "1kb" }), handle(true));
  return router;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Live Sessions</title>
<style>body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#faf9fb}header{padding:.75rem 1rem;border-bottom:1px solid #e5e7eb;background:#fff;font-weight:700;color:#6d28d9}main{max-width:36rem;margin:0 auto;padding:3rem 1rem;text-align:center}h1{font-size:1.5rem}button{font:inherit;padding:.6rem 1.2rem;border-radius:8px;border:none;background:#6d28d9;color:#fff;cursor:pointer}a{color:#6d28d9}</style>
</head><body><header>Live Sessions</header><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
