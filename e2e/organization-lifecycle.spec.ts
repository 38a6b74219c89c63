import { expect, test } from "@playwright/test";
import { addPatientByApi, expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";

/**
 * Issue 14, the end of an organization's life in the dashboard: its audit trail read, filtered and checked, and the
 * organization deleted only once its owner types its name (its patients go with it, as the page says first).
 */
test("the audit trail filters and checks its chain; deleting the organization asks for its name, then erases its patients", async ({ page }) => {
  const me = await signInDirectly(page, { firstName: "Dora" });
  const org = "Dora's care circle";
  const rita = await addPatientByApi(page, "Rita");

  await page.goto("/settings/organization/audit");
  const events = page.getByRole("table", { name: "Audit events" });
  await expect(events).toBeVisible();
  await page.getByLabel("Action").fill("patient.created");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(/action=patient.created/);
  await expect(events.getByRole("row")).toHaveCount(2); // the header and Rita's creation
  await page.getByLabel("Action").fill("no.such.action");
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page.getByText("No audit events match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Check the tamper-evident chain" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The audit chain holds" })).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "audit-trail");

  await page.goto("/settings/organization/ownership");
  await expect(page.getByText(`This cannot be undone. Deleting ${org}:`)).toBeVisible();
  await expect(page.getByText("erases its 1 patient with all their data")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Organization name").fill("Someone else's circle");
  await page.getByRole("button", { name: "Delete this organization for good" }).click();
  await expect(page.locator("#delete-confirm_name-error")).toBeVisible();
  expect(await sql(`SELECT id FROM patients WHERE id = $1::uuid`, [rita.id])).toHaveLength(1);

  await page.getByLabel("Organization name").fill(org);
  await page.getByRole("button", { name: "Delete this organization for good" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The organization has been deleted" })).toBeVisible();
  expect(await sql(`SELECT id FROM patients WHERE id = $1::uuid`, [rita.id])).toHaveLength(0);
  expect(await sql(`SELECT organization_id FROM memberships WHERE caregiver_id = $1::uuid`, [me.caregiverId])).toHaveLength(0);
});
