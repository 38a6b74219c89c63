import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { withFakeAnthropic, type FakeAnswer, type MessagesRequest } from "@/lib/testing/fake-anthropic";
import * as interact from "./interact/route";

/**
 * The companion against a local fake of Anthropic's Messages API, through the real @ai-sdk/anthropic
 * provider over HTTP: what reaches the provider, the structured analysis, the model chosen per patient,
 * and the fallbacks when the provider errs, answers nonsense or is too slow.
 */
let next: (req: MessagesRequest) => FakeAnswer = () => ({ json: {} });
const fake = withFakeAnthropic((req) => next(req));

const analysis = (over: Record<string, unknown> = {}) => ({
  reply: "How lovely that Sarah is coming, Betty.",
  intent: "chat",
  sentiment: "positive",
  urgency: "none",
  health_mentions: [],
  topics: ["family"],
  reminder_completed: false,
  recommended_actions: [],
  caregiver_note: "Looking forward to a visit.",
  ...over,
});

async function phone(patientOver: Record<string, unknown> = {}) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { preferred_name: "Betty", medications: ["Lisinopril 10mg"], language: "en", ...patientOver });
  const { credential } = await pairDevice(patient.id);
  return { patient, credential };
}
const say = (credential: string, patientId: string, message: string, conversation_type = "spontaneous") =>
  call(interact.POST, { token: credential, body: { patient_id: patientId, message, conversation_type } });
const lastTurn = (patientId: string) => db.conversationTurn.findFirstOrThrow({ where: { patientId }, orderBy: { createdAt: "desc" } });

describe("the companion over the Anthropic Messages API (local fake)", () => {
  it("sends the key, the organization's model and the patient's context, and uses the structured answer", async () => {
    next = () => ({ json: analysis() });
    const { patient, credential } = await phone();
    const r = await say(credential, patient.id, "Sarah is visiting on Sunday!");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      ai_response: "How lovely that Sarah is coming, Betty.",
      sentiment: "positive",
      urgency_level: "none",
      alert_created: false,
      topics: expect.arrayContaining(["family"]),
    });
    expect(fake.requests).toHaveLength(1);
    const req = fake.requests[0];
    expect(req.headers["x-api-key"]).toBe("sk-ant-fake-key");
    expect(req.body.model).toBe("claude-sonnet-4-5");
    const sent = JSON.stringify(req.body);
    for (const needle of ["Betty", "Lisinopril 10mg", "Never diagnose", "Sarah is visiting on Sunday!"]) expect(sent).toContain(needle);
    // the structured output is asked for with the analysis schema
    expect(sent).toContain("caregiver_note");
    const turn = await lastTurn(patient.id);
    expect(turn.provider).toBe("anthropic:claude-sonnet-4-5");
    expect(turn.analysis).toMatchObject({ caregiver_note: "Looking forward to a visit.", source: "anthropic:claude-sonnet-4-5" });
  });

  it("asks for the model chosen for this patient", async () => {
    next = () => ({ json: analysis() });
    const { patient, credential } = await phone({ ai_model: "claude-haiku-4-5" });
    await say(credential, patient.id, "Hello there");
    expect(fake.requests.at(-1)?.body.model).toBe("claude-haiku-4-5");
    expect((await lastTurn(patient.id)).provider).toBe("anthropic:claude-haiku-4-5");
  });

  it("falls back to the offline answer when the provider errs, and still raises the emergency", async () => {
    next = () => ({ status: 529, error: "overloaded_error" });
    const { patient, credential } = await phone();
    const r = await say(credential, patient.id, "I fell in the bathroom and I can't get up");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect(r.body.ai_response).toMatch(/caregiver/i);
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    expect((await lastTurn(patient.id)).provider).toBe("offline:fallback");
    expect(await db.alert.count({ where: { patientId: patient.id, type: "emergency", status: "open" } })).toBe(1);
  });

  it("refuses an analysis outside the schema and answers offline", async () => {
    next = () => ({ json: analysis({ urgency: "apocalyptic", sentiment: 7 }) });
    const { patient, credential } = await phone();
    const r = await say(credential, patient.id, "The weather is nice today");
    expect(r.status).toBe(200);
    expect(r.body.urgency_level).toBe("none");
    expect(r.body.ai_response).not.toBe("How lovely that Sarah is coming, Betty.");
    expect((await lastTurn(patient.id)).provider).toBe("offline:fallback");
  });

  it("keeps the higher urgency when the model plays an emergency down", async () => {
    next = () => ({ json: analysis({ reply: "Oh dear, take it easy.", urgency: "low", sentiment: "concerned" }) });
    const { patient, credential } = await phone();
    const r = await say(credential, patient.id, "I have crushing chest pain");
    expect(r.body).toMatchObject({ urgency_level: "critical", sentiment: "distressed", alert_created: true });
    // the model's reply did not say the caregiver is being told, so the offline reply stands
    expect(r.body.ai_response).toMatch(/caregiver/i);
  });

  it("gives up on a provider that does not answer in time and answers offline within the app's 10 seconds", async () => {
    next = () => ({ json: analysis({ reply: "Too late to matter." }), delayMs: 20_000 });
    const { patient, credential } = await phone();
    const r = await say(credential, patient.id, "I took my pills");
    expect(r.status).toBe(200);
    expect(r.body.ai_response).not.toBe("Too late to matter.");
    const turn = await lastTurn(patient.id);
    expect(turn.provider).toBe("offline:fallback");
    expect(turn.responseTimeMs).toBeLessThan(10_000);
  }, 20_000);
});
