import type { FeedbackCommentResolvers, JoinTokenResolvers } from "../__generated__/resolvers-types.js";
import type { VideoRole } from "../enum-values.js";

export const JoinToken: JoinTokenResolvers = {
  role: (t) => t.role as VideoRole,
};

export const FeedbackComment: FeedbackCommentResolvers = {
  // Only ratings with a comment are listed (feedback-rules.ts); the fallback keeps the type honest.
  comment: (e) => e.comment ?? "",
};
