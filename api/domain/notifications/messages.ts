/**
 * The words of each email, as plain text and HTML from the same parts: the class and its
 * expert, the time in the recipient's zone (zone named), the link to act on, and how to
 * turn such mail off.
 */
import type { SessionRow } from "../../db/schema.js";
import { formatClockInZone, formatInZone } from "./message-times.js";

export interface MessageContext {
  recipient: { name: string; timeZone: string | null };
  session: Pick<SessionRow, "id" | "title" | "scheduledStartTime" | "scheduledEndTime">;
  expertName: string;
  /** Where the main button goes (the join page, the session page). */
  actionUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  subject: string;
  lines: string[];
  action: { label: string; url: string };
  /** Which mail the unsubscribe link turns off, in words. */
  turnsOff: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function render(ctx: MessageContext, parts: Parts): RenderedMessage {
  const footer = `You get this because of your Live Sessions account. Change your email settings: ${ctx.settingsUrl}\nStop ${parts.turnsOff}: ${ctx.unsubscribeUrl}`;
  const text = [`Hello ${ctx.recipient.name},`, "", ...parts.lines, "", `${parts.action.label}: ${parts.action.url}`, "", "—", footer].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937;max-width:36rem;margin:0 auto;padding:1rem">
<p>Hello ${escapeHtml(ctx.recipient.name)},</p>
${parts.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:.6rem 1rem;border-radius:8px;background:#6d28d9;color:#fff;text-decoration:none">${escapeHtml(parts.action.label)}</a></p>
<hr style="border:none;border-top:1px solid #e5e7eb">
<p style="font-size:.85rem;color:#6b7280">You get this because of your Live Sessions account. <a href="${escapeHtml(ctx.settingsUrl)}">Email settings</a> · <a href="${escapeHtml(ctx.unsubscribeUrl)}">Stop ${escapeHtml(parts.turnsOff)}</a></p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

/** `Wednesday 16 January 2030, 14:30–15:30 (Asia/Kolkata)` */
function when(ctx: MessageContext): string {
  const start = formatInZone(ctx.session.scheduledStartTime, ctx.recipient.timeZone);
  const end = formatClockInZone(ctx.session.scheduledEndTime, ctx.recipient.timeZone);
  return start.replace(/(\d{2}:\d{2}) \(/, `$1–${end} (`);
}

const startsAt = (ctx: MessageContext) => formatInZone(ctx.session.scheduledStartTime, ctx.recipient.timeZone);

export function enrollmentConfirmed(ctx: MessageContext): RenderedMessage {
  return render(ctx, {
    subject: `You're booked: ${ctx.session.title} — ${startsAt(ctx)}`,
    lines: [
      `You are enrolled in "${ctx.session.title}" with ${ctx.expertName}.`,
      `When: ${when(ctx)}`,
      "The calendar invitation attached adds it to your calendar. Join from the link below when the class starts.",
    ],
    action: { label: "Join the class", url: ctx.actionUrl },
    turnsOff: "confirmations and notices",
  });
}

export function reminder(ctx: MessageContext, lead: "24h" | "15m"): RenderedMessage {
  const soon = lead === "15m" ? "in 15 minutes" : "in 24 hours";
  return render(ctx, {
    subject: `Starts ${soon}: ${ctx.session.title} — ${startsAt(ctx)}`,
    lines: [`"${ctx.session.title}" with ${ctx.expertName} starts ${soon}.`, `When: ${when(ctx)}`],
    action: { label: "Join the class", url: ctx.actionUrl },
    turnsOff: "reminders",
  });
}

export function sessionRescheduled(ctx: MessageContext, previousStart: Date): RenderedMessage {
  return render(ctx, {
    subject: `New time: ${ctx.session.title} — ${startsAt(ctx)}`,
    lines: [
      `"${ctx.session.title}" with ${ctx.expertName} has moved. You keep your place.`,
      `New time: ${when(ctx)}`,
      `It was planned for ${formatInZone(previousStart, ctx.recipient.timeZone)}.`,
      "The calendar update attached moves it in your calendar.",
    ],
    action: { label: "See the class", url: ctx.actionUrl },
    turnsOff: "confirmations and notices",
  });
}

export function sessionCancelled(ctx: MessageContext, refund: { amount: number; currency: string } | null): RenderedMessage {
  return render(ctx, {
    subject: `Cancelled: ${ctx.session.title} — ${startsAt(ctx)}`,
    lines: [
      `"${ctx.session.title}" with ${ctx.expertName}, planned for ${when(ctx)}, has been cancelled.`,
      refund
        ? `You paid ${refund.amount.toFixed(2)} ${refund.currency}: it is being refunded in full to the way you paid. Banks usually take 5–10 working days.`
        : "Nothing was charged for it.",
      "The calendar update attached removes it from your calendar.",
    ],
    action: { label: "See the class", url: ctx.actionUrl },
    turnsOff: "confirmations and notices",
  });
}

export function bookingCancelled(ctx: MessageContext, refund: { amount: number; currency: string } | null): RenderedMessage {
  return render(ctx, {
    subject: `Booking cancelled: ${ctx.session.title} — ${startsAt(ctx)}`,
    lines: [
      `You cancelled your place in "${ctx.session.title}" with ${ctx.expertName} (${when(ctx)}).`,
      refund ? `You paid ${refund.amount.toFixed(2)} ${refund.currency}: it is being refunded in full to the way you paid. Banks usually take 5–10 working days.` : "Nothing was charged for it.",
      "The calendar update attached removes it from your calendar.",
    ],
    action: { label: "See the class", url: ctx.actionUrl },
    turnsOff: "confirmations and notices",
  });
}

export function recordingReady(ctx: MessageContext, forExpert: boolean): RenderedMessage {
  return render(ctx, {
    subject: `Recording ready: ${ctx.session.title}`,
    lines: [
      forExpert
        ? `The recording of your class "${ctx.session.title}" (${when(ctx)}) is ready. Your students have been told.`
        : `The recording of "${ctx.session.title}" with ${ctx.expertName} (${when(ctx)}) is ready to watch.`,
    ],
    action: { label: "Watch the recording", url: ctx.actionUrl },
    turnsOff: "confirmations and notices",
  });
}

export function expertNewEnrollments(ctx: MessageContext, students: readonly string[]): RenderedMessage {
  const n = students.length;
  return render(ctx, {
    subject: `${n} new ${n === 1 ? "student" : "students"} in ${ctx.session.title}`,
    lines: [`New in your class "${ctx.session.title}" (${when(ctx)}): ${students.join(", ")}.`],
    action: { label: "See the class", url: ctx.actionUrl },
    turnsOff: "confirmations and notices",
  });
}

export interface EndpointDisabledContext {
  recipient: { name: string; timeZone: string | null };
  url: string;
  reason: string;
  failingSince: Date;
  disabledAt: Date;
  /** The endpoint's page: its delivery log and Enable again. */
  endpointUrl: string;
  settingsUrl: string;
}

/**
 * A webhook endpoint stopped receiving: sent whatever the email settings say, like any notice
 * about an account's own integration (there is no class mail to turn off here), so without an
 * unsubscribe link.
 */
export function webhookEndpointDisabled(ctx: EndpointDisabledContext): RenderedMessage {
  const lines = [
    `Your webhook endpoint ${ctx.url} has been disabled: no more events are sent to it.`,
    `Why: every delivery to it failed from ${formatInZone(ctx.failingSince, ctx.recipient.timeZone)} to ${formatInZone(ctx.disabledAt, ctx.recipient.timeZone)} (3 days).`,
    `What we saw: ${ctx.reason}`,
    "Fix the receiving server, then open the endpoint's page and choose Enable again. Its delivery log shows each attempt and what the server answered.",
  ];
  const action = { label: "Open the endpoint", url: ctx.endpointUrl };
  const footer = `You get this because you registered this webhook endpoint on your Live Sessions account. Your email settings: ${ctx.settingsUrl}`;
  const text = [`Hello ${ctx.recipient.name},`, "", ...lines, "", `${action.label}: ${action.url}`, "", "—", footer].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937;max-width:36rem;margin:0 auto;padding:1rem">
<p>Hello ${escapeHtml(ctx.recipient.name)},</p>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n")}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.6rem 1rem;border-radius:8px;background:#6d28d9;color:#fff;text-decoration:none">${escapeHtml(action.label)}</a></p>
<hr style="border:none;border-top:1px solid #e5e7eb">
<p style="font-size:.85rem;color:#6b7280">You get this because you registered this webhook endpoint on your Live Sessions account. <a href="${escapeHtml(ctx.settingsUrl)}">Email settings</a></p>
</body></html>`;
  return { subject: `Webhook endpoint disabled: ${ctx.url}`, text, html };
}
