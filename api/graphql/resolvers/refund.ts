import type { RefundResolvers, WaitlistPlaceResolvers } from "../__generated__/resolvers-types.js";
import type { PaymentGateway } from "../enum-values.js";
import { maySeeRefundFailure } from "../../domain/payments/refund-views.js";

export const Refund: RefundResolvers = {
  paymentGateway: (r) => r.gateway as PaymentGateway,
  failureReason: (r, _a, { viewer }) => (r.status === "failed" && maySeeRefundFailure(viewer) ? r.lastError : null),
  session: async (r, _a, { readers }) => {
    const session = await readers.session(r.sessionId);
    if (!session) throw new Error(`refund ${r.id} points at a missing session`);
    return session;
  },
};

export const WaitlistPlace: WaitlistPlaceResolvers = {
  offered: (e) => e.status === "offered",
  position: (e, _a, { services }) => services.waitlistPosition(e),
  session: async (e, _a, { readers }) => {
    const session = await readers.session(e.sessionId);
    if (!session) throw new Error(`waitlist entry ${e.id} points at a missing session`);
    return session;
  },
};
