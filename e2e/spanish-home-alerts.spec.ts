import { expect, test } from "@playwright/test";
import { addPatientByApi, base, expectNoA11yViolations, expectNoEnglish, pairPhone, signInDirectly, snap, sql } from "./fixtures";

/**
 * Words the home page and the alert pages say in English: none of them may be left on the page in Spanish.
 * (The alert's own title, description and recommended action are stored in English and shown in Spanish,
 * composed from the rule that fired: e2e/spanish-alert-content.spec.ts.)
 */
const ENGLISH = [
  "At a glance",
  "Open alerts",
  "Your patients",
  "Phone",
  "Online",
  "Last seen",
  "Nothing due yet",
  "Mood",
  "No conversations yet",
  "Next reminder",
  "None scheduled",
  "This page updates by itself",
  "All alerts",
  "Alerts",
  "Status",
  "Severity",
  "Any type",
  "Show alerts",
  "Acknowledge",
  "Acknowledge selected",
  "Resolve",
  "with a note",
  "raised",
  "Critical",
  "Open",
  "Details",
  "Evidence",
  "Emergency button",
  "Battery level",
  "Timeline",
  "Notes",
  "Add a note",
  "Delivery log",
  "Escalation",
  "Not yet",
  "What to do",
  "What will you do",
];

/** The page's main content holds none of the English words (the alert's stored text excepted, see above). */
const heartbeat = { activity_type: "heartbeat", device_type: "android", app_version: "2.4.0", battery_level: 80, details: {} };
/** the alert's title in Spanish (stored in English: lib/alerts/alert-text.ts) */
const TITLE = "Rosa Johnson pulsó el botón de emergencia";

