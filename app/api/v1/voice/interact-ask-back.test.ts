import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { clock } from "@/lib/clock";
import { reloadConfig } from "@/lib/config";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { startFakeAnthropic } from "@/lib/testing/fake-anthropic";
import * as interact from "./interact/route";

/**
 * Asking back (SPEC §6): distress the companion cannot place gets one direct safety question, and the next turn's
 * answer is judged deterministically: a yes, a call for help or a worse answer raises a critical alert with both
 * turns as evidence; a clear no closes it; an unclear answer is asked once more, then raised as high.
 * Over HTTP to the route, without a model and with one (a local fake of Anthropic's Messages API that always
 * answers calmly: the model must not be able to talk the answer down).
 */
const calm = {
  reply: "I see. Tell me more about your day.",
  intent: "chat",
  sentiment: "neutral",
  urgency: "none",
  health_mentions: [],
  topics: [],
  reminder_completed: false,
  recommended_actions: [],
  caregiver_note: "Nothing of note.",
};

async function phone(language: "en" | "es" = "en", style: "friendly" | "formal" = "friendly") {
  const owner = await makeCaregiver({ firstName: "Sarah" });
  const patient = await makePatient(owner, { preferred_name: language === "es" ? "Rosa" : "Betty", language, communication_style: style });
  const { credential } = await pairDevice(patient.id);
  return { owner, patient, credential };
}
const say = (credential: string, patientId: string, message: string) => call(interact.POST, { token: credential, body: { patient_id: patientId, message } });
const openAlerts = (patientId: string) => db.alert.findMany({ where: { patientId, status: "open" }, orderBy: { createdAt: "asc" } });

