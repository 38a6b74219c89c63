import { expect, test } from "@playwright/test";
import { addPatientByApi, base, expectNoA11yViolations, pairPhone, signInDirectly, snap } from "./fixtures";

/**
 * The patient talks to the companion on the phone (the app's real call; no AI provider here, so the offline
 * analyzer answers); the caregiver reads it on the Conversations tab: what was said, mood and urgency, what
 * they talk about, and the emergency raised from what they said.
 */
test("what the patient tells the companion reaches the care team's conversations tab", async ({ page, playwright }) => {
  await signInDirectly(page, { firstName: "Sarah", lastName: "Miller" });
  const betty = await addPatientByApi(page, "Betty");
  const phone = await playwright.request.newContext({ baseURL: base(), extraHTTPHeaders: { "x-forwarded-for": "10.88.0.1" } });
  const paired = await pairPhone(page, phone, betty.id);
  const say = async (message: string) => {
    const r = await phone.post("/api/v1/voice/interact", {
      headers: { authorization: `Bearer ${paired.credential}` },
      data: { patient_id: betty.id, message, conversation_type: "spontaneous" },
    });
    expect(r.status(), await r.text()).toBe(200);
    return r.json();
  };

  const calm = await say("My roses are blooming in the garden, what a lovely day");
  expect(calm).toMatchObject({ urgency_level: "none", alert_created: false });
  const danger = await say("I fell in the kitchen and I can't get up");
  expect(danger).toMatchObject({ urgency_level: "critical", alert_created: true });
  expect(danger.ai_response).toMatch(/caregiver/i);

  await page.goto(`/patients/${betty.id}/conversations`);
  const list = page.getByRole("list", { name: "Conversations, newest first" });
  await expect(list.getByRole("listitem").first()).toContainText("Urgency: Critical");
  await expect(page.getByRole("heading", { name: "Talking about" })).toBeVisible();
  await expect(page.getByText(/garden: 1 time, new/i)).toBeVisible();
  // and the companion will ask about it next time
  await expect(page.getByText("“How is the garden doing? Is anything blooming?”")).toBeVisible();
  await expectNoA11yViolations(page);
  await snap(page, "conversations-tab");

  await list.getByRole("link").first().click();
  await expect(page.getByText("I fell in the kitchen and I can't get up")).toBeVisible();
  await expectNoA11yViolations(page);

  // the emergency it raised is in the patient's alerts
  await page.goto(`/patients/${betty.id}/alerts`);
  await expect(page.getByText(/may be in danger/).first()).toBeVisible();
});
