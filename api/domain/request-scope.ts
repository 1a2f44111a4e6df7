/**
 * One request's door into the domain: who is calling, the services, and the request's
 * batched readers. Every face opens it with the one `OpenScope` the composition root builds
 * (GraphQL's context is a scope; the REST router and the web's in-process GraphQL client
 * open one per call), so no face builds readers or holds the database handle.
 *
 * The scope primes its own readers: a list page is read joined with its experts, and the
 * scope tells its readers of them, so neither face asks again and GraphQL resolves the
 * items' expert fields synchronously (docs/architecture.md, "Performance notes").
 */
import type { ServiceDeps } from "./deps.js";
import { createReaders, type Readers } from "./readers.js";
import type { Services } from "./services.js";
import type { Viewer } from "./viewer.js";

/** A page of sessions as the faces see it: its experts went to the scope's readers. */
export type SessionPage = Omit<Awaited<ReturnType<Services["listSessions"]>>, "experts">;

/** The services as a request calls them: the process's, with reads that prime this scope's readers. */
export type SessionConnectionPage = Omit<Awaited<ReturnType<Services["sessionsConnection"]>>, "experts">;

export type ScopedServices = Omit<Services, "listSessions" | "sessionsConnection"> & {
  listSessions(...args: Parameters<Services["listSessions"]>): Promise<SessionPage>;
  sessionsConnection(...args: Parameters<Services["sessionsConnection"]>): Promise<SessionConnectionPage>;
};

export interface RequestScope {
  viewer: Viewer | null;
  services: ScopedServices;
  readers: Readers;
  /** The request's id, for logs that must be found again. */
  requestId: string;
}

export type OpenScope = (viewer: Viewer | null, requestId: string) => RequestScope;

/** Built once per process (composition root); each call opens one request's scope. */
export function scopeOpener(deps: Pick<ServiceDeps, "db">, services: Services): OpenScope {
  return (viewer, requestId) => {
    const readers = createReaders(deps.db, viewer);
    return {
      viewer,
      readers,
      requestId,
      services: {
        ...services,
        listSessions: async (...args) => {
          const { experts, ...page } = await services.listSessions(...args);
          readers.knowUsers(experts);
          return page;
        },
        sessionsConnection: async (...args) => {
          const { experts, ...page } = await services.sessionsConnection(...args);
          readers.knowUsers(experts);
          return page;
        },
      },
    };
  };
}
