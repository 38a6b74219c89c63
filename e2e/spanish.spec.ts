import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, newCaregiver, ownAddress, snap, sql } from "./fixtures";

/**
 * Issue 15, part 3: a Spanish-speaking caregiver uses the dashboard in Spanish (decision 029). The visitor's
 * choice on the signed-out pages, the account's language from sign-up on, Spanish refusals beside their
 * fields, `<html lang>`, and the language switched in Settings changing the page at once.
 */
test("a Spanish-speaking caregiver signs up in Spanish, sees the dashboard in Spanish and can switch it in Settings", async ({ page }) => {
  const who = newCaregiver("rosa");
  await ownAddress(page);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle(/Iniciar sesión/);
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-pressed", "true");
  await expectNoA11yViolations(page);
  await snap(page, "es-login");

  await page.getByRole("link", { name: "Crear una cuenta de cuidador" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cree su cuenta de cuidador");
  await expect(page.getByRole("combobox", { name: "Idioma" })).toHaveValue("es");
  await page.getByLabel("Correo electrónico").fill("not-an-address");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.locator("#error-summary")).toContainText("Algunos campos necesitan su atención.");
  await expect(page.locator("#field-email-error")).toContainText("Introduzca un correo electrónico válido.");
  await expectNoA11yViolations(page);
  await snap(page, "es-register-refused");

  await page.getByLabel("Nombre").fill("Rosa");
  await page.getByLabel("Apellidos").fill("García");
  await page.getByLabel("Correo electrónico").fill(who.email);
  await page.getByLabel("Contraseña").fill(who.password);
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page).toHaveURL(/\/patients/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const main = page.getByRole("navigation", { name: "Principal" });
  await expect(main.getByRole("link", { name: "Pacientes" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
  const [row] = await sql<{ language: string }>("SELECT language FROM caregivers WHERE email = $1", [who.email]);
  expect(row.language).toBe("es");

  await main.getByRole("link", { name: "Configuración" }).click();
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Perfil");
  await expect(page).toHaveTitle(/Configuración del perfil/);
  await expect(page.getByRole("navigation", { name: "Configuración" }).getByRole("link", { name: "Perfil" })).toHaveAttribute("aria-current", "page");
  await expectNoA11yViolations(page);

  // a refusal in Spanish beside its field (the schema's English sentence, translated)
  await page.getByLabel("Número de teléfono").fill("555-1234");
  await page.getByRole("button", { name: "Guardar perfil" }).click();
  await expect(page.locator("#field-phone_number-error")).toContainText("Use el formato internacional");
  await expectNoA11yViolations(page);
  await snap(page, "es-settings-refused");

  // switching the language changes the page at once
  await page.goto("/settings/profile");
  await page.getByRole("combobox", { name: "Idioma" }).selectOption("en");
  await page.getByRole("button", { name: "Cambiar idioma" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The dashboard is now in English." })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" })).toBeVisible();
  expect((await sql<{ language: string }>("SELECT language FROM caregivers WHERE email = $1", [who.email]))[0].language).toBe("en");
  await expectNoA11yViolations(page);

  await page.getByRole("combobox", { name: "Language" }).selectOption("es");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "El panel está ahora en español." })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await snap(page, "es-settings-switched");
});
