import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { signedInPage } from "@/app/_server/page";
import { getCaregiverAnalytics } from "@/lib/analytics/caregiver-analytics";
import { listScope } from "@/app/_server/list-scope";
import { FacilityFilter } from "@/components/filters/facility-filter";
import { localToday, pageRange } from "@/lib/analytics/range";
import { number, percent, pointsChange, rangeLabel } from "@/lib/analytics/format";
import { DataTable } from "@/components/analytics/chart-figure";
import { Headline } from "@/components/analytics/headline";
import { RangeForm } from "@/components/analytics/range-form";
import { Notice } from "@/components/ui/notice";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Statistics across every patient the caregiver can see; each row leads to that patient's report. */
export default signedInPage(async function ReportsPage({ searchParams }: Props, { actor }) {
  const sp = await searchParams;
  const [tr, t, locale] = await Promise.all([getTranslations("reports"), getTranslations("reports.organization"), getLocale()]);
  const n = (v: number) => number(v, locale);
  const now = clock.now();
  const me = await db.caregiver.findUniqueOrThrow({ where: { id: actor.caregiverId }, select: { timezone: true } });
  const range = pageRange({ period: one(sp.period), from: one(sp.from), to: one(sp.to) }, localToday(now, me.timezone));
  const scope = await listScope(actor, one(sp.facility));
  const a = await getCaregiverAnalytics(
    actor,
    { from: range.query.from, to: range.query.to, organization_id: scope.organizationId, facility_id: scope.facility?.id },
    now,
  );
  const tot = a.totals;
  const days = a.range.days;
  const periodQuery = `period=${range.period}${range.period === "custom" ? `&from=${a.range.from}&to=${a.range.to}` : ""}`;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{tr("title")}</h1>
        <p className="mt-1 text-stone-700">{t("intro", { range: rangeLabel(a.range.from, a.range.to, locale), days })}</p>
      </div>

      <FacilityFilter
        action="/reports"
        facilities={scope.facilities}
        current={scope.facility?.id}
        keep={{ period: range.period, from: range.period === "custom" ? a.range.from : undefined, to: range.period === "custom" ? a.range.to : undefined }}
      />
      <RangeForm action="/reports" period={range.period} values={range.values} errors={range.errors} facility={scope.facility?.id} />
      {Object.keys(range.errors).length > 0 && (
        <Notice tone="error" role="alert" title={tr("rangeRefused")}>
          {tr("rangeRefusedText")}
        </Notice>
      )}

      {a.patients.length === 0 ? (
        <div className="rounded-xl border-2 border-dashed border-stone-300 bg-white px-6 py-12 text-center">
          <p className="text-xl font-semibold">{t("empty")}</p>
          <p className="mt-2 text-stone-700">{t("emptyText")}</p>
          <p className="mt-6">
            <ButtonLink href="/patients/new">{t("addPatient")}</ButtonLink>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="totals" className="space-y-3">
            <h2 id="totals" className="text-2xl font-semibold">
              {t("across", { count: tot.patients })}
            </h2>
            <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <Headline
                label={tr("remindersDone")}
                value={percent(tot.adherence.rate, locale)}
                detail={tot.adherence.due ? tr("ofDue", { completed: tot.adherence.completed, due: tot.adherence.due }) : tr("noneDue")}
                change={pointsChange(tot.adherence_delta_points, days, locale)}
              />
              <Headline label={tr("conversations")} value={n(tot.conversations)} />
              <Headline label={t("alertsRaised")} value={n(tot.alerts)} />
              <Headline label={t("openAlerts")} value={n(tot.open_alerts)} />
            </dl>
          </section>

          <section aria-labelledby="per-patient" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
            <h2 id="per-patient" className="text-2xl font-semibold">
              {t("perPatient")}
            </h2>
            <DataTable
              caption={t("caption")}
              columns={[t("patient"), tr("remindersDone"), t("change"), tr("conversations"), t("alertsRaised"), t("openAlerts")]}
              rows={a.patients.map((p) => [
                <Link
                  key={p.patient_id}
                  href={`/patients/${p.patient_id}/reports?${periodQuery}`}
                  className="text-teal-800 underline underline-offset-4 hover:no-underline"
                >
                  {p.name}
                </Link>,
                p.adherence.due
                  ? t("rateOfDue", { rate: percent(p.adherence.rate, locale), completed: p.adherence.completed, due: p.adherence.due })
                  : t("noneDue"),
                pointsChange(
                  p.adherence.rate === null || p.previous_adherence.rate === null
                    ? null
                    : Math.round((p.adherence.rate - p.previous_adherence.rate) * 1000) / 10,
                  days,
                  locale,
                ),
                n(p.conversations),
                n(p.alerts),
                p.open_alerts.total
                  ? t("openBreakdown", { total: p.open_alerts.total, critical: p.open_alerts.critical, high: p.open_alerts.high })
                  : t("none"),
              ])}
            />
          </section>
          <p className="text-base text-stone-700">{t("footnote")}</p>
          <section aria-labelledby="export" className="space-y-3">
            <h2 id="export" className="text-2xl font-semibold">
              {t("exportHeading")}
            </h2>
            <p className="text-stone-700">{t("exportText")}</p>
            <p className="flex flex-wrap gap-4">
              {(["csv", "json"] as const).map((format) => (
                <a
                  key={format}
                  href={`/api/v1/analytics/export?${new URLSearchParams({ format, from: a.range.from, to: a.range.to, ...(scope.organizationId && { organization_id: scope.organizationId }), ...(scope.facility && { facility_id: scope.facility.id }) })}`}
                  className="inline-flex min-h-12 items-center rounded-lg border-2 border-teal-700 bg-white px-5 text-lg font-semibold text-teal-800 hover:bg-teal-50"
                  download
                >
                  {t(format === "csv" ? "exportCsv" : "exportJson")}
                </a>
              ))}
            </p>
          </section>
        </>
      )}
    </div>
  );
});
