import type { z } from "zod";
import { useLocale, useTranslations } from "next-intl";
import type { insightOutput } from "@/lib/insights/schemas";
import type { summaryOutput } from "@/lib/summaries/schemas";
import { formatDate } from "@/lib/dashboard/format";
import { insightText } from "@/lib/insights/insight-text";
import { SENTIMENTS, type Sentiment } from "@/components/conversations/badges";

type Insight = z.infer<typeof insightOutput>;
type Summary = z.infer<typeof summaryOutput>;

const pct = (n: number | null, none: string, locale: string) =>
  n === null ? none : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(n);
const CATEGORIES = ["medication", "mood", "activity", "communication", "health", "general"] as const;
const isCategory = (c: string): c is (typeof CATEGORIES)[number] => (CATEGORIES as readonly string[]).includes(c);
const words = (k: string) => k.replaceAll("_", " ");
const isSentiment = (s: string): s is Sentiment => (SENTIMENTS as string[]).includes(s);

/** `name` is the patient's preferred or first name: the insights' sentences name them (in the reader's language, lib/insights/insight-text.ts). */
export function InsightList({ insights, name }: { insights: Insight[]; name: string }) {
  const t = useTranslations("insights");
  const locale = useLocale();
  return (
    <ul className="space-y-4">
      {insights
        .map((insight) => ({ i: insight, text: insightText(insight, name, locale) }))
        .map(({ i, text }) => (
          <li key={i.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <h4 className="text-lg font-semibold">{text.title}</h4>
            <p className="text-base text-stone-600">
              {t("week", {
                category: isCategory(i.category) ? t(`category.${i.category}`) : words(i.category).replace(/^./, (c) => c.toUpperCase()),
                from: formatDate(i.period_start, "UTC", locale),
                to: formatDate(i.period_end, "UTC", locale),
                confidence: pct(i.confidence, "", locale),
              })}
            </p>
            <p className="mt-2 text-stone-800">{text.description}</p>
            {text.evidence.length > 0 && (
              <details className="mt-2">
                <summary className="min-h-12 cursor-pointer py-2 font-semibold text-teal-800">{t("evidence", { count: text.evidence.length })}</summary>
                <ul className="list-disc space-y-1 pl-6 text-base text-stone-700">
                  {text.evidence.map((line, n) => (
                    <li key={n}>{line}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
    </ul>
  );
}

/** Daily summaries as a table: one row per day (readable by screen readers as it is). */
export function SummaryTable({ summaries }: { summaries: Summary[] }) {
  const t = useTranslations("insights");
  const labels = useTranslations("patientLabels");
  const locale = useLocale();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b-2 border-stone-300 text-base">
          <tr>
            <th scope="col" className="py-2 pr-4">
              {t("day")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("adherence")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("medication")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("doneMissed")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("conversations")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("mood")}
            </th>
            <th scope="col" className="py-2">
              {t("alerts")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {summaries.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="py-2 pr-4 font-semibold">
                {formatDate(s.summary_date, "UTC", locale)}
              </th>
              <td className="py-2 pr-4">{pct(s.adherence.overall, t("noReminders"), locale)}</td>
              <td className="py-2 pr-4">{pct(s.adherence.medication, t("noReminders"), locale)}</td>
              <td className="py-2 pr-4">
                {s.completed_reminders} / {s.missed_reminders} <span className="text-stone-600">{t("ofTotal", { total: s.total_reminders })}</span>
              </td>
              <td className="py-2 pr-4">{s.conversation_count}</td>
              <td className="py-2 pr-4">
                {s.overall_sentiment && isSentiment(s.overall_sentiment) ? labels(`sentiment.${s.overall_sentiment}`) : (s.overall_sentiment ?? "—")}
              </td>
              <td className="py-2">{s.alert_count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
