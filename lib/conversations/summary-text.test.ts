import { describe, expect, it } from "vitest";
import { conversationSummaryText, type TurnForSummaryText } from "./summary-text";
import { summarizeConversation } from "./summarize-conversations";

const turn = (minute: number, over: Partial<TurnForSummaryText> = {}): TurnForSummaryText => ({
  created_at: new Date(Date.UTC(2026, 0, 15, 15, minute)).toISOString(),
  sentiment: "neutral",
  urgency_level: "none",
  topics: [],
  health_mentions: [],
  analysis: null,
  reminder_id: null,
  ...over,
});

const turns = [
  turn(0, { topics: ["garden", "health"], sentiment: "neutral" }),
  turn(4, { sentiment: "concerned", health_mentions: ["knee pain"], reminder_id: "r1", urgency_level: "medium" }),
  turn(9, { sentiment: "concerned", analysis: { caregiver_note: "Ask about the knee." } }),
];
const stored = summarizeConversation(
  turns.map((t) => ({
    createdAt: new Date(t.created_at),
    sentiment: t.sentiment,
    urgencyLevel: t.urgency_level as "none",
    topics: t.topics,
    healthMentions: t.health_mentions,
    analysis: t.analysis,
    reminderTitle: t.reminder_id ? "Morning pills" : null,
  })),
  "America/Chicago",
);

describe("conversationSummaryText", () => {
  it("shows the stored English summary unchanged in English, and nothing before there is one", () => {
    expect(conversationSummaryText({ summary: stored, turns }, "America/Chicago", "en")).toBe(stored);
    expect(conversationSummaryText({ summary: null, turns }, "America/Chicago", "es")).toBeNull();
  });

  it("composes the same summary in Spanish from the turns' analysis", () => {
    expect(conversationSummaryText({ summary: stored, turns }, "America/Chicago", "es")).toBe(
      "3 intercambios, de 9:00 a 9:09. Hablaron de garden. El ánimo pasó de tranquilo a preocupado. Mencionó knee pain. " +
        "Confirmó por voz un recordatorio. Surgió algo que merece una llamada de seguimiento. Nota del asistente: Ask about the knee.",
    );
    expect(conversationSummaryText({ summary: "x", turns: [turn(0, { urgency_level: "critical" })] }, "UTC", "es")).toBe(
      "1 intercambio, a las 15:00. Ánimo: tranquilo. La urgencia llegó a crítica: se avisó al equipo de cuidado.",
    );
  });
});
