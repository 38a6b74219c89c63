import { afterEach, describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { setModelFactory, type ModelAnalysis } from "@/lib/companion/model";
import * as interact from "./interact/route";

afterEach(() => setModelFactory(null));

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 20, text: 20, reasoning: 0 } };
const answer = (a: Partial<ModelAnalysis>) =>
  JSON.stringify({
    reply: "That sounds lovely, Betty.",
    intent: "chat",
    sentiment: "positive",
    urgency: "none",
    health_mentions: [],
    topics: ["family"],
    reminder_completed: false,
    recommended_actions: [],
    caregiver_note: "Happy about a visit.",
    ...a,
  });

/** The AI SDK's mock model standing in for the provider; it records the prompts it was given. */
function model(respond: () => Promise<string> | string) {
  const prompts: unknown[] = [];
  const ids: string[] = [];
  setModelFactory((id) => {
    ids.push(id);
    return new MockLanguageModelV3({
      doGenerate: async (options) => {
        prompts.push(options.prompt);
        return { content: [{ type: "text", text: await respond() }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] } as never;
      },
    });
  });
  return { prompts, ids };
}

async function phone() {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { preferred_name: "Betty", medications: ["Metformin 500mg"], allergies: ["Penicillin"], language: "en" });
  await db.caregiverNote.create({
    data: { patientId: patient.id, authorId: owner.id, title: "Garden", content: "Loves talking about her roses.", category: "preferences" },
  });
  const { credential } = await pairDevice(patient.id);
  return { owner, patient, credential };
}
const say = (credential: string, patientId: string, message: string) => call(interact.POST, { token: credential, body: { patient_id: patientId, message } });

describe("the companion with a model", () => {
  it("uses the model's reply and analysis, with the profile, notes and earlier turns in the prompt", async () => {
    const { patient, credential } = await phone();
    const m = model(() => answer({}));
    await say(credential, patient.id, "Good morning");
    const r = await say(credential, patient.id, "Sarah is visiting on Sunday!");
    expect(r.body).toMatchObject({ ai_response: "That sounds lovely, Betty.", urgency_level: "none", sentiment: "positive" });
    expect(m.ids).toContain("claude-sonnet-4-5");
    const prompt = JSON.stringify(m.prompts.at(-1));
    for (const needle of ["Betty", "Metformin 500mg", "Penicillin", "Loves talking about her roses", "Never diagnose", "Good morning"])
      expect(prompt).toContain(needle);
    const turn = await db.conversationTurn.findFirstOrThrow({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } });
    expect(turn.provider).toBe("anthropic:claude-sonnet-4-5");
    expect(turn.analysis).toMatchObject({ caregiver_note: "Happy about a visit." });
  });

  it("brings related past conversations into the prompt (full-text search, also in Spanish)", async () => {
    const { patient, credential } = await phone();
    const c = await db.conversation.create({ data: { patientId: patient.id, conversationType: "spontaneous", startedAt: new Date("2026-01-02T10:00:00Z") } });
    await db.conversationTurn.create({
      data: {
        conversationId: c.id,
        patientId: patient.id,
        sequence: 1,
        patientMessage: "My roses won first prize at the fair",
        aiResponse: "Wonderful!",
        provider: "test",
        createdAt: new Date("2026-01-02T10:00:00Z"),
      },
    });
    await db.conversationTurn.create({
      data: {
        conversationId: c.id,
        patientId: patient.id,
        sequence: 2,
        patientMessage: "Mi nieta canta en el coro",
        aiResponse: "¡Qué bonito!",
        provider: "test",
        createdAt: new Date("2026-01-02T10:01:00Z"),
      },
    });
    for (let i = 0; i < 12; i++)
      await db.conversationTurn.create({
        data: {
          conversationId: c.id,
          patientId: patient.id,
          sequence: 3 + i,
          patientMessage: `small talk ${i}`,
          aiResponse: "ok",
          provider: "test",
          createdAt: new Date(Date.UTC(2026, 0, 3, 10, i)),
        },
      });
    const m = model(() => answer({}));
    await say(credential, patient.id, "I was thinking about my roses today");
    expect(JSON.stringify(m.prompts.at(-1))).toContain("My roses won first prize");
    await say(credential, patient.id, "hoy el coro canta en la iglesia");
    const prompt = JSON.stringify(m.prompts.at(-1));
    expect(prompt).toContain("Mi nieta canta en el coro");
    expect(prompt).not.toContain("My roses won first prize");
  });

  it("the higher urgency wins: a fall the model underrates is still critical, and the reply says the caregiver is told", async () => {
    const { patient, credential } = await phone();
    model(() => answer({ reply: "Oh dear, take your time.", urgency: "low", sentiment: "neutral" }));
    const r = await say(credential, patient.id, "I fell and I can't get up");
    expect(r.body).toMatchObject({ urgency_level: "critical", sentiment: "distressed", alert_created: true });
    expect(r.body.ai_response.toLowerCase()).toContain("caregiver");
  });

  it("falls back to the offline answer when the model fails, returns nonsense, or is too slow", async () => {
    const { patient, credential } = await phone();
    model(() => Promise.reject(new Error("overloaded")));
    const failed = await say(credential, patient.id, "I feel a bit tired today");
    expect(failed.status).toBe(200);
    model(() => "not json at all");
    expect((await say(credential, patient.id, "hello there")).status).toBe(200);
    model(() => new Promise((r) => setTimeout(() => r(answer({})), 9_000)));
    const t0 = Date.now();
    const slow = await say(credential, patient.id, "the roses are lovely");
    expect(Date.now() - t0).toBeLessThan(8_500);
    expect(slow.status).toBe(200);
    const providers = (await db.conversationTurn.findMany({ where: { patientId: patient.id }, orderBy: { createdAt: "asc" } })).map((t) => t.provider);
    expect(providers).toEqual(["offline:fallback", "offline:fallback", "offline:fallback"]);
  }, 20_000);

  it("uses the model chosen for the patient, and none when the organization says offline", async () => {
    const { owner, patient, credential } = await phone();
    const m = model(() => answer({}));
    await db.patient.update({ where: { id: patient.id }, data: { aiModel: "claude-haiku-4-5" } });
    await say(credential, patient.id, "hello");
    expect(m.ids.at(-1)).toBe("claude-haiku-4-5");
    await db.organization.update({ where: { id: owner.organizationId }, data: { settings: { ai: { provider: "offline" } } } });
    await say(credential, patient.id, "hello again");
    const last = await db.conversationTurn.findFirstOrThrow({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } });
    expect(last.provider).toBe("offline");
  });
});
