import { expect, test, type Page } from "@playwright/test";
import { addPatientByApi as addPatient, base, expectNoA11yViolations, pairPhone, signInDirectly, snap, sql } from "./fixtures";

/**
 * The safety floor under real conditions (SPEC §5; docs/decisions/014), in the browser with the server's own
 * job runner: Betty's phone keeps pinging in the background exactly as the real app does, yet nobody has
 * touched it for five waking hours, so her inactivity alert arises on the open home page. Walter's phone has
 * gone quiet: his card shows its own "Phone offline" badge. Sarah records that she spoke to Betty, and pauses
 * Walter's monitoring while he is in hospital; the pause shows wherever Walter is.
 *
 * The sweep runs every minute here (JOB_SCHEDULES in playwright.config.ts; every 5 minutes by default), so this
 * test waits up to one sweep. The patients live in a
 * time zone where it is mid-afternoon now, so the default waking hours (08:00-20:00) hold the silence.
 */

/** The real app's background ping: the phone is on, nobody touched it (`last_interaction: null`). */
const backgroundPing = {
  activity_type: "heartbeat",
  device_type: "ios",
  app_version: "1.4.2",
  battery_level: 64,
  details: {
    app_state: "background",
    network_type: "wifi",
    last_interaction: null,
    is_charging: false,
    device_info: { model: "iPhone 12", os_version: "17.1", app_version: "1.4.2" },
  },
};

/** One zone per UTC offset from -11 to +14: the one where the clock is nearest 15:00 now. */
const ZONES = [
  "Pacific/Pago_Pago",
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Halifax",
  "America/Sao_Paulo",
  "America/Noronha",
  "Atlantic/Cape_Verde",
  "Africa/Abidjan",
  "Africa/Lagos",
  "Africa/Cairo",
  "Europe/Moscow",
  "Asia/Dubai",
  "Asia/Karachi",
  "Asia/Dhaka",
  "Asia/Bangkok",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Brisbane",
  "Pacific/Noumea",
  "Pacific/Auckland",
  "Pacific/Kiritimati",
];
function afternoonZone(now = new Date()) {
  const minutes = (zone: string) => {
    const [h, m] = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone })
      .format(now)
      .split(":")
      .map(Number);
    return h * 60 + m;
  };
  return ZONES.reduce((best, z) => (Math.abs(minutes(z) - 15 * 60) < Math.abs(minutes(best) - 15 * 60) ? z : best));
}
const localDate = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(d);

const card = (page: Page, name: string) =>
  page
    .getByRole("region", { name: /Your patients/ })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name }) });

