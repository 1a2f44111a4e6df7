/** Outbound webhook endpoints and their delivery log, from the domain's rows. */
import type { WebhookDeliveryResolvers, WebhookEndpointSecretResolvers } from "../__generated__/resolvers-types.js";

export const WebhookEndpointSecret: WebhookEndpointSecretResolvers = {
  id: ({ endpoint }) => endpoint.id,
  url: ({ endpoint }) => endpoint.url,
  events: ({ endpoint }) => endpoint.events,
  secret: ({ secret }) => secret,
  endpoint: ({ endpoint }) => endpoint,
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  id: ({ delivery }) => delivery.id,
  eventType: ({ event }) => event.type,
  sessionId: ({ event }) => event.sessionId,
  occurredAt: ({ event }) => event.occurredAt,
  status: ({ delivery }) => delivery.status,
  attemptCount: ({ delivery }) => delivery.attempts,
  nextAttemptAt: ({ delivery }) => (delivery.status === "pending" ? delivery.nextAttemptAt : null),
  lastStatusCode: ({ delivery }) => delivery.lastStatusCode,
  lastError: ({ delivery }) => delivery.lastError,
  deliveredAt: ({ delivery }) => delivery.deliveredAt,
  attempts: ({ attempts }) => attempts,
};
