import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { DailySummary } from "@/lib/db/generated/client";
import { localeOf, type Locale } from "@/lib/i18n/locales";
import { effectiveSettings } from "@/lib/orgs/settings";
import { consentInForce } from "@/lib/consents/consent-in-force";
import { generateWithin, languageModel } from "@/lib/companion/model";
import { meter } from "@/lib/usage/meter";
import { logger } from "@/lib/observability/logger";
import { messagesFor } from "@/lib/caregiver-messages/catalogue";
import { templateNarrative } from "@/lib/caregiver-messages/summary-messages";
import { inventedNumbers } from "./narrative-numbers";
import { figuresOf, numbersOf } from "./summary-figures";

/** How long the model may take over one narrative (a delivery's claim lasts minutes; a caregiver waits for nothing). */
export const NARRATIVE_TIMEOUT_MS = 10_000;

const modelNarrative = z.object({
  narrative: z.string().min(1).max(1200).describe("The summary: 2 to 4 sentences, only the figures given."),
});

interface StoredNarrative {
  text: string;
  source: string;
  figures: string;
}

/**
 * A summary's narrative in one language (docs/decisions/031): written by the model once per language for
 * the figures it tells, and stored on the summary (`narratives`), so every caregiver reading that language
 * gets the same text and the model is asked once. The template is the floor: no model configured, the
 * patient's `ai_companion` consent not in force, the model failing or slow, or its text carrying a number that
 * is not among the summary's figures.
 */
export async function narrativeFor(summaryId: string, language: string, now: Date): Promise<string> {
  const s = await db.dailySummary.findUniqueOrThrow({
    where: { id: summaryId },
    include: { patient: { select: { firstName: true, preferredName: true, aiModel: true, organization: { select: { settings: true } } } } },
  });
  const locale = localeOf(language);
  const figures = figuresOf(s, s.patient.preferredName || s.patient.firstName);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([s.summaryDate, figures, s.adherenceOverall, s.adherenceMedication, s.adherenceMeal, s.activeHours]))
    .digest("base64url")
    .slice(0, 22);
  const stored = ((s.narratives ?? {}) as unknown as Record<string, StoredNarrative>)[locale];
  if (stored?.figures === fingerprint) return stored.text;
  const made = await writeNarrative(s, locale, figures, now);
  const entry: StoredNarrative = { ...made, figures: fingerprint };
  // first writer wins: a caregiver rendering the same summary at the same moment gets the stored text
  await db.$executeRaw`
    UPDATE daily_summaries SET narratives = jsonb_set(narratives, ARRAY[${locale}::text], ${JSON.stringify(entry)}::jsonb)
    WHERE id = ${summaryId}::uuid AND (narratives -> ${locale}::text ->> 'figures') IS DISTINCT FROM ${fingerprint}`;
  const after = await db.dailySummary.findUniqueOrThrow({ where: { id: summaryId }, select: { narratives: true } });
  return ((after.narratives ?? {}) as unknown as Record<string, StoredNarrative>)[locale]?.text ?? made.text;
}

async function writeNarrative(
  s: DailySummary & { patient: { aiModel: string | null; organization: { settings: unknown } } },
  locale: Locale,
  figures: ReturnType<typeof figuresOf>,
  now: Date,
): Promise<{ text: string; source: string }> {
  const template = (why?: string) => ({ text: templateNarrative(locale, figures), source: why ? `template:${why}` : "template" });
  if (!(await consentInForce(db, s.patientId, "ai_companion"))) return template("companion_off");
  const ai = effectiveSettings(s.patient.organization.settings).ai;
  const modelId = s.patient.aiModel ?? ai.model;
  const model = languageModel(ai.provider, modelId);
  if (!model) return template();
  const m = messagesFor(locale);
  const facts = {
    date: s.summaryDate.toISOString().slice(0, 10),
    reminders_due: figures.reminders.total,
    reminders_completed: figures.reminders.done,
    reminders_missed: figures.reminders.missed,
    medications_due: figures.medications.total,
    medications_taken: figures.medications.done,
    adherence_percent: s.adherenceOverall === null ? null : Math.round(s.adherenceOverall * 100),
    conversations_with_companion: figures.conversations,
    companion_switched_off: !figures.companionOn,
    mood: figures.mood,
    health_mentioned: figures.healthMentions,
    topics: ((s.details ?? {}) as { topics?: string[] }).topics ?? [],
    hours_with_activity: figures.activeHours,
    alerts_raised: figures.alerts,
  };
  try {
    const { object, tokensIn, tokensOut } = await generateWithin(
      model,
      modelNarrative,
      m.narrativePrompt(figures.name),
      [{ role: "user", content: JSON.stringify(facts) }],
      NARRATIVE_TIMEOUT_MS,
    );
    await meter({ patientId: s.patientId }, now, { model_tokens_in: tokensIn, model_tokens_out: tokensOut });
    const text = object.narrative.trim();
    const invented = inventedNumbers(text, locale, numbersOf(s, figures));
    if (invented.length) {
      logger.warn({ summaryId: s.id, invented }, "summary narrative refused: a number not among the figures");
      return template("invented_number");
    }
    return { text, source: `${ai.provider}:${modelId}` };
  } catch (err) {
    // never the text: it is PHI
    logger.warn({ summaryId: s.id, error: (err as Error)?.name, message: (err as Error)?.message }, "summary narrative: model failed");
    return template("model_failed");
  }
}