describe.each([
  { mode: "without a model", withModel: false },
  { mode: "with a model that plays everything down", withModel: true },
])("asking back $mode", ({ withModel }) => {
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>> | null = null;

  beforeAll(async () => {
    if (!withModel) return;
    fake = await startFakeAnthropic(() => ({ json: calm }));
    process.env.ANTHROPIC_API_KEY = "sk-ant-fake-key";
    process.env.ANTHROPIC_BASE_URL = fake.url;
    reloadConfig();
  });
  afterAll(async () => {
    if (!fake) return;
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_BASE_URL;
    reloadConfig();
    await fake.close();
  });
  afterEach(() => clock.set(null));

  it("asks one safety question naming the first caregiver, and a yes raises a critical alert with both turns", async () => {
    const { patient, credential } = await phone();
    const first = await say(credential, patient.id, "I don't feel right");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ urgency_level: "medium", alert_created: false, continue_conversation: true });
    expect(first.body.ai_response).toContain("Are you hurt? Shall I tell Sarah?");
    expect(first.body.ai_response).not.toContain(calm.reply);
    expect(await openAlerts(patient.id)).toHaveLength(0);

    const second = await say(credential, patient.id, "yes");
    expect(second.body).toMatchObject({ urgency_level: "critical", sentiment: "distressed", alert_created: true });
    expect(second.body.ai_response).toMatch(/caregiver/i);
    expect(second.body.conversation_id).toBe(first.body.conversation_id);
    const [alert] = await openAlerts(patient.id);
    expect(alert).toMatchObject({ type: "emergency", severity: "critical", source: "companion:ask_back:yes" });
    expect(alert.description).toContain("I don't feel right");
    expect(alert.description).toContain("yes");
    const evidence = (alert.evidence as { ask_back: { answer: string; turns: { patient: string; companion: string }[] } }[])[0];
    expect(evidence.ask_back.answer).toBe("yes");
    expect(evidence.ask_back.turns.map((t) => t.patient)).toEqual(["I don't feel right", "yes"]);
    expect(evidence.ask_back.turns[0].companion).toContain("Are you hurt?");
    expect(await db.alert.count({ where: { patientId: patient.id, type: "emergency" } })).toBe(1);
    // with a model, the model answered both turns and still could not talk the answer down
    const providers = (await db.conversationTurn.findMany({ where: { patientId: patient.id }, orderBy: { sequence: "asc" } })).map((t) => t.provider);
    expect(providers).toEqual(withModel ? ["anthropic:claude-sonnet-4-5", "anthropic:claude-sonnet-4-5"] : ["offline", "offline"]);
    if (withModel) expect(fake?.requests.length).toBeGreaterThanOrEqual(2);
  });

  it("a call for help after the question is critical", async () => {
    const { patient, credential } = await phone();
    expect((await say(credential, patient.id, "something's wrong")).body.ai_response).toContain("Are you hurt?");
    const r = await say(credential, patient.id, "help");
    expect(r.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect((await openAlerts(patient.id))[0]).toMatchObject({ severity: "critical", source: "companion:ask_back:help" });
  });

  it("a worse answer is critical", async () => {
    const { patient, credential } = await phone();
    expect((await say(credential, patient.id, "I feel really strange")).body.ai_response).toContain("Are you hurt?");
    const r = await say(credential, patient.id, "it's getting worse");
    expect(r.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect((await openAlerts(patient.id))[0]).toMatchObject({ severity: "critical", source: "companion:ask_back:worse" });
  });

  it("a clear no closes the question without an alert, and a later yes is not taken as its answer", async () => {
    const { patient, credential } = await phone();
    await say(credential, patient.id, "I don't feel right");
    const no = await say(credential, patient.id, "no, I'm fine");
    expect(no.status).toBe(200);
    expect(no.body.alert_created).toBe(false);
    expect(["none", "low"]).toContain(no.body.urgency_level);
    expect(no.body.ai_response).not.toContain("Are you hurt?");
    const later = await say(credential, patient.id, "yes");
    expect(later.body).toMatchObject({ alert_created: false });
    expect(await openAlerts(patient.id)).toHaveLength(0);
    const turns = await db.conversationTurn.findMany({ where: { patientId: patient.id }, orderBy: { sequence: "asc" } });
    expect(turns.map((t) => (t.analysis as { ask_back?: { state: string } }).ask_back?.state)).toEqual(["asked", "closed", undefined]);
  });

  it("in Spanish: the question is in the patient's language, and 'sí' or 'ayúdame' raise a critical alert", async () => {
    const { patient, credential } = await phone("es");
    const q = await say(credential, patient.id, "me siento rara");
    expect(q.body.ai_response).toContain("¿Te has hecho daño? ¿Aviso a Sarah?");
    const si = await say(credential, patient.id, "sí");
    expect(si.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect(si.body.ai_response).toMatch(/cuidador/);

    const other = await phone("es", "formal");
    const q2 = await say(other.credential, other.patient.id, "algo no está bien");
    expect(q2.body.ai_response).toContain("¿Se ha hecho daño? ¿Aviso a Sarah?");
    const help = await say(other.credential, other.patient.id, "ayúdame");
    expect(help.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect((await openAlerts(other.patient.id))[0]).toMatchObject({ type: "emergency", severity: "critical" });
  });

  it("an unclear answer is asked once more, then raised as high", async () => {
    const { patient, credential } = await phone();
    await say(credential, patient.id, "I don't feel right");
    const again = await say(credential, patient.id, "I don't know");
    expect(again.body).toMatchObject({ alert_created: false });
    expect(again.body.ai_response).toContain("Do you need help? Please say yes or no.");
    const still = await say(credential, patient.id, "maybe");
    expect(still.body).toMatchObject({ urgency_level: "high", alert_created: true });
    const [alert] = await openAlerts(patient.id);
    expect(alert).toMatchObject({ type: "health_concern", severity: "high", source: "companion:ask_back:unclear" });
    const evidence = (alert.evidence as { ask_back: { turns: { patient: string }[] } }[])[0];
    expect(evidence.ask_back.turns.map((t) => t.patient)).toEqual(["I don't feel right", "I don't know", "maybe"]);
  });

  it("the question expires with its conversation: a yes ten minutes later is a new conversation", async () => {
    const { patient, credential } = await phone();
    clock.set(new Date());
    await say(credential, patient.id, "I don't feel right");
    clock.advance(10 * 60_000 + 1_000);
    const late = await say(credential, patient.id, "yes");
    expect(late.body).toMatchObject({ alert_created: false });
    expect(await openAlerts(patient.id)).toHaveLength(0);
  });

  it("distress that is placed needs no question: a fall is critical at once, a sore knee is just answered", async () => {
    const { patient, credential } = await phone();
    const fall = await say(credential, patient.id, "I've been on the kitchen floor since breakfast");
    expect(fall.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect(fall.body.ai_response).not.toContain("Are you hurt?");
    const knee = await say(credential, patient.id, "my knee is sore today");
    expect(knee.body.ai_response).not.toContain("Are you hurt?");
  });
});
