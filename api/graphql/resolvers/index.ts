import type { Resolvers } from "../__generated__/resolvers-types.js";
import { PaymentGateway, RefundCause, RefundStatus, RefusalCode, SessionOrder, SessionStatus, SessionType, VideoRole, WebhookDeliveryStatus } from "../enum-values.js";
import { WebhookDelivery, WebhookEndpointSecret } from "./webhook-endpoint.js";
import { Subscription } from "./subscription.js";
import { Refund, WaitlistPlace } from "./refund.js";
import { Enrollment } from "./enrollment.js";
import { HmsDetails, LiveSession } from "./live-session.js";
import { Mutation } from "./mutation.js";
import { Query } from "./query.js";
import { FeedbackComment, JoinToken, startSessionResult, viewerCalendar } from "./results.js";
import { DateTime, JSON } from "./scalars.js";
import { ExpertProfile, User } from "./user.js";

/** `appUrl`: the web app's public address, for the links answers carry. */
export const createResolvers = (appUrl: string): Resolvers => ({
  DateTime,
  JSON,
  Query,
  Mutation,
  Subscription,
  LiveSession: { ...LiveSession, viewerCalendar: viewerCalendar(appUrl) },
  HmsDetails,
  Enrollment,
  User,
  ExpertProfile,
  Refund,
  WaitlistPlace,
  JoinToken,
  FeedbackComment,
  StartSessionResult: startSessionResult(appUrl),
  // Internal values: the seed's spellings, so resolvers and the domain never translate.
  SessionStatus: { ...SessionStatus },
  SessionType: { ...SessionType },
  VideoRole: { ...VideoRole },
  PaymentGateway: { ...PaymentGateway },
  RefusalCode: { ...RefusalCode },
  RefundStatus: { ...RefundStatus },
  RefundCause: { ...RefundCause },
  WebhookDeliveryStatus: { ...WebhookDeliveryStatus },
  WebhookEndpointSecret,
  WebhookDelivery,
  SessionOrder: { ...SessionOrder },
});
