import type { EnrollmentResolvers } from "../__generated__/resolvers-types.js";
import type { PaymentGateway } from "../enum-values.js";

export const Enrollment: EnrollmentResolvers = {
  participantId: (p) => p.id,
  paymentGateway: (p) => p.paymentGateway as PaymentGateway | null,
  refund: (p, _a, { readers }) => readers.refundOf(p),
  session: async (p, _a, { readers }) => {
    const session = await readers.session(p.sessionId);
    if (!session) throw new Error(`enrollment ${p.id} points at a missing session`);
    return session;
  },
};
