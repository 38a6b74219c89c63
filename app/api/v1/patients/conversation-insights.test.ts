import { afterEach, describe, expect, it } from "vitest";
import type { BatchResponse, Message } from "firebase-admin/messaging";
import { db } from "@/lib/db/client";
import { call } from "@/lib/testing/http";
import { makeCaregiver, makePatient, pairDevice, makeReminder } from "@/lib/testing/factories";
import { registerPushToken } from "@/lib/devices/devices";
import { setPushTransport } from "@/lib/notifications/channels/push";
import { sweepInactivity } from "@/lib/inactivity/sweep-inactivity";
import { summarizeEndedConversations } from "@/lib/conversations/summarize-conversations";
import * as mood from "./[id]/conversations/mood/route";
import * as topics from "./[id]/conversations/topics/route";
import * as starters from "./[id]/conversation-starters/route";
import * as conversation from "../conversations/[id]/route";

afterEach(() => setPushTransport(undefined));

type Turn = {
  at: string;
  sentiment?: "positive" | "neutral" | "concerned" | "distressed";
  topics?: string[];
  health?: string[];
  urgency?: "none" | "low" | "medium" | "high" | "critical";
  note?: string;
  reminderId?: string;
};

/** A conversation with the given turns, as the companion would have stored them. */
async function conversationOf(patientId: string, turns: Turn[]) {
  const c = await db.conversation.create({
    data: { patientId, conversationType: "spontaneous", startedAt: new Date(turns[0].at), lastTurnAt: new Date(turns.at(-1)!.at), turnCount: turns.length },
  });
  for (const [i, t] of turns.entries()) {
    await db.conversationTurn.create({
      data: {
        conversationId: c.id,
        patientId,
        sequence: i + 1,
        patientMessage: `message ${i}`,
        aiResponse: "reply",
        sentiment: t.sentiment ?? "neutral",
        urgencyLevel: t.urgency ?? "none",
        topics: t.topics ?? [],
        healthMentions: t.health ?? [],
        analysis: t.note ? { caregiver_note: t.note } : {},
        reminderId: t.reminderId ?? null,
        provider: "test",
        createdAt: new Date(t.at),
      },
    });
  }
  return c;
}

async function household(fields: Parameters<typeof makePatient>[1] = {}) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone: "Australia/Sydney", ...fields });
  return { owner, patient };
}

describe("mood trend", () => {
  it("buckets turns by the patient's local day (Sydney), with a score and empty days kept", async () => {
    const { owner, patient } = await household();
    // 2026-03-10 23:30 Sydney (UTC+11) is 12:30 UTC the same day; 00:30 on the 11th is 13:30 UTC on the 10th
    await conversationOf(patient.id, [{ at: "2026-03-10T12:30:00Z", sentiment: "positive" }]);
    await conversationOf(patient.id, [
      { at: "2026-03-10T13:30:00Z", sentiment: "distressed" },
      { at: "2026-03-10T13:31:00Z", sentiment: "concerned" },
    ]);
    const r = await call(mood.GET, { token: owner.token, params: { id: patient.id }, path: `/x?from=2026-03-09&to=2026-03-12` });
    expect(r.status).toBe(200);
    expect(r.body.timezone).toBe("Australia/Sydney");
    expect(r.body.buckets).toEqual([
      { start: "2026-03-09", end: "2026-03-09", turns: 0, positive: 0, neutral: 0, concerned: 0, distressed: 0, mood_score: null },
      { start: "2026-03-10", end: "2026-03-10", turns: 1, positive: 1, neutral: 0, concerned: 0, distressed: 0, mood_score: 1 },
      // the daily summaries' scale: distressed -2, concerned -1
      { start: "2026-03-11", end: "2026-03-11", turns: 2, positive: 0, neutral: 0, concerned: 1, distressed: 1, mood_score: -1.5 },
      { start: "2026-03-12", end: "2026-03-12", turns: 0, positive: 0, neutral: 0, concerned: 0, distressed: 0, mood_score: null },
    ]);
  });

  it("groups by ISO week starting Monday", async () => {
    const { owner, patient } = await household({ timezone: "America/Chicago" });
    await conversationOf(patient.id, [{ at: "2026-03-02T15:00:00Z", sentiment: "positive" }]); // Monday
    await conversationOf(patient.id, [{ at: "2026-03-08T15:00:00Z", sentiment: "neutral" }]); // Sunday, same week
    await conversationOf(patient.id, [{ at: "2026-03-09T15:00:00Z", sentiment: "concerned" }]); // next Monday
    const r = await call(mood.GET, { token: owner.token, params: { id: patient.id }, path: `/x?from=2026-03-02&to=2026-03-15&granularity=week` });
    expect(r.body.buckets.map((b: { start: string; turns: number; mood_score: number }) => [b.start, b.turns, b.mood_score])).toEqual([
      ["2026-03-02", 2, 0.5],
      ["2026-03-09", 1, -1],
    ]);
  });

  it("refuses a range that ends before it starts, a bad date and an unknown granularity", async () => {
    const { owner, patient } = await household();
    for (const path of ["/x?from=2026-03-10&to=2026-03-01", "/x?from=2020-01-01&to=2026-03-01", "/x?from=yesterday", "/x?granularity=hour", "/x?colour=red"]) {
      const r = await call(mood.GET, { token: owner.token, params: { id: patient.id }, path });
      expect(r.status, path).toBe(422);
    }
  });
});

