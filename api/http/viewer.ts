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
 *
 * One lookup per request: the address rate limit (address-rate-limit.ts) asks whether a
 * request is signed in before the face that answers it asks who it is, and both get the
 * same answer from one verification. A request's headers object is the key: it lives as
 * long as the request.
 */
export function createViewerLookup(sources: IdentitySource[], services: Pick<Services, "resolveViewer">) {
  const lookups = new WeakMap<IncomingHttpHeaders, Promise<Viewer | null>>();
  const lookUp = async (headers: IncomingHttpHeaders): Promise<Viewer | null> => {
    for (const source of sources) {
      const identity = await source(headers);
      if (identity) return services.resolveViewer(identity);
    }
    return null;
  };
  return (headers: IncomingHttpHeaders): Promise<Viewer | null> => {
    let lookup = lookups.get(headers);
    if (!lookup) {
      lookup = lookUp(headers);
      lookups.set(headers, lookup);
    }
    return lookup;
  };
}

export type ViewerLookup = ReturnType<typeof createViewerLookup>;
