import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";

/**
 * Jobs are never silently off: while a scheduled job is late, every caregiver sees it on every dashboard page,
 * and the monitors' status says 503; once the job has caught up, both are quiet again. The job made late is
 * the weekly insights (its cron fires only on Mondays at 06:00 UTC, so the runner cannot heal it mid-test).
 */
const BANNER = "Reminders and alerts are not being sent";

test("every caregiver sees that reminders and alerts are not being sent while a job is late, and not once it has caught up", async ({ page }) => {
  await signInDirectly(page, { firstName: "Sarah", lastName: "Miller" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("At a glance");
  await expect(page.getByText(BANNER)).toHaveCount(0);

  const [before] = await sql<{ last_success_at: Date | null }>("SELECT last_success_at FROM job_status WHERE job_id = 'weekly-insights'");
  // the engine started 20 minutes ago (past its 5-minute grace), and the weekly job last succeeded 15 days ago
  await sql("UPDATE job_engine_boots SET started_at = started_at - interval '20 minutes'");
  await sql(
    `INSERT INTO job_status (job_id, engine, last_success_at) VALUES ('weekly-insights', 'embedded', now() - interval '15 days')
     ON CONFLICT (job_id) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
  );
  try {
    for (const path of ["/", "/alerts", "/settings/profile"]) {
      await page.goto(path);
      await expect(page.getByRole("alert").filter({ hasText: BANNER })).toBeVisible();
    }
    await expectNoA11yViolations(page);
    await snap(page, "jobs-late-banner");
    const status = await page.request.get("/api/health/status");
    expect(status.status()).toBe(503);
    const body = await status.json();
    expect(body.problems).toContainEqual(expect.stringMatching(/^Job weekly-insights has not succeeded for 15 days/));
    expect(body.jobs.items.find((i: { id: string }) => i.id === "weekly-insights")).toMatchObject({ late: true });
    // the load balancer's question is another one: this instance still serves requests
    expect((await page.request.get("/api/health/ready")).status()).toBe(200);
  } finally {
    await sql("UPDATE job_engine_boots SET started_at = started_at + interval '20 minutes'");
    if (before) await sql("UPDATE job_status SET last_success_at = $1 WHERE job_id = 'weekly-insights'", [before.last_success_at]);
    else await sql("DELETE FROM job_status WHERE job_id = 'weekly-insights'");
  }

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("At a glance");
  await expect(page.getByText(BANNER)).toHaveCount(0);
  expect((await page.request.get("/api/health/status")).status()).toBe(200);
});
