import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { base, expectNoA11yViolations, expectNoEnglish, newCaregiver, signInDirectly, snap, sql } from "./fixtures";

/** Sentences the organization admin pages say in English: none of them may be left on a page in Spanish. */
const ENGLISH = [
  "Members and settings",
  "Members and roles",
  "Add a member",
  "Organization settings",
  "Save organization settings",
  "Pairing code lifetime",
  "Audit trail",
  "Ownership, leaving, deleting",
  "New organization",
  "Default for new patients",
  "Add a facility",
  "Invite someone",
  "Sent invitations",
  "No invitations yet",
  "Invited by",
  "Send invitation",
  "Send again",
  "Coming in",
  "Going out",
  "No transfers",
  "Monthly SMS cap",
  "Download CSV",
  "SMS segments",
  "Transfer ownership",
  "Leave the organization",
  "Delete the organization",
  "Show events",
  "Older events",
  "Your role",
  "Waiting",
  "Cancel",
];

/** The page's main content holds none of the English sentences (the organization's own data excepted). */
/** What a page shows after an action succeeded. */
const saved = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

/** An invitation written as lib/invitations records one, with a token the test knows (the real one exists only in the message). */
async function invitation(organizationId: string, invitedById: string, email: string) {
  const token = `elda_inv_${randomBytes(24).toString("base64url")}`;
  await sql(
    `INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by_id, expires_at, sent_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'member', $3, $4, now() + interval '7 days', now(), now())`,
    [organizationId, email, createHash("sha256").update(token).digest("hex"), invitedById],
  );
  return `/invitations/accept?token=${encodeURIComponent(token)}`;
}

