import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Vite would give our code graphql's ESM build while Apollo loads the CommonJS one;
    // two copies break graphql's `instanceof` checks. Everyone gets the one Node loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["api/**/*.test.ts", "web/**/*.test.ts"],
    // Opening a database takes a second or two; rooms and tokens are real HTTP.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One migrated template per run; each test file clones it into its own database.
    globalSetup: ["api/test-support/global-setup.ts"],
    // Test files each get their own database, so they may run in parallel. Vitest's default is one
    // worker fewer than the cores (one on a 2-core machine); on PGlite files spend much of their
    // time waiting on HTTP, so two share two cores well. On PostgreSQL one at a time: the race
    // tests open up to 40 connections each, and two of them at once exceed a default server's
    // max_connections of 100 ("too many clients"). `--maxWorkers=N` overrides.
    pool: "forks",
    maxWorkers: process.env.DATABASE_URL ? 1 : 2,
  },
});
