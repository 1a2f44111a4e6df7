import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["api/**/*.test.ts", "web/**/*.test.ts"],
    // Opening and migrating a database takes a second or two; rooms and tokens are real HTTP.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files each get their own database, so they may run in parallel on both cores.
    pool: "forks",
  },
});
