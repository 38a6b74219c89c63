import path from "node:path";
import { defineConfig } from "vitest/config";

// On the embedded database every connection shares PGlite's one session, so test files run one at a time;
// on PostgreSQL (DATABASE_URL set) they run in parallel.
const embedded = !process.env.DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-env.ts"],
    fileParallelism: !embedded,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts"],
      exclude: ["lib/db/generated/**", "lib/testing/**", "**/*.test.ts"],
      reporter: ["text-summary", "json-summary"],
      // the checklist's bar: 90% of the lines in lib/
      thresholds: { lines: 90 },
    },
  },
});
