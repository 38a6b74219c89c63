import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import { ageOn } from "@/lib/patients/present-patient";
import { effectiveSettings } from "@/lib/orgs/settings";
import { localeOf, type Locale } from "@/lib/i18n/locales";
import type { Style } from "@/lib/patient-messages/patient-message";

/**
 * What the companion knows when it answers (SPEC §6): the profile and personal context, communication
 * style and language, today's schedule and what is done, caregivers' notes, stored insights, and the last
 * turns of recent conversations (the context window is set per organization and per patient).
 */
/**
 * Past turns related to what was just said (PostgreSQL full-text search, 'simple' configuration so English
 * and Spanish both work): any of the message's longer words, best match first, older than the recent window.
 */
async function relatedTurns(patientId: string, message: string, exclude: string[]) {
  const words = [...new Set(message.toLowerCase().match(/[a-záéíóúüñ]{4,}/g) ?? [])].slice(0, 8);
  if (words.length === 0) return [];
  return db.$queryRaw<{ id: string; patient_message: string; created_at: Date }[]>`
    SELECT id, patient_message, created_at FROM conversation_turns
    WHERE patient_id = ${patientId}::uuid AND NOT (id = ANY(${exclude}::uuid[]))
      AND to_tsvector('simple', patient_message) @@ to_tsquery('simple', ${words.join(" | ")})
    ORDER BY ts_rank(to_tsvector('simple', patient_message), to_tsquery('simple', ${words.join(" | ")})) DESC, created_at DESC
    LIMIT 3`;
}

/**
 * The reply's language and style, as the phone speaks it: the patient's catalogue language (`es-MX` is
 * Spanish; a language without a catalogue is English, like every other text the phone says and the voice its
 * pushes ask for; docs/decisions/030), in Spanish usted for `formal` and tú otherwise.
 */
function speakAs(locale: Locale, style: Style): string {
  const short = "in 2-3 short sentences that are easy to follow when heard aloud";
  if (locale === "es")
    return `Always reply in Spanish, whatever language they use, addressing them as ${style === "formal" ? '"usted" (formal)' : `"tú" (${style})`}, ${short}. Never mix in English words.`;
  return `Always reply in English, in a ${style} tone, ${short}.`;
}

export async function companionContext(patientId: string, now: Date, message = "") {
  const p = await db.patient.findUniqueOrThrow({ where: { id: patientId }, include: { organization: { select: { settings: true } } } });
  const ai = effectiveSettings(p.organization.settings).ai;
  const window = p.aiContextWindow ?? ai.context_window;
  const dayStart = DateTime.fromJSDate(now, { zone: p.timezone }).startOf("day");
  const [reminders, notes, insights, turns] = await Promise.all([
    db.reminder.findMany({
      where: { patientId, dueAt: { gte: dayStart.toJSDate(), lt: dayStart.plus({ days: 1 }).toJSDate() } },
      orderBy: { dueAt: "asc" },
      select: { title: true, dueAt: true, status: true },
    }),
    db.caregiverNote.findMany({
      where: { patientId },
      orderBy: [{ priority: "desc" }, { createdAt: "desc" }],
      take: 10,
      select: { title: true, content: true, category: true },
    }),
    db.insight.findMany({ where: { patientId, isActive: true }, orderBy: { createdAt: "desc" }, take: 5, select: { title: true } }),
    db.conversationTurn.findMany({
      where: { patientId },
      orderBy: { createdAt: "desc" },
      take: window,
      select: { id: true, patientMessage: true, aiResponse: true },
    }),
  ]);
  const related = await relatedTurns(
    patientId,
    message,
    turns.map((t) => t.id),
  );
  const name = p.preferredName || p.firstName;
  const time = (d: Date) => DateTime.fromJSDate(d, { zone: p.timezone }).toFormat("h:mm a");
  const system = [
    `You are Elda, a warm voice companion for ${name}, who is ${ageOn(p.dateOfBirth, now)} and lives alone.`,
    speakAs(localeOf(p.language), p.communicationStyle),
    "Never diagnose or give medical advice. If they describe danger (a fall, chest pain, trouble breathing, not knowing where they are, wanting to hurt themselves), say calmly that you are letting their caregiver know right away.",
    p.medicalConditions.length ? `Health conditions: ${p.medicalConditions.join(", ")}.` : "",
    p.medications.length ? `Medications: ${p.medications.join(", ")}.` : "",
    p.allergies.length ? `Allergies: ${p.allergies.join(", ")}.` : "",
    p.dietaryRestrictions.length ? `Diet: ${p.dietaryRestrictions.join(", ")}.` : "",
    Object.keys(p.personalContext as object).length ? `About them: ${JSON.stringify(p.personalContext)}` : "",
    reminders.length ? `Today's routine: ${reminders.map((r) => `${time(r.dueAt)} ${r.title} (${r.status})`).join("; ")}.` : "",
    notes.length ? `Notes from their care team (follow them): ${notes.map((n) => `[${n.category}] ${n.title}: ${n.content}`).join(" | ")}` : "",
    insights.length ? `Recent patterns: ${insights.map((i) => i.title).join("; ")}.` : "",
    related.length
      ? `Related things they said before: ${related.map((r) => `(${DateTime.fromJSDate(r.created_at, { zone: p.timezone }).toISODate()}) "${r.patient_message.slice(0, 200)}"`).join(" ")}`
      : "",
    p.aiSystemPrompt ?? "",
    ai.system_prompt_additions,
    "Return the reply and the analysis of their message as the JSON object asked for.",
  ]
    .filter(Boolean)
    .join("\n");
  const history = turns.reverse().flatMap((t) => [
    { role: "user" as const, content: t.patientMessage },
    { role: "assistant" as const, content: t.aiResponse },
  ]);
  return { system, history, provider: ai.provider, modelId: p.aiModel ?? ai.model };
}
