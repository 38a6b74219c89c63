import { expect, test } from "@playwright/test";
import { addPatientByApi, base, expectNoA11yViolations, expectNoEnglish, pairPhone, signInDirectly, snap, sql } from "./fixtures";

/**
 * What an alert says (its title, description and what to do) is stored in English when it is raised; a
 * caregiver whose language is Spanish reads it in Spanish, composed from the rule that fired and its evidence
 * (lib/alerts/alert-text.ts). The API keeps the stored English.
 */
const EMERGENCY = "Rosa Johnson pulsó el botón de emergencia";
const BATTERY = /^La batería del teléfono de Rosa Johnson está baja \(9\s%\)$/;
const CALL_NOW = "Llámele ahora. Si no contesta, llame a su contacto de emergencia o a los servicios de emergencia.";
/** the stored English sentences: none of them may show in Spanish */
const ENGLISH = [
  "pressed the emergency button",
  "asked for help from the Elda app",
  "Phone location",
  "Call them now",
  "phone battery is low",
  "Remind Rosa to charge the phone",
  "If it runs out",
];

const heartbeat = { activity_type: "heartbeat", device_type: "android", app_version: "2.4.0", battery_level: 9, details: {} };

test.describe("what an alert says, in Spanish", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a caregiver whose language is Spanish reads a raised alert's title, description and what to do in Spanish", async ({ page, playwright }) => {
    const me = await signInDirectly(page);
    await sql("UPDATE caregivers SET language = 'es' WHERE id = $1", [me.caregiverId]);
    const phone = await playwright.request.newContext({ baseURL: base() });
    const { id } = await addPatientByApi(page, "Rosa");
    const beat = await pairPhone(page, phone, id);
    // a low battery (a device alert), then the emergency button with the phone's location (a critical alert)
    await beat(heartbeat);
    await beat({ ...heartbeat, activity_type: "emergency", latitude: 41.8781, longitude: -87.6298 });

    await test.step("the home page's open alerts", async () => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      const alerts = page.getByRole("list", { name: "Alertas abiertas, las más graves primero" });
      await expect(alerts.getByRole("link", { name: EMERGENCY, exact: true })).toBeVisible();
      await expect(alerts.getByRole("link", { name: BATTERY })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "alert-content-home-es");
    });

    await test.step("the inbox and the patient's Alerts tab", async () => {
      await page.goto("/alerts");
      await expect(page.getByRole("listitem", { name: EMERGENCY })).toBeVisible();
      await expect(page.getByRole("listitem", { name: BATTERY })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);

      await page.goto(`/patients/${id}/alerts`);
      await expect(page.getByRole("listitem", { name: EMERGENCY })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: `Seleccionar «${EMERGENCY}»` })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
    });

    await test.step("the emergency alert's page", async () => {
      await page.getByRole("link", { name: EMERGENCY, exact: true }).click();
      await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
      await expect(page.getByRole("heading", { level: 1, name: EMERGENCY })).toBeVisible();
      await expect(page.getByText(/^Rosa Johnson pidió ayuda desde la aplicación Elda el .+\. Ubicación del teléfono: 41\.87810, -87\.62980\.$/)).toBeVisible();
      await expect(page.getByText(CALL_NOW, { exact: true })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "alert-content-emergency-es");

      // the API keeps the stored English text
      const alertId = new URL(page.url()).pathname.split("/").at(-1);
      const api = await page.request.get(`/api/v1/alerts/${alertId}`);
      expect(api.status()).toBe(200);
      expect(await api.json()).toMatchObject({
        title: "Rosa Johnson pressed the emergency button",
        recommended_action: "Call them now. If they do not answer, call their emergency contact or emergency services.",
      });
    });

    await test.step("the low-battery alert's page", async () => {
      await page.goto("/alerts");
      await page.getByRole("link", { name: BATTERY }).click();
      await expect(page.getByRole("heading", { level: 1, name: BATTERY })).toBeVisible();
      await expect(
        page.getByText(
          /^La aplicación Elda del teléfono de Rosa Johnson indicó un 9\s% de batería\. Si se agota, los recordatorios y el botón de emergencia dejan de funcionar\.$/,
        ),
      ).toBeVisible();
      await expect(page.getByText("Recuerde a Rosa Johnson que cargue el teléfono.", { exact: true })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
    });
  });
});
