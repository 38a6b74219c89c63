import { createTranslator } from "next-intl";
import en from "@/messages/en/insightContent.json";
import es from "@/messages/es/insightContent.json";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A weekly insight's title, description and evidence lines in the caregiver's language, at display time. The
 * generator (lib/insights/weekly-insights.ts) writes them once, in English (the API returns that text, and
 * English shows it unchanged); another language composes them from the insight's category and the numbers of
 * its evidence, never by translating the stored sentence. Topics are shown as the analysis wrote them. Pure and
 * synchronous: both locales' small `insightContent` namespace are bundled.
 */

const catalogues = { en, es } satisfies Record<Locale, typeof en>;
const translators = new Map<Locale, ReturnType<typeof make>>();
function make(locale: Locale) {
  return createTranslator({ locale, messages: { insightContent: catalogues[locale] }, namespace: "insightContent" });
}
function words(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = make(locale)));
  return t;
}

/** The generator whose insights this composes; others (the demo's seed, a future model) fall back to a general sentence. */
export const WEEKLY_PATTERNS = "weekly-patterns";

export interface InsightForText {
  category: string;
  title: string;
  description: string;
  evidence: unknown[];
  generated_by: string;
}

export interface InsightText {
  title: string;
  description: string;
  evidence: string[];
}

type Item = Record<string, unknown>;
const items = (evidence: unknown[]) => evidence.filter((e): e is Item => !!e && typeof e === "object" && !Array.isArray(e));
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
const underscores = (k: string) => k.replaceAll("_", " ");

/** One piece of evidence as English has always shown it: {date: "2026-01-12", mean_score: 0.4} -> "date 2026-01-12, mean score 0.4". */
export function evidenceLine(item: unknown): string {
  if (item === null || typeof item !== "object") return String(item);
  return Object.entries(item as Record<string, unknown>)
    .map(([k, v]) => `${underscores(k)} ${typeof v === "string" ? underscores(v) : String(v)}`)
    .join(", ");
}

/** Least-squares slope per day, as the generator computes the mood trend. */
function slope(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let numerator = 0;
  let den = 0;
  ys.forEach((y, x) => {
    numerator += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : numerator / den;
}

/**
 * Title, description and evidence lines in `locale`. `name` is the patient's preferred or first name, as
 * the generator names them. English: the stored title and description, and the evidence as key-value lines.
 */
export function insightText(insight: InsightForText, name: string, locale: Locale): InsightText {
  if (locale === "en") return { title: insight.title, description: insight.description, evidence: insight.evidence.map(evidenceLine) };
  const t = words(locale);
  const list = (xs: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(xs);
  const number = (n: number, digits = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const percent = (rate: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(rate);
  const day = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(d);
  };
  const clock = (hour: number) =>
    t("description.hour", {
      hour,
      time: new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(Date.UTC(2000, 0, 1, hour)),
    });
  const ev = items(insight.evidence);
  const fallback = (): InsightText => ({
    title: t("title.other", { category: insight.category }),
    description: t("description.other", { name }),
    evidence: ev.map((e) =>
      Object.values(e)
        .filter((v) => v !== null && v !== undefined && v !== "")
        .map(String)
        .join(", "),
    ),
  });
  if (insight.generated_by !== WEEKLY_PATTERNS) return fallback();

  switch (insight.category) {
    case "mood": {
      const days = ev.filter((e) => str(e.date) && num(e.mean_score) !== undefined);
      if (days.length === 0) return fallback();
      const s = slope(days.map((e) => num(e.mean_score)!));
      const trend = s > 0.1 ? "improving" : s < -0.1 ? "declining" : "steady";
      return {
        title: t("title.mood", { trend }),
        description: t("description.mood", { name, trend, days: days.length }),
        evidence: days.map((e) => t("evidence.mood", { date: day(str(e.date)!), score: number(num(e.mean_score)!) })),
      };
    }
    case "medication": {
      const weeks = ev.filter((e) => str(e.period) && num(e.rate) !== undefined && num(e.reminders) !== undefined);
      const now = weeks.find((e) => e.period === "this_week");
      if (!now) return fallback();
      const before = weeks.find((e) => e.period === "previous_week");
      const rate = num(now.rate)!;
      const total = num(now.reminders)!;
      const change = before ? rate - num(before.rate)! : null;
      const trend = change === null ? "none" : change > 0.05 ? "up" : change < -0.05 ? "down" : "same";
      return {
        title: t("title.medication", { percent: percent(rate) }),
        description: t("description.medication", { name, done: num(now.completed) ?? Math.round(rate * total), total, trend }),
        evidence: weeks.map((e) => t("evidence.medication", { period: str(e.period)!, percent: percent(num(e.rate)!), reminders: num(e.reminders)! })),
      };
    }
    case "communication": {
      const topics = ev.filter((e) => str(e.topic) && num(e.count) !== undefined);
      if (topics.length === 0) return fallback();
      return {
        title: t("title.communication", { topics: list(topics.map((e) => str(e.topic)!)) }),
        description: t("description.communication", {
          name,
          topics: list(topics.map((e) => t("description.topicCount", { topic: str(e.topic)!, count: num(e.count)! }))),
        }),
        evidence: topics.map((e) => t("evidence.communication", { topic: str(e.topic)!, count: num(e.count)! })),
      };
    }
    case "activity": {
      const hours = ev.filter((e) => num(e.hour) !== undefined && num(e.count) !== undefined);
      if (hours.length === 0) return fallback();
      const at = list(hours.map((e) => clock(num(e.hour)!)));
      return {
        title: t("title.activity", { hours: at }),
        description: t("description.activity", { name, hours: at }),
        evidence: hours.map((e) => t("evidence.activity", { hour: clock(num(e.hour)!), count: num(e.count)! })),
      };
    }
    default:
      return fallback();
  }
}
