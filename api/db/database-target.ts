import { join } from "node:path";
import type { Env } from "../config/env.js";
import type { DatabaseTarget } from "./client.js";

/** PostgreSQL when DATABASE_URL is set, else the embedded PGlite under DATA_DIR: the server and `npm run db:migrate` agree. */
export function databaseTarget(env: Pick<Env, "DATABASE_URL" | "DATA_DIR">): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: join(env.DATA_DIR, "pglite") };
}
