import type { UserResolvers } from "../__generated__/resolvers-types.js";

export const User: UserResolvers = {
  avatar: (u) => u.avatarUrl,
  isExpert: (u) => u.roles.includes("expert"),
};
