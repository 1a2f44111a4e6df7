import type { QueryResolvers } from "../__generated__/resolvers-types.js";

export const Query: QueryResolvers = {
  // The scope tells its readers of the page's experts, so the items' expert fields resolve without waiting.
  sessions: (_parent, args, { services, viewer }) => services.listSessions(viewer, args),
  sessionsConnection: (_parent, args, { services, viewer }) => services.sessionsConnection(viewer, args),
  session: (_parent, { id }, { services, viewer }) => services.getSession(viewer, id),
  me: (_parent, _args, { viewer, readers }) => (viewer ? readers.user(viewer.id) : null),
  recordingUrl: (_parent, { sessionId }, { services, viewer }) => services.recordingUrl(viewer, sessionId),
  myEnrollments: (_parent, _args, { services, viewer }) => services.myEnrollments(viewer),
  myEnrollmentsConnection: (_parent, args, { services, viewer }) => services.myEnrollmentsConnection(viewer, args),
  myRefunds: (_parent, _args, { services, viewer }) => services.myRefunds(viewer),
  refunds: (_parent, args, { services, viewer }) => services.allRefunds(viewer, args),
  webhookEndpoints: (_parent, _args, { services, viewer }) => services.myWebhookEndpoints(viewer),
  webhookDeliveries: (_parent, { endpointId, limit }, { services, viewer }) => services.webhookDeliveries(viewer, endpointId, limit ?? undefined),
  myWaitlist: (_parent, _args, { services, viewer }) => services.myWaitlist(viewer),
  expert: (_parent, { id }, { services, viewer }) => services.expertProfile(viewer, id),
  notificationSettings: (_parent, _args, { services, viewer }) => services.notificationSettings(viewer),
};
