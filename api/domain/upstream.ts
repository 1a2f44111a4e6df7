import { DomainError } from "./errors.js";
import { UpstreamError } from "./ports.js";

/** Run a call to an outside service; its failure becomes a retryable UPSTREAM_UNAVAILABLE. */
export async function callUpstream<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UpstreamError) {
      throw new DomainError(
        "UPSTREAM_UNAVAILABLE",
        `The video service (${error.service}) could not ${what} just now. Nothing was changed; please try again in a moment.`,
        { retryable: true },
      );
    }
    throw error;
  }
}
