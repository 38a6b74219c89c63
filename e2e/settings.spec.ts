import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, newCaregiver, signIn, signInDirectly, signUp, snap, sql } from "./fixtures";

const saved = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

test("settings: the sub-navigation reaches every section, each one accessible", async ({ page }) => {
  await signInDirectly(page, { firstName: "Nora" });
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/profile$/);
  const nav = page.getByRole("navigation", { name: "Settings" });
  for (const [link, heading, path] of [
    ["Profile", "Profile", "profile"],
    ["Notifications", "Notifications", "notifications"],
    ["Password", "Password", "password"],
    ["Two-factor sign-in", "Two-factor sign-in", "security"],
    ["API keys", "API keys", "api-keys"],
    ["Organization", "Organization", "organization"],
  ]) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/settings/${path}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole("link", { name: link, exact: true })).toHaveAttribute("aria-current", "page");
    await expectNoA11yViolations(page);
    await snap(page, `settings-${path}`);
  }
});

test("profile: a bad phone number is refused beside the field and changes nothing; a good one is saved", async ({ page }) => {
  const me = await signInDirectly(page, { firstName: "Nora" });
  await page.goto("/settings/profile");
  await expect(page.getByLabel("First name")).toHaveValue("Nora");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Chicago");

  await page.getByLabel("First name").fill("Eleanor");
  await page.getByLabel("Phone number").fill("555-1234");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#field-phone_number-error")).toContainText("international format");
  await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
  // what was typed stays in the form
  await expect(page.getByLabel("Phone number")).toHaveValue("555-1234");
  await expectNoA11yViolations(page);
  await snap(page, "profile-error");

  await page.goto(page.url().split("?")[0]);
  await expect(page.getByLabel("First name")).toHaveValue("Nora");
  await expect(page.getByLabel("Phone number")).toHaveValue("");
  const [row] = await sql<{ first_name: string; phone_number: string | null }>("SELECT first_name, phone_number FROM caregivers WHERE id = $1", [
    me.caregiverId,
  ]);
  expect(row).toEqual({ first_name: "Nora", phone_number: null });

  await page.getByLabel("Phone number").fill("+1 (555) 123-4567");
  await page.getByLabel("Time zone").selectOption("Europe/Madrid");
  await page.getByRole("button", { name: "Save profile" }).click();
  await saved(page, "Your profile has been saved.");
  await page.goto(page.url().split("?")[0]);
  await expect(page.getByLabel("Phone number")).toHaveValue("+15551234567");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Madrid");
  await expect(page.locator("#error-summary")).toHaveCount(0);
});

test("notifications: quiet hours, channels and threshold are saved and shown after a reload; a bad time changes nothing", async ({ page }) => {
  await signInDirectly(page);
  await page.goto("/settings/notifications");
  // the defaults until the caregiver changes them
  await expect(page.getByLabel("Quiet hours start")).toHaveValue("22:00");
  await expect(page.getByLabel("Quiet hours end")).toHaveValue("07:00");

  await page.getByLabel("Quiet hours start").fill("21:30");
  await page.getByLabel("Quiet hours end").fill("06:15");
  await page.getByLabel("Text message (SMS)").uncheck();
  await page.getByLabel("Push notification").check();
  await page.getByLabel("Alert me from this severity up").selectOption("high");
  await page.getByLabel("Daily summary time").fill("19:00");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await saved(page, "Your notification settings have been saved.");
  await expectNoA11yViolations(page);
  await snap(page, "notifications-saved");

  await page.goto(page.url().split("?")[0]);
  await expect(page.getByLabel("Quiet hours start")).toHaveValue("21:30");
  await expect(page.getByLabel("Quiet hours end")).toHaveValue("06:15");
  await expect(page.getByLabel("Text message (SMS)")).not.toBeChecked();
  await expect(page.getByLabel("Push notification")).toBeChecked();
  await expect(page.getByLabel("Email")).toBeChecked();
  await expect(page.getByLabel("Alert me from this severity up")).toHaveValue("high");
  await expect(page.getByLabel("Daily summary time")).toHaveValue("19:00");

  await page.getByLabel("Use quiet hours").uncheck();
  await page.getByLabel("Daily summary time").fill("");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.locator("#field-daily_summary_time-error")).toContainText("Use 24-hour HH:MM");
  await expectNoA11yViolations(page);
  await page.goto(page.url().split("?")[0]);
  await expect(page.getByLabel("Use quiet hours")).toBeChecked();
  await expect(page.getByLabel("Daily summary time")).toHaveValue("19:00");
});

