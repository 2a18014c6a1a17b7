import { defineConfig } from "vitest/config";

// Browser tests: one file at a time (each starts a server and chromium on 2 shared cores).
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/setup/build-once.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
