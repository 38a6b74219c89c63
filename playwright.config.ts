import { defineConfig, devices } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_CORS_ORIGIN, E2E_DB_PORT } from "./e2e/env";
import { e2ePushTls } from "./e2e/push-tls";

/**
 * Playwright drives the production build (`npm run build` first) in Debian's chromium: never
 * `npx playwright install` (it downloads browsers). BASE_URL points the run at a server already running.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.BASE_URL ?? `http://127.0.0.1:${PORT}`;
// e2e/browser-notifications.spec.ts: the server may send Web Push to a local push service with this certificate
const pushTls = e2ePushTls(PORT);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  reporter: "list",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    screenshot: "on",
    trace: "retain-on-failure",
    locale: "en-US",
    timezoneId: "America/Chicago",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: process.env.BASE_URL
    ? undefined
    : {
        // spawns node_modules/.bin/next in its own process group member (no npx), so shutdown reaches it
        command: "node scripts/local.mjs start",
        env: {
          PORT: String(PORT),
          PGLITE_PORT: String(E2E_DB_PORT),
          AUTH_SECRET: E2E_AUTH_SECRET,
          PGLITE_DIR: "memory://",
          ELDA_SEED_DEMO: "0",
          NEXT_TELEMETRY_DISABLED: "1",
          LOG_LEVEL: "warn",
          NODE_EXTRA_CA_CERTS: pushTls.cert,
          WEB_PUSH_ALLOWED_HOSTS: "127.0.0.1",
          CORS_ORIGINS: E2E_CORS_ORIGIN,
          // e2e/inactivity.spec.ts waits for a sweep: one a minute rather than every five
          JOB_SCHEDULES: "inactivity-sweep=* * * * *",
          // the specs play one proxy of ours in front of the app: the X-Forwarded-For they send is what it appended
          TRUSTED_PROXY_HOPS: "1",
        },
        url: `http://127.0.0.1:${PORT}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
      },
});