test("password: a wrong current password is refused; a change keeps this session and ends the others", async ({ page, browser }) => {
  const me = newCaregiver("password");
  await signUp(page, me);
  await expect(page).toHaveURL(/\/patients/);

  // the same caregiver signed in elsewhere
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto("/login");
  await signIn(elsewhere, me.email, me.password);
  await expect(elsewhere).toHaveURL(/\/patients$/);

  await page.goto("/settings/password");
  await expect(page.getByText("At least 12 characters, not a common password")).toBeVisible();
  const next = "Quiet rivers carry old boats 42";
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-current_password-error")).toHaveText("Error: The current password is not correct.");
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await expectNoA11yViolations(page);
  await snap(page, "password-wrong-current");

  await page.getByLabel("Current password").fill(me.password);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill("Quiet rivers carry old boats 43");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-confirm_password-error")).toContainText("not the same");

  await page.getByLabel("Current password").fill(me.password);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-new_password-error")).toContainText("at least 12 characters");

  await page.getByLabel("Current password").fill(me.password);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await saved(page, "Your password has been changed. 1 other session was signed out.");
  await snap(page, "password-changed");

  // this browser stays signed in; the other one is signed out
  await page.goto("/settings/profile");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");
  await elsewhere.goto("/settings/profile");
  await expect(elsewhere).toHaveURL(/\/login/);
  await signIn(elsewhere, me.email, me.password);
  await expect(elsewhere.getByRole("alert", { name: "Invalid email or password." })).toBeVisible();
  await signIn(elsewhere, me.email, next);
  await expect(elsewhere).toHaveURL(/\/patients$/);
  await other.close();
});

