import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { clock } from "@/lib/clock";
import { signedInPage } from "@/app/_server/page";
import { getPatientAnalytics } from "@/lib/analytics/patient-analytics";
import { localToday, pageRange } from "@/lib/analytics/range";
import { bucketLabel, countChange, duration, hourLabel, moodLabel, number, percent, pointsChange, rangeLabel, titleCase } from "@/lib/analytics/format";
import { formatDateTime } from "@/lib/dashboard/format";
import { ChartFigure, DataTable } from "@/components/analytics/chart-figure";
import { Headline } from "@/components/analytics/headline";
import { RangeForm } from "@/components/analytics/range-form";
import { TrendChart } from "@/components/analytics/trend-chart";
import { Notice } from "@/components/ui/notice";
import { loadPagePatient } from "../load-patient";

// the patient's name stays out of the document title
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("metaTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const pctOf = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

const TEAL = "#0f766e";
const AMBER = "#b45309";
const SKY = "#0369a1";

export default signedInPage(async function PatientReportsPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const [tr, t, labels, locale] = await Promise.all([getTranslations("reports"), getTranslations("reports.patient"), getTranslations("labels"), getLocale()]);
  const ofDue = (c: { completed: number; due: number }) => (c.due ? tr("ofDue", { completed: c.completed, due: c.due }) : tr("noneDue"));
  const pct = (r: number | null) => percent(r, locale);
  const n = (v: number) => number(v, locale);
  const dur = (m: number | null) => duration(m, locale);
  const now = clock.now();
  const range = pageRange({ period: one(sp.period), from: one(sp.from), to: one(sp.to), granularity: one(sp.granularity) }, localToday(now, p.timezone));
  const a = await getPatientAnalytics(actor, p.id, range.query, now);
  const { current: cur, delta, granularity: g } = a;
  const days = a.range.days;
  const exportQuery = `from=${a.range.from}&to=${a.range.to}&granularity=${g}`;
  const label = (start: string) => bucketLabel(start, g, locale);
  const unitName = t("unit", { unit: g });
  const hour = (h: number) => hourLabel(h, locale);
  // English keeps the enum's own words, as before; other languages say them with the `labels` catalogue
  const alertType = (type: string) => (locale === "en" ? titleCase(type) : labels(`alertType.${type}` as "alertType.emergency"));
  const severity = (sev: string) => (locale === "en" ? titleCase(sev) : labels(`severity.${sev}` as "severity.critical"));

  const adherenceData = a.adherence.map((b) => ({
    label: label(b.start),
    overall: pctOf(b.overall.rate),
    medication: pctOf(b.medication.rate),
    meal: pctOf(b.meal.rate),
  }));
  const conversationData = a.conversations.buckets.map((b, i) => ({
    label: label(b.start),
    conversations: b.count,
    mood: b.mean_sentiment,
    alerts: a.alerts.buckets[i].count,
  }));
  const hasReminders = cur.adherence.overall.due > 0;

  return (
    <div className="space-y-8">
      <div>
        <h2 className="text-2xl font-bold tracking-tight">{tr("title")}</h2>
        <p className="mt-1 text-stone-700">
          {t("intro", {
            range: rangeLabel(a.range.from, a.range.to, locale),
            zone: a.timezone.replaceAll("_", " "),
            previous: rangeLabel(a.previous_range.from, a.previous_range.to, locale),
          })}
        </p>
      </div>

      <RangeForm action={`/patients/${p.id}/reports`} period={range.period} values={range.values} granularity={g} errors={range.errors} />
      {Object.keys(range.errors).length > 0 && (
        <Notice tone="error" role="alert" title={tr("rangeRefused")}>
          {tr("rangeRefusedText")}
        </Notice>
      )}

      <section aria-labelledby="headlines" className="space-y-3">
        <h3 id="headlines" className="text-xl font-semibold">
          {t("atAGlance")}
        </h3>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Headline
            label={tr("remindersDone")}
            value={pct(cur.adherence.overall.rate)}
            detail={ofDue(cur.adherence.overall)}
            change={pointsChange(delta.adherence_points.overall, days, locale)}
          />
          <Headline
            label={t("medicationsTaken")}
            value={pct(cur.adherence.medication.rate)}
            detail={ofDue(cur.adherence.medication)}
            change={pointsChange(delta.adherence_points.medication, days, locale)}
          />
          <Headline
            label={t("mealsConfirmed")}
            value={pct(cur.adherence.meal.rate)}
            detail={ofDue(cur.adherence.meal)}
            change={pointsChange(delta.adherence_points.meal, days, locale)}
          />
          <Headline
            label={tr("conversations")}
            value={n(cur.conversations.count)}
            detail={t("moodDetail", { mood: moodLabel(cur.conversations.mean_sentiment, locale) })}
            change={countChange(delta.conversations, days, locale)}
          />
          <Headline label={tr("alerts")} value={n(cur.alerts.count)} detail={countChange(delta.alerts, days, locale)} />
          <Headline
            label={t("acknowledgeMedian")}
            value={dur(cur.alerts.time_to_acknowledge.median_minutes)}
            detail={cur.alerts.time_to_acknowledge.count ? t("within90", { duration: dur(cur.alerts.time_to_acknowledge.p90_minutes) }) : t("noneAcknowledged")}
          />
          <Headline
            label={t("resolveMedian")}
            value={dur(cur.alerts.time_to_resolve.median_minutes)}
            detail={cur.alerts.time_to_resolve.count ? t("within90", { duration: dur(cur.alerts.time_to_resolve.p90_minutes) }) : t("noneResolved")}
          />
          <Headline
            label={t("silent")}
            value={t("times", { count: cur.activity.gaps_over_threshold })}
            detail={t("longest", { duration: dur(cur.activity.longest_gap_minutes) })}
            change={countChange(delta.gaps_over_threshold, days, locale)}
          />
        </dl>
      </section>

      <p className="flex flex-wrap gap-4">
        <a
          href={`/api/v1/patients/${p.id}/analytics/export?format=csv&${exportQuery}`}
          className="inline-flex min-h-12 items-center rounded-lg border-2 border-teal-700 bg-white px-5 text-lg font-semibold text-teal-800 hover:bg-teal-50"
          download
        >
          {t("exportCsv")}
        </a>
        <a
          href={`/api/v1/patients/${p.id}/analytics/export?format=json&${exportQuery}`}
          className="inline-flex min-h-12 items-center rounded-lg border-2 border-teal-700 bg-white px-5 text-lg font-semibold text-teal-800 hover:bg-teal-50"
          download
        >
          {t("exportJson")}
        </a>
      </p>

      <ChartFigure
        id="chart-adherence"
        title={t("adherence.title")}
        description={t("adherence.description", { unit: g })}
        empty={hasReminders ? undefined : t("adherence.empty")}
        chart={
          <TrendChart
            kind="bar"
            data={adherenceData}
            xKey="label"
            xLabel={unitName}
            yLabel={t("adherence.yLabel")}
            unit="%"
            yDomain={[0, 100]}
            series={[
              { key: "overall", name: t("adherence.all"), color: TEAL },
              { key: "medication", name: t("adherence.medications"), color: AMBER },
              { key: "meal", name: t("adherence.meals"), color: SKY },
            ]}
          />
        }
        table={{
          caption: t("adherence.caption"),
          columns: [unitName, t("adherence.all"), t("adherence.medications"), t("adherence.meals")],
          rows: a.adherence.map((b) => [
            label(b.start),
            `${pct(b.overall.rate)} (${ofDue(b.overall)})`,
            `${pct(b.medication.rate)} (${ofDue(b.medication)})`,
            `${pct(b.meal.rate)} (${ofDue(b.meal)})`,
          ]),
        }}
      />

      <ChartFigure
        id="chart-conversations"
        title={t("activity.title")}
        description={t("activity.description", { unit: g })}
        empty={cur.conversations.count + cur.alerts.count > 0 ? undefined : t("activity.empty")}
        chart={
          <TrendChart
            kind="bar"
            data={conversationData}
            xKey="label"
            xLabel={unitName}
            yLabel={t("activity.yLabel")}
            series={[
              { key: "conversations", name: tr("conversations"), color: TEAL },
              { key: "alerts", name: tr("alerts"), color: AMBER },
            ]}
          />
        }
        table={{
          caption: t("activity.caption"),
          columns: [unitName, tr("conversations"), tr("alerts")],
          rows: conversationData.map((r) => [r.label, n(r.conversations), n(r.alerts)]),
        }}
      />

      <ChartFigure
        id="chart-mood"
        title={t("mood.title")}
        description={t("mood.description")}
        empty={cur.conversations.turns > 0 ? undefined : t("mood.empty")}
        chart={
          <TrendChart
            kind="line"
            data={conversationData}
            xKey="label"
            xLabel={unitName}
            yLabel={t("mood.yLabel")}
            yDomain={[-2, 1]}
            series={[{ key: "mood", name: t("mood.series"), color: SKY }]}
          />
        }
        table={{
          caption: t("mood.caption"),
          columns: [
            unitName,
            t("mood.series"),
            t("mood.score"),
            labels("sentiment.positive"),
            labels("sentiment.neutral"),
            labels("sentiment.concerned"),
            labels("sentiment.distressed"),
          ],
          rows: a.conversations.buckets.map((b) => [
            label(b.start),
            moodLabel(b.mean_sentiment, locale),
            number(b.mean_sentiment, locale),
            n(b.sentiment.positive),
            n(b.sentiment.neutral),
            n(b.sentiment.concerned),
            n(b.sentiment.distressed),
          ]),
        }}
      />

      <ChartFigure
        id="chart-hours"
        title={t("hours.title")}
        description={t("hours.description", { days })}
        empty={cur.activity.events > 0 ? undefined : t("hours.empty")}
        chart={
          <TrendChart
            kind="bar"
            data={a.activity.hours.map((h) => ({ label: hour(h.hour), days: h.days }))}
            xKey="label"
            xLabel={t("hours.xLabel")}
            yLabel={t("hours.yLabel")}
            series={[{ key: "days", name: t("hours.series"), color: TEAL }]}
          />
        }
        table={{
          caption: t("hours.caption"),
          columns: [t("hours.hour"), t("hours.series"), t("hours.events")],
          rows: a.activity.hours.map((h) => [hour(h.hour), n(h.days), n(h.events)]),
        }}
      />

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="alert-kinds" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h3 id="alert-kinds" className="text-xl font-semibold">
            {t("alertKinds.title")}
          </h3>
          {a.alerts.by_type_and_severity.length ? (
            <DataTable
              caption={t("alertKinds.title")}
              columns={[t("alertKinds.type"), t("alertKinds.severity"), tr("alerts")]}
              rows={a.alerts.by_type_and_severity.map((r) => [alertType(r.type), severity(r.severity), n(r.count)])}
            />
          ) : (
            <p className="mt-3 text-stone-700">{t("alertKinds.empty")}</p>
          )}
        </section>
        <section aria-labelledby="silences" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h3 id="silences" className="text-xl font-semibold">
            {t("silences.title")}
          </h3>
          {a.activity.longest_gaps.length ? (
            <DataTable
              caption={t("silences.caption")}
              columns={[t("silences.from"), t("silences.to"), t("silences.length")]}
              rows={a.activity.longest_gaps.map((gap) => [
                formatDateTime(gap.start, a.timezone, locale),
                formatDateTime(gap.end, a.timezone, locale),
                dur(gap.minutes),
              ])}
            />
          ) : (
            <p className="mt-3 text-stone-700">{t("silences.empty")}</p>
          )}
        </section>
        <section aria-labelledby="topics" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm md:col-span-2">
          <h3 id="topics" className="text-xl font-semibold">
            {t("topics.title")}
          </h3>
          {a.conversations.top_topics.length ? (
            <DataTable
              caption={t("topics.title")}
              columns={[t("topics.topic"), tr("conversations")]}
              rows={a.conversations.top_topics.map((topic) => [topic.topic, n(topic.count)])}
            />
          ) : (
            <p className="mt-3 text-stone-700">{t("topics.empty")}</p>
          )}
        </section>
      </div>
    </div>
  );
});
