/**
 * An expert's public profile: who they are and how their classes were rated. Public like
 * the expert's name and picture on every session; a student's ratings are counted, never
 * shown one by one (comments stay the expert's view of each session).
 */
import { z } from "zod";
import type { UserRow } from "../../db/schema.js";
import { ratingsOfExpert } from "../../repositories/feedback.js";
import { findUsersByIds } from "../../repositories/users.js";
import type { ServiceDeps } from "../deps.js";
import { parseInput } from "../parse-input.js";
import { refuseUnsafeText } from "../text-rules.js";
import type { Viewer } from "../viewer.js";

export interface ExpertProfile {
  user: UserRow;
  ratingCount: number;
  /** Two decimals; null before anyone rated. */
  averageRating: number | null;
}

const expertIdInput = refuseUnsafeText(
  z.string({ error: "The expert id must be text" }).trim().min(1, { error: "The expert id is required" }).max(64, { error: "The expert id is too long" }),
  "The expert id",
);

/** The profile, or null when no user has this id or the user is not an expert. */
export async function getExpertProfile(deps: ServiceDeps, _viewer: Viewer | null, rawId: unknown): Promise<ExpertProfile | null> {
  const id = parseInput(expertIdInput, rawId);
  const [user] = await findUsersByIds(deps.db, [id]);
  if (!user || !user.roles.includes("expert")) return null;
  const ratings = await ratingsOfExpert(deps.db, id);
  return {
    user,
    ratingCount: ratings.count,
    averageRating: ratings.average === null ? null : Math.round(ratings.average * 100) / 100,
  };
}
