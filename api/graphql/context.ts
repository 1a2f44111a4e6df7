import type { RequestScope } from "../domain/request-scope.js";

/** The request's scope, opened by the domain (api/domain/request-scope.ts): viewer, services, batched readers. */
export type GraphQLContext = RequestScope;
