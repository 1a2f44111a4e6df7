/** Live updates: each change is the session row, resolved field by field as a query's would be. */
import type { SessionRow } from "../../db/schema.js";
import type { SubscriptionResolvers } from "../__generated__/resolvers-types.js";

const asSession = (row: SessionRow) => row;

export const Subscription: SubscriptionResolvers = {
  sessionUpdated: {
    subscribe: (_p, { id }, { services, viewer }) => services.watchSession(viewer, id) as never,
    resolve: asSession as never,
  },
  mySessionsUpdated: {
    subscribe: (_p, _a, { services, viewer }) => services.watchMySessions(viewer) as never,
    resolve: asSession as never,
  },
};
