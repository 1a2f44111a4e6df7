import type { ExpertProfileResolvers, UserResolvers } from "../__generated__/resolvers-types.js";
import { canSeeEmailOf, isExpert } from "../../domain/viewer.js";

export const User: UserResolvers = {
  email: (u, _a, { viewer }) => (canSeeEmailOf(viewer, u.id) ? u.email : null),
  avatar: (u) => u.avatarUrl,
  isExpert: (u) => isExpert(u),
};

export const ExpertProfile: ExpertProfileResolvers = {
  id: (p) => p.user.id,
  name: (p) => p.user.name,
  avatar: (p) => p.user.avatarUrl,
};
