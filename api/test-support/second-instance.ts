/**
 * Another app instance on the same database: its own connection pool on PostgreSQL (as a
 * second process would have), the same PGlite otherwise. Same clock and 100ms emulator.
 */
import { openDatabase } from "../db/client.js";
import type { ServiceDeps } from "../domain/deps.js";
import { createServices, type Services } from "../domain/services.js";
import type { TestDatabase } from "./test-database.js";

export interface SecondInstance {
  deps: ServiceDeps;
  services: Services;
  close(): Promise<void>;
}

export async function openSecondInstance(database: TestDatabase, deps: ServiceDeps): Promise<SecondInstance> {
  const own = database.url ? await openDatabase({ kind: "postgres", url: database.url, maxConnections: 20 }) : undefined;
  const second: ServiceDeps = { ...deps, db: own?.db ?? database.db };
  return { deps: second, services: createServices(second), close: async () => own?.close() };
}
