import type { Readers } from "../domain/readers.js";
import type { Services } from "../domain/services.js";
import type { Viewer } from "../domain/viewer.js";

/** Built once per request: who is calling, the domain, and per-request batched reads. */
export interface GraphQLContext {
  viewer: Viewer | null;
  services: Services;
  readers: Readers;
  requestId: string;
}
