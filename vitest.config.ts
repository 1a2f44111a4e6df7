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
    // Opening and migrating a database takes a second or two; rooms and tokens are real HTTP.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files each get their own database, so they may run in parallel on both cores.
    pool: "forks",
  },
});
