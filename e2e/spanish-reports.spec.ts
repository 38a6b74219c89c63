import { expect, test } from "@playwright/test";
import { addPatientByApi, expectNoA11yViolations, expectNoEnglish, signInDirectly, snap, sql } from "./fixtures";

/**
 * The reports in Spanish: a caregiver whose language is Spanish reads a patient's report (figures, charts with
 * their axis labels and legends, the tables behind them) and the report across all patients, with percentages
 * written the Spanish way ("80 %", a non-breaking space before the sign, as Intl writes them for `es`).
 * Same data as e2e/reports.spec.ts: 8 of 10 reminders done this month, 3 of 5 the month before.
 */

/** Sentences the reports pages say in English: none of them may be left on the page in Spanish. */
const ENGLISH = [
  "Reports",
  "At a glance",
  "Reminders done",
  "Medications taken",
  "Show as table",
  "Conversations and alerts",
  "Mood over time",
  "Active hours",
  "Alerts by type and severity",
  "Longest silences of the phone",
  "Top conversation topics",
  "Export CSV",
  "Show report",
  "Group by",
  "Last 30 days",
  "Per patient",
  "compared with",
  "No data",
  "of 10",
  "All reminders",
  "Days with activity",
  "Hour of the day",
];

test.describe("reports in Spanish", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a caregiver whose language is Spanish reads a patient's report and the report across patients in Spanish", async ({ page }) => {
    const me = await signInDirectly(page);
    await sql("UPDATE caregivers SET language = 'es' WHERE id = $1", [me.caregiverId]);
    const { id } = await addPatientByApi(page, "Rosa");

    await test.step("arrange a month of data", async () => {
      await sql(
        `INSERT INTO reminders (id, patient_id, type, title, due_at, status, updated_at)
         SELECT gen_random_uuid(), $1, 'medication', 'Pastillas', now() - make_interval(days => n) - interval '1 hour',
                (CASE WHEN n IN (3, 7, 33, 36) THEN 'missed' ELSE 'completed' END)::"ReminderStatus", now()
         FROM (SELECT generate_series(1, 10) AS n UNION ALL SELECT generate_series(32, 36)) g`,
        [id],
      );
      await sql(
        `WITH c AS (
           INSERT INTO conversations (id, patient_id, conversation_type, started_at, last_turn_at, topics, turn_count)
           SELECT gen_random_uuid(), $1, 'spontaneous', now() - make_interval(days => n), now() - make_interval(days => n), ARRAY['jardín', 'nietos'], 1
           FROM generate_series(1, 4) n RETURNING id, started_at)
         INSERT INTO conversation_turns (id, conversation_id, patient_id, sequence, patient_message, ai_response, sentiment, provider, created_at)
         SELECT gen_random_uuid(), c.id, $1, 1, 'Ya salieron las rosas', '¡Qué bien!', 'positive', 'test', c.started_at FROM c`,
        [id],
      );
      await sql(
        `INSERT INTO alerts (id, patient_id, type, severity, status, title, description, source, dedup_key, created_at, acknowledged_at, first_occurred_at, last_occurred_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'missed_medication', 'medium', 'acknowledged', 'Medicación no tomada', 'd', 'test', 'e2e-es', now() - interval '3 days', now() - interval '3 days' + interval '25 minutes', now() - interval '3 days', now() - interval '3 days', now())`,
        [id],
      );
      await sql(
        `INSERT INTO activity_logs (id, patient_id, activity_type, occurred_at)
         SELECT gen_random_uuid(), $1, 'heartbeat', now() - make_interval(mins => n * 20) FROM generate_series(1, 500) n`,
        [id],
      );
    });

    await test.step("the patient's report: figures, charts and tables in Spanish", async () => {
      await page.goto(`/patients/${id}/reports`);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page).toHaveTitle(/Informes/);
      await expect(page.getByRole("heading", { level: 2, name: "Informes" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "De un vistazo" })).toBeVisible();
      await expect(
        page.getByText(/^Periodo: del \d+ de \S+ de \d{4} al \d+ de \S+ de \d{4}, en la zona horaria del paciente \(America\/Chicago\)/),
      ).toBeVisible();
      // 8 of 10: a Spanish percentage (Intl writes "80 %" with a non-breaking space)
      await expect(
        page
          .getByRole("definition")
          .filter({ hasText: /^80\s%$/ })
          .first(),
      ).toBeVisible();
      await expect(page.getByText("8 de 10").first()).toBeVisible();
      await expect(page.getByText("Sube 20 puntos en comparación con los 30 días anteriores").first()).toBeVisible();
      await expect(page.getByText("Estado de ánimo: Mayormente positivo")).toBeVisible();
      await expect(page.getByRole("link", { name: "Exportar CSV" })).toBeVisible();

      // the range form
      const form = page.getByRole("form", { name: "Elija las fechas del informe" });
      await expect(form.getByLabel("Periodo", { exact: true })).toHaveValue("30");
      await expect(form.getByRole("option", { name: "Últimos 30 días" })).toBeAttached();
      await expect(form.getByLabel("Agrupar por")).toBeVisible();
      await expect(form.getByRole("button", { name: "Ver informe" })).toBeVisible();

      // a chart: its axis label, its legend and its percentages in Spanish; then the same numbers as a table
      const adherence = page.getByRole("region", { name: "Recordatorios cumplidos", exact: true });
      await expect(adherence.getByText("Parte de los recordatorios previstos que se cumplieron, por día (porcentaje).")).toBeVisible();
      await expect(adherence.locator(".recharts-surface").first()).toBeVisible();
      await expect(adherence.locator(".recharts-label").filter({ hasText: "Cumplidos (%)" })).toHaveCount(1);
      await expect(adherence.locator(".recharts-legend-wrapper")).toContainText("Todos los recordatorios");
      await expect(adherence.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /^100\s%$/ })).toHaveCount(1);
      await adherence.getByText("Ver como tabla").click();
      const table = adherence.getByRole("table", { name: "Recordatorios cumplidos por periodo" });
      await expect(table).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Día", exact: true })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Todos los recordatorios" })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Medicamentos" })).toBeVisible();
      await expect(table.getByRole("row")).toHaveCount(31);
      await expect(table.getByText(/^100\s%\s\(1 de 1\)$/).first()).toBeVisible();
      await expect(table.getByText(/^Sin datos \(ninguno previsto\)$/).first()).toBeVisible();

      const hours = page.getByRole("region", { name: "Horas de actividad" });
      await expect(hours.locator(".recharts-label").filter({ hasText: "Hora del día" })).toHaveCount(1);

      await expect(page.getByRole("heading", { level: 3, name: "Estado de ánimo a lo largo del tiempo" })).toBeVisible();
      const kinds = page.getByRole("table", { name: "Alertas por tipo y gravedad" });
      await expect(kinds.getByRole("columnheader", { name: "Gravedad" })).toBeVisible();
      await expect(kinds.getByRole("row", { name: /Medicación no tomada Media 1/ })).toBeVisible();
      await expect(page.getByRole("table", { name: "Temas de conversación más frecuentes" }).getByRole("row", { name: /jardín 4/ })).toBeVisible();
      await expect(page.getByRole("heading", { level: 3, name: "Silencios más largos del teléfono" })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "patient-report-es");
    });

    await test.step("a range the form refuses is explained in Spanish", async () => {
      await page.getByLabel("Periodo", { exact: true }).selectOption("custom");
      await page.getByLabel("Desde (personalizado)").fill("2026-05-01");
      await page.getByLabel("Hasta (personalizado)").fill("2026-04-01");
      await page.getByRole("button", { name: "Ver informe" }).click();
      await expect(page.getByText("El final del periodo debe ser igual o posterior a su inicio.")).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: "No se ha podido mostrar ese periodo." })).toContainText(
        "Se muestran los últimos 30 días en su lugar.",
      );
      await expectNoA11yViolations(page);
    });

    await test.step("the report across all patients in Spanish", async () => {
      await page.goto("/reports");
      await expect(page).toHaveTitle(/Informes/);
      await expect(page.getByRole("heading", { level: 1, name: "Informes" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "En 1 paciente" })).toBeVisible();
      await expect(
        page.getByText(/^Todas las personas que usted cuida, del .+, cada una en su propia zona horaria, en comparación con los 30 días anteriores\.$/),
      ).toBeVisible();
      await expect(page.getByRole("term").filter({ hasText: "Alertas abiertas ahora" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: "Por paciente" })).toBeVisible();
      const table = page.getByRole("table", { name: "Estadísticas por paciente" });
      await expect(table.getByRole("columnheader", { name: "Paciente" })).toBeVisible();
      await expect(table.getByRole("columnheader", { name: "Cambio" })).toBeVisible();
      const row = table.getByRole("row", { name: /Rosa Johnson/ });
      await expect(row).toContainText(/80\s%\s\(8 de 10\)/);
      await expect(row).toContainText("Sube 20 puntos en comparación con los 30 días anteriores");
      await expect(
        page.getByText("Las cifras cuentan lo previsto hasta ahora; los recordatorios que el equipo de cuidado omitió no se tienen en cuenta."),
      ).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "all-reports-es");
    });
  });
});
