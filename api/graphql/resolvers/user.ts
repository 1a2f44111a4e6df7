import type { UserResolvers } from "../__generated__/resolvers-types.js";
import { canSeeEmailOf } from "../../domain/viewer.js";

export const User: UserResolvers = {
  email: (u, _a, { viewer }) => (canSeeEmailOf(viewer, u.id) ? u.email : null),
  avatar: (u) => u.avatarUrl,
  isExpert: (u) => u.roles.includes("expert"),
};
