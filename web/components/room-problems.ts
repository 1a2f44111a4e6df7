/**
 * What the room page says when the video room fails, from the error the token request or
 * the 100ms SDK gave. Plain functions, so they are tested without a browser.
 */

/** A JWT: three base64url parts, the first two JSON objects (`eyJ` is `{"`). */
const JWT = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/g;

/** The text with any join token (or other JWT) cut out, for logs. */
export const withoutTokens = (text: string): string => text.replace(JWT, "[token]");

export function roomProblem(error: unknown): string {
  const e = (error ?? {}) as { message?: string; description?: string; code?: number };
  const text = `${e.message ?? ""} ${e.description ?? ""}`;
  // Our own token endpoint's answers are written for people: pass them on.
  if (/ticket|enroll|not started|ended|sign in|too many/i.test(text)) return withoutTokens(e.message ?? text);
  if (e.code === 410 || /connection lost|cannot resume/i.test(text)) return "The connection to the video room was lost.";
  if (/took too long/i.test(text)) return `${withoutTokens(e.message ?? "")}. The video service did not answer in time.`;
  if (/disabled/i.test(text)) return "This room is closed, so it cannot be joined.";
  return "The video service cannot be reached right now, so the room cannot open. Check your connection and try again.";
}