test(
  "a silent person behind a pinging phone, a phone offline with its own badge, a call recorded and a hospital stay paused",
  { tag: "@waits" },
  async ({ page, playwright }) => {
    test.setTimeout(5 * 60_000);
    await signInDirectly(page, { firstName: "Sarah", lastName: "Miller" });
    const zone = afternoonZone();
    const origin = { origin: new URL(base()).origin };
    const betty = await addPatient(page, "Betty");
    const walter = await addPatient(page, "Walter");
    for (const p of [betty, walter]) {
      const r = await page.request.patch(`/api/v1/patients/${p.id}`, { headers: origin, data: { timezone: zone } });
      expect(r.status(), await r.text()).toBe(200);
    }
    const bettysPhone = await playwright.request.newContext({ baseURL: base(), extraHTTPHeaders: { "x-forwarded-for": "10.88.0.1" } });
    const waltersPhone = await playwright.request.newContext({ baseURL: base(), extraHTTPHeaders: { "x-forwarded-for": "10.88.0.2" } });
    const beat = await pairPhone(page, bettysPhone, betty.id);
    const token = await bettysPhone.post("/api/v1/mobile/device-token", {
      headers: { authorization: `Bearer ${beat.credential}` },
      data: { patient_id: betty.id, device_token: "fcm-betty-e2e", platform: "ios", app_version: "1.4.2" },
    });
    expect(token.status()).toBe(200);
    const walterBeat = await pairPhone(page, waltersPhone, walter.id);
    await walterBeat(backgroundPing);
    // the morning as it was: Betty last used her phone five hours ago; Walter spoke to the companion ten minutes
    // ago, but his phone has not checked in for three hours (its battery ran down)
    await sql(`UPDATE patients SET last_active_at = now() - interval '5 hours' WHERE id = $1::uuid`, [betty.id]);
    await sql(`UPDATE patients SET last_active_at = now() - interval '10 minutes', last_heartbeat_at = now() - interval '3 hours' WHERE id = $1::uuid`, [
      walter.id,
    ]);
    await sql(`UPDATE patient_devices SET last_seen_at = now() - interval '3 hours', battery_level = 3 WHERE patient_id = $1::uuid`, [walter.id]);
    await beat(backgroundPing);

    await test.step("Betty's alert arises on the open home page while her phone keeps pinging; Walter's phone is offline", async () => {
      await page.goto("/");
      const alerts = page.getByRole("list", { name: "Open alerts, most serious first" });
      await expect(async () => {
        await beat(backgroundPing); // every ~20 seconds, like the app in the background
        await expect(alerts.getByRole("link", { name: "Betty Johnson has been quiet for 5 hours" })).toBeVisible({ timeout: 15_000 });
      }).toPass({ timeout: 3 * 60_000, intervals: [5_000] });
      await expect(card(page, "Betty Johnson")).toContainText("Not heard from");
      await expect(card(page, "Betty Johnson")).toContainText(/Phone\W*Online/); // the phone is fine; she has not been heard from
      await expect(card(page, "Walter Johnson")).toContainText("Phone offline");
      await expect(card(page, "Walter Johnson")).not.toContainText("Not heard from");
      await expect(alerts.getByRole("link", { name: "Walter Johnson's phone has not been heard from for 3 hours" })).toBeVisible();
      await expectNoA11yViolations(page);
      await snap(page, "home-inactivity-and-phone-offline");
    });

    await test.step("the phone-offline alert names the last battery level", async () => {
      await page
        .getByRole("list", { name: "Open alerts, most serious first" })
        .getByRole("link", { name: "Walter Johnson's phone has not been heard from for 3 hours" })
        .click();
      await expect(page.getByText("its battery was at 3%")).toBeVisible();
      await expect(page.getByRole("region", { name: "Evidence" })).toContainText(/Battery level:\s*3/);
      await expectNoA11yViolations(page);
    });

    await test.step("Sarah calls Betty and records it: the alert ends with a note naming her", async () => {
      await page.goto("/");
      await page.getByRole("list", { name: "Open alerts, most serious first" }).getByRole("link", { name: "Betty Johnson has been quiet for 5 hours" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betty Johnson has been quiet for 5 hours");
      const alertUrl = page.url();
      await page.getByRole("link", { name: "Record it on their page" }).click();
      await expect(page).toHaveURL(new RegExp(`/patients/${betty.id}#monitoring$`));
      await page.getByLabel("How did it go?").fill("She was in the garden; phone on the kitchen table.");
      await page.getByRole("button", { name: "I spoke to Betty" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Recorded. The care team can see that you spoke to them." })).toBeVisible();
      await expect(page.getByRole("region", { name: "Monitoring", exact: true })).toContainText("Last sign of life: just now");
      await expectNoA11yViolations(page);
      await page.goto(alertUrl);
      await expect(page.getByText("Status: Resolved", { exact: true })).toBeVisible();
      await expect(page.getByText(/Sarah Miller spoke to Betty at .*She was in the garden/).first()).toBeVisible();
    });

    await test.step("Walter is in hospital: Sarah pauses his monitoring; the pause shows wherever he is", async () => {
      await page.goto(`/patients/${walter.id}`);
      const until = localDate(new Date(Date.now() + 7 * 86_400_000), zone);
      await page.getByLabel("Pause until").fill(until);
      await page.getByLabel("Reason").fill("In hospital");
      await page.getByRole("button", { name: "Pause monitoring" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Monitoring paused." })).toBeVisible();
      const header = page.locator("h1").locator("..");
      await expect(header).toContainText("Monitoring paused until");
      await expect(header).toContainText("In hospital");
      await expect(page.getByRole("region", { name: "Monitoring", exact: true })).toContainText("paused by Sarah Miller");
      await expectNoA11yViolations(page);
      await snap(page, "patient-monitoring-paused");

      await page.goto("/");
      await expect(card(page, "Walter Johnson")).toContainText("Monitoring paused until");
      await expect(card(page, "Walter Johnson")).not.toContainText("Phone offline");
      await expect(page.getByRole("list", { name: "Open alerts, most serious first" })).toHaveCount(0); // both alerts have ended
      await snap(page, "home-paused");

      await page.goto("/patients");
      await expect(page.getByRole("listitem").filter({ hasText: "Walter Johnson" })).toContainText("Monitoring paused until");
      await expect(page.getByRole("listitem").filter({ hasText: "Betty Johnson" })).not.toContainText("Monitoring paused");
      await expectNoA11yViolations(page);

      await page.goto(`/patients/${walter.id}`);
      await page.getByRole("button", { name: "Resume monitoring now" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Monitoring resumed." })).toBeVisible();
      await expect(page.locator("h1").locator("..")).not.toContainText("Monitoring paused");
    });
    await bettysPhone.dispose();
    await waltersPhone.dispose();
  },
);