describe("trending topics", () => {
  it("counts topics in the range against the previous range of the same length", async () => {
    const { owner, patient } = await household({ timezone: "America/Chicago" });
    // previous 7 days: 2026-02-22..28; range: 2026-03-01..07
    await conversationOf(patient.id, [
      { at: "2026-02-23T15:00:00Z", topics: ["garden", "family"] },
      { at: "2026-02-24T15:00:00Z", topics: ["garden"] },
      { at: "2026-02-25T15:00:00Z", topics: ["garden", "weather"] },
      { at: "2026-02-26T15:00:00Z", topics: ["weather"] },
    ]);
    await conversationOf(patient.id, [
      { at: "2026-03-02T15:00:00Z", topics: ["family"] },
      { at: "2026-03-03T15:00:00Z", topics: ["family", "garden"] },
      { at: "2026-03-04T15:00:00Z", topics: ["music"] },
      { at: "2026-03-05T15:00:00Z", topics: ["weather"] },
      { at: "2026-03-06T15:00:00Z", topics: ["weather"] },
    ]);
    const r = await call(topics.GET, { token: owner.token, params: { id: patient.id }, path: `/x?from=2026-03-01&to=2026-03-07` });
    expect(r.status).toBe(200);
    expect(r.body.previous).toEqual({ from: "2026-02-22", to: "2026-02-28" });
    expect(r.body.topics).toEqual([
      { topic: "family", count: 2, previous_count: 1, trend: "rising" },
      { topic: "weather", count: 2, previous_count: 2, trend: "steady" },
      { topic: "garden", count: 1, previous_count: 3, trend: "falling" },
      { topic: "music", count: 1, previous_count: 0, trend: "new" },
    ]);
  });
});

describe("conversation starters", () => {
  it("opens with what they enjoyed talking about lately, then their interests and family, in their language and style", async () => {
    const { owner, patient } = await household({
      language: "es",
      communication_style: "formal",
      timezone: "America/Chicago",
      personal_context: { hobbies: ["crucigramas"], family: { grandchildren: ["Lucía"] } },
    });
    const now = new Date();
    await conversationOf(patient.id, [
      { at: new Date(now.getTime() - 86_400_000).toISOString(), sentiment: "positive", topics: ["garden"] },
      { at: new Date(now.getTime() - 86_300_000).toISOString(), sentiment: "distressed", topics: ["loneliness", "weather"] },
    ]);
    const r = await call(starters.GET, { token: owner.token, params: { id: patient.id }, path: "/x?limit=5" });
    expect(r.status).toBe(200);
    const items = r.body.items as { text: string; topic: string; source: string }[];
    expect(items[0]).toEqual({ text: "¿Cómo va el jardín? ¿Ha florecido algo?", topic: "garden", source: "recent_topic" });
    expect(items.map((i) => i.text)).toEqual(
      expect.arrayContaining(["¿Ha tenido tiempo para crucigramas últimamente?", "¿Ha sabido algo de Lucía últimamente?"]),
    );
    // a distressed turn's topics are no opener, and loneliness never is
    expect(items.map((i) => i.topic)).not.toContain("weather");
    expect(items.map((i) => i.topic)).not.toContain("loneliness");
  });

  it("leaves out what the care team's notes say to avoid", async () => {
    const { owner, patient } = await household({
      personal_context: { hobbies: ["gardening", "baking"], family: { children: ["Sarah (daughter)", "Robert (son)"] } },
    });
    await db.caregiverNote.create({
      data: {
        patientId: patient.id,
        authorId: owner.id,
        title: "Family",
        content: "Please avoid talking about Robert; they are not speaking.",
        category: "family",
      },
    });
    const r = await call(starters.GET, { token: owner.token, params: { id: patient.id }, path: "/x?limit=10" });
    const texts = (r.body.items as { text: string }[]).map((i) => i.text);
    expect(texts).toEqual(expect.arrayContaining(["Have you had time for gardening lately?", "Have you heard from Sarah lately?"]));
    expect(texts.join(" ")).not.toContain("Robert");
  });

  it("returns nothing to say rather than inventing, for a patient we know nothing about", async () => {
    const { owner, patient } = await household();
    const r = await call(starters.GET, { token: owner.token, params: { id: patient.id } });
    expect(r.body.items).toEqual([]);
    // refusals: a bad limit, an unknown field, a range backwards
    for (const path of ["/x?limit=0", "/x?limit=abc", "/x?limit=11", "/x?mood=happy"])
      expect((await call(starters.GET, { token: owner.token, params: { id: patient.id }, path })).status, path).toBe(422);
    for (const path of ["/x?limit=51", "/x?from=2026-03-10&to=2026-03-01"])
      expect((await call(topics.GET, { token: owner.token, params: { id: patient.id }, path })).status, path).toBe(422);
  });

  it("gives the inactivity check-in push an opener after the safety question", async () => {
    const owner = await makeCaregiver();
    const patient = await makePatient(owner, { timezone: "America/Chicago", preferred_name: "Betty", personal_context: { hobbies: ["gardening"] } });
    const device = await pairDevice(patient.id);
    await registerPushToken(
      { kind: "device", deviceId: device.deviceId, patientId: patient.id },
      { patient_id: patient.id, device_token: "betty-phone", platform: "android" },
      new Date(),
    );
    const sent: Message[] = [];
    setPushTransport({
      async sendEach(messages: Message[]): Promise<BatchResponse> {
        sent.push(...messages);
        return { responses: messages.map(() => ({ success: true as const, messageId: "m" })), successCount: messages.length, failureCount: 0 };
      },
    });
    await db.patient.update({ where: { id: patient.id }, data: { lastActiveAt: new Date("2026-01-15T15:00:00Z") } }); // 09:00 local
    await sweepInactivity(new Date("2026-01-15T19:00:00Z"));
    await sweepInactivity(new Date("2026-01-15T21:00:00Z")); // 6 h: the check-in
    const checkIn = sent.find((m) => m.data?.type === "check_in");
    expect(checkIn?.data?.speak_text).toBe("Hi Betty, we haven't heard from you in a while. Are you all right? Have you had time for gardening lately?");
    expect(checkIn?.data?.conversation_starter).toBe("Have you had time for gardening lately?");
  });
});

