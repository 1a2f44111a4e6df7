import type { QueryResolvers } from "../__generated__/resolvers-types.js";

export const Query: QueryResolvers = {
  sessions: (_parent, args, { services, viewer }) => services.listSessions(viewer, args),
  session: (_parent, { id }, { services, viewer }) => services.getSession(viewer, id),
  me: (_parent, _args, { viewer, readers }) => (viewer ? readers.user(viewer.id) : null),
  recordingUrl: (_parent, { sessionId }, { services, viewer }) => services.recordingUrl(viewer, sessionId),
  myEnrollments: (_parent, _args, { services, viewer }) => services.myEnrollments(viewer),
};
