import type { MutationResolvers } from "../__generated__/resolvers-types.js";
import { PaymentGateway } from "../enum-values.js";
import { renamedArgument } from "../../domain/renamed-arguments.js";
import { withoutNulls } from "./without-nulls.js";

export const Mutation: MutationResolvers = {
  createSession: (_p, { input }, { services, viewer }) => services.createSession(viewer, withoutNulls(input)),
  startSession: (_p, args, { services, viewer }) => services.startSession(viewer, renamedArgument(args, "sessionId", "id")),
  enroll: async (_p, { sessionId, payment }, { services, viewer }) =>
    (await services.enroll(viewer, sessionId, payment ?? undefined)).participant,
  startCheckout: async (_p, { sessionId }, { services, viewer }) => {
    const { amountMinor, gateway, ...checkout } = await services.startCheckout(viewer, sessionId);
    // `checkout.amount` is the price in major units, as every amount in the API (README "Money").
    return { ...checkout, gateway: gateway as PaymentGateway, amountInMinorUnits: amountMinor };
  },
  joinToken: (_p, { sessionId }, { services, viewer }) => services.joinToken(viewer, sessionId),
  endSession: (_p, args, { services, viewer }) => services.endSession(viewer, renamedArgument(args, "sessionId", "id")),
  cancelSession: (_p, args, { services, viewer }) => services.cancelSession(viewer, renamedArgument(args, "sessionId", "id")),
  // Here a null is meaningful (no cap, no thumbnail, no metadata); inside metadata it is "left out".
  updateSession: async (_p, { input, ...args }, { services, viewer }) =>
    (await services.updateSession(viewer, renamedArgument(args, "sessionId", "id"), { ...input, ...(input.metadata && { metadata: withoutNulls(input.metadata) }) })).session,
  cancelEnrollment: (_p, { sessionId }, { services, viewer }) => services.cancelEnrollment(viewer, sessionId),
  joinWaitlist: async (_p, { sessionId }, { services, viewer }) => (await services.joinWaitlist(viewer, sessionId)).entry,
  leaveWaitlist: async (_p, { sessionId }, { services, viewer }) => (await services.leaveWaitlist(viewer, sessionId)).left,
  submitFeedback: (_p, { sessionId, input }, { services, viewer }) => services.submitFeedback(viewer, sessionId, withoutNulls(input)),
  signOutEverywhere: (_p, _a, { services, viewer }) => services.signOutEverywhere(viewer),
  updateNotificationSettings: (_p, { input }, { services, viewer }) => services.updateNotificationSettings(viewer, input),
  noteBrowserTimeZone: (_p, { timeZone }, { services, viewer }) => services.noteBrowserTimeZone(viewer, timeZone),
  endUserSessions: (_p, { userId }, { services, viewer }) => services.endUserSessions(viewer, userId),
  createWebhookEndpoint: (_p, { input }, { services, viewer }) => services.createWebhookEndpoint(viewer, input),
  updateWebhookEndpoint: (_p, { input, ...args }, { services, viewer }) =>
    services.updateWebhookEndpoint(viewer, renamedArgument(args, "endpointId", "id"), input),
  deleteWebhookEndpoint: (_p, args, { services, viewer }) => services.deleteWebhookEndpoint(viewer, renamedArgument(args, "endpointId", "id")),
  rotateWebhookSecret: (_p, args, { services, viewer }) => services.rotateWebhookSecret(viewer, renamedArgument(args, "endpointId", "id")),
  resendWebhookDelivery: (_p, args, { services, viewer }) => services.resendWebhookDelivery(viewer, renamedArgument(args, "deliveryId", "id")),
};
