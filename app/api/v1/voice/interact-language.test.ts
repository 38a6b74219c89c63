import { afterEach, describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice } from "@/lib/testing/factories";
import { setModelFactory } from "@/lib/companion/model";
import * as interact from "./interact/route";

/**
 * The companion answers in the patient's language and style (issue 15, SPEC §6; docs/decisions/030), over HTTP
 * to the route: offline, its templated replies come from the patient message catalogue (whatever language the
 * sentence was in: the phone speaks one); with a model, the system prompt asks for that language and style.
 */
afterEach(() => setModelFactory(null));

async function phone(language: string, style: "friendly" | "formal" | "casual", name: string) {
  const owner = await makeCaregiver({ firstName: "Sarah" });
  const patient = await makePatient(owner, { preferred_name: name, language, communication_style: style });
  const { credential } = await pairDevice(patient.id);
  const say = async (message: string) => {
    const r = await call(interact.POST, { token: credential, body: { patient_id: patient.id, message } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { ai_response: string; urgency_level: string; alert_created: boolean };
  };
  return { patient, say };
}

describe("the companion without a model", () => {
  it("speaks usted to a formal Spanish speaker, even when she says something in English", async () => {
    const rosa = await phone("es", "formal", "Rosa");
    expect((await rosa.say("hola, buenos días")).ai_response).toBe("Hola, Rosa. Qué alegría saludarle. ¿Cómo se siente hoy?");
    const fell = await rosa.say("I fell and I can't get up");
    expect(fell).toMatchObject({ urgency_level: "critical", alert_created: true });
    expect(fell.ai_response).toBe(
      "Rosa, estoy aquí con usted. Estoy avisando a su cuidador ahora mismo. Si puede, quédese donde está y pulse su botón de emergencia o llame al 911.",
    );
  });

  it("speaks tú to a friendly Spanish speaker (es-MX), and thanks her in Spanish for a dose taken", async () => {
    const lupe = await phone("es-MX", "friendly", "Lupe");
    expect((await lupe.say("ya me tomé la pastilla")).ai_response).toBe("¡Gracias por contármelo, Lupe! Muy bien hecho.");
    expect((await lupe.say("mi nieta viene el domingo")).ai_response).toMatch(/Lupe.*Cuéntame más\.$/);
  });

  it("asks the safety question in Spanish, naming the caregiver", async () => {
    const rosa = await phone("es", "friendly", "Rosa");
    expect((await rosa.say("me siento rara")).ai_response).toBe("Rosa, estoy aquí contigo. ¿Te has hecho daño? ¿Aviso a Sarah?");
  });

  it("answers in English for a language without a catalogue", async () => {
    const amelie = await phone("fr", "formal", "Amélie");
    expect((await amelie.say("hello")).ai_response).toBe("Hello, Amélie. It is lovely to hear from you. How are you feeling today?");
  });
});

describe("the companion with a model", () => {
  function model() {
    const prompts: unknown[] = [];
    setModelFactory(
      () =>
        new MockLanguageModelV3({
          doGenerate: async (options) => {
            prompts.push(options.prompt);
            const text = JSON.stringify({
              reply: "Qué bien, Rosa.",
              intent: "chat",
              sentiment: "positive",
              urgency: "none",
              health_mentions: [],
              topics: [],
              reminder_completed: false,
              recommended_actions: [],
              caregiver_note: "Nada que destacar.",
            });
            const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };
            return { content: [{ type: "text", text }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] } as never;
          },
        }),
    );
    return prompts;
  }
  const system = (prompt: unknown) => (prompt as { role: string; content: string }[]).find((m) => m.role === "system")?.content ?? "";

  it("asks for the reply in the patient's language and style", async () => {
    const prompts = model();
    const formal = await phone("es-MX", "formal", "Rosa");
    expect((await formal.say("hoy hace sol")).ai_response).toBe("Qué bien, Rosa.");
    expect(system(prompts.at(-1))).toContain('Always reply in Spanish, whatever language they use, addressing them as "usted" (formal)');
    const friendly = await phone("es", "casual", "Lupe");
    await friendly.say("hoy hace sol");
    expect(system(prompts.at(-1))).toContain('addressing them as "tú" (casual)');
    const french = await phone("fr", "friendly", "Amélie");
    await french.say("hello");
    expect(system(prompts.at(-1))).toContain("Always reply in English, in a friendly tone");
  });
});
