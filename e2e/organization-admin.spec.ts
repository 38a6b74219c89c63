import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, newCaregiver, signInDirectly, signUp, snap, sql } from "./fixtures";

/** What a page shows after an action succeeded. */
const saved = (page: Page, text: string) => expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

/** An invitation written as lib/invitations records one, with a token the test knows (the real one exists only in the message). */
async function invitation(organizationId: string, invitedById: string, to: { email?: string; phone?: string }, expiresInDays = 7) {
  const token = `elda_inv_${randomBytes(24).toString("base64url")}`;
  await sql(
    `INSERT INTO invitations (id, organization_id, email, phone_number, role, token_hash, invited_by_id, expires_at, sent_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, 'member', $4, $5, now() + make_interval(days => $6), now(), now())`,
    [organizationId, to.email ?? null, to.phone ?? null, createHash("sha256").update(token).digest("hex"), invitedById, expiresInDays],
  );
  return `/invitations/accept?token=${encodeURIComponent(token)}`;
}

const orgOf = async (caregiverId: string) =>
  (await sql<{ organization_id: string }>(`SELECT organization_id FROM memberships WHERE caregiver_id = $1 ORDER BY created_at LIMIT 1`, [caregiverId]))[0]
    .organization_id;

test("facilities: add, refuse an empty name, rename, make default, delete an empty one after confirming", async ({ page }) => {
  await signInDirectly(page, { firstName: "Olive" });
  await page.goto("/settings/organization/facilities");
  await expect(page.getByRole("heading", { name: "Main" })).toBeVisible();
  await expect(page.getByText("Default for new patients")).toBeVisible();
  await expect(page.getByRole("link", { name: "Delete Main" })).toHaveCount(0);

  await page.getByRole("button", { name: "Add facility" }).click();
  await expect(page.locator("#new-facility-name-error")).toContainText("Give the facility a name.");
  await page.locator("#new-facility-name").fill("North branch");
  await page.locator("#new-facility-address").fill("1 Elm Street");
  await page.getByRole("button", { name: "Add facility" }).click();
  await saved(page, "The facility has been added.");
  await expect(page.getByRole("heading", { name: "North branch" })).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByLabel("Name of North branch").fill("North house");
  await page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "North branch" }) })
    .getByRole("button", { name: "Save" })
    .click();
  await saved(page, "The facility has been saved.");
  await page.getByRole("button", { name: "Make North house the default" }).click();
  await saved(page, "New patients now go to that facility");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "North house" }) })).toContainText("Default for new patients");

  await page.getByRole("link", { name: "Delete Main" }).click();
  await expect(page.getByRole("heading", { name: "Delete Main?" })).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "facility-delete-confirm");
  await page.getByRole("button", { name: "Yes, delete Main" }).click();
  await saved(page, "The facility has been deleted.");
  await expect(page.getByRole("heading", { name: "Main", exact: true })).toHaveCount(0);
});

test("invitations: refused without an address, sent by email, listed with who invited whom, sent again, withdrawn after confirming", async ({ page }) => {
  await signInDirectly(page, { firstName: "Olive" });
  await page.goto("/settings/organization/invitations");
  await expect(page.getByText("No invitations yet.")).toBeVisible();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#invite-email-error")).toContainText("one of them");
  await expectNoA11yViolations(page);

  const to = `sam.${Date.now()}@example.test`;
  await page.getByLabel("Email address").fill(to);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await saved(page, "The invitation has been sent.");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: to }) });
  await expect(card).toContainText("Invited by Olive Caregiver as admin");
  await expect(card).toContainText("Waiting");

  await card.getByRole("button", { name: `Send again to ${to}` }).click();
  await saved(page, "sent again with a new link");
  await expect(card).toContainText("(2 times)");

  await card.getByRole("link", { name: `Withdraw the invitation to ${to}` }).click();
  await expect(page.getByRole("heading", { name: `Withdraw the invitation to ${to}?` })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Yes, withdraw it" }).click();
  await saved(page, "The invitation has been withdrawn");
  await expect(card).toContainText("Withdrawn");
  await snap(page, "invitations");
});