test("API keys: a new key is shown once and works; revoking it (after confirming) stops it", async ({ page }) => {
  await signInDirectly(page);
  await page.goto("/settings/api-keys");
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.locator("#field-name-error")).toContainText("Give the key a name");

  await page.getByLabel("Key name").fill("Calendar sync");
  await page.getByLabel("Write").uncheck();
  await page.getByLabel("Expires").selectOption("90");
  await page.getByRole("button", { name: "Create API key" }).click();
  const secret = page.getByLabel("Your new API key");
  await expect(secret).toHaveValue(/^elda_key_/);
  await expect(page.getByText("this is the only time it is shown")).toBeVisible();
  const key = await secret.inputValue();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Calendar sync" }) });
  await expect(card).toContainText("Active");
  await expect(card).toContainText("Scopes: read");
  await expect(card).toContainText("Last used: never");
  await expectNoA11yViolations(page);
  await snap(page, "api-key-created");

  const me = await page.request.get("/api/v1/auth/me", { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);

  await page.goto(page.url().split("?")[0]);
  await expect(page.getByLabel("Your new API key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(card).toContainText("Last used: just now");

  await card.getByRole("button", { name: "Rotate Calendar sync" }).click();
  await expect(page.getByText("“Calendar sync” has a new key.")).toBeVisible();
  const rotated = await page.getByLabel("Your new API key").inputValue();
  expect(rotated).toMatch(/^elda_key_/);
  expect(rotated).not.toBe(key);
  // the old key keeps working through the overlap, so a program can switch over
  await expect(page.getByRole("heading", { name: "Calendar sync" })).toHaveCount(2);
  for (const k of [key, rotated]) expect((await page.request.get("/api/v1/auth/me", { headers: { authorization: `Bearer ${k}` } })).status()).toBe(200);
  await page.goto("/settings/api-keys");
  const newest = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Calendar sync" }) })
    .first();

  await newest.getByRole("link", { name: "Revoke Calendar sync" }).click();
  await expect(page.getByRole("heading", { name: "Revoke “Calendar sync”?" })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(newest).toContainText("Active");
  await newest.getByRole("link", { name: "Revoke Calendar sync" }).click();
  await page.getByRole("button", { name: "Yes, revoke this key" }).click();
  await saved(page, "The API key has been revoked.");
  await expect(newest).toContainText("Revoked");
  await expect(newest.getByRole("link", { name: /Revoke/ })).toHaveCount(0);
  const after = await page.request.get("/api/v1/auth/me", { headers: { authorization: `Bearer ${rotated}` } });
  expect(after.status()).toBe(401);
  await snap(page, "api-key-revoked");
});

test("organization: the owner invites a member, sees the settings and saves them; the last owner stays; a member reads only", async ({ page, browser }) => {
  const owner = await signInDirectly(page, { firstName: "Olive" });
  const otherContext = await browser.newContext();
  const memberPage = await otherContext.newPage();
  const member = await signInDirectly(memberPage, { firstName: "Mateo" });

  await page.goto("/settings/organization");
  await expect(page.getByText("Your role: Owner.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Organization settings" })).toBeVisible();
  await expect(page.getByLabel("Pairing code lifetime (minutes)")).toHaveValue("15");
  await expect(page.getByLabel("Companion provider")).toHaveValue("anthropic");
  await expect(page.getByLabel("Context window (recent turns)")).toHaveValue("10");

  await test.step("invite by email: unknown email refused, a real caregiver added", async () => {
    await page.getByLabel("Email address").fill(`nobody.${Date.now()}@example.test`);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.locator("#add-email-error")).toContainText("No Elda account uses this email");
    await page.getByLabel("Email address").fill(member.email);
    await page.getByLabel("Role", { exact: true }).selectOption("member");
    await page.getByRole("button", { name: "Add member" }).click();
    await saved(page, "The new member has been added.");
    await expect(page.getByRole("heading", { name: "Mateo Caregiver" })).toBeVisible();
  });

  await test.step("the last owner cannot step down", async () => {
    await page.getByLabel(`Role of ${owner.firstName} ${owner.lastName}`).selectOption("member");
    const ownerCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Olive Caregiver/ }) });
    await ownerCard.getByRole("button", { name: "Change role" }).click();
    await expect(ownerCard).toContainText("An organization needs at least one owner");
    await expectNoA11yViolations(page);
  });

  await test.step("settings: a rule across fields is refused beside the field; a good change is saved", async () => {
    await page.getByLabel("Pairing code lifetime (minutes)").fill("30");
    await page.getByLabel("Medium alert after no activity for (hours)").fill("7");
    await page.getByRole("button", { name: "Save organization settings" }).click();
    await expect(page.locator('[id="field-inactivity.high_after_hours-error"]')).toContainText("Thresholds must rise");
    await expect(page.getByLabel("Pairing code lifetime (minutes)")).toHaveValue("30");
    await snap(page, "org-settings-error");
    await page.goto(page.url().split("?")[0]);
    await expect(page.getByLabel("Pairing code lifetime (minutes)")).toHaveValue("15");

    await page.getByLabel("Pairing code lifetime (minutes)").fill("30");
    await page.getByLabel("Companion provider").selectOption("offline");
    await page.getByRole("button", { name: "Save organization settings" }).click();
    await saved(page, "The organization settings have been saved.");
    await page.goto(page.url().split("?")[0]);
    await expect(page.getByLabel("Pairing code lifetime (minutes)")).toHaveValue("30");
    await expect(page.getByLabel("Companion provider")).toHaveValue("offline");
    await expectNoA11yViolations(page);
    await snap(page, "org-owner");
  });

  await test.step("a member sees the members read-only and no settings", async () => {
    await memberPage.goto("/settings/organization");
    // the header's switcher: the current organization is the member's own until they switch
    await memberPage.getByLabel("Organization", { exact: true }).selectOption({ label: "Olive's care circle" });
    await memberPage.getByRole("button", { name: "Switch" }).click();
    await expect(memberPage.getByText("Your role: Member.")).toBeVisible();
    await expect(memberPage.getByRole("heading", { name: "Olive Caregiver" })).toBeVisible();
    await expect(memberPage.getByRole("button", { name: "Change role" })).toHaveCount(0);
    await expect(memberPage.getByRole("button", { name: "Add member" })).toHaveCount(0);
    await expect(memberPage.getByLabel("Pairing code lifetime (minutes)")).toHaveCount(0);
    await expect(memberPage.getByText("Only owners and admins can see and change the organization’s settings.")).toBeVisible();
    await expectNoA11yViolations(memberPage);
    await snap(memberPage, "org-member");
  });

  await test.step("the owner removes the member after confirming", async () => {
    await page.getByRole("link", { name: "Remove Mateo Caregiver" }).click();
    await page.getByRole("button", { name: "Yes, remove Mateo Caregiver" }).click();
    await saved(page, "The member has been removed.");
    await expect(page.getByRole("heading", { name: "Mateo Caregiver" })).toHaveCount(0);
  });
  await otherContext.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("notification settings save and refuse as plain form posts", async ({ page }) => {
    await signInDirectly(page);
    await page.goto("/settings/notifications");
    await page.getByLabel("Quiet hours start").fill("23:00");
    await page.getByRole("button", { name: "Save notification settings" }).click();
    await saved(page, "Your notification settings have been saved.");
    await page.goto("/settings/notifications");
    await expect(page.getByLabel("Quiet hours start")).toHaveValue("23:00");

    await page.goto("/settings/profile");
    await page.getByLabel("Phone number").fill("12");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.locator("#field-phone_number-error")).toContainText("international format");
  });
});
