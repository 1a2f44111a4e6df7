/** Who is calling, as the domain sees it: a known user with roles, or nobody. */
export interface Viewer {
  id: string;
  name: string;
  email: string | null;
  avatarUrl: string | null;
  roles: readonly string[];
}

export const isExpert = (v: Viewer | null): boolean => v?.roles.includes("expert") ?? false;
export const isAdmin = (v: Viewer | null): boolean => v?.roles.includes("admin") ?? false;
/** Experts (for their own classes) and admins (for every class) may register webhook endpoints. */
export const mayRegisterWebhooks = (v: Viewer | null): boolean => isExpert(v) || isAdmin(v);
/** An admin's webhook endpoints hear every class; an expert's, their own classes. */
export const webhooksHearEveryClass = (v: Viewer | null): boolean => isAdmin(v);

/** Email addresses are private: visible to their owner and to admins. */
export const canSeeEmailOf = (viewer: Viewer | null, userId: string): boolean => viewer?.id === userId || isAdmin(viewer);
