import { expect, test } from "@playwright/test";
import { addPatientByApi, expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";

/**
 * The dashboard's lists follow the header's current organization (issue 14): a caregiver in her family's
 * organization and in an agency sees one at a time on the home page, the patients list, the alert inbox and
 * reports; as an admin of two of the agency's facilities she narrows them to one facility.
 */
test("lists show the current organization's patients; an admin of two facilities narrows them to one", async ({ page }) => {
  const olive = await signInDirectly(page, { firstName: "Olive" });
  await addPatientByApi(page, "Mum");
  // the agency: its default facility (made by the database) and East; Olive administers both, a third is not hers
  const [agency] = await sql<{ id: string }>(
    `INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid(), 'Sunrise Home Care', now()) RETURNING id`,
  );
  const [main] = await sql<{ id: string }>(`SELECT id FROM facilities WHERE organization_id = $1 AND is_default`, [agency.id]);
  const [east] = await sql<{ id: string }>(
    `INSERT INTO facilities (id, organization_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'East', now()) RETURNING id`,
    [agency.id],
  );
  const [west] = await sql<{ id: string }>(
    `INSERT INTO facilities (id, organization_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'West', now()) RETURNING id`,
    [agency.id],
  );
  await sql(
    `INSERT INTO memberships (id, organization_id, caregiver_id, role, facility_ids, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'admin', ARRAY[$3, $4]::uuid[], now() + interval '1 minute', now())`,
    [agency.id, olive.caregiverId, main.id, east.id],
  );
  for (const [first, facility] of [
    ["Rita", main.id],
    ["Ezra", east.id],
    ["Wanda", west.id],
  ])
    await sql(
      `INSERT INTO patients (id, organization_id, facility_id, first_name, last_name, date_of_birth, timezone, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Agency', date '1940-03-01', 'America/Chicago', now())`,
      [agency.id, facility, first],
    );
  const cards = () => page.getByRole("region", { name: /Your patients/ }).getByRole("heading", { level: 3 });

  // her own organization first (the older membership): only Mum, and no facility choice
  await page.goto("/");
  await expect(cards()).toHaveText(["Mum Johnson"]);
  await expect(page.getByRole("combobox", { name: "Facility" })).toHaveCount(0);

  await page.getByLabel("Organization", { exact: true }).selectOption({ label: "Sunrise Home Care" });
  await page.getByRole("button", { name: "Switch" }).click();
  // the switch has landed when the page shows the agency's patients (the select shows the choice at once)
  await expect(cards()).toHaveText(["Ezra Agency", "Rita Agency"]);
  await page.goto("/");
  await expect(page.getByLabel("Organization", { exact: true }).locator("option:checked")).toHaveText("Sunrise Home Care");
  await expect(cards()).toHaveText(["Ezra Agency", "Rita Agency"]);
  await page.getByRole("combobox", { name: "Facility" }).selectOption({ label: "East" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`facility=${east.id}`));
  await expect(cards()).toHaveText(["Ezra Agency"]);
  await expect(page.getByText("How everyone you care for at East is doing right now.")).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "home-facility");

  await page.goto("/patients");
  await expect(page.getByRole("link", { name: /Agency|Johnson/ })).toHaveText(["Ezra Agency", "Rita Agency"]);
  await page.getByRole("combobox", { name: "Facility" }).selectOption({ label: "East" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("link", { name: /Agency|Johnson/ })).toHaveText(["Ezra Agency"]);
  await expectNoA11yViolations(page);

  await page.goto(`/alerts?facility=${east.id}`);
  await expect(page.getByLabel("Patient")).toContainText("Ezra Agency");
  await expect(page.getByLabel("Patient")).not.toContainText("Rita Agency");
  await expect(page.getByLabel("Patient")).not.toContainText("Mum Johnson");
  await expectNoA11yViolations(page);

  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Across 2 patients" })).toBeVisible();
  await page.goto(`/reports?facility=${east.id}`);
  await expect(page.getByRole("heading", { name: "Across 1 patient" })).toBeVisible();
  // the anonymized export is of the same facility: Ezra's row only, once her consent is in force
  await sql(
    `INSERT INTO consents (id, patient_id, kind, granted, given_by) SELECT gen_random_uuid(), id, 'analytics_anonymized', true, 'patient' FROM patients WHERE organization_id = $1`,
    [agency.id],
  );
  const exportHref = await page.getByRole("link", { name: "Download JSON" }).getAttribute("href");
  expect(exportHref).toContain(`facility_id=${east.id}`);
  const exported = await page.request.get(exportHref!);
  expect(exported.status()).toBe(200);
  expect((await exported.json()).rows).toHaveLength(1);
  // a facility she does not administer is not offered and changes nothing
  await page.goto(`/patients?facility=${west.id}`);
  await expect(page.getByRole("link", { name: /Agency|Johnson/ })).toHaveText(["Ezra Agency", "Rita Agency"]);
});
