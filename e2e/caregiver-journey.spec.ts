import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, newCaregiver, signUp, snap } from "./fixtures";

/**
 * The whole story in one browser, as a new caregiver lives it (issue 7): sign up, add Betty, set her
 * schedule, pair her phone with the code read off the page (the phone's calls are the app's real API calls),
 * her emergency button arrives on the open home page without a reload, the caregiver acknowledges it,
 * sets quiet hours, and exports a report whose CSV holds the day's figures.
 */
test("a new caregiver, from sign-up to an acknowledged emergency and an exported report", async ({ page, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const me = newCaregiver("journey");
  const phone = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "10.77.0.1" } });
  let patientPath = "";
  let patientId = "";
  let credential = "";

  await test.step("sign up", async () => {
    await signUp(page, me);
    await expect(page.getByText(`Signed in as ${me.firstName} ${me.lastName}`)).toBeVisible();
  });

  await test.step("add Betty", async () => {
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Betty");
    await page.getByLabel("Last name").fill("Johnson");
    await page.getByLabel("Date of birth").fill("1945-05-15");
    await page.getByLabel("Time zone").selectOption("America/Chicago");
    await page.getByRole("button", { name: "Add patient" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Betty Johnson" })).toBeVisible();
    patientPath = new URL(page.url()).pathname;
    patientId = patientPath.split("/")[2];
    expect(patientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  await test.step("set her schedule", async () => {
    await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Routine" }).click();
    await page.getByRole("link", { name: "Add a schedule" }).click();
    await page.getByLabel("Type").selectOption("medication");
    await page.getByLabel("Title").fill("Metformin");
    await page.getByLabel("Time", { exact: true }).fill("08:00, 20:00");
    await page.getByLabel("Repeats").selectOption("daily");
    await page.getByRole("button", { name: "Add schedule" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Schedule added." })).toBeVisible();
    await expect(page.getByText("Metformin").first()).toBeVisible();
    await snap(page, "journey-routine");
  });

  await test.step("pair her phone with the code on the page", async () => {
    await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Overview" }).click();
    await page.getByRole("button", { name: "Create pairing code" }).click();
    const code = (await page.getByLabel("Pairing code").textContent())?.trim() ?? "";
    expect(code.length).toBeGreaterThan(10);
    const setup = await phone.post("/api/v1/mobile/setup", { data: { patient_id: patientId, setup_token: code } });
    expect(setup.status(), await setup.text()).toBe(200);
    credential = (await setup.json()).access_token;
    const beat = await phone.post(`/api/v1/patients/${patientId}/heartbeat`, {
      headers: { authorization: `Bearer ${credential}` },
      data: { device_type: "android", app_version: "2.4.0", battery_level: 76, details: {} },
    });
    expect(beat.status()).toBe(200);
    await page.reload();
    await expect(page.getByRole("region", { name: /Phone and pairing/ })).toContainText(/Online/);
  });

  await test.step("her emergency button: the alert appears on the open home page without a reload", async () => {
    await page.goto("/");
    await expect(page.getByText("No open alerts. New ones appear here as soon as they are raised.")).toBeVisible();
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    const press = await phone.post(`/api/v1/patients/${patientId}/heartbeat`, {
      headers: { authorization: `Bearer ${credential}` },
      data: { activity_type: "emergency", battery_level: 75 },
    });
    expect(press.status()).toBe(200);
    const alerts = page.getByRole("list", { name: "Open alerts, most serious first" });
    await expect(alerts.getByRole("link", { name: "Betty Johnson pressed the emergency button" })).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await snap(page, "journey-home-alert");
  });

  await test.step("acknowledge it", async () => {
    await page.getByRole("link", { name: "Betty Johnson pressed the emergency button" }).click();
    await page.getByRole("button", { name: "Acknowledge" }).first().click();
    await expect(page.getByRole("status").filter({ hasText: "Alert acknowledged." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Acknowledged by you");
  });

  await test.step("quiet hours are saved", async () => {
    await page.goto("/settings/notifications");
    await page.getByLabel("Use quiet hours").check();
    await page.getByLabel("Quiet hours start").fill("21:30");
    await page.getByLabel("Quiet hours end").fill("06:45");
    await page.getByRole("button", { name: "Save notification settings" }).click();
    // the saved notice itself (any status region, such as the sign-out warning's, is there before the save ends)
    await expect(page.getByRole("status").filter({ hasText: "Your notification settings have been saved." })).toBeVisible();
    await page.goto("/settings/notifications");
    await expect(page.getByLabel("Quiet hours start")).toHaveValue("21:30");
    await expect(page.getByLabel("Quiet hours end")).toHaveValue("06:45");
    await expectNoA11yViolations(page);
  });

  await test.step("reports: export CSV and check what it holds", async () => {
    await page.goto(`${patientPath}/reports`);
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "journey-reports");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    expect(file.suggestedFilename()).not.toMatch(/betty|johnson/i);
    const csv = await new Promise<string>((resolve, reject) => {
      file.createReadStream().then((s) => {
        let text = "";
        s.on("data", (c) => (text += c));
        s.on("end", () => resolve(text));
        s.on("error", reject);
      }, reject);
    });
    const [header, ...rows] = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(","));
    expect(rows).toHaveLength(30); // one row per day of the last 30, in Betty's zone
    const column = (name: string) => rows.map((r) => Number(r[header.indexOf(name)]));
    // today's emergency is the one alert of the period, and the phone's activity is counted
    expect(column("alerts").reduce((a, b) => a + b, 0)).toBe(1);
    expect(column("alerts").at(-1)).toBe(1);
    expect(column("activity_events").at(-1)).toBeGreaterThan(0);
  });
});
