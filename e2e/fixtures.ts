import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** A caregiver nobody has used yet (the database is fresh per run, the email unique per test anyway). */
export function newCaregiver(tag: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return {
    firstName: "Jane",
    lastName: "Caregiver",
    email: `${tag}.${id}@example.test`,
    // long, not on the common list, no name or email in it
    password: "Tulips bloom by the garden gate 7",
  };
}

export type Caregiver = ReturnType<typeof newCaregiver>;

export async function signUp(page: Page, who: Caregiver) {
  await page.goto("/register");
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Last name").fill(who.lastName);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No WCAG 2 A/AA violation that axe can find on the page as it is now. */
export async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const summary = violations.map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A full-page screenshot kept with the test's artifacts (test-results/<test>/<name>.png). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}