describe("conversation summaries", () => {
  it("summarizes a conversation once it has ended, from each turn's analysis, never before", async () => {
    const { owner, patient } = await household({ timezone: "America/Chicago" });
    const reminder = await makeReminder(patient.id, { dueAt: new Date("2026-04-01T13:00:00Z"), title: "Metformin 500mg", status: "completed" });
    const c = await conversationOf(patient.id, [
      { at: "2026-04-01T14:02:00Z", sentiment: "positive", topics: ["family", "garden"] },
      { at: "2026-04-01T14:05:00Z", sentiment: "positive", topics: ["medication"], reminderId: reminder.id },
      {
        at: "2026-04-01T14:09:00Z",
        sentiment: "concerned",
        topics: ["health"],
        health: ["knee pain"],
        urgency: "medium",
        note: "Knee hurts when climbing stairs.",
      },
    ]);
    const summaryOf = async () => (await db.conversation.findUniqueOrThrow({ where: { id: c.id } })).summary;
    await summarizeEndedConversations(new Date("2026-04-01T14:15:00Z")); // 6 minutes after the last turn: it may go on
    expect(await summaryOf()).toBeNull();
    await summarizeEndedConversations(new Date("2026-04-01T14:20:00Z"));
    const r = await call(conversation.GET, { token: owner.token, params: { id: c.id } });
    expect(r.body.summary).toBe(
      "3 exchanges, 9:02 AM to 9:09 AM. Talked about family, garden and medication. Mood went from positive to concerned. Mentioned knee pain. " +
        "Confirmed by voice: Metformin 500mg. Something worth a follow-up call came up. Companion's note: Knee hurts when climbing stairs.",
    );
    await db.conversation.update({ where: { id: c.id }, data: { summary: "kept" } });
    await summarizeEndedConversations(new Date("2026-04-01T15:00:00Z"));
    expect(await summaryOf()).toBe("kept"); // summarized once, never rewritten
  });

  it("says when the care team was alerted", async () => {
    const { patient } = await household({ timezone: "America/Chicago" });
    const c = await conversationOf(patient.id, [{ at: "2026-04-02T14:00:00Z", sentiment: "distressed", urgency: "critical", health: ["fall"] }]);
    await summarizeEndedConversations(new Date("2026-04-02T15:00:00Z"));
    const after = await db.conversation.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.summary).toBe("1 exchange, at 9:00 AM. Mood: distressed. Mentioned fall. Urgency reached critical: the care team was alerted.");
  });
});
