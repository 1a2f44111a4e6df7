/**
 * The calendar invitation in a confirmation, and its cancellation (RFC 5545 / iTIP RFC 5546).
 * One UID per session and student, whatever is sent, so a calendar updates or removes the
 * event it already has; SEQUENCE rises with each change (a client ignores an older one).
 * Times are UTC (`…Z`): every calendar shows them in its owner's zone.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface CalendarEventInput {
  sessionId: string;
  studentId: string;
  sequence: number;
  title: string;
  description: string;
  start: Date;
  end: Date;
  /** Where the class happens: its join page. */
  url: string;
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string };
  /** When the event was written (DTSTAMP). */
  stamp: Date;
}

export const calendarUid = (sessionId: string, studentId: string): string => `${sessionId}.${studentId}@live-sessions`;

/** METHOD:REQUEST (an invitation, or an update of one), METHOD:CANCEL, or PUBLISH (a download, not an invitation). */
export function calendarEvent(input: CalendarEventInput, method: "REQUEST" | "CANCEL" | "PUBLISH"): string {
  const calendar = ical({ name: "Live Sessions", prodId: { company: "Live Sessions", product: "classes", language: "EN" } });
  calendar.method(method === "REQUEST" ? ICalCalendarMethod.REQUEST : method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  calendar.createEvent({
    id: calendarUid(input.sessionId, input.studentId),
    sequence: input.sequence,
    stamp: input.stamp,
    start: input.start,
    end: input.end,
    summary: input.title,
    description: `${input.description}\n\nJoin: ${input.url}`,
    location: input.url,
    url: input.url,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // iTIP needs an organizer and the attendee for a client to treat it as an invitation.
    organizer: method === "PUBLISH" ? undefined : input.organizer,
    attendees:
      method === "PUBLISH" || !input.attendee
        ? []
        : [{ name: input.attendee.name, email: input.attendee.email, role: ICalAttendeeRole.REQ, status: method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED }],
  });
  return calendar.toString();
}

/** A Google Calendar "add event" link (its documented `render?action=TEMPLATE` form). */
export function googleCalendarLink(input: { title: string; description: string; start: Date; end: Date; url: string }): string {
  const utc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: input.title,
    dates: `${utc(input.start)}/${utc(input.end)}`,
    details: `${input.description}\n\nJoin: ${input.url}`,
    location: input.url,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
