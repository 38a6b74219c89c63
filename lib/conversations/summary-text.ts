import { createTranslator } from "next-intl";
import { DateTime } from "luxon";
import en from "@/messages/en/conversations.json";
import es from "@/messages/es/conversations.json";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A conversation's summary in the caregiver's language, at display time. The summary is a template, not a
 * model's text (lib/conversations/summarize-conversations.ts): written once in English when the conversation
 * ends (the API returns that text, and English shows it unchanged), and composed here for another language
 * from the same turns' analysis. Topics, health mentions and the companion's notes are shown as the analysis
 * wrote them.
 */

const catalogues = { en: en.summaryText, es: es.summaryText } satisfies Record<Locale, typeof en.summaryText>;
const translators = new Map<Locale, ReturnType<typeof make>>();
function make(locale: Locale) {
  return createTranslator({ locale, messages: { summaryText: catalogues[locale] }, namespace: "summaryText" });
}
function words(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}

const RANK: Record<string, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };
const MOODS = ["positive", "neutral", "concerned", "distressed"] as const;
const isMood = (s: string): s is (typeof MOODS)[number] => (MOODS as readonly string[]).includes(s);

/** A turn as the conversations API presents it. */
export interface TurnForSummaryText {
  created_at: string;
  sentiment: string | null;
  urgency_level: string;
  topics: string[];
  health_mentions: string[];
  analysis: unknown;
  reminder_id: string | null;
}

/**
 * The summary to show: English is the stored one; another language is composed from the turns (in the
 * patient's `timeZone`, as the stored one is). Null while the conversation has no summary yet.
 */
export function conversationSummaryText(
  conversation: { summary: string | null; turns?: TurnForSummaryText[] },
  timeZone: string,
  locale: Locale,
): string | null {
  const turns = conversation.turns ?? [];
  if (locale === "en" || !conversation.summary || turns.length === 0) return conversation.summary;
  const t = words(locale);
  const list = (xs: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(xs);
  const at = (iso: string) => DateTime.fromISO(iso, { zone: timeZone }).setLocale(locale).toLocaleString(DateTime.TIME_SIMPLE);
  const first = turns[0];
  const last = turns.at(-1)!;
  const parts = [t("span", { count: turns.length, single: first === last ? "yes" : "no", start: at(first.created_at), end: at(last.created_at) })];
  const topics = [...new Set(turns.flatMap((x) => x.topics).filter((x) => x !== "health"))];
  if (topics.length) parts.push(t("topics", { list: list(topics.slice(0, 5)) }));
  const moods = turns.map((x) => x.sentiment).filter((s): s is string => !!s);
  const distinct = moods.filter((m, i) => i === 0 || moods[i - 1] !== m);
  const mood = (m: string) => (isMood(m) ? t(`moods.${m}`) : m);
  if (distinct.length === 1) parts.push(t("mood", { mood: mood(distinct[0]) }));
  else if (distinct.length > 1) parts.push(t("moodChanged", { from: mood(distinct[0]), to: mood(distinct.at(-1)!) }));
  const health = [...new Set(turns.flatMap((x) => x.health_mentions))];
  if (health.length) parts.push(t("health", { list: list(health.slice(0, 5)) }));
  const confirmed = new Set(turns.map((x) => x.reminder_id).filter(Boolean)).size;
  if (confirmed) parts.push(t("confirmed", { count: confirmed }));
  const worst = turns.reduce((w, x) => ((RANK[x.urgency_level] ?? 0) > (RANK[w] ?? 0) ? x.urgency_level : w), "none");
  if ((RANK[worst] ?? 0) >= RANK.high) parts.push(t("alerted", { level: worst }));
  else if (worst === "medium") parts.push(t("followUp"));
  const notes = [
    ...new Set(
      turns
        .map((x) => (x.analysis as { caregiver_note?: unknown } | null)?.caregiver_note)
        .filter((n): n is string => typeof n === "string" && n.trim().length > 0),
    ),
  ];
  if (notes.length) parts.push(t("note", { notes: notes.slice(-2).join(" ") }));
  return parts.join(" ").slice(0, 2000);
}
