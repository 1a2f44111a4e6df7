import type { JoinTokenResolvers } from "../__generated__/resolvers-types.js";
import type { VideoRole } from "../enum-values.js";

export const JoinToken: JoinTokenResolvers = {
  role: (t) => t.role as VideoRole,
};
