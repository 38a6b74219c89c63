import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, expectNoEnglish, signInDirectly, snap, sql } from "./fixtures";

/** Sentences the personal settings pages say in English: none of them may be left on the page in Spanish. */
const ENGLISH = [
  "Settings",
  "Profile",
  "Notifications",
  "Password",
  "Two-factor sign-in",
  "API keys",
  "How to reach you",
  "Which alerts",
  "Quiet hours",
  "Daily summary",
  "Save notification settings",
  "Notifications on this browser",
  "Your keys",
  "No API keys yet",
  "Create an API key",
  "What the key may do",
  "Current password",
  "Change password",
  "Turn on two-factor sign-in",
  "Code from the app",
  "Scan this QR code",
  "Not now",
];

/** The page's main content holds none of the English sentences. */
test.describe("personal settings in Spanish", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a caregiver whose language is Spanish reads and uses every personal settings page in Spanish", async ({ page }) => {
    const me = await signInDirectly(page, { firstName: "Lucía" });
    await sql("UPDATE caregivers SET language = 'es' WHERE id = $1", [me.caregiverId]);

    // Profile
    await page.goto("/settings/profile");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Perfil" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Configuración" });
    await expect(nav.getByRole("link", { name: "Claves de API", exact: true })).toBeVisible();
    await expect(page.getByLabel("Nombre", { exact: true })).toHaveValue("Lucía");
    await expect(page.getByRole("button", { name: "Guardar perfil" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    // Notifications
    await page.goto("/settings/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Notificaciones" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Cómo contactarle" })).toBeVisible();
    await expect(page.getByLabel("Inicio de las horas de silencio")).toHaveValue("22:00");
    await expect(page.getByLabel("Avisarme a partir de esta gravedad")).toBeVisible();
    await expect(page.getByRole("option", { name: "Media y superiores" })).toBeAttached();
    await expect(page.getByRole("heading", { level: 2, name: "Notificaciones en este navegador" })).toBeVisible();
    await page.getByRole("button", { name: "Guardar la configuración de notificaciones" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Se ha guardado su configuración de notificaciones." })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    // API keys: an empty state, a refusal in Spanish, then a key
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "Claves de API" })).toBeVisible();
    await expect(page.getByText("Todavía no hay claves de API.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Crear una clave de API" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await page.getByLabel("Lectura", { exact: true }).uncheck();
    await page.getByLabel("Escritura", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Crear clave de API" }).click();
    await expect(page.locator("#field-scopes-error")).toContainText("Elija al menos uno: lectura o escritura.");
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await page.getByLabel("Nombre de la clave").fill("Calendario");
    await page.getByLabel("Lectura", { exact: true }).check();
    await page.getByLabel("Escritura", { exact: true }).check();
    await page.getByRole("button", { name: "Crear clave de API" }).click();
    await expect(page.getByText("Se ha creado la clave de API «Calendario».")).toBeVisible();
    await expect(page.getByRole("button", { name: "Copiar la clave" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 3, name: "Calendario" })).toBeVisible();
    await expect(page.getByText("lectura y escritura")).toBeVisible();
    await expect(page.getByRole("link", { name: "Revocar Calendario" })).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "spanish-settings-api-keys");

    // Password: a refusal in Spanish, nothing changed
    await page.goto("/settings/password");
    await expect(page.getByRole("heading", { level: 1, name: "Contraseña" })).toBeVisible();
    await page.getByLabel("Contraseña actual").fill("not-the-password");
    await page.getByLabel("Contraseña nueva", { exact: true }).fill("violet-Lantern-river-42");
    await page.getByLabel("Confirme la contraseña nueva").fill("violet-Lantern-river-43");
    await page.getByRole("button", { name: "Cambiar la contraseña" }).click();
    await expect(page.locator("#field-confirm_password-error")).toContainText("Las dos contraseñas nuevas no coinciden.");
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    // Two-factor sign-in: off, then the setup page, and a wrong code refused in Spanish
    await page.goto("/settings/security");
    await expect(page.getByRole("heading", { level: 1, name: "Inicio de sesión en dos pasos" })).toBeVisible();
    await expect(page.getByText("El inicio de sesión en dos pasos está desactivado.")).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "Configurar el inicio de sesión en dos pasos" }).click();
    await expect(page).toHaveURL(/\/two-factor\/setup$/);
    await expect(page.getByRole("heading", { level: 1, name: "Configurar el inicio de sesión en dos pasos" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Código QR para su aplicación de autenticación" })).toBeVisible();
    await expect(page.getByText("Escanee este código QR con su aplicación de autenticación.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Ahora no: cerrar sesión" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await page.getByLabel("Código de la aplicación").fill("000000");
    await page.getByRole("button", { name: "Activar el inicio de sesión en dos pasos" }).click();
    await expect(page.locator("#field-code-error")).toContainText("Ese código no es correcto.");
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await snap(page, "spanish-two-factor-setup");
  });
});
