import { expect, test } from "@playwright/test";
import { addPatientByApi, base, expectNoA11yViolations, expectNoEnglish, signInDirectly, snap, sql } from "./fixtures";

/** Sentences each patient page says in English: none of them may be left on the page in Spanish. */
const ENGLISH = [
  "Patients",
  "The people you care for",
  "Add a patient",
  "Overview",
  "Routine",
  "Conversations",
  "Notes",
  "Insights",
  "Their local time",
  "All patients",
  "Not recorded",
  "Contact and location",
  "Last sign of life",
  "Care team",
  "Consent",
  "Phone and pairing",
  "Create pairing code",
  "Edit profile",
  "Save profile",
  "About them",
  "Add a schedule",
  "Schedules",
  "No reminders today",
  "Every day",
  "Medication",
  "Notes to the companion",
  "Add a note",
  "No notes yet",
  "No conversations yet",
  "Weekly patterns",
  "Recent days",
  "Cancel",
  "You are their primary caregiver",
];

/** The page's main content holds none of the English sentences (the words of the patient's own data excepted). */
test.describe("patient pages in Spanish", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a caregiver whose language is Spanish reads every patient page in Spanish", async ({ page }) => {
    const me = await signInDirectly(page);
    await sql("UPDATE caregivers SET language = 'es' WHERE id = $1", [me.caregiverId]);
    const { id } = await addPatientByApi(page, "Rosa");
    const origin = new URL(base()).origin;
    const schedule = await page.request.post(`/api/v1/patients/${id}/schedules`, {
      headers: { origin },
      data: { type: "medication", title: "Pastillas", times_of_day: ["08:00"], recurrence: "weekly", days_of_week: [1, 3, 5] },
    });
    expect(schedule.status(), await schedule.text()).toBe(201);

    await page.goto("/patients");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Pacientes" })).toBeVisible();
    await expect(page.getByText("Usted cuida a 1 paciente.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Añadir un paciente" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto("/patients/new");
    await expect(page.getByRole("heading", { level: 1, name: "Añadir un paciente" })).toBeVisible();
    await expect(page.getByLabel("Fecha de nacimiento")).toBeVisible();
    await expect(page.getByRole("button", { name: "Añadir paciente" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto(`/patients/${id}`);
    const tabs = page.getByRole("navigation", { name: "Secciones del paciente" });
    await expect(tabs.getByRole("link", { name: "Resumen" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Usted es su cuidador principal.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Contacto y ubicación" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Equipo de cuidado" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Teléfono y vinculación" })).toBeVisible();
    await expect(page.getByText("Compartir con el equipo de cuidado").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "He hablado con Rosa" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Crear un código de vinculación" }).click();
    await expect(page.getByText(/Código de vinculación creado\. Funciona una sola vez/)).toBeVisible();
    await expect(page.getByRole("img", { name: /Código QR/ })).toBeVisible();
    await snap(page, "overview-es");

    await page.goto(`/patients/${id}/edit`);
    await expect(page.getByRole("heading", { name: "Editar el perfil" })).toBeVisible();
    await expect(page.getByLabel("Estilo de comunicación")).toBeVisible();
    await expect(page.getByRole("button", { name: "Guardar el perfil" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto(`/patients/${id}/routine`);
    await expect(page.getByRole("heading", { level: 2, name: "Rutina" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Pautas" })).toBeVisible();
    await expect(page.getByText(/Medicación · 8:00 · Cada lunes, miércoles y viernes/)).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto(`/patients/${id}/routine/new`);
    await expect(page.getByRole("heading", { name: "Añadir una pauta" })).toBeVisible();
    await expect(page.getByLabel("Miércoles")).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto(`/patients/${id}/notes`);
    await expect(page.getByRole("heading", { level: 2, name: "Notas para el compañero" })).toBeVisible();
    await expect(page.getByText(/Aún no hay notas\./)).toBeVisible();
    await page.getByLabel("Título").fill("Su jardín");
    await page.getByLabel("Nota", { exact: true }).fill("Le encanta hablar de sus rosas.");
    await page.getByRole("button", { name: "Añadir la nota" }).click();
    await expect(page.getByText("Nota añadida. El compañero la usa desde la próxima conversación.")).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto(`/patients/${id}/conversations`);
    await expect(page.getByRole("heading", { level: 2, name: "Conversaciones" })).toBeVisible();
    await expect(page.getByText("Aún no hay conversaciones.")).toBeVisible();
    await expect(page.getByLabel("Estado de ánimo")).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    await page.goto(`/patients/${id}/insights`);
    await expect(page.getByRole("heading", { name: "Patrones semanales" })).toBeVisible();
    await expect(page.getByText(/Aún no hay resúmenes diarios/)).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
  });
});
