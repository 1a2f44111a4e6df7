import type { MutationResolvers } from "../__generated__/resolvers-types.js";
import { PaymentGateway } from "../enum-values.js";
import { withoutNulls } from "./without-nulls.js";

export const Mutation: MutationResolvers = {
  createSession: (_p, { input }, { services, viewer }) => services.createSession(viewer, withoutNulls(input)),
  startSession: (_p, { id }, { services, viewer }) => services.startSession(viewer, id),
  enroll: async (_p, { sessionId, payment }, { services, viewer }) =>
    (await services.enroll(viewer, sessionId, payment ?? undefined)).participant,
  startCheckout: async (_p, { sessionId }, { services, viewer }) => {
    const { amountMinor, gateway, ...checkout } = await services.startCheckout(viewer, sessionId);
    return { ...checkout, gateway: gateway as PaymentGateway, amountInMinorUnits: amountMinor };
  },
  joinToken: (_p, { sessionId }, { services, viewer }) => services.joinToken(viewer, sessionId),
  endSession: (_p, { id }, { services, viewer }) => services.endSession(viewer, id),
  cancelSession: (_p, { id }, { services, viewer }) => services.cancelSession(viewer, id),
  // Here a null is meaningful (no cap, no thumbnail, no metadata); inside metadata it is "left out".
  updateSession: async (_p, { id, input }, { services, viewer }) =>
    (await services.updateSession(viewer, id, { ...input, ...(input.metadata && { metadata: withoutNulls(input.metadata) }) })).session,
  cancelEnrollment: (_p, { sessionId }, { services, viewer }) => services.cancelEnrollment(viewer, sessionId),
  joinWaitlist: async (_p, { sessionId }, { services, viewer }) => (await services.joinWaitlist(viewer, sessionId)).entry,
  leaveWaitlist: async (_p, { sessionId }, { services, viewer }) => (await services.leaveWaitlist(viewer, sessionId)).left,
  submitFeedback: (_p, { sessionId, input }, { services, viewer }) => services.submitFeedback(viewer, sessionId, withoutNulls(input)),
  signOutEverywhere: (_p, _a, { services, viewer }) => services.signOutEverywhere(viewer),
  updateNotificationSettings: (_p, { input }, { services, viewer }) => services.updateNotificationSettings(viewer, input),
  noteBrowserTimeZone: (_p, { timeZone }, { services, viewer }) => services.noteBrowserTimeZone(viewer, timeZone),
  endUserSessions: (_p, { userId }, { services, viewer }) => services.endUserSessions(viewer, userId),
  createWebhookEndpoint: (_p, { input }, { services, viewer }) => services.createWebhookEndpoint(viewer, input),
  updateWebhookEndpoint: (_p, { id, input }, { services, viewer }) => services.updateWebhookEndpoint(viewer, id, input),
  deleteWebhookEndpoint: (_p, { id }, { services, viewer }) => services.deleteWebhookEndpoint(viewer, id),
  rotateWebhookSecret: (_p, { id }, { services, viewer }) => services.rotateWebhookSecret(viewer, id),
  resendWebhookDelivery: (_p, { id }, { services, viewer }) => services.resendWebhookDelivery(viewer, id),
};
