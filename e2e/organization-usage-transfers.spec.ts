import { expect, test, type Page } from "@playwright/test";
import { addPatientByApi, base, expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";

/** What a page shows after an action succeeded. */
const saved = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

const orgOf = async (caregiverId: string) =>
  (await sql<{ organization_id: string }>(`SELECT organization_id FROM memberships WHERE caregiver_id = $1 ORDER BY created_at LIMIT 1`, [caregiverId]))[0]
    .organization_id;

/** This UTC month and the one before, as YYYY-MM. */
function months() {
  const now = new Date();
  const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return { month: now.toISOString().slice(0, 7), before: before.toISOString().slice(0, 7) };
}

test("usage: the month against the one before, the SMS cap, the CSV, another month; a member is refused", async ({ page, browser }) => {
  const owner = await signInDirectly(page, { firstName: "Olive" });
  const orgId = await orgOf(owner.caregiverId);
  const { month, before } = months();
  await sql(`UPDATE organizations SET settings = $2::jsonb WHERE id = $1`, [orgId, JSON.stringify({ notifications: { monthly_sms_cap: 100 } })]);
  await sql(
    `INSERT INTO organization_usage (organization_id, month, sms_segments, call_minutes, emails, model_tokens_in)
     VALUES ($1, ($2 || '-01')::date, 85, 12, 7, 123456), ($1, ($3 || '-01')::date, 40, 3, 2, 1000)`,
    [orgId, month, before],
  );

  await page.goto("/settings/organization/usage");
  await expect(page.getByRole("link", { name: "Usage", exact: true })).toHaveAttribute("aria-current", "page");
  const sms = page.getByRole("row", { name: /SMS segments/ });
  await expect(sms.getByRole("cell")).toHaveText(["85", "40", "+45"]);
  await expect(page.getByRole("row", { name: /Model tokens in/ }).getByRole("cell")).toHaveText(["123,456", "1,000", "+122,456"]);
  await expect(page.getByText("85 of 100 SMS segments used (85%)")).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "usage");

  const href = await page.getByRole("link", { name: /Download CSV/ }).getAttribute("href");
  const csv = await page.request.get(new URL(href!, base()).toString());
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("sms_segments");
  expect(text).toContain(`${orgId},${month},0,85,12,7,`);

  await page.getByLabel("Month", { exact: true }).fill(before);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`month=${before}`));
  await expect(
    page
      .getByRole("row", { name: /SMS segments/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("40");
  await page.goto("/settings/organization/usage?month=2026-13");
  await expect(page.locator("#usage-month-error")).toContainText("Choose a month");

  // a member of the organization (not an admin) is told plainly, on usage and on transfers
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  const member = await signInDirectly(other, { firstName: "Mia" });
  await sql(`INSERT INTO memberships (id, organization_id, caregiver_id, role, updated_at) VALUES (gen_random_uuid(), $1, $2, 'member', now())`, [
    orgId,
    member.caregiverId,
  ]);
  await ctx.addCookies([{ name: "elda-organization", value: orgId, url: base() }]);
  await other.goto("/settings/organization/usage");
  await expect(other.getByText("Only owners and admins of the whole organization see its usage.")).toBeVisible();
  await expect(other.getByRole("table")).toHaveCount(0);
  await expectNoA11yViolations(other);
  await other.goto("/settings/organization/transfers");
  await expect(other.getByText("Only owners and admins see and answer transfers.")).toBeVisible();
  await ctx.close();
});

test("transfers: asked for from the Overview, declined after confirming, accepted naming a primary caregiver of the destination", async ({ page, browser }) => {
  await signInDirectly(page, { firstName: "Olive" });
  const rose = await addPatientByApi(page, "Rose");
  const hank = await addPatientByApi(page, "Hank");
  const ctx = await browser.newContext();
  const bea = await ctx.newPage();
  const beaOwner = await signInDirectly(bea, { firstName: "Bea" });
  const beaOrg = await orgOf(beaOwner.caregiverId);

  const ask = async (patientId: string, name: string) => {
    await page.goto(`/patients/${patientId}`);
    const panel = page.getByRole("region", { name: "Transfer to another facility or organization" });
    await panel.getByLabel("Or the id of another organization").fill(beaOrg);
    await panel.getByLabel("Note for the destination").fill("Moving closer to her daughter");
    await panel.getByRole("button", { name: `Ask to transfer ${name}` }).click();
    await expect(page.getByText("Transfer asked for.")).toBeVisible();
  };

  await page.goto(`/patients/${rose.id}`);
  const panel = page.getByRole("region", { name: "Transfer to another facility or organization" });
  await panel.getByRole("button", { name: "Ask to transfer Rose" }).click();
  await expect(page.locator("#transfer-destination-error")).toContainText("Choose where the patient goes");
  await expectNoA11yViolations(page);
  // Rose has an open critical alert: the domain asks the source admin to confirm it first
  await sql(
    `INSERT INTO alerts (id, patient_id, type, severity, status, title, description, source, dedup_key, created_at, first_occurred_at, last_occurred_at, updated_at)
     VALUES (gen_random_uuid(), $1, 'missed_medication', 'critical', 'open', 'Missed medication', 'd', 'test', 'e2e-critical', now(), now(), now(), now())`,
    [rose.id],
  );
  await panel.getByLabel("Or the id of another organization").fill(beaOrg);
  await panel.getByRole("button", { name: "Ask to transfer Rose" }).click();
  await expect(panel.getByRole("alert")).toContainText("This patient has an open critical alert.");
  await expectNoA11yViolations(page);
  await panel.getByLabel("Transfer despite the open critical alert").check();
  await panel.getByRole("button", { name: "Ask to transfer Rose" }).click();
  await expect(page.getByText("Transfer asked for.")).toBeVisible();
  await ask(hank.id, "Hank");

  await page.goto("/settings/organization/transfers");
  const out = page.getByRole("region", { name: "Going out" });
  await expect(out.getByRole("listitem").filter({ hasText: "Rose Johnson" })).toContainText("Waiting for an answer");
  await expect(out).toContainText("Moving closer to her daughter");
  await expect(page.getByRole("link", { name: /^Accept/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await bea.goto("/settings/organization/transfers");
  await bea.getByRole("link", { name: "Decline Hank Johnson" }).click();
  await expect(bea.getByRole("heading", { name: "Decline the transfer of Hank Johnson?" })).toBeVisible();
  await expectNoA11yViolations(bea);
  await bea.getByRole("button", { name: "Yes, decline it" }).click();
  await saved(bea, "The transfer has been declined");
  await expect(bea.getByRole("region", { name: "Coming in" }).getByRole("listitem").filter({ hasText: "Hank Johnson" })).toContainText("Declined");

  await bea.getByRole("link", { name: "Accept Rose Johnson" }).click();
  await expect(bea.getByRole("heading", { name: "Accept Rose Johnson?" })).toBeVisible();
  await expectNoA11yViolations(bea);
  // Rose's primary caregiver (Olive) is not a member here: the domain asks for one
  await bea.getByRole("button", { name: "Yes, accept Rose Johnson" }).click();
  await expect(bea.locator("#accept-primary_caregiver_id-error")).toContainText("primary caregiver");
  await bea.getByLabel("Primary caregiver here").selectOption({ label: "Bea Caregiver" });
  await bea.getByRole("button", { name: "Yes, accept Rose Johnson" }).click();
  await saved(bea, "The transfer has been accepted");
  await expect(bea.getByRole("region", { name: "Coming in" }).getByRole("listitem").filter({ hasText: "Rose Johnson" })).toContainText("Accepted");
  await snap(bea, "transfers");
  const [row] = await sql<{ organization_id: string }>(`SELECT organization_id FROM patients WHERE id = $1`, [rose.id]);
  expect(row.organization_id).toBe(beaOrg);
  await ctx.close();
});

test("transfers: the source withdraws a pending one after confirming; the destination can no longer answer it", async ({ page, browser }) => {
  await signInDirectly(page, { firstName: "Olive" });
  const ivy = await addPatientByApi(page, "Ivy");
  const ctx = await browser.newContext();
  const bea = await ctx.newPage();
  const beaOrg = await orgOf((await signInDirectly(bea, { firstName: "Bea" })).caregiverId);

  await page.goto(`/patients/${ivy.id}`);
  const panel = page.getByRole("region", { name: "Transfer to another facility or organization" });
  await panel.getByLabel("Or the id of another organization").fill(beaOrg);
  await panel.getByRole("button", { name: "Ask to transfer Ivy" }).click();
  await expect(page.getByText("Transfer asked for.")).toBeVisible();

  await page.goto("/settings/organization/transfers");
  await page.getByRole("link", { name: "Withdraw the transfer of Ivy Johnson" }).click();
  await expect(page.getByRole("heading", { name: "Withdraw the transfer of Ivy Johnson?" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Yes, withdraw it" }).click();
  await saved(page, "The transfer has been withdrawn");
  const out = page.getByRole("region", { name: "Going out" }).getByRole("listitem").filter({ hasText: "Ivy Johnson" });
  await expect(out).toContainText("Withdrawn");
  await expect(page.getByRole("link", { name: /^Withdraw/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  await bea.goto("/settings/organization/transfers");
  await expect(bea.getByRole("region", { name: "Coming in" }).getByRole("listitem").filter({ hasText: "Ivy Johnson" })).toContainText("Withdrawn");
  await expect(bea.getByRole("link", { name: "Accept Ivy Johnson" })).toHaveCount(0);
  const [row] = await sql<{ status: string }>(`SELECT status::text FROM patient_transfers WHERE patient_id = $1`, [ivy.id]);
  expect(row.status).toBe("withdrawn");
  await ctx.close();
});
