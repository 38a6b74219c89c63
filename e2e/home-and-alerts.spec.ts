import { expect, test } from "@playwright/test";
import { addPatientByApi as addPatient, base, expectNoA11yViolations, pairPhone, signInDirectly, snap, sql } from "./fixtures";

/**
 * The caregiver's home and alerts, as a caregiver uses them: Betty's phone is paired the way the app does it,
 * her emergency button is pressed while the home page is open, the alert appears there without a reload,
 * and the caregiver acknowledges, annotates and resolves it.
 */

const heartbeat = { activity_type: "heartbeat", device_type: "android", app_version: "2.4.0", battery_level: 80, details: {} };

test("an emergency arrives on the open home page without a reload; the caregiver acknowledges, notes and resolves it", async ({ page, playwright }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, { firstName: "Sarah", lastName: "Miller" });
  const phone = await playwright.request.newContext({ baseURL: base() });
  const betty = await addPatient(page, "Betty");
  await addPatient(page, "Walter");
  const beat = await pairPhone(page, phone, betty.id);
  await beat(heartbeat);

  await test.step("home shows every patient at a glance", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("At a glance");
    const bettyCard = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Betty Johnson" }) });
    await expect(bettyCard).toContainText(/Phone\W*Online/);
    await expect(bettyCard).toContainText("Open alertsNone");
    await expect(bettyCard).toContainText("TodayNothing due yet");
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Walter Johnson" }) })).toContainText("No phone connected");
    await expect(page.getByText("No open alerts. New ones appear here as soon as they are raised.")).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "home-calm");
  });

  await test.step("the emergency button is pressed: the alert appears without a reload and is announced", async () => {
    // a page reload would drop this marker
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await beat({ ...heartbeat, activity_type: "emergency", latitude: 41.8781, longitude: -87.6298 });
    const alerts = page.getByRole("list", { name: "Open alerts, most serious first" });
    await expect(alerts.getByRole("link", { name: "Betty Johnson pressed the emergency button" })).toBeVisible({ timeout: 30_000 });
    await expect(alerts.getByRole("listitem").first()).toContainText("Critical");
    await expect(alerts.getByRole("listitem").first()).toContainText("New");
    await expect(page.locator("#new-alerts-urgent")).toContainText("New critical alert: Emergency, critical, for Betty Johnson");
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    // Betty now comes first, flagged, with her open alert counted
    const first = page
      .getByRole("region", { name: /Your patients/ })
      .getByRole("listitem")
      .first();
    await expect(first).toContainText("Betty Johnson");
    await expect(first).toContainText("Urgent alert");
    await expect(first).toContainText("1 critical");
    await expectNoA11yViolations(page);
    await snap(page, "home-live-alert");
  });

  await test.step("the inbox lists it with filters, and acknowledging it changes its state", async () => {
    await page.getByRole("link", { name: "All alerts in the inbox" }).click();
    await expect(page).toHaveURL(/\/alerts$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alerts");
    const item = page.getByRole("listitem", { name: "Betty Johnson pressed the emergency button" });
    await expect(item).toContainText("Critical");
    await expect(item).toContainText("Open");
    await expect(item).toContainText("Emergency");
    await expectNoA11yViolations(page);
    await snap(page, "inbox");

    // filters are a plain GET form
    await page.getByLabel("Severity").selectOption("low");
    await page.getByRole("button", { name: "Show alerts" }).click();
    await expect(page).toHaveURL(/severity=low/);
    await expect(page.getByText("No alerts match these filters.")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();

    await page.getByRole("listitem", { name: "Betty Johnson pressed the emergency button" }).getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Alert acknowledged." })).toBeVisible();
    // the inbox shows open alerts by default: now it is under "Acknowledged"
    await expect(page.getByRole("listitem", { name: "Betty Johnson pressed the emergency button" })).toHaveCount(0);
    await page.getByLabel("Status").selectOption("acknowledged");
    await page.getByRole("button", { name: "Show alerts" }).click();
    const acked = page.getByRole("listitem", { name: "Betty Johnson pressed the emergency button" });
    await expect(acked).toContainText("Acknowledged");
    await expect(acked.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await snap(page, "inbox-acknowledged");
  });

  await test.step("the alert's page shows evidence, timeline and delivery log; a note and a resolution are recorded", async () => {
    await page.getByRole("link", { name: "Betty Johnson pressed the emergency button" }).click();
    await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betty Johnson pressed the emergency button");
    await expect(page.getByRole("region", { name: "Evidence" })).toContainText("Emergency button");
    await expect(page.getByRole("region", { name: "Evidence" })).toContainText("41.8781");
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline).toContainText("Raised by Elda");
    await expect(timeline).toContainText("Acknowledged by you");
    await expect(page.getByRole("region", { name: "Delivery log" }).getByRole("cell", { name: "Sarah Miller" }).first()).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByLabel("Add a note").fill("Called Betty: she slipped but is fine. Neighbour is with her.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Note added" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Notes" })).toContainText("Called Betty: she slipped but is fine.");

    // resolving needs a note: refused next to the field, nothing changes
    await page.getByLabel("Resolve with a note").fill("   ");
    await page.getByRole("button", { name: "Resolve alert" }).click();
    const resolveNote = page.getByLabel("Resolve with a note");
    await expect(resolveNote).toHaveAttribute("aria-invalid", "true");
    await expect(resolveNote).toHaveAccessibleDescription(/Say how it was resolved\./);
    await expect(page.getByText("Status: Open", { exact: false })).toHaveCount(0); // still acknowledged, not resolved
    await expect(page.getByText("Status: Acknowledged", { exact: true })).toBeVisible();
    await page.getByLabel("Resolve with a note").fill("Checked in person; no injury.");
    await page.getByRole("button", { name: "Resolve alert" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Alert resolved." })).toBeVisible();
    await expect(page.getByText("Status: Resolved", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Resolve alert" })).toHaveCount(0);
    await expectNoA11yViolations(page);
    await snap(page, "alert-detail-resolved");
  });

  await test.step("Betty's alerts tab lists the same alert", async () => {
    await page.goto(`/patients/${betty.id}/alerts?status=all`);
    await expect(page.getByRole("heading", { level: 2, name: "Alerts" })).toBeVisible();
    const item = page.getByRole("listitem", { name: "Betty Johnson pressed the emergency button" });
    await expect(item).toContainText("Resolved");
    await expect(item).toContainText("Resolution: Checked in person; no injury.");
    await page.goto(`/patients/${betty.id}/alerts`);
    await expect(page.getByText("No open alerts for Betty.")).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "patient-alerts");
  });
  await phone.dispose();
});

test("without JavaScript the home page, the inbox filters and acknowledging still work", async ({ browser, playwright }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInDirectly(page);
  const phone = await playwright.request.newContext({ baseURL: base() });
  const p = await addPatient(page, "Nora");
  const beat = await pairPhone(page, phone, p.id);
  await beat({ ...heartbeat, activity_type: "emergency" });

  await page.goto("/");
  await expect(page.getByRole("list", { name: "Open alerts, most serious first" })).toContainText("Nora Johnson pressed the emergency button");
  await page.goto("/alerts");
  await page.getByLabel("Type").selectOption("emergency");
  await page.getByRole("button", { name: "Show alerts" }).click();
  await expect(page).toHaveURL(/type=emergency/);
  await page.getByRole("checkbox", { name: /Nora Johnson pressed the emergency button/ }).check();
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 alert acknowledged." })).toBeVisible();
  await expect(page).toHaveURL(/type=emergency/);
  await snap(page, "inbox-no-js");
  await phone.dispose();
  await context.close();
});

test("a caregiver without patients is shown where to start; someone else's alert is not found", async ({ page }) => {
  await signInDirectly(page);
  await page.goto("/");
  await expect(page.getByText("You are not looking after anyone in Elda yet.")).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "home-empty");
  await page.getByRole("link", { name: "Add your first patient" }).click();
  await expect(page).toHaveURL(/\/patients\/new$/);

  await page.goto("/alerts");
  await expect(page.getByText("Alerts appear here once you care for someone.")).toBeVisible();
  const res = await page.goto("/alerts/00000000-0000-4000-8000-000000000000");
  expect(res?.status()).toBe(404);
  expect(await res?.text()).toContain("We couldn’t find that alert");
});

test("a session ended elsewhere takes the open home page back to sign-in: no patient data stays on screen", async ({ page }) => {
  const me = await signInDirectly(page);
  await addPatient(page, "Betty");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Betty Johnson" }).first()).toBeVisible();
  // "sign out everywhere" from another device, as the database sees it
  await sql(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'signed_out_everywhere' WHERE id = $1::uuid`, [me.sessionId]);
  // the home page's poll or the idle-logoff clock, whichever notices first, sends it to sign-in: signed out, not "timed out"
  await expect(page).toHaveURL(/\/login$/, { timeout: 30_000 });
  await expect(page.getByText("You were signed out after a while without activity.")).toHaveCount(0);
  await expect(page.getByText("Betty Johnson")).toHaveCount(0);
});
