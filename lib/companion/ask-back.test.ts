import { describe, expect, it } from "vitest";
import { classifyAnswer, decideAskBack, type PendingQuestion } from "./ask-back";
import { safetyReply } from "./offline-reply";
import { patientVoice } from "@/lib/patient-messages/patient-message";

const pending = (attempt: 1 | 2): PendingQuestion => ({
  attempt,
  thread: [{ turn_id: "t1", patient: "I don't feel right", companion: "Are you hurt?", at: "2026-11-30T10:00:00.000Z" }],
});

describe("classifyAnswer", () => {
  it.each([
    ["yes", "yes"],
    ["Yeah, please", "yes"],
    ["I think so", "yes"],
    ["tell her", "yes"],
    ["no, but please call my daughter", "yes"],
    ["it hurts", "yes"],
    ["sí", "yes"],
    ["Sí, por favor", "yes"],
    ["avísale", "yes"],
    ["me duele", "yes"],
    ["help", "help"],
    ["please come", "help"],
    ["ayúdame", "help"],
    ["socorro", "help"],
    ["it's getting worse", "worse"],
    ["worse than before", "worse"],
    ["cada vez peor", "worse"],
    ["no, I'm fine", "no"],
    ["nope", "no"],
    ["I'm ok, just tired", "no"],
    ["don't tell her, I'm fine", "no"],
    ["no it's not worse", "no"],
    ["no, estoy bien", "no"],
    ["no te preocupes", "no"],
    ["I don't know", "unclear"],
    ["no sé", "unclear"],
    ["ok", "unclear"],
    ["yes I'm fine", "unclear"],
    ["no me siento bien", "unclear"],
    ["the telly is on", "unclear"],
  ])("%s → %s", (text, answer) => {
    expect(classifyAnswer(text)).toBe(answer);
  });
});

describe("decideAskBack", () => {
  const calm = { urgency: "none" as const, unplaced_distress: false };

  it("asks when distress is not placed and nothing is pending, and not when the turn is already high", () => {
    expect(decideAskBack(null, "I don't feel right", { urgency: "medium", unplaced_distress: true })).toEqual({ step: "ask", attempt: 1 });
    expect(decideAskBack(null, "hello", calm)).toEqual({ step: "none" });
    expect(decideAskBack(null, "x", { urgency: "high", unplaced_distress: true })).toEqual({ step: "none" });
  });

  it("raises critical on yes, help or worse, whatever the turn's own urgency", () => {
    expect(decideAskBack(pending(1), "yes", calm)).toEqual({ step: "raise", urgency: "critical", answer: "yes" });
    expect(decideAskBack(pending(2), "help", calm)).toEqual({ step: "raise", urgency: "critical", answer: "help" });
    expect(decideAskBack(pending(1), "worse", calm)).toEqual({ step: "raise", urgency: "critical", answer: "worse" });
  });

  it("raises critical when the answer is itself an emergency", () => {
    expect(decideAskBack(pending(1), "I fell", { urgency: "critical", unplaced_distress: false })).toEqual({
      step: "raise",
      urgency: "critical",
      answer: "emergency",
    });
  });

  it("closes on a clear no; asks once more on an unclear answer, then raises high", () => {
    expect(decideAskBack(pending(1), "no, I'm fine", calm)).toEqual({ step: "close" });
    expect(decideAskBack(pending(1), "hmm", calm)).toEqual({ step: "ask", attempt: 2 });
    expect(decideAskBack(pending(2), "hmm", calm)).toEqual({ step: "raise", urgency: "high", answer: "unclear" });
    expect(decideAskBack(pending(1), "my head is throbbing", { urgency: "high", unplaced_distress: false })).toEqual({
      step: "raise",
      urgency: "high",
      answer: "unclear",
    });
  });
});

describe("safetyReply", () => {
  it("asks one direct question naming the caregiver, in the patient's language and style", () => {
    const voice = (language: string, communicationStyle: "friendly" | "formal" = "friendly") => patientVoice({ language, communicationStyle });
    expect(safetyReply("ask", voice("en"), "Betty", "Sarah")).toBe("Betty, I'm right here with you. Are you hurt? Shall I tell Sarah?");
    expect(safetyReply("ask", voice("en"), "Betty")).toContain("Shall I tell your caregiver?");
    expect(safetyReply("ask", voice("es"), "Rosa", "Sarah")).toContain("¿Te has hecho daño? ¿Aviso a Sarah?");
    expect(safetyReply("ask", voice("es-MX", "formal"), "Rosa")).toContain("¿Se ha hecho daño? ¿Aviso a su cuidador?");
    expect(safetyReply("ask_again", voice("es", "formal"), "Rosa")).toContain("¿Necesita ayuda");
    expect(safetyReply("ask_again", voice("en"), "Betty")).toContain("Do you need help? Please say yes or no.");
    expect(safetyReply("all_clear", voice("es"), "Rosa")).toMatch(/^Me alegro de que estés bien, Rosa/);
  });
});
