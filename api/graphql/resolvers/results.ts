import type { FeedbackCommentResolvers, JoinTokenResolvers, LiveSessionResolvers, StartSessionResultResolvers } from "../__generated__/resolvers-types.js";
import { calendarDownloadUrl, hostRoomUrl, joinPageUrl } from "../../web-links.js";
import type { VideoRole } from "../enum-values.js";

export const JoinToken: JoinTokenResolvers = {
  role: (t) => t.role as VideoRole,
};

export const FeedbackComment: FeedbackCommentResolvers = {
  // Only ratings with a comment are listed (feedback-rules.ts); the fallback keeps the type honest.
  comment: (e) => e.comment ?? "",
};

/** The expert's room page is the web app's, on this server's public address (APP_URL). */
export const startSessionResult = (appUrl: string): StartSessionResultResolvers => ({
  sessionUrl: (r) => hostRoomUrl(appUrl, r.session.id),
});

/** The viewer's calendar entry links to the join page and is downloaded from the web app, both on APP_URL. */
export const viewerCalendar =
  (appUrl: string): NonNullable<LiveSessionResolvers["viewerCalendar"]> =>
  async (s, _a, { services, readers, viewer }) => {
    const calendar = services.sessionCalendar(viewer, s, await readers.viewerEnrollment(s), joinPageUrl(appUrl, s.id));
    return calendar && { ...calendar, downloadUrl: calendarDownloadUrl(appUrl, s.id) };
  };
