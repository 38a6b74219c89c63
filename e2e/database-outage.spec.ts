import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startTcpRelay, type TcpRelay } from "../lib/testing/tcp-relay";
import { E2E_AUTH_SECRET, E2E_DB_PORT } from "./env";
import { expectNoA11yViolations, signInDirectly, snap } from "./fixtures";

/**
 * PostgreSQL goes away while a caregiver has the dashboard open, on the production build: a second server
 * of the same build reaches the test database through a relay this test cuts and restores. The page says
 * it cannot reach the database and is retrying, instead of an error page, and loads itself once it is back.
 */
let relay: TcpRelay;
let server: ChildProcess;
let origin: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  relay = await startTcpRelay({ host: "127.0.0.1", port: E2E_DB_PORT });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const root = path.resolve(import.meta.dirname, "..");
  server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${relay.port}/postgres?sslmode=disable`,
      ELDA_EMBEDDED_DB: "1",
      ELDA_EMBEDDED_JOBS: "0",
      AUTH_SECRET: E2E_AUTH_SECRET,
      APP_URL: origin,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "error",
    },
  });
  for (let i = 0; ; i++) {
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 200) throw new Error("the second server did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await relay?.close();
});

test("a dashboard page says it cannot reach the database and is retrying, then loads itself once the database is back", async ({ page }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, { firstName: "Sarah", lastName: "Miller" });
  const heading = page.getByRole("heading", { level: 1 });
  await page.goto(`${origin}/`);
  await expect(heading).toHaveText("At a glance");

  await test.step("a full page load while the database is away", async () => {
    await relay.cut();
    await page.reload();
    await expect(heading).toHaveText("Cannot reach the database — retrying…");
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await expectNoA11yViolations(page);
    await snap(page, "database-unreachable");
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await relay.restore();
    // no reload from the test: the page retries on its own
    await expect(heading).toHaveText("At a glance", { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  await test.step("moving to another page while the database is away keeps the header", async () => {
    await relay.cut();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
    await expect(heading).toHaveText("Cannot reach the database — retrying…");
    await expect(page.getByRole("banner")).toContainText("Signed in as Sarah Miller");
    await relay.restore();
    await expect(heading).toHaveText("Patients", { timeout: 30_000 });
  });
});
