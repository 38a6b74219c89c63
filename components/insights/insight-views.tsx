import type { z } from "zod";
import type { insightOutput } from "@/lib/insights/schemas";
import type { summaryOutput } from "@/lib/summaries/schemas";
import { formatDate } from "@/lib/dashboard/format";

type Insight = z.infer<typeof insightOutput>;
type Summary = z.infer<typeof summaryOutput>;

const pct = (n: number | null) => (n === null ? "no reminders" : `${Math.round(n * 100)}%`);
const words = (k: string) => k.replaceAll("_", " ");

/** One piece of evidence in words: {date: "2026-01-12", mean_score: 0.4} -> "date 2026-01-12, mean score 0.4". */
function evidenceLine(item: unknown): string {
  if (item === null || typeof item !== "object") return String(item);
  return Object.entries(item as Record<string, unknown>)
    .map(([k, v]) => `${words(k)} ${typeof v === "string" ? words(v) : String(v)}`)
    .join(", ");
}

export function InsightList({ insights }: { insights: Insight[] }) {
  return (
    <ul className="space-y-4">
      {insights.map((i) => (
        <li key={i.id} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <h4 className="text-lg font-semibold">{i.title}</h4>
          <p className="text-base text-stone-600">
            {words(i.category).replace(/^./, (c) => c.toUpperCase())} · week of {formatDate(i.period_start)} to {formatDate(i.period_end)} · confidence{" "}
            {Math.round(i.confidence * 100)}%
          </p>
          <p className="mt-2 text-stone-800">{i.description}</p>
          {i.evidence.length > 0 && (
            <details className="mt-2">
              <summary className="min-h-12 cursor-pointer py-2 font-semibold text-teal-800">Evidence ({i.evidence.length})</summary>
              <ul className="list-disc space-y-1 pl-6 text-base text-stone-700">
                {i.evidence.map((e, n) => (
                  <li key={n}>{evidenceLine(e)}</li>
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
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">Daily summaries, newest first</caption>
        <thead className="border-b-2 border-stone-300 text-base">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Day
            </th>
            <th scope="col" className="py-2 pr-4">
              Adherence
            </th>
            <th scope="col" className="py-2 pr-4">
              Medication
            </th>
            <th scope="col" className="py-2 pr-4">
              Reminders done / missed
            </th>
            <th scope="col" className="py-2 pr-4">
              Conversations
            </th>
            <th scope="col" className="py-2 pr-4">
              Mood
            </th>
            <th scope="col" className="py-2">
              Alerts
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {summaries.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="py-2 pr-4 font-semibold">
                {formatDate(s.summary_date)}
              </th>
              <td className="py-2 pr-4">{pct(s.adherence.overall)}</td>
              <td className="py-2 pr-4">{pct(s.adherence.medication)}</td>
              <td className="py-2 pr-4">
                {s.completed_reminders} / {s.missed_reminders} <span className="text-stone-600">of {s.total_reminders}</span>
              </td>
              <td className="py-2 pr-4">{s.conversation_count}</td>
              <td className="py-2 pr-4">{s.overall_sentiment ?? "—"}</td>
              <td className="py-2">{s.alert_count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
