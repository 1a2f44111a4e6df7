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
    // Test files each get their own database, so they run in parallel. Vitest's default is one
    // worker fewer than the cores (one on a 2-core machine); files spend much of their time
    // waiting on HTTP and the database, so two share two cores well (`--maxWorkers=N` overrides;
    // on PostgreSQL each file may hold 20 connections).
    pool: "forks",
    maxWorkers: 2,
  },
});
