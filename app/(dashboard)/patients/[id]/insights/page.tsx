import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listInsights } from "@/lib/insights/weekly-insights";
import { listInsightsQuery } from "@/lib/insights/schemas";
import { listSummaries } from "@/lib/summaries/summaries";
import { listSummariesQuery } from "@/lib/summaries/schemas";
import { signedInPage } from "@/app/_server/page";
import { InsightList, SummaryTable } from "@/components/insights/insight-views";
import { loadPagePatient } from "../load-patient";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("insights"))("metaTitle") };
}

export default signedInPage(async function InsightsPage({ params }: { params: Promise<{ id: string }> }, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const [t, insights, summaries] = await Promise.all([
    getTranslations("insights"),
    listInsights(actor, p.id, listInsightsQuery.parse({ limit: "20" })),
    listSummaries(actor, p.id, listSummariesQuery.parse({ limit: "14" })),
  ]);
  return (
    <div className="space-y-8">
      <h2 className="text-2xl font-bold">{t("title")}</h2>
      <section aria-labelledby="weekly-title" className="space-y-4">
        <h3 id="weekly-title" className="text-xl font-semibold">
          {t("weekly")}
        </h3>
        {insights.items.length === 0 ? (
          <p className="text-stone-700">{t("noWeekly", { name: p.display_name })}</p>
        ) : (
          <InsightList insights={insights.items} name={p.display_name} />
        )}
      </section>
      <section aria-labelledby="daily-title" className="space-y-4 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h3 id="daily-title" className="text-xl font-semibold">
          {t("recent")}
        </h3>
        {summaries.items.length === 0 ? <p className="text-stone-700">{t("noDaily")}</p> : <SummaryTable summaries={summaries.items} />}
      </section>
    </div>
  );
});