test("the invitation link: a new person signs up and joins without script; used, expired and unknown links are explained", async ({ page, browser }) => {
  const owner = await signInDirectly(page, { firstName: "Olive" });
  const orgId = await orgOf(owner.caregiverId);
  const invitee = newCaregiver("invitee");
  const link = await invitation(orgId, owner.caregiverId, { email: invitee.email });

  // axe needs script: the page is checked in an ordinary browser, the sign-up done in one without script
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(link);
  await expect(anon.getByRole("heading", { name: "Join Olive's care circle on Elda" })).toBeVisible();
  await expect(anon.getByText(`Olive Caregiver invited ${invitee.email} to join Olive's care circle as a member`)).toBeVisible();
  await expectNoA11yViolations(anon);
  await snap(anon, "invitation-accept");

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const visitor = await noScript.newPage();
  await visitor.goto(link);
  const signUp = visitor.getByRole("region", { name: /Create your account/ });
  await signUp.getByLabel("First name").fill("Sam");
  await signUp.getByLabel("Last name").fill("Rivera");
  await signUp.getByLabel("Password", { exact: true }).fill("short");
  await signUp.getByRole("button", { name: "Create account and join" }).click();
  await expect(visitor.locator("#up-password-error")).toBeVisible();
  await visitor
    .getByRole("region", { name: /Create your account/ })
    .getByLabel("Password", { exact: true })
    .fill(invitee.password);
  await visitor
    .getByRole("region", { name: /Create your account/ })
    .getByRole("button", { name: "Create account and join" })
    .click();
  await expect(visitor.getByText("Signed in as")).toContainText("Sam Rivera");
  await expect(visitor.getByText("Organization: ")).toContainText("Olive's care circle");

  await noScript.close();
  await anon.goto(link);
  await expect(anon.getByText("This invitation was used already.")).toBeVisible();
  await expectNoA11yViolations(anon);

  const expired = await invitation(orgId, owner.caregiverId, { phone: "+15551234567" }, -1);
  await anon.goto(expired);
  await expect(anon.getByText("This invitation has expired.")).toBeVisible();
  await expect(anon.getByText("•••• 4567")).toBeVisible();
  await expectNoA11yViolations(anon);
  await anon.goto("/invitations/accept?token=elda_inv_not-a-real-token-at-all");
  await expect(anon.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
});

test("an existing caregiver signs in and joins by SMS invitation; creates another organization and switches in the header", async ({ page, browser }) => {
  const owner = await signInDirectly(page, { firstName: "Olive" });
  const orgId = await orgOf(owner.caregiverId);
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  // an account with a real password, made through the sign-up page
  const mateo = { ...newCaregiver("mateo"), firstName: "Mateo" };
  await signUp(other, mateo);
  await expect(other).toHaveURL(/\/patients/);
  await ctx.clearCookies();

  const link = await invitation(orgId, owner.caregiverId, { phone: "+15557654321" });
  await other.goto(link);
  const signIn = other.getByRole("region", { name: /Already have an account/ });
  await signIn.getByLabel("Email address").fill(mateo.email);
  await signIn.getByLabel("Password", { exact: true }).fill("not the password at all");
  await signIn.getByRole("button", { name: "Sign in and join" }).click();
  await expect(other.getByText("Invalid email or password.")).toBeVisible();
  await other
    .getByRole("region", { name: /Already have an account/ })
    .getByLabel("Password", { exact: true })
    .fill(mateo.password);
  await other
    .getByRole("region", { name: /Already have an account/ })
    .getByRole("button", { name: "Sign in and join" })
    .click();
  // the organization joined is the current one; the caregiver's own is one switch away
  await expect(other.getByLabel("Organization", { exact: true })).toHaveValue(orgId);
  await other.goto("/settings/organization");
  await expect(other.getByText("Your role: Member.")).toBeVisible();
  await expect(other.getByRole("heading", { name: "Olive Caregiver" })).toBeVisible();
  await ctx.close();

  await page.goto("/settings/organization/new");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.locator("#new-org-name-error")).toContainText("Give the organization a name.");
  await expectNoA11yViolations(page);
  await page.getByLabel("Name of the organization").fill("Sunrise Home Care");
  await page.getByRole("button", { name: "Create organization" }).click();
  await saved(page, "The organization has been created.");
  const switcher = page.getByLabel("Organization", { exact: true });
  await expect(switcher.locator("option:checked")).toHaveText("Sunrise Home Care");
  await expect(page.getByText("Your role: Owner.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mateo Caregiver" })).toHaveCount(0);
  await expectNoA11yViolations(page);
  await snap(page, "organization-created");

  await switcher.selectOption({ label: "Olive's care circle" });
  await page.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByLabel("Organization", { exact: true }).locator("option:checked")).toHaveText("Olive's care circle");
  await expect(page.getByRole("heading", { name: "Mateo Caregiver" })).toBeVisible();
  // a forged cookie naming someone else's organization is ignored
  await page.context().addCookies([{ name: "elda-organization", value: "00000000-0000-4000-8000-000000000000", url: page.url() }]);
  await page.reload();
  await expect(page.getByLabel("Organization", { exact: true }).locator("option:checked")).toHaveText("Olive's care circle");
});

test("members by facility: an owner makes an admin a facility admin of one facility; that facility cannot be deleted while listed", async ({
  page,
  browser,
}) => {
  const owner = await signInDirectly(page, { firstName: "Olive" });
  const orgId = await orgOf(owner.caregiverId);
  const ctx = await browser.newContext();
  const fran = await signInDirectly(await ctx.newPage(), { firstName: "Fran" });
  await ctx.close();
  await sql(`INSERT INTO memberships (id, organization_id, caregiver_id, role, updated_at) VALUES (gen_random_uuid(), $1, $2, 'admin', now())`, [
    orgId,
    fran.caregiverId,
  ]);
  await sql(`INSERT INTO facilities (id, organization_id, name, updated_at) VALUES (gen_random_uuid(), $1, 'North branch', now())`, [orgId]);

  await page.goto("/settings/organization");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Fran Caregiver" }) });
  await expect(card).toContainText("Administers: the whole organization");
  await card.getByLabel("North branch").check();
  await card.getByRole("button", { name: "Change role" }).click();
  await saved(page, "The role has been changed.");
  const after = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Fran Caregiver" }) });
  await expect(after).toContainText("Facility admin");
  await expect(after).toContainText("Administers: North branch");
  await expect(after.getByLabel("North branch")).toBeChecked();
  await expectNoA11yViolations(page);
  await snap(page, "members-by-facility");

  await page.goto("/settings/organization/facilities");
  await page.getByRole("link", { name: "Delete North branch" }).click();
  await page.getByRole("button", { name: "Yes, delete North branch" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some admins administer this facility" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "North branch", exact: true })).toHaveCount(1);
});
