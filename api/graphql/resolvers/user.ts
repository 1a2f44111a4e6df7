import type { UserResolvers } from "../__generated__/resolvers-types.js";
import { canSeeEmailOf, isExpert } from "../../domain/viewer.js";

export const User: UserResolvers = {
  email: (u, _a, { viewer }) => (canSeeEmailOf(viewer, u.id) ? u.email : null),
  avatar: (u) => u.avatarUrl,
  isExpert: (u) => isExpert(u),
};
