import { expect, test } from "@playwright/test";
import { signInDirectly } from "./fixtures";

test("a session written to the database signs the browser in without the form", async ({ page }) => {
  const me = await signInDirectly(page, { firstName: "Dora" });
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/patients$/);
  await expect(page.getByText(`Signed in as ${me.firstName} ${me.lastName}`)).toBeVisible();
});