test.describe("home and alerts in Spanish", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a caregiver whose language is Spanish reads the home page and the alert pages in Spanish", async ({ page, playwright }) => {
    const me = await signInDirectly(page);
    await sql("UPDATE caregivers SET language = 'es' WHERE id = $1", [me.caregiverId]);
    const phone = await playwright.request.newContext({ baseURL: base() });
    const { id } = await addPatientByApi(page, "Rosa");
    const beat = await pairPhone(page, phone, id);
    await beat(heartbeat);
    // the emergency button: an open, critical alert (raised during the request)
    await beat({ ...heartbeat, activity_type: "emergency" });

    await test.step("home", async () => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page).toHaveTitle(/Inicio/);
      await expect(page.getByRole("heading", { level: 1, name: "De un vistazo" })).toBeVisible();
      await expect(page.getByText("Cómo están ahora mismo todas las personas que usted cuida.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: /^Alertas abiertas/ })).toBeVisible();
      const alerts = page.getByRole("list", { name: "Alertas abiertas, las más graves primero" });
      await expect(alerts.getByRole("link", { name: TITLE })).toBeVisible();
      await expect(alerts.getByRole("listitem").first()).toContainText("Crítica");
      await expect(alerts.getByRole("listitem").first()).toContainText("Emergencia");
      await expect(page.getByRole("link", { name: "Todas las alertas en la bandeja de entrada" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: /^Sus pacientes/ })).toBeVisible();
      const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Rosa Johnson", exact: true }) });
      await expect(card).toContainText("Alerta urgente");
      await expect(card).toContainText(/Teléfono\W*En línea/);
      await expect(card).toContainText(/Alertas abiertas\s*1 crítica/);
      await expect(card).toContainText(/Hoy\s*Aún no toca nada/);
      await expect(card).toContainText(/Ánimo\s*Aún no hay conversaciones/);
      await expect(card).toContainText(/Próximo recordatorio\s*Ninguno programado/);
      await expect(page.getByText("1 de 1 paciente necesita atención.", { exact: false })).toBeVisible();
      await expect(page.getByText("Esta página se actualiza sola cada pocos segundos.")).toBeVisible();
      await expect(page.getByText("Elda · La información de los pacientes es privada. Compártala solo con el equipo de cuidado.")).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "home-es");
    });

    await test.step("the inbox, with its filters", async () => {
      await page.getByRole("link", { name: "Todas las alertas en la bandeja de entrada" }).click();
      await expect(page).toHaveURL(/\/alerts$/);
      await expect(page).toHaveTitle(/Alertas/);
      await expect(page.getByRole("heading", { level: 1, name: "Alertas" })).toBeVisible();
      await expect(page.getByText("Todo lo que Elda ha detectado sobre las personas que usted cuida.")).toBeVisible();
      await expect(page.getByRole("search", { name: "Filtrar alertas" })).toBeVisible();
      await expect(page.getByLabel("Estado", { exact: true })).toHaveValue("open");
      await expect(page.getByLabel("Tipo", { exact: true })).toBeVisible();
      await expect(page.getByLabel("Paciente", { exact: true })).toBeVisible();
      await expect(page.getByText("1 alerta coincide.")).toBeVisible();
      const item = page.getByRole("listitem", { name: TITLE });
      await expect(item).toContainText("Crítica");
      await expect(item).toContainText("Abierta");
      await expect(item).toContainText("Emergencia");
      await expect(item).toContainText("creada");
      await expect(item.getByRole("button", { name: "Atender", exact: true })).toBeVisible();
      await expect(item.locator("summary")).toHaveText(`Resolver «${TITLE}» con una nota`);
      await expect(page.getByRole("checkbox", { name: `Seleccionar «${TITLE}» de Rosa Johnson` })).toBeVisible();
      await expect(page.getByRole("button", { name: "Atender las seleccionadas" })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "inbox-es");

      await page.getByLabel("Gravedad", { exact: true }).selectOption("low");
      await page.getByRole("button", { name: "Mostrar alertas" }).click();
      await expect(page).toHaveURL(/severity=low/);
      await expect(page.getByText("Ninguna alerta coincide con estos filtros.")).toBeVisible();
      await expect(page.getByText("Ninguna alerta coincide.")).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await page.getByRole("link", { name: "Quitar los filtros" }).click();
      await expect(page.getByText("1 alerta coincide.")).toBeVisible();
    });

    await test.step("the patient's Alerts tab", async () => {
      await page.goto(`/patients/${id}/alerts`);
      await expect(page).toHaveTitle(/Alertas del paciente/);
      await expect(page.getByRole("heading", { level: 2, name: "Alertas", exact: true })).toBeVisible();
      await expect(page.getByRole("search", { name: "Filtrar alertas" })).toBeVisible();
      await expect(page.getByText("1 alerta coincide.")).toBeVisible();
      await expect(page.getByRole("listitem", { name: TITLE }).getByRole("button", { name: "Atender", exact: true })).toBeVisible();
      await expect(page.getByRole("checkbox", { name: `Seleccionar «${TITLE}»` })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
    });

    await test.step("the alert's page: acknowledge, a note, a resolution", async () => {
      await page.getByRole("link", { name: TITLE }).click();
      await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
      await expect(page).toHaveTitle(/Alerta/);
      await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
      await expect(page.getByRole("link", { name: "Todas las alertas" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "¿Qué va a hacer?" })).toBeVisible();
      await expect(page.getByText("Detiene el aviso escalonado, así no se avisa a nadie más.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Detalles", exact: true })).toContainText("Creada por primera vez");
      await expect(page.getByRole("region", { name: "Pruebas", exact: true })).toContainText("Botón de emergencia");
      await expect(page.getByRole("region", { name: "Pruebas", exact: true })).toContainText("Nivel de batería");
      await expect(page.getByRole("region", { name: "Historial", exact: true })).toContainText("Creada por Elda");
      await expect(page.getByRole("region", { name: "Notas", exact: true })).toContainText("Aún no hay notas.");
      await expect(page.getByRole("heading", { name: "Registro de avisos" })).toBeVisible();
      await expect(page.getByLabel("Resolver con una nota")).toBeVisible();
      await expect(page.getByLabel("Añadir una nota")).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
      await snap(page, "alert-es");

      await page.getByRole("button", { name: "Atender: yo me encargo" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Alerta atendida." })).toBeVisible();
      await expect(page.getByText("Estado: Atendida", { exact: true })).toBeVisible();
      await expect(page.getByRole("region", { name: "Historial", exact: true })).toContainText("Atendida por usted");
      await expect(page.getByRole("region", { name: "Detalles", exact: true })).toContainText("mediante el panel");

      await page.getByLabel("Añadir una nota").fill("He llamado a Rosa: está bien.");
      await page.getByRole("button", { name: "Añadir la nota" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Nota añadida al historial de la alerta." })).toBeVisible();
      await expect(page.getByRole("region", { name: "Notas", exact: true })).toContainText("He llamado a Rosa: está bien.");
      await expect(page.getByRole("region", { name: "Notas", exact: true })).toContainText("Usted");

      // resolving needs a note: refused beside the field, in Spanish
      await page.getByLabel("Resolver con una nota").fill("   ");
      await page.getByRole("button", { name: "Resolver la alerta" }).click();
      await expect(page.getByLabel("Resolver con una nota")).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByLabel("Resolver con una nota")).toHaveAccessibleDescription(/Indique cómo se resolvió\./);
      await page.getByLabel("Resolver con una nota").fill("Fui a verla; no se hizo daño.");
      await page.getByRole("button", { name: "Resolver la alerta" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Alerta resuelta." })).toBeVisible();
      await expect(page.getByText("Estado: Resuelta", { exact: true })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);
    });

    await test.step("nothing open any more: the empty states", async () => {
      await page.goto(`/patients/${id}/alerts`);
      await expect(page.getByText(/No hay alertas abiertas de Rosa/)).toBeVisible();
      await expect(page.getByText("Ninguna alerta coincide.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Ver todas las alertas" })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);
      await expectNoA11yViolations(page);

      await page.goto("/alerts");
      await expect(page.getByText("No hay alertas abiertas. Todos están bien, hasta donde Elda sabe.")).toBeVisible();
      await expect(page.getByRole("link", { name: "vea todas las alertas" })).toBeVisible();
      await expectNoEnglish(page, ENGLISH);

      const res = await page.goto("/alerts/00000000-0000-4000-8000-000000000000");
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "No hemos encontrado esa alerta" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Volver a sus alertas" })).toBeVisible();
      await expectNoA11yViolations(page);
    });
  });
});
