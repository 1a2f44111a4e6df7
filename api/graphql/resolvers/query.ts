import type { QueryResolvers } from "../__generated__/resolvers-types.js";

export const Query: QueryResolvers = {
  sessions: async (_parent, args, { services, viewer, readers }) => {
    const page = await services.listSessions(viewer, args);
    // The page came with its experts, so the items' expert fields resolve without waiting.
    readers.knowUsers(page.experts);
    return page;
  },
  session: (_parent, { id }, { services, viewer }) => services.getSession(viewer, id),
  me: (_parent, _args, { viewer, readers }) => (viewer ? readers.user(viewer.id) : null),
  recordingUrl: (_parent, { sessionId }, { services, viewer }) => services.recordingUrl(viewer, sessionId),
  myEnrollments: (_parent, _args, { services, viewer }) => services.myEnrollments(viewer),
};
