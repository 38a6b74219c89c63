import path from "node:path";
import { defineConfig } from "vitest/config";

// On the embedded database every connection shares PGlite's one session, so test files run one at a time;
// on PostgreSQL (DATABASE_URL set) they run in parallel.
const embedded = !process.env.DATABASE_URL;

// Test files share their worker's modules (no fresh module graph per file: importing the app again for each of
// ~130 files was about 40% of a run). lib/testing/setup-env.ts still gives every file the environment the run
// started with. These files need a module graph of their own: the app's one database client created on a relay
// (database-outage), vi.mock and vi.resetModules.
const TESTS = ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"];
const ISOLATED = ["app/api/database-outage.test.ts", "app/_server/action.test.ts", "lib/api/cors.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-env.ts"],
    fileParallelism: !embedded,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // (a project extending this config adds its include to this one's, so only the projects name files)
      { extends: true, test: { name: "shared", include: TESTS, exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
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
