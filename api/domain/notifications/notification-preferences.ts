/**
 * A user's time zone and email choices: read and changed by the user (the settings page),
 * the zone taken from the browser while none is set, and reminders or notices turned off
 * from an email's signed unsubscribe link without signing in.
 */
import { z } from "zod";
import type { ParticipantRow, SessionRow, UserRow } from "../../db/schema.js";
import { findUsersByIds, setTimeZoneIfUnset, updateNotificationPreferences } from "../../repositories/users.js";
import type { ServiceDeps } from "../deps.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import { requireViewer } from "../sessions/session-rules.js";
import type { Viewer } from "../viewer.js";
import { calendarEvent, googleCalendarLink } from "./calendar-invite.js";
import { isKnownTimeZone } from "./message-times.js";
import { readUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-tokens.js";

export interface NotificationSettings {
  timeZone: string | null;
  emailReminders: boolean;
  emailNotices: boolean;
}

const timeZone = z
  .string({ error: "timeZone must be text" })
  .trim()
  .refine(isKnownTimeZone, { error: "timeZone must be an IANA time zone name such as Europe/Berlin or Asia/Kolkata" });

export const notificationSettingsInput = z
  .object({
    timeZone: timeZone.nullish(),
    emailReminders: z.boolean({ error: "emailReminders must be true or false" }).nullish(),
    emailNotices: z.boolean({ error: "emailNotices must be true or false" }).nullish(),
  })
  .strict();

const settingsOf = (row: UserRow): NotificationSettings => ({ timeZone: row.timeZone, emailReminders: row.emailReminders, emailNotices: row.emailNotices });

async function userRow(deps: ServiceDeps, id: string): Promise<UserRow> {
  const [row] = await findUsersByIds(deps.db, [id]);
  if (!row) throw new DomainError("UNAUTHENTICATED", "Your account was not found: sign in again.");
  return row;
}

export async function notificationSettings(deps: ServiceDeps, viewer: Viewer | null): Promise<NotificationSettings> {
  return settingsOf(await userRow(deps, requireViewer(viewer).id));
}

/** Changes only what the input names (null or absent leaves a choice as it is). */
export async function updateNotificationSettings(deps: ServiceDeps, viewer: Viewer | null, raw: unknown): Promise<NotificationSettings> {
  const user = requireViewer(viewer);
  const input = parseInput(notificationSettingsInput, raw ?? {});
  const row = await updateNotificationPreferences(deps.db, {
    userId: user.id,
    now: deps.clock.now(),
    ...(input.timeZone != null && { timeZone: input.timeZone }),
    ...(input.emailReminders != null && { emailReminders: input.emailReminders }),
    ...(input.emailNotices != null && { emailNotices: input.emailNotices }),
  });
  return settingsOf(row ?? (await userRow(deps, user.id)));
}

/** The browser's zone, kept only while the user has none: never over their own choice. */
export async function noteBrowserTimeZone(deps: ServiceDeps, viewer: Viewer | null, raw: unknown): Promise<NotificationSettings> {
  const user = requireViewer(viewer);
  const zone = parseInput(z.object({ timeZone }), { timeZone: raw }).timeZone;
  await setTimeZoneIfUnset(deps.db, { userId: user.id, timeZone: zone, now: deps.clock.now() });
  return notificationSettings(deps, user);
}

/** What a signed unsubscribe link turns off, or BAD_USER_INPUT for a link that is not one of ours. */
export async function unsubscribe(deps: ServiceDeps, token: unknown, apply: boolean): Promise<{ scope: UnsubscribeScope; name: string }> {
  const key = deps.notifications?.signingKey;
  const read = key && typeof token === "string" ? readUnsubscribeToken(key, token) : null;
  if (!read) throw new DomainError("BAD_USER_INPUT", "This unsubscribe link is not valid (it may be cut short): use the link from the email as it is, or change your email settings after signing in.");
  const [row] = await findUsersByIds(deps.db, [read.userId]);
  if (!row) throw new DomainError("NOT_FOUND", "The account this link was made for no longer exists.");
  if (apply) {
    await updateNotificationPreferences(deps.db, {
      userId: row.id,
      now: deps.clock.now(),
      ...(read.scope === "reminders" ? { emailReminders: false } : { emailNotices: false }),
    });
  }
  return { scope: read.scope, name: row.name };
}

export interface SessionCalendar {
  ics: string;
  googleCalendarUrl: string;
}

/** The class for the viewer's calendar: for its expert and its enrolled students, while it is not cancelled. */
export function sessionCalendar(
  deps: Pick<ServiceDeps, "clock">,
  viewer: Viewer | null,
  session: SessionRow,
  enrollment: ParticipantRow | null,
  joinUrl: string,
): SessionCalendar | null {
  if (!viewer || session.status === "cancelled") return null;
  if (viewer.id !== session.expertId && enrollment?.userId !== viewer.id) return null;
  const event = { title: session.title, description: session.description, start: session.scheduledStartTime, end: session.scheduledEndTime, url: joinUrl };
  return {
    // The same UID as the emailed invitation: a calendar that has one keeps one event.
    ics: calendarEvent(
      { ...event, sessionId: session.id, studentId: viewer.id, sequence: 0, organizer: { name: "Live Sessions", email: "" }, stamp: deps.clock.now() },
      "PUBLISH",
    ),
    googleCalendarUrl: googleCalendarLink(event),
  };
}
