/**
 * Cursors of the sessions' keyset walk: where a session sits in the order (scheduled start,
 * id), opaque to clients (base64url), checked on the way back in so that a made-up cursor is
 * bad input rather than a database error.
 */
import type { SessionPosition } from "../../repositories/sessions.js";
import { DomainError } from "../errors.js";

const VERSION = "s1";

export function sessionCursor(position: SessionPosition): string {
  return Buffer.from(`${VERSION}|${position.scheduledStartTime.toISOString()}|${position.id}`, "utf8").toString("base64url");
}

export function positionOfCursor(cursor: string, field: "after" | "before"): SessionPosition {
  const [version, start, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const scheduledStartTime = new Date(start ?? "");
  if (version !== VERSION || !id || rest.length > 0 || Number.isNaN(scheduledStartTime.getTime()) || !/^[a-z]+_[a-z0-9]+$/.test(id)) {
    const message = `${field} is not a cursor from this API: pass an edge's \`cursor\` or pageInfo's startCursor/endCursor as given`;
    throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: field, message }] });
  }
  return { scheduledStartTime, id };
}
