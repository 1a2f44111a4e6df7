/**
 * `/_local/mail`: the messages the local SMTP server kept, like MailHog's inbox. A list,
 * each message's text, its HTML (shown sandboxed: no scripts, no requests), and its
 * calendar invitation as a download. Mounted under /_local, which answers loopback only.
 */
import express from "express";
import type { LocalSmtpServer, ReceivedMail } from "./local-smtp-server.js";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function localInboxRoutes(smtp: LocalSmtpServer): express.Router {
  const router = express.Router();
  router.get("/mail", (_req, res) => {
    const rows = [...smtp.messages()].reverse().map(
      (m) => `<tr><td>${escapeHtml(m.receivedAt.toISOString())}</td><td>${escapeHtml(m.to.join(", "))}</td><td><a href="mail/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td><td>${m.calendar ? "📅" : ""}</td></tr>`,
    );
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(
      page(
        "Local inbox",
        `<p>Mail the app sent while no <code>SMTP_URL</code> is set: nothing left this machine. ${smtp.messages().length} message(s), newest first (<a href="mail.json">JSON</a>).</p>
<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Invite</th></tr></thead><tbody>${rows.join("") || `<tr><td colspan="4">No mail yet.</td></tr>`}</tbody></table>`,
      ),
    );
  });
  router.get("/mail.json", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(smtp.messages().map(({ raw: _raw, ...m }) => m));
  });
  router.get("/mail/:id", (req, res) => {
    const m = find(smtp, req.params.id);
    if (!m) return void res.status(404).type("html").send(page("No such message", `<p><a href="../mail">Back to the inbox</a></p>`));
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(
      page(
        m.subject,
        `<p><a href="../mail">← Inbox</a></p>
<dl><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>To</dt><dd>${escapeHtml(m.to.join(", "))}</dd><dt>Received</dt><dd>${escapeHtml(m.receivedAt.toISOString())}</dd>
${m.headers["list-unsubscribe"] ? `<dt>List-Unsubscribe</dt><dd>${escapeHtml(m.headers["list-unsubscribe"])}</dd>` : ""}</dl>
<p><a href="${m.id}/html">HTML version</a>${m.calendar ? ` · <a href="${m.id}/invite.ics">calendar invitation (.ics)</a>` : ""}</p>
<pre>${escapeHtml(m.text)}</pre>`,
      ),
    );
  });
  router.get("/mail/:id/html", (req, res) => {
    const m = find(smtp, req.params.id);
    if (!m) return void res.status(404).send("No such message");
    // The message's own HTML, as a mail client would show it: no scripts, nothing fetched.
    res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(m.html);
  });
  router.get("/mail/:id/invite.ics", (req, res) => {
    const m = find(smtp, req.params.id);
    if (!m?.calendar) return void res.status(404).send("No invitation in this message");
    res.setHeader("Content-Disposition", `attachment; filename="${m.id}.ics"`);
    res.type("text/calendar").send(m.calendar);
  });
  return router;
}

function find(smtp: LocalSmtpServer, id: string): ReceivedMail | undefined {
  return smtp.messages().find((m) => m.id === id);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} — local mail</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1f2937}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e7eb;padding:.4rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f9fafb;padding:1rem;border-radius:8px}dt{font-weight:600}</style>
</head><body><header><strong>Live Sessions — local mail (stand-in)</strong></header><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
