/**
 * Cursors of the keyset walks: where a row sits in its order (a time, then an id), opaque to
 * clients (base64url), checked on the way back in so that a made-up cursor is bad input
 * rather than a database error. Each walk tags its cursors with its own kind, so a cursor
 * from one connection given to another is refused instead of placing the walk anywhere.
 */
import type { KeysetPosition } from "../../repositories/participants.js";
import type { SessionPosition } from "../../repositories/sessions.js";
import { DomainError } from "../errors.js";

/** `s1`: sessionsConnection (scheduled start, session id). `p1`: a session's participants (enrolled at, participant id). `e1`: the viewer's enrollments (their session's start, session id). */
export type CursorKind = "s1" | "p1" | "e1";

export function keysetCursor(kind: CursorKind, position: KeysetPosition): string {
  return Buffer.from(`${kind}|${position.at.toISOString()}|${position.id}`, "utf8").toString("base64url");
}

export function positionOfKeysetCursor(kind: CursorKind, cursor: string, field: "after" | "before"): KeysetPosition {
  const [version, time, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(time ?? "");
  if (version !== kind || !id || rest.length > 0 || Number.isNaN(at.getTime()) || !/^[a-z]+_[a-z0-9]+$/.test(id)) {
    const message = `${field} is not a cursor from this API: pass an edge's \`cursor\` or pageInfo's startCursor/endCursor as given`;
    throw new DomainError("BAD_USER_INPUT", message, { fields: [{ path: field, message }] });
  }
  return { at, id };
}

export function sessionCursor(position: SessionPosition): string {
  return keysetCursor("s1", { at: position.scheduledStartTime, id: position.id });
}

export function positionOfCursor(cursor: string, field: "after" | "before"): SessionPosition {
  const { at, id } = positionOfKeysetCursor("s1", cursor, field);
  return { scheduledStartTime: at, id };
}
