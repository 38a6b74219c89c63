import type { Metadata } from "next";
import { listInsights } from "@/lib/insights/weekly-insights";
import { listInsightsQuery } from "@/lib/insights/schemas";
import { listSummaries } from "@/lib/summaries/summaries";
import { listSummariesQuery } from "@/lib/summaries/schemas";
import { signedInPage } from "@/app/_server/page";
import { InsightList, SummaryTable } from "@/components/insights/insight-views";
import { loadPagePatient } from "../load-patient";

export const metadata: Metadata = { title: "Insights" };

export default signedInPage(async function InsightsPage({ params }: { params: Promise<{ id: string }> }, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const [insights, summaries] = await Promise.all([
    listInsights(actor, p.id, listInsightsQuery.parse({ limit: "20" })),
    listSummaries(actor, p.id, listSummariesQuery.parse({ limit: "14" })),
  ]);
  return (
    <div className="space-y-8">
      <h2 className="text-2xl font-bold">Insights</h2>
      <section aria-labelledby="weekly-title" className="space-y-4">
        <h3 id="weekly-title" className="text-xl font-semibold">
          Weekly patterns
        </h3>
        {insights.items.length === 0 ? (
          <p className="text-stone-700">
            No weekly insights yet. Elda looks for patterns in mood, reminders and activity once a week, after {p.display_name} has used the phone for a few
            days: set up their routine and pair their phone to start.
          </p>
        ) : (
          <InsightList insights={insights.items} />
        )}
      </section>
      <section aria-labelledby="daily-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h3 id="daily-title" className="text-xl font-semibold">
          Recent days
        </h3>
        {summaries.items.length === 0 ? (
          <p className="text-stone-700">
            No daily summaries yet. One is written each evening for the day that ended, once they have reminders or conversations.
          </p>
        ) : (
          <SummaryTable summaries={summaries.items} />
        )}
      </section>
    </div>
  );
});