/** "Noviembre de 2026": a month as the usage page heads it in Spanish. */
const monthHeading = (d: Date) => {
  const name = new Intl.DateTimeFormat("es", { month: "long", year: "numeric", timeZone: "UTC" }).format(d);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

test.describe("organization admin in Spanish", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an owner whose language is Spanish reads and uses every organization admin page in Spanish", async ({ page }) => {
    const me = await signInDirectly(page, { firstName: "Lucía" });
    await sql("UPDATE caregivers SET language = 'es' WHERE id = $1", [me.caregiverId]);
    const org = "Lucía's care circle";

    // members and settings
    await page.goto("/settings/organization");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Organización" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Secciones de la organización" });
    await expect(tabs.getByRole("link", { name: "Miembros y ajustes" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Su rol: Propietario.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Miembros y roles" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Propietarios (1)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Añadir un miembro" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Ajustes de la organización" })).toBeVisible();
    await expect(page.getByLabel("Validez del código de vinculación (minutos)")).toHaveValue("15");
    await expect(page.getByRole("button", { name: "Guardar los ajustes de la organización" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    // a rule across fields is refused in Spanish beside its field; a good change is saved
    await page.getByLabel("Alerta media tras no haber actividad durante (horas)").fill("7");
    await page.getByRole("button", { name: "Guardar los ajustes de la organización" }).click();
    await expect(page.locator('[id="field-inactivity.high_after_hours-error"]')).toContainText("Los umbrales deben aumentar");
    await page.goto("/settings/organization");
    await page.getByLabel("Proveedor del compañero").selectOption("offline");
    await page.getByRole("button", { name: "Guardar los ajustes de la organización" }).click();
    await saved(page, "Se han guardado los ajustes de la organización.");

    // facilities
    await page.goto("/settings/organization/facilities");
    await expect(page.getByRole("heading", { level: 1, name: "Centros" })).toBeVisible();
    await expect(page.getByText("Predeterminado para pacientes nuevos")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Añadir un centro" })).toBeVisible();
    await page.getByRole("button", { name: "Añadir el centro" }).click();
    await expect(page.locator("#new-facility-name-error")).toContainText("Dé un nombre al centro.");
    await page.locator("#new-facility-name").fill("Sede norte");
    await page.getByRole("button", { name: "Añadir el centro" }).click();
    await saved(page, "Se ha añadido el centro.");
    await expect(page.getByRole("heading", { name: "Sede norte" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Convertir Sede norte en el predeterminado" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    // invitations: one is sent, and listed in Spanish
    await page.goto("/settings/organization/invitations");
    await expect(page.getByRole("heading", { level: 1, name: "Invitaciones" })).toBeVisible();
    await expect(page.getByText("Aún no hay invitaciones.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Invitar a alguien" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    const to = `sam.${Date.now()}@example.test`;
    await page.locator("#invite-email").fill(to);
    await page.getByLabel("Rol", { exact: true }).selectOption("admin");
    await page.getByRole("button", { name: "Enviar la invitación" }).click();
    await saved(page, "Se ha enviado la invitación.");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: to }) });
    await expect(card).toContainText(`Invitado por Lucía Caregiver como administrador.`);
    await expect(card).toContainText("En espera");
    await expect(card).toContainText(/Enviada el \d{1,2} de [a-z]+ de \d{4} por correo electrónico/);
    await expect(card.getByRole("button", { name: `Enviar de nuevo a ${to}` })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await card.getByRole("link", { name: `Retirar la invitación a ${to}` }).click();
    await expect(page.getByRole("heading", { name: `¿Retirar la invitación a ${to}?` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sí, retirarla" })).toBeVisible();
    await expectNoA11yViolations(page);

    // transfers
    await page.goto("/settings/organization/transfers");
    await expect(page.getByRole("heading", { level: 1, name: "Traslados" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Entrantes" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Salientes" })).toBeVisible();
    await expect(page.getByText(`No hay traslados hacia ${org}.`)).toBeVisible();
    await expect(page.getByText(`No hay traslados desde ${org}.`)).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    // usage: months, numbers and percentages in Spanish
    const [{ organization_id: orgId }] = await sql<{ organization_id: string }>(
      `SELECT organization_id FROM memberships WHERE caregiver_id = $1 ORDER BY created_at LIMIT 1`,
      [me.caregiverId],
    );
    const now = new Date();
    const month = now.toISOString().slice(0, 7);
    const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    await sql(`UPDATE organizations SET settings = $2::jsonb WHERE id = $1`, [orgId, JSON.stringify({ notifications: { monthly_sms_cap: 100 } })]);
    await sql(
      `INSERT INTO organization_usage (organization_id, month, sms_segments, call_minutes, emails, model_tokens_in)
       VALUES ($1, ($2 || '-01')::date, 85, 12, 7, 123456), ($1, ($3 || '-01')::date, 40, 3, 2, 1000)`,
      [orgId, month, before.toISOString().slice(0, 7)],
    );
    await page.goto("/settings/organization/usage");
    await expect(page.getByRole("heading", { level: 1, name: "Uso" })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "Uso", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByLabel("Mes", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mostrar" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: monthHeading(now) })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Qué" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: monthHeading(before) })).toBeVisible();
    await expect(page.getByRole("row", { name: /Segmentos SMS/ }).getByRole("cell")).toHaveText(["85", "40", "+45"]);
    await expect(page.getByRole("row", { name: /Tokens del modelo de entrada/ }).getByRole("cell")).toHaveText(["123.456", "1000", "+122.456"]);
    await expect(page.getByRole("heading", { name: "Límite mensual de SMS" })).toBeVisible();
    await expect(page.getByText(/^85 de 100 segmentos SMS usados \(85\s%\)$/)).toBeVisible();
    await expect(page.getByRole("link", { name: /^Descargar el CSV de / })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await snap(page, "usage-es");
    await page.goto("/settings/organization/usage?month=2026-13");
    await expect(page.locator("#usage-month-error")).toContainText("Elija un mes, por ejemplo 2026-11.");

    // ownership, leaving and deleting
    await page.goto("/settings/organization/ownership");
    await expect(page.getByRole("heading", { level: 1, name: "Propiedad, salida y eliminación" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Transferir la propiedad" })).toBeVisible();
    await expect(page.getByText("Añada primero otro miembro: la propiedad pasa a alguien que ya está en la organización.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Salir de la organización" })).toBeVisible();
    await expect(page.getByRole("link", { name: `Salir de ${org}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Eliminar la organización" })).toBeVisible();
    await expect(page.getByLabel("Nombre de la organización")).toBeVisible();
    await expect(page.getByRole("button", { name: "Eliminar esta organización para siempre" })).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);

    // audit trail: the invitation and the facility are in it
    await page.goto("/settings/organization/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Registro de auditoría" })).toBeVisible();
    const filters = page.getByRole("form", { name: "Filtrar el registro de auditoría" });
    await expect(filters.getByLabel("Paciente")).toBeVisible();
    await expect(filters.getByLabel("Quién")).toBeVisible();
    await expect(filters.getByLabel("Desde (UTC)")).toBeVisible();
    await expect(filters.getByRole("button", { name: "Mostrar los eventos" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Cuándo (UTC)" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Lucía Caregiver" }).first()).toBeVisible();
    // what happened, in words (the code beside it, as the filter takes it)
    await expect(page.getByRole("cell", { name: /^Invitación enviada/ }).first()).toContainText("invitation.created");
    await expect(page.getByRole("cell", { name: /^Centro añadido/ }).first()).toBeVisible();
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
    await page.getByRole("link", { name: "Comprobar la cadena a prueba de manipulaciones" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^La cadena de auditoría está/ })).toBeVisible();

    // a new organization: the refusal in Spanish too
    await page.goto("/settings/organization/new");
    await expect(page.getByRole("heading", { level: 1, name: "Nueva organización" })).toBeVisible();
    await page.getByRole("button", { name: "Crear la organización" }).click();
    await expect(page.locator("#new-org-name-error")).toContainText("Dé un nombre a la organización.");
    await expectNoEnglish(page, ENGLISH);
    await expectNoA11yViolations(page);
  });

  test("the invitation link opened by a Spanish speaker is in Spanish, and so are its refusals", async ({ page, browser }) => {
    const owner = await signInDirectly(page, { firstName: "Lucía" });
    const [{ organization_id: orgId }] = await sql<{ organization_id: string }>(
      `SELECT organization_id FROM memberships WHERE caregiver_id = $1 ORDER BY created_at LIMIT 1`,
      [owner.caregiverId],
    );
    const invitee = newCaregiver("invitado");
    const link = await invitation(orgId, owner.caregiverId, invitee.email);

    // a visitor who chose Spanish (the sign-in pages' language choice keeps it in this cookie)
    const ctx = await browser.newContext();
    await ctx.addCookies([{ name: "elda_locale", value: "es", url: new URL(base()).origin }]);
    const anon = await ctx.newPage();
    await anon.goto(link);
    await expect(anon.locator("html")).toHaveAttribute("lang", "es");
    await expect(anon.getByRole("heading", { level: 1, name: "Únase a Lucía's care circle en Elda" })).toBeVisible();
    await expect(anon.getByText(`Lucía Caregiver invitó a ${invitee.email} a unirse a Lucía's care circle como miembro.`)).toBeVisible();
    await expect(anon.getByText(/^El enlace funciona una sola vez, hasta el \d{1,2} de [a-z]+ de \d{4}\.$/)).toBeVisible();
    await expect(anon.getByRole("heading", { name: "¿Es nuevo en Elda? Cree su cuenta" })).toBeVisible();
    await expect(anon.getByRole("heading", { name: "¿Ya tiene una cuenta? Inicie sesión" })).toBeVisible();
    await expect(anon.getByText(`Su cuenta usará ${invitee.email}, la dirección a la que se envió la invitación.`)).toBeVisible();
    await expectNoA11yViolations(anon);
    await snap(anon, "invitation-accept-es");

    const signUp = anon.getByRole("region", { name: /Cree su cuenta/ });
    await signUp.getByRole("button", { name: "Crear cuenta y unirse" }).click();
    await expect(anon.locator("#up-first_name-error")).toContainText("Introduzca su nombre.");
    await expectNoA11yViolations(anon);

    const signIn = anon.getByRole("region", { name: /Ya tiene una cuenta/ });
    await signIn.getByLabel("Correo electrónico").fill(`nadie.${Date.now()}@example.test`);
    await signIn.getByLabel("Contraseña", { exact: true }).fill("no es la contraseña");
    await signIn.getByRole("button", { name: "Iniciar sesión y unirse" }).click();
    await expect(anon.getByText("Correo electrónico o contraseña incorrectos.")).toBeVisible();
    await ctx.close();
  });
});
