/**
 * The one viewer lookup every face of the API uses: credentials → identity → viewer.
 * Bearer tokens today; the web session cookie feeds the same function (web issue).
 */
import type { IncomingHttpHeaders } from "node:http";
import { extractBearer, isAuthError, type BearerVerifier } from "../auth/bearer.js";
import { DomainError } from "../domain/errors.js";
import type { Identity } from "../domain/ports.js";
import type { Services } from "../domain/services.js";
import type { Viewer } from "../domain/viewer.js";

/** Reads an identity from the request, or null when it carries none of its kind. */
export type IdentitySource = (headers: IncomingHttpHeaders) => Promise<Identity | null>;

export function bearerIdentitySource(verifier: BearerVerifier): IdentitySource {
  return async (headers) => {
    const header = headers.authorization;
    if (header === undefined) return null;
    const token = extractBearer(header);
    if (!token) {
      throw new DomainError("UNAUTHENTICATED", "The Authorization header must be `Bearer <access token>`.");
    }
    try {
      return await verifier.verify(token);
    } catch (error) {
      if (isAuthError(error)) {
        if (error.reason === "jwks_unavailable") {
          throw new DomainError(
            "UPSTREAM_UNAVAILABLE",
            "Sign-in could not be checked because the identity provider is unreachable. Please try again in a moment.",
            { retryable: true },
          );
        }
        throw new DomainError("UNAUTHENTICATED", error.message);
      }
      throw error;
    }
  };
}

/**
 * The first source that recognises the request decides. Credentials that are present but
 * invalid are an error, never a silent fall back to anonymous.
 */
export function createViewerLookup(sources: IdentitySource[], services: Pick<Services, "resolveViewer">) {
  return async (headers: IncomingHttpHeaders): Promise<Viewer | null> => {
    for (const source of sources) {
      const identity = await source(headers);
      if (identity) return services.resolveViewer(identity);
    }
    return null;
  };
}

export type ViewerLookup = ReturnType<typeof createViewerLookup>;
