import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";

/**
 * Reports as a caregiver uses them: Betty has a month of reminders (8 of 10 done; 3 of 5 the month before),
 * conversations, an alert and phone activity. The caregiver opens her report, reads the figures and the
 * tables behind the charts, changes the period, exports a CSV and checks what is in it, and sees her on the
 * report across all patients.
 */

const base = () => test.info().project.use.baseURL ?? "http://127.0.0.1:3100";

test("a caregiver reads a patient's report, exports it as CSV, and sees all patients' statistics", async ({ page }) => {
  await signInDirectly(page);
  const res = await page.request.post("/api/v1/patients", {
    headers: { origin: new URL(base()).origin },
    data: { first_name: "Betty", last_name: "Johnson", date_of_birth: "1945-05-15", timezone: "America/Chicago" },
  });
  expect(res.status(), await res.text()).toBe(201);
  const betty = ((await res.json()) as { id: string }).id;

  await test.step("arrange a month of data", async () => {
    // this period: 10 medication reminders over the last 10 days, 8 done; the period before: 5, 3 done
    await sql(
      `INSERT INTO reminders (id, patient_id, type, title, due_at, status, updated_at)
       SELECT gen_random_uuid(), $1, 'medication', 'Metformin', now() - make_interval(days => n) - interval '1 hour',
              (CASE WHEN n IN (3, 7, 33, 36) THEN 'missed' ELSE 'completed' END)::"ReminderStatus", now()
       FROM (SELECT generate_series(1, 10) AS n UNION ALL SELECT generate_series(32, 36)) g`,
      [betty],
    );
    await sql(
      `WITH c AS (
         INSERT INTO conversations (id, patient_id, conversation_type, started_at, last_turn_at, topics, turn_count)
         SELECT gen_random_uuid(), $1, 'spontaneous', now() - make_interval(days => n), now() - make_interval(days => n), ARRAY['garden', 'grandchildren'], 1
         FROM generate_series(1, 4) n RETURNING id, started_at)
       INSERT INTO conversation_turns (id, conversation_id, patient_id, sequence, patient_message, ai_response, sentiment, provider, created_at)
       SELECT gen_random_uuid(), c.id, $1, 1, 'The roses are out', 'Lovely!', 'positive', 'test', c.started_at FROM c`,
      [betty],
    );
    await sql(
      `INSERT INTO alerts (id, patient_id, type, severity, status, title, description, source, dedup_key, created_at, acknowledged_at, first_occurred_at, last_occurred_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'missed_medication', 'medium', 'acknowledged', 'Missed medication', 'd', 'test', 'e2e', now() - interval '3 days', now() - interval '3 days' + interval '25 minutes', now() - interval '3 days', now() - interval '3 days', now())`,
      [betty],
    );
    await sql(
      `INSERT INTO activity_logs (id, patient_id, activity_type, occurred_at)
       SELECT gen_random_uuid(), $1, 'heartbeat', now() - make_interval(mins => n * 20) FROM generate_series(1, 500) n`,
      [betty],
    );
  });

  await test.step("the report shows the figures and the comparison", async () => {
    await page.goto(`/patients/${betty}/reports`);
    await expect(page).toHaveTitle(/Reports/);
    await expect(page).not.toHaveTitle(/Betty/);
    await expect(page.getByRole("heading", { name: "Reports", level: 2 })).toBeVisible();
    const reminders = page.getByRole("definition").filter({ hasText: "80%" }).first();
    await expect(reminders).toBeVisible();
    await expect(page.getByText("8 of 10").first()).toBeVisible();
    await expect(page.getByText("Up 20 points from the previous 30 days").first()).toBeVisible();
    await expect(page.getByText("Mood: Mostly positive")).toBeVisible();
    // the numbers behind the chart, as a table
    const adherence = page.getByRole("region", { name: "Reminders done" });
    await adherence.getByText("Show as table").click();
    await expect(adherence.getByRole("table", { name: "Reminders done per period" })).toBeVisible();
    await expect(adherence.getByRole("row")).toHaveCount(31);
    await expect(page.getByRole("table", { name: "Top conversation topics" }).getByRole("row", { name: /garden 4/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Alerts by type and severity" })).toContainText("Missed medication");
    await expect(page.locator(".recharts-surface").first()).toBeVisible(); // the charts render under the CSP
    await expectNoA11yViolations(page);
    await snap(page, "patient-report");
  });

  await test.step("a period by week, chosen with the form", async () => {
    await page.getByLabel("Period", { exact: true }).selectOption("90");
    await page.getByLabel("Group by").selectOption("week");
    await page.getByRole("button", { name: "Show report" }).click();
    await expect(page).toHaveURL(/period=90/);
    await expect(page.getByText("11 of 15").first()).toBeVisible(); // now the older reminders count too
    await page.getByLabel("Period", { exact: true }).selectOption("custom");
    await page.getByLabel("From (custom)").fill("2026-05-01");
    await page.getByLabel("To (custom)").fill("2026-04-01");
    await page.getByRole("button", { name: "Show report" }).click();
    await expect(page.getByText("The end of the range must be on or after its start.")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "That range could not be shown." })).toContainText("Showing the last 30 days instead");
    await page.goto(`/patients/${betty}/reports`);
  });

  await test.step("Export CSV downloads the figures per day", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^elda-report-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-day\.csv$/);
    expect(file.suggestedFilename()).not.toMatch(/betty|johnson/i);
    const csv = await readFile((await file.path())!, "utf8");
    const [header, ...rows] = csv.trimEnd().split("\r\n");
    const cols = header.split(",");
    expect(cols.slice(0, 6)).toEqual(["bucket_start", "bucket_end", "reminders_due", "reminders_completed", "reminders_missed", "adherence_overall_pct"]);
    expect(rows).toHaveLength(30);
    const sum = (col: string) => rows.reduce((a, r) => a + Number(r.split(",")[cols.indexOf(col)] || 0), 0);
    expect([sum("reminders_due"), sum("reminders_completed"), sum("reminders_missed"), sum("conversations"), sum("alerts")]).toEqual([10, 8, 2, 4, 1]);
    expect(csv).not.toMatch(/Betty|Johnson/);
  });

  await test.step("the report across all patients", async () => {
    await page.goto("/reports");
    await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
    const row = page.getByRole("table", { name: "Statistics per patient" }).getByRole("row", { name: /Betty Johnson/ });
    await expect(row).toContainText("80% (8 of 10)");
    await expect(row).toContainText("Up 20 points from the previous 30 days");
    await expectNoA11yViolations(page);
    await snap(page, "all-reports");
    await row.getByRole("link", { name: "Betty Johnson" }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${betty}/reports\\?period=30`));
  });
});

test("someone else's patient's report is not found", async ({ page }) => {
  await signInDirectly(page);
  // two statements: the organization's default facility is made by a trigger once its row is in
  const [org] = await sql<{ id: string }>(`INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Elsewhere', now()) RETURNING id`);
  const [other] = await sql<{ id: string }>(
    `INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, updated_at) VALUES (gen_random_uuid(), $1::uuid, 'Zed', 'Hidden', date '1940-01-01', now()) RETURNING id`,
    [org.id],
  );
  const r = await page.goto(`/patients/${other.id}/reports`);
  expect(r?.status()).toBe(404);
  await expect(page.getByText("Zed")).toHaveCount(0);
  const api = await page.request.get(`/api/v1/patients/${other.id}/analytics/export?format=csv`);
  expect(api.status()).toBe(404);
});
