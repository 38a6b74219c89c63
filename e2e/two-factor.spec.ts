import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectNoA11yViolations, newCaregiver, signIn, signInDirectly, signUp, snap, sql } from "./fixtures";

/**
 * What an authenticator app shows for this key now, or one 30-second step ahead (`ahead`): a code is accepted
 * once, so the sign-in after enrolment uses the next step's code (one step of drift is allowed).
 */
const codeFor = (secret: string, ahead = false) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + (ahead ? 30_000 : 0) });

const codeStep = (page: Page) => expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?signed_out=1/);
}

/** Type a code at the code step (ticking "remember this device" if asked). */
async function enterCode(page: Page, code: string, remember = false) {
  await page.getByLabel("Code", { exact: true }).fill(code);
  if (remember) await page.getByLabel("Remember this device for 30 days").check();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Sign out, then sign in again up to the code step. */
async function againToCodeStep(page: Page, who: { email: string; password: string }) {
  await signOut(page);
  await signIn(page, who.email, who.password);
  await codeStep(page);
}

test("two-factor: enrol with a code from the key shown, sign in with a code, with a recovery code once, and on a remembered device", async ({ page }) => {
  test.setTimeout(120_000);
  const who = newCaregiver("totp");
  await signUp(page, who);
  await expect(page).toHaveURL(/\/patients/);

  await page.goto("/settings/security");
  await expect(page.getByText("Two-factor sign-in is off.")).toBeVisible();
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectNoA11yViolations(page);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // a wrong code changes nothing
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.locator("#field-code-error")).toContainText("not right");
  await expectNoA11yViolations(page);
  expect((await sql<{ totp_enabled: boolean }>("SELECT totp_enabled FROM caregivers WHERE email = $1", [who.email]))[0].totp_enabled).toBe(false);

  await page.getByLabel("Code from the app").fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = await codes.allTextContents();
  await expectNoA11yViolations(page);
  await snap(page, "two-factor-recovery-codes");
  await page.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await expect(page).toHaveURL(/\/patients$/);
  // the key is never shown again
  await page.goto("/two-factor/setup");
  await expect(page).toHaveURL(/\/settings\/security$/);
  await expect(page.getByText("Two-factor sign-in is on")).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // sign in with a code from the app
  await againToCodeStep(page, who);
  await expectNoA11yViolations(page);
  await snap(page, "two-factor-code-step");
  await enterCode(page, "123456");
  await expect(page.locator("#field-code-error")).toContainText("not right");
  await enterCode(page, codeFor(secret, true));
  await expect(page).toHaveURL(/\/patients$/);

  // a recovery code works once
  await againToCodeStep(page, who);
  await enterCode(page, recovery[0]);
  await expect(page).toHaveURL(/\/patients$/);
  await againToCodeStep(page, who);
  await enterCode(page, recovery[0]);
  await expect(page.locator("#field-code-error")).toContainText("already used");
  await expectNoA11yViolations(page);

  // "remember this device": the next sign-in asks for the password only
  await enterCode(page, recovery[1], true);
  await expect(page).toHaveURL(/\/patients$/);
  await signOut(page);
  await signIn(page, who.email, who.password);
  await expect(page).toHaveURL(/\/patients$/);
  const audit = await sql<{ action: string }>(
    "SELECT action FROM audit_events WHERE target_id = (SELECT id::text FROM caregivers WHERE email = $1) AND action LIKE 'auth.%' ORDER BY created_at",
    [who.email],
  );
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["auth.two_factor_enabled", "auth.recovery_code_used", "auth.login_failed"]));
});

test("an organization that requires two-factor sends its members to set it up before anything else", async ({ page }) => {
  const me = await signInDirectly(page, { firstName: "Olive" });
  await page.goto("/settings/organization");
  await page.getByLabel("Two-factor sign-in").selectOption("required");
  await page.getByRole("button", { name: "Save organization settings" }).click();
  // the very next page is the set-up
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  await expect(page.getByText("Your organization requires two-factor sign-in.")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto("/alerts");
  await expect(page).toHaveURL(/\/two-factor\/setup$/);
  const [org] = await sql<{ settings: { security?: { two_factor?: string } } }>(
    "SELECT o.settings FROM organizations o JOIN memberships m ON m.organization_id = o.id WHERE m.caregiver_id = $1",
    [me.caregiverId],
  );
  expect(org.settings.security?.two_factor).toBe("required");
});

test(
  "idle logoff: with a 1-minute idle time the dashboard warns, and the home page's polling does not keep the session",
  { tag: "@waits" },
  async ({ page }) => {
    test.setTimeout(150_000);
    const me = await signInDirectly(page, { firstName: "Ida" });
    await page.goto("/settings/organization");
    await page.getByLabel("Sign out of the dashboard after no activity for (minutes)").fill("1");
    await page.getByRole("button", { name: "Save organization settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();

    // the home page polls the API every 10 seconds; nobody touches anything
    await page.goto("/");
    const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("button", { name: "Stay signed in" })).toBeFocused();
    await expectNoA11yViolations(page);
    await snap(page, "idle-warning");
    await expect(page).toHaveURL(/\/login\?timed_out=1/, { timeout: 90_000 });
    await expect(page.getByText("You were signed out after a while without activity.")).toBeVisible();
    await expectNoA11yViolations(page);
    const [s] = await sql<{ revoked_reason: string | null }>("SELECT revoked_reason FROM sessions WHERE id = $1", [me.sessionId]);
    expect(s.revoked_reason).toBe("idle_timeout");
    // the old cookie opens nothing
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login/);
  },
);
