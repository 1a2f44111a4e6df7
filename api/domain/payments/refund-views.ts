/** Who sees which refund, and how much of it. */
import type { RefundRow, SessionRow } from "../../db/schema.js";
import { listRefunds, listRefundsOfUser } from "../../repositories/refunds.js";
import { DomainError } from "../errors.js";
import { parseInput } from "../parse-input.js";
import { z } from "zod";
import type { ServiceDeps } from "../deps.js";
import { requireViewer } from "../sessions/session-rules.js";
import { isAdmin, type Viewer } from "../viewer.js";

export async function myRefunds(deps: ServiceDeps, viewer: Viewer | null): Promise<RefundRow[]> {
  return listRefundsOfUser(deps.db, requireViewer(viewer).id);
}

/** The student it is owed to, the session's expert, and admins see a refund. */
export const maySeeRefund = (viewer: Viewer | null, refund: RefundRow, session: Pick<SessionRow, "expertId"> | null): boolean =>
  viewer !== null && (viewer.id === refund.userId || viewer.id === session?.expertId || isAdmin(viewer));

/**
 * Why a refund failed is the gateway's words about someone's payment: for admins, who settle
 * it. The student sees FAILED and that the studio has been told.
 */
export const maySeeRefundFailure = (viewer: Viewer | null): boolean => isAdmin(viewer);

const refundListInput = z.object({ status: z.enum(["pending", "refunded", "failed"]).nullish() }).strict();

/** Every refund in a state, newest first (admins only): FAILED ones are settled by hand. */
export async function allRefunds(deps: ServiceDeps, viewer: Viewer | null, raw: unknown): Promise<RefundRow[]> {
  const v = requireViewer(viewer);
  if (!isAdmin(v)) throw new DomainError("FORBIDDEN", "Only admins can list everyone's refunds; see yours with myRefunds.");
  const input = parseInput(refundListInput, raw ?? {});
  return listRefunds(deps.db, { status: input.status ?? undefined, limit: 500 });
}
