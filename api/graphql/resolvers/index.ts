import type { Resolvers } from "../__generated__/resolvers-types.js";
import { PaymentGateway, RefundCause, RefundStatus, RefusalCode, SessionOrder, SessionStatus, SessionType, VideoRole } from "../enum-values.js";
import { Refund, WaitlistPlace } from "./refund.js";
import { Enrollment } from "./enrollment.js";
import { HmsDetails, LiveSession } from "./live-session.js";
import { Mutation } from "./mutation.js";
import { Query } from "./query.js";
import { FeedbackComment, JoinToken, startSessionResult } from "./results.js";
import { DateTime, JSON } from "./scalars.js";
import { ExpertProfile, User } from "./user.js";

/** `appUrl`: the web app's public address, for the links answers carry. */
export const createResolvers = (appUrl: string): Resolvers => ({
  DateTime,
  JSON,
  Query,
  Mutation,
  LiveSession,
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
  SessionOrder: { ...SessionOrder },
});
