import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, newCaregiver, signIn, signUp, snap } from "./fixtures";

const UUID = /\/patients\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test("a caregiver signs up, adds a patient, finds her, signs out and back in", async ({ page }) => {
  const me = newCaregiver("foundation");

  await test.step("the sign-up page is accessible", async () => {
    await page.goto("/register");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your caregiver account");
    await expect(page.getByText("At least 12 characters, and not a common password.")).toBeVisible();
    await expectNoA11yViolations(page);
    await snap(page, "register");
  });

  await test.step("sign up and land on an empty patient list", async () => {
    await signUp(page, me);
    await expect(page).toHaveURL(/\/patients(\?|$)/);
    await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
    await expect(page.getByText("No patients yet — add the first person you care for.")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(`Signed in as ${me.firstName} ${me.lastName}`);
    await expectNoA11yViolations(page);
    await snap(page, "patients-empty");
  });

  await test.step("add Betty Johnson and see her page", async () => {
    await page.getByRole("link", { name: "Add the first patient" }).click();
    await expect(page).toHaveURL(/\/patients\/new$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a patient");
    // the browser's zone (America/Chicago in this config) is picked for a new patient
    await expect(page.getByLabel("Time zone")).toHaveValue("America/Chicago");
    await page.getByLabel("First name").fill("Betty");
    await page.getByLabel("Last name").fill("Johnson");
    await page.getByLabel("Date of birth").fill("1945-05-15");
    await snap(page, "patient-new");
    await page.getByRole("button", { name: "Add patient" }).click();

    await expect(page).toHaveURL(UUID);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betty Johnson");
    await expect(page.getByRole("status")).toContainText("Betty Johnson has been added.");
    const profile = page.getByRole("region", { name: "Profile" });
    await expect(profile).toContainText("15 May 1945");
    await expect(page.getByRole("region", { name: "Contact and location" })).toContainText("America/Chicago");
    await expect(page.getByRole("region", { name: "Activity" })).toContainText("Last activeNever");
    await expectNoA11yViolations(page);
    await snap(page, "patient");
  });

  await test.step("back to the list, search finds her and a miss says so", async () => {
    await page.getByRole("link", { name: "All patients" }).click();
    await expect(page).toHaveURL(/\/patients$/);
    await expect(page.getByRole("link", { name: "Betty Johnson" })).toBeVisible();
    await expect(page.getByText("You care for 1 patient.")).toBeVisible();

    await page.getByRole("searchbox", { name: "Search by name" }).fill("betty");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\?q=betty$/);
    await expect(page.getByText("1 patient matches “betty”.")).toBeVisible();
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Betty Johnson" }) });
    await expect(row).toContainText("Age ");
    await expect(row).toContainText("Last active: never");
    await expect(row).toContainText("America/Chicago");
    await expectNoA11yViolations(page);
    await snap(page, "patients-search");

    await page.getByRole("searchbox", { name: "Search by name" }).fill("zzz");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?q=zzz$/);
    await expect(page.getByText("No patients match “zzz”.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Betty Johnson" })).toHaveCount(0);
    await snap(page, "patients-no-match");

    await page.getByRole("link", { name: "Show all patients" }).click();
    await expect(page.getByRole("link", { name: "Betty Johnson" })).toBeVisible();
  });

  await test.step("sign out ends the session", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login$/);
    await expectNoA11yViolations(page);
    await snap(page, "login");
  });

  await test.step("a wrong password is refused without saying whether the email exists", async () => {
    await signIn(page, me.email, "not the right password at all");
    // (Next's route announcer is an empty alert too: look for the form's own)
    const refusal = page.getByRole("alert", { name: "Invalid email or password." });
    await expect(refusal).toBeVisible();
    await expect(refusal).toBeFocused();
    await expect(page).toHaveURL(/\/login$/);
    // the email is kept, the password is not
    await expect(page.getByLabel("Email address")).toHaveValue(me.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expectNoA11yViolations(page);
    await snap(page, "login-refused");

    await signIn(page, `nobody.${Date.now()}@example.test`, "not the right password at all");
    // the same sentence, so wait for this answer (it moves focus to the summary) rather than the last one
    await expect(page.getByRole("alert", { name: "Invalid email or password." })).toBeFocused();
  });

  await test.step("sign in again and see Betty", async () => {
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/patients$/);
    await page.getByRole("link", { name: "Betty Johnson" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betty Johnson");
    await expect(page.getByRole("status")).toHaveCount(0);
  });
});

test("forms explain what to fix, next to the field", async ({ page }) => {
  const me = newCaregiver("forms");

  await test.step("sign-up refuses a short password, then a taken email", async () => {
    await signUp(page, { ...me, password: "short" });
    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-password-error")).toHaveText("Error: Use at least 12 characters.");
    await expect(password).toHaveAttribute("aria-describedby", /field-password-error/);
    // what was typed is kept, except the password
    await expect(page.getByLabel("Email address")).toHaveValue(me.email);
    await expect(page.locator("#error-summary")).toBeFocused();
    await expectNoA11yViolations(page);
    await snap(page, "register-errors");

    await signUp(page, me);
    await expect(page).toHaveURL(/\/patients/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    await signUp(page, me);
    await expect(page.locator("#field-email-error")).toContainText("An account with this email already exists.");
  });

  await test.step("the patient form names each missing field", async () => {
    await page.goto("/login");
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/patients$/);
    await page.goto("/patients/new");
    await page.getByLabel("First name").fill("Walter");
    await page.getByLabel("Phone number").fill("555-1234");
    await page.getByRole("button", { name: "Add patient" }).click();
    await expect(page.locator("#error-summary")).toBeFocused();
    await expect(page.locator("#field-last_name-error")).toHaveText("Error: Enter their last name.");
    await expect(page.locator("#field-date_of_birth-error")).toHaveText("Error: Enter their date of birth.");
    await expect(page.locator("#field-phone_number-error")).toContainText("international format");
    await expect(page.getByLabel("First name")).toHaveValue("Walter");
    await expectNoA11yViolations(page);
    await snap(page, "patient-new-errors");
  });

  await test.step("an unknown patient is a friendly not-found page", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-patient-id"]) {
      const res = await page.goto(`/patients/${id}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that patient");
    }
    await snap(page, "patient-not-found");
  });

  await test.step("signed out, the dashboard sends you to sign in", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/patients/new");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test("signing up and adding a patient work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const me = newCaregiver("nojs");
  await signUp(page, me);
  await expect(page).toHaveURL(/\/patients/);
  await expect(page.getByText("No patients yet — add the first person you care for.")).toBeVisible();
  await page.getByRole("link", { name: "Add a patient" }).click();
  await page.getByLabel("First name").fill("Walter");
  await page.getByLabel("Last name").fill("Brown");
  await page.getByRole("button", { name: "Add patient" }).click();
  // the server answers the plain form post with the same errors, next to the field
  await expect(page.locator("#field-date_of_birth-error")).toHaveText("Error: Enter their date of birth.");
  await expect(page.getByLabel("First name")).toHaveValue("Walter");
  await page.getByLabel("Last name").fill("Brown");
  await page.getByLabel("Date of birth").fill("1940-02-29");
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page).toHaveURL(UUID);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Walter Brown");
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("29 February 1940");
  await snap(page, "patient-no-js");
  await context.close();
});
