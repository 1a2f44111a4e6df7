import { errors, jwtVerify } from "jose";
import { unauthorized } from "./errors.js";

/** Leeway for clock differences between the token minter and us, in seconds. */
const CLOCK_SKEW_SECONDS = 10;

export interface ManagementCredentials {
  accessKey: string;
  secret: string;
}

/**
 * Checks the `Authorization: Bearer <management token>` of a REST call (docs/100ms.md#management-tokens):
 * HS256 with the app secret, `type: "management"`, our `access_key`, `version: 2`,
 * and `nbf <= now < exp` within a small skew. The 14-day maximum lifetime of dashboard
 * tokens is not enforced: nothing says the API enforces it on self-signed tokens.
 */
export async function verifyManagementToken(
  authorization: string | undefined,
  creds: ManagementCredentials,
  now: Date,
): Promise<void> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) throw unauthorized("Authentication error", "missing bearer token");
  await verifyHmsToken(match[1], "management", creds, now);
}

/** What a client's join token grants (docs/100ms.md#app-tokens). */
export interface AppTokenGrant {
  roomId: string;
  role: string;
  /** Absent when the token was minted without one. */
  userId?: string;
}

/**
 * Checks an app (auth) token as 100ms's realtime side would when a client joins:
 * HS256 with the app secret, `type: "app"`, our `access_key`, `version: 2`, a live
 * `nbf`/`exp`, and the `room_id` and `role` it grants. The client SDK never checks any
 * of this itself (docs/100ms-media-plane.md#tokens), so this is the only place it happens.
 */
export async function verifyAppToken(token: string, creds: ManagementCredentials, now: Date): Promise<AppTokenGrant> {
  const payload = await verifyHmsToken(token, "app", creds, now);
  if (typeof payload.room_id !== "string" || payload.room_id === "") throw unauthorized("Token validation error", "room_id is missing");
  if (typeof payload.role !== "string" || payload.role === "") throw unauthorized("Token validation error", "role is missing");
  const userId = typeof payload.user_id === "string" && payload.user_id !== "" ? payload.user_id : undefined;
  return { roomId: payload.room_id, role: payload.role, userId };
}

/** What both kinds of token share: HS256 with the app secret, a live `exp`, the type asked for, our `access_key`, `version: 2`. */
async function verifyHmsToken(token: string, type: "management" | "app", creds: ManagementCredentials, now: Date): Promise<Record<string, unknown>> {
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, new TextEncoder().encode(creds.secret), {
      algorithms: ["HS256"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
      requiredClaims: ["exp"],
    });
    payload = verified.payload as Record<string, unknown>;
  } catch (e) {
    throw unauthorized("Token validation error", describeJoseError(e));
  }
  if (payload.type !== type) throw unauthorized("Token validation error", `token type must be ${type}`);
  if (payload.access_key !== creds.accessKey) throw unauthorized("Token validation error", "access_key does not match");
  if (payload.version !== 2) throw unauthorized("Token validation error", "version must be 2");
  return payload;
}

function describeJoseError(e: unknown): string {
  if (e instanceof errors.JWTExpired) return "token is expired";
  if (e instanceof errors.JWTClaimValidationFailed) return `claim ${e.claim}: ${e.reason}`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return "signature is invalid";
  if (e instanceof errors.JOSEAlgNotAllowed) return "algorithm must be HS256";
  return "malformed token";
}
