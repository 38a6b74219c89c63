import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, signInDirectly, snap, sql } from "./fixtures";

/** Adds a patient through the dashboard's form; returns the overview's path. */
async function addPatient(page: Page, first = "Betty", last = "Johnson") {
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill(first);
  await page.getByLabel("Last name").fill(last);
  await page.getByLabel("Date of birth").fill("1945-05-15");
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${first} ${last}` })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe("patient pages", () => {
  // dev servers compile each page on first visit: these journeys visit many
  test.describe.configure({ timeout: 150_000 });
  test("overview: header, tabs, pairing code, profile edit, care team", async ({ page }) => {
    await signInDirectly(page);
    const base = await addPatient(page);
    const tabs = page.getByRole("navigation", { name: "Patient sections" });
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText(/Age \d+ · Their local time/)).toBeVisible();
    await expectNoA11yViolations(page);

    // pairing: the code is shown as text (and as a QR code) once
    await page.getByRole("button", { name: "Create pairing code" }).click();
    const code = page.getByRole("status").getByLabel("Pairing code");
    await expect(code).toHaveText(/^[A-Za-z0-9_-]{20,}$/);
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expect(page.getByText(/expires at/)).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "overview-pairing");

    // profile edit: a bad phone number is refused next to the field, then a good one is saved
    await page.getByRole("link", { name: "Edit profile" }).click();
    await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("Phone number").fill("12");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText(/Use international format/).first()).toBeVisible();
    await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Phone number").fill("+15551234567");
    await page.getByLabel("Medications").fill("Metformin 500 mg\nLisinopril 10 mg");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
    await expect(page.getByText("Metformin 500 mg, Lisinopril 10 mg")).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(base);

    // the whole profile: how the companion talks with them, what it knows, their own inactivity hours, AI settings
    await page.getByRole("link", { name: "Edit profile" }).click();
    await page.getByLabel("Language").fill("english");
    await page.getByLabel("High alert after (hours)").fill("30");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByLabel("Language")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("High alert after (hours)")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Language").fill("es-MX");
    await page.getByLabel("Communication style").selectOption("formal");
    await page.getByLabel("Voice").selectOption("male");
    await page.getByLabel("Hobbies and interests").fill("Gardening\nBaking");
    await page.getByLabel("Grandchildren").fill("Emma");
    await page.getByLabel("Life story").fill("Grew up on a farm in Iowa; taught school for 35 years.");
    await page.getByLabel("High alert after (hours)").fill("5");
    await page.getByLabel("Conversation turns the companion remembers").fill("12");
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
    await expect(page.getByText("Gardening, Baking")).toBeVisible();
    await expect(page.getByText("Formal, male voice")).toBeVisible();
    await page.getByRole("link", { name: "Edit profile" }).click();
    await expect(page.getByLabel("Life story")).toHaveValue("Grew up on a farm in Iowa; taught school for 35 years.");
    await expect(page.getByLabel("High alert after (hours)")).toHaveValue("5");
    await expect(page.getByLabel("Critical alert after (hours)")).toHaveValue("");
    await page.getByRole("link", { name: "Cancel" }).click();

    // care team: someone not yet in the organization is sent an invitation (whether or not they have an account)
    await page.getByLabel("Email address").fill("nobody.here@example.test");
    await page.getByRole("button", { name: "Add to care team" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Invitation sent. They join the care team once they accept it." })).toBeVisible();
  });

  test("overview: consent per kind (not recorded yet, and what that counts as), a change recorded and audited", async ({ page }) => {
    await signInDirectly(page);
    const base = await addPatient(page, "Clara");
    const panel = page.getByRole("region", { name: "Consent" });
    const row = (title: string) => panel.getByRole("listitem").filter({ hasText: title });
    await expect(row("Voice companion")).toContainText("Not recorded yet");
    await expect(row("Voice companion")).toContainText("counts as given");
    await expect(row("Text messages to their own phone")).toContainText("counts as refused");
    await expectNoA11yViolations(page);

    await panel.getByLabel("Consent", { exact: true }).selectOption("ai_companion");
    await panel.getByLabel("Decision").selectOption("false");
    await panel.getByLabel("Given by").selectOption("patient");
    await panel.getByLabel("Note").fill("Said on the phone she would rather not talk to a machine.");
    await panel.getByRole("button", { name: "Record consent" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Consent recorded." })).toBeVisible();
    await expect(row("Voice companion")).toContainText("Refused");
    await expect(row("Voice companion")).toContainText("rather not talk to a machine");
    await expectNoA11yViolations(page);
    await snap(page, "overview-consent");
    const patientId = base.split("/")[2];
    const audit = await sql<{ action: string }>("SELECT action FROM audit_events WHERE patient_id = $1 AND action = 'consent.recorded'", [patientId]);
    expect(audit).toHaveLength(1);
  });

  test("routine: a schedule through the form (a bad time first), pause and resume, today's reminders", async ({ page }) => {
    await signInDirectly(page);
    const base = await addPatient(page, "Walter", "Brown");
    await page.getByRole("navigation", { name: "Patient sections" }).getByRole("link", { name: "Routine" }).click();
    await expect(page.getByRole("link", { name: "Routine" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("No schedules yet.")).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole("link", { name: "Add a schedule" }).click();
    await page.getByLabel("Type").selectOption("medication");
    await page.getByLabel("Title").fill("Morning pills");
    await page.getByLabel("Dosage").fill("500 mg");
    await page.getByLabel("Time", { exact: true }).fill("25:00");
    await page.getByRole("button", { name: "Add schedule" }).click();
    await expect(page.getByRole("alert").getByText("Some fields need your attention.")).toBeVisible();
    await expect(page.getByText("Use 24-hour HH:MM, e.g. 07:30.").last()).toBeVisible();
    await expect(page.getByLabel("Time", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Title")).toHaveValue("Morning pills");
    await expectNoA11yViolations(page);
    await snap(page, "routine-field-error");

    await page.getByLabel("Time", { exact: true }).fill("08:00, 20:00");
    await page.getByLabel("Repeats").selectOption("weekly");
    await page.getByLabel("Monday").check();
    await page.getByLabel("Friday").check();
    await page.getByRole("button", { name: "Add schedule" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Schedule added." })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(`${base}/routine`);
    const item = page.getByRole("listitem").filter({ hasText: "Morning pills" });
    await expect(item).toContainText("8:00 AM, 8:00 PM");
    await expect(item).toContainText("Every Monday and Friday");
    await expect(item).toContainText("Active");

    await item.getByRole("button", { name: "Pause Morning pills" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Schedule paused." })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Morning pills" })).toContainText("Paused");
    await page.getByRole("button", { name: "Resume Morning pills" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Schedule resumed." })).toBeVisible();

    // edit: every other day instead
    await page.getByRole("link", { name: "Edit Morning pills" }).click();
    await page.getByLabel("Repeats").selectOption("interval");
    await page.getByLabel("Every how many days").fill("2");
    await page.getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Schedule saved." })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Morning pills" })).toContainText("Every 2 days");
    await expectNoA11yViolations(page);
    await snap(page, "routine");
  });

  test("notes, conversations, insights: empty states, a note added, edited and deleted; axe on every tab", async ({ page }) => {
    await signInDirectly(page);
    const base = await addPatient(page, "Rose", "Lee");
    const tabs = page.getByRole("navigation", { name: "Patient sections" });

    await tabs.getByRole("link", { name: "Conversations" }).click();
    await expect(tabs.getByRole("link", { name: "Conversations" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("No conversations yet.")).toBeVisible();
    await expectNoA11yViolations(page);
    // a filter the schema refuses is explained next to its field
    await page.getByLabel("Words said").fill("x");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("Search with 2 to 100 characters.")).toBeVisible();
    await snap(page, "conversations-empty");

    await tabs.getByRole("link", { name: "Notes" }).click();
    await expect(page.getByText("No notes yet.")).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Title").fill("Her garden");
    await page.getByLabel("Note", { exact: true }).fill("She grows tomatoes and loves to talk about them.");
    await page.getByLabel("Category").selectOption("preferences");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Note added." })).toBeVisible();
    const note = page.getByRole("list", { name: "Notes" }).getByRole("listitem").first();
    await expect(note).toContainText("She grows tomatoes");
    await expect(note).toContainText("Likes and dislikes");
    await note.getByRole("link", { name: "Edit Her garden" }).click();
    // the list page has the add-note form with the same box: wait for the edit page before ticking it
    await expect(page.getByRole("heading", { name: "Edit note" })).toBeVisible();
    await page.getByLabel(/Important/).check();
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Note saved." })).toBeVisible();
    await expect(note).toContainText("Important");
    await expectNoA11yViolations(page);
    await snap(page, "notes");
    // deleting asks first (a step of its own, so it works without script), in red
    await page.getByRole("link", { name: "Delete Her garden" }).click();
    await expect(page.getByRole("heading", { name: "Delete “Her garden”?" })).toBeVisible();
    await expect(note).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Yes, delete this note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Note deleted." })).toBeVisible();
    await expect(page.getByText("No notes yet.")).toBeVisible();

    await tabs.getByRole("link", { name: "Insights" }).click();
    await expect(page.getByText("No weekly insights yet.")).toBeVisible();
    await expect(page.getByText("No daily summaries yet.")).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "insights-empty");

    // someone else's (or no) patient: 404 on every tab, and nothing of theirs on the page
    for (const tab of ["", "/routine", "/conversations", "/notes", "/insights"]) {
      const missing = await page.goto(base.replace(/[0-9a-f]{4}$/, "0000") + tab);
      expect(missing?.status(), tab).toBe(404);
      await expect(page.getByText("Rose Lee")).toHaveCount(0);
    }
  });

  test("today's reminders: the caregiver marks one done, skips one, and marks a missed dose done late; a viewer only reads", async ({ page, browser }) => {
    const me = await signInDirectly(page);
    const base = await addPatient(page, "Ida", "Moreno");
    const patientId = base.split("/")[2];
    // three instances due earlier today in her zone (never before its midnight, even just after it): as the reminder generator would have made them
    await sql(
      `INSERT INTO reminders (id, patient_id, type, title, due_at, status, missed_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, 'medication', t.title,
              greatest(now() - t.ago * interval '1 minute', date_trunc('day', now() AT TIME ZONE 'America/Chicago') AT TIME ZONE 'America/Chicago'),
              t.status::"ReminderStatus",
              CASE WHEN t.status = 'missed' THEN now() END, now()
       FROM (VALUES ('Vitamin D', 'pending', 1), ('Evening walk', 'pending', 2), ('Metformin', 'missed', 40)) AS t(title, status, ago)`,
      [patientId],
    );
    await page.goto(`${base}/routine`);
    await page.getByRole("button", { name: "Mark done Vitamin D" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reminder marked done." })).toBeVisible();
    await page.getByRole("button", { name: "Skip Evening walk" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reminder skipped." })).toBeVisible();
    // a missed dose cannot be skipped any more, but can be marked done late
    await expect(page.getByRole("button", { name: "Skip Metformin" })).toHaveCount(0);
    await page.getByRole("button", { name: "Mark done late Metformin" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Reminder marked done." })).toBeVisible();
    const rows = await sql<{ title: string; status: string; completed_by_id: string | null }>(
      `SELECT title, status::text, completed_by_id FROM reminders WHERE patient_id = $1::uuid ORDER BY title`,
      [patientId],
    );
    expect(rows).toEqual([
      { title: "Evening walk", status: "skipped", completed_by_id: null },
      { title: "Metformin", status: "completed", completed_by_id: me.caregiverId },
      { title: "Vitamin D", status: "completed", completed_by_id: me.caregiverId },
    ]);
    await expectNoA11yViolations(page);

    // a viewer on her care team sees the routine but no buttons that change it
    const viewerPage = await (await browser.newContext()).newPage();
    const viewer = await signInDirectly(viewerPage, { firstName: "Vic" });
    await sql(
      `INSERT INTO care_team_members (id, patient_id, caregiver_id, standing, contact_order, updated_at) VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'viewer', 5, now())`,
      [patientId, viewer.caregiverId],
    );
    await viewerPage.goto(`${base}/routine`);
    await expect(viewerPage.getByText("Vitamin D").first()).toBeVisible();
    await expect(viewerPage.getByRole("button", { name: /Mark done|Skip|Pause/ })).toHaveCount(0);
    await expect(viewerPage.getByRole("link", { name: "Add a schedule" })).toHaveCount(0);
  });
});
