import type { FeedbackCommentResolvers, JoinTokenResolvers, StartSessionResultResolvers } from "../__generated__/resolvers-types.js";
import { hostRoomUrl } from "../../web-links.js";
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
