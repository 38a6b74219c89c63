import type { Metadata } from "next";
import { clock } from "@/lib/clock";
import { signedInPage } from "@/app/_server/page";
import { getPatientAnalytics } from "@/lib/analytics/patient-analytics";
import { localToday, pageRange } from "@/lib/analytics/range";
import { bucketLabel, countChange, duration, hourLabel, moodLabel, percent, pointsChange, rangeLabel, titleCase } from "@/lib/analytics/format";
import { formatDateTime } from "@/lib/dashboard/format";
import { ChartFigure, DataTable } from "@/components/analytics/chart-figure";
import { Headline } from "@/components/analytics/headline";
import { RangeForm } from "@/components/analytics/range-form";
import { TrendChart } from "@/components/analytics/trend-chart";
import { Notice } from "@/components/ui/notice";
import { loadPagePatient } from "../load-patient";

// the patient's name stays out of the document title
export const metadata: Metadata = { title: "Reports" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const pctOf = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
const ofDue = (c: { completed: number; due: number }) => (c.due ? `${c.completed} of ${c.due}` : "none due");

const TEAL = "#0f766e";
const AMBER = "#b45309";
const SKY = "#0369a1";

export default signedInPage(async function PatientReportsPage({ params, searchParams }: Props, { actor }) {
  const { id } = await params;
  const p = await loadPagePatient(id);
  const sp = await searchParams;
  const now = clock.now();
  const range = pageRange({ period: one(sp.period), from: one(sp.from), to: one(sp.to), granularity: one(sp.granularity) }, localToday(now, p.timezone));
  const a = await getPatientAnalytics(actor, p.id, range.query, now);
  const { current: cur, delta, granularity: g } = a;
  const days = a.range.days;
  const exportQuery = `from=${a.range.from}&to=${a.range.to}&granularity=${g}`;
  const label = (start: string) => bucketLabel(start, g);
  const unitName = g === "day" ? "Day" : g === "week" ? "Week" : "Month";

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
        <h2 className="text-2xl font-bold tracking-tight">Reports</h2>
        <p className="mt-1 text-stone-700">
          {rangeLabel(a.range.from, a.range.to)}, in the patient&apos;s time zone ({a.timezone.replaceAll("_", " ")}), compared with{" "}
          {rangeLabel(a.previous_range.from, a.previous_range.to)}.
        </p>
      </div>

      <RangeForm action={`/patients/${p.id}/reports`} period={range.period} values={range.values} granularity={g} errors={range.errors} />
      {Object.keys(range.errors).length > 0 && (
        <Notice tone="error" role="alert" title="That range could not be shown.">
          Check the dates next to the fields. Showing the last 30 days instead.
        </Notice>
      )}

      <section aria-labelledby="headlines" className="space-y-3">
        <h3 id="headlines" className="text-xl font-semibold">
          At a glance
        </h3>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Headline
            label="Reminders done"
            value={percent(cur.adherence.overall.rate)}
            detail={ofDue(cur.adherence.overall)}
            change={pointsChange(delta.adherence_points.overall, days)}
          />
          <Headline
            label="Medications taken"
            value={percent(cur.adherence.medication.rate)}
            detail={ofDue(cur.adherence.medication)}
            change={pointsChange(delta.adherence_points.medication, days)}
          />
          <Headline
            label="Meals confirmed"
            value={percent(cur.adherence.meal.rate)}
            detail={ofDue(cur.adherence.meal)}
            change={pointsChange(delta.adherence_points.meal, days)}
          />
          <Headline
            label="Conversations"
            value={cur.conversations.count}
            detail={`Mood: ${moodLabel(cur.conversations.mean_sentiment)}`}
            change={countChange(delta.conversations, days)}
          />
          <Headline label="Alerts" value={cur.alerts.count} detail={`${countChange(delta.alerts, days)}`} />
          <Headline
            label="Time to acknowledge (median)"
            value={duration(cur.alerts.time_to_acknowledge.median_minutes)}
            detail={
              cur.alerts.time_to_acknowledge.count
                ? `90% within ${duration(cur.alerts.time_to_acknowledge.p90_minutes)}`
                : "No alert acknowledged in this period"
            }
          />
          <Headline
            label="Time to resolve (median)"
            value={duration(cur.alerts.time_to_resolve.median_minutes)}
            detail={cur.alerts.time_to_resolve.count ? `90% within ${duration(cur.alerts.time_to_resolve.p90_minutes)}` : "No alert resolved in this period"}
          />
          <Headline
            label="Phone silent 2 hours or more"
            value={`${cur.activity.gaps_over_threshold} ${cur.activity.gaps_over_threshold === 1 ? "time" : "times"}`}
            detail={`Longest: ${duration(cur.activity.longest_gap_minutes)}`}
            change={countChange(delta.gaps_over_threshold, days)}
          />
        </dl>
      </section>

      <p className="flex flex-wrap gap-4">
        <a
          href={`/api/v1/patients/${p.id}/analytics/export?format=csv&${exportQuery}`}
          className="inline-flex min-h-12 items-center rounded-lg border-2 border-teal-700 bg-white px-5 text-lg font-semibold text-teal-800 hover:bg-teal-50"
          download
        >
          Export CSV
        </a>
        <a
          href={`/api/v1/patients/${p.id}/analytics/export?format=json&${exportQuery}`}
          className="inline-flex min-h-12 items-center rounded-lg border-2 border-teal-700 bg-white px-5 text-lg font-semibold text-teal-800 hover:bg-teal-50"
          download
        >
          Export JSON
        </a>
      </p>

      <ChartFigure
        id="chart-adherence"
        title="Reminders done"
        description={`Share of the reminders due that were done, per ${unitName.toLowerCase()} (percent).`}
        empty={hasReminders ? undefined : "No reminders were due in this period. Set up a routine to see adherence here."}
        chart={
          <TrendChart
            kind="bar"
            data={adherenceData}
            xKey="label"
            xLabel={unitName}
            yLabel="Done (%)"
            unit="%"
            yDomain={[0, 100]}
            series={[
              { key: "overall", name: "All reminders", color: TEAL },
              { key: "medication", name: "Medications", color: AMBER },
              { key: "meal", name: "Meals", color: SKY },
            ]}
          />
        }
        table={{
          caption: "Reminders done per period",
          columns: [unitName, "All reminders", "Medications", "Meals"],
          rows: a.adherence.map((b) => [
            label(b.start),
            `${percent(b.overall.rate)} (${ofDue(b.overall)})`,
            `${percent(b.medication.rate)} (${ofDue(b.medication)})`,
            `${percent(b.meal.rate)} (${ofDue(b.meal)})`,
          ]),
        }}
      />

      <ChartFigure
        id="chart-conversations"
        title="Conversations and alerts"
        description={`Conversations with the companion and alerts raised, per ${unitName.toLowerCase()} (count).`}
        empty={cur.conversations.count + cur.alerts.count > 0 ? undefined : "No conversations or alerts in this period."}
        chart={
          <TrendChart
            kind="bar"
            data={conversationData}
            xKey="label"
            xLabel={unitName}
            yLabel="Count"
            series={[
              { key: "conversations", name: "Conversations", color: TEAL },
              { key: "alerts", name: "Alerts", color: AMBER },
            ]}
          />
        }
        table={{
          caption: "Conversations and alerts per period",
          columns: [unitName, "Conversations", "Alerts"],
          rows: conversationData.map((r) => [r.label, r.conversations, r.alerts]),
        }}
      />

      <ChartFigure
        id="chart-mood"
        title="Mood over time"
        description="Average mood of what the patient said: 1 is positive, 0 neutral, −1 concerned, −2 distressed."
        empty={cur.conversations.turns > 0 ? undefined : "No conversations in this period, so no mood to show."}
        chart={
          <TrendChart
            kind="line"
            data={conversationData}
            xKey="label"
            xLabel={unitName}
            yLabel="Mood score"
            yDomain={[-2, 1]}
            series={[{ key: "mood", name: "Mood", color: SKY }]}
          />
        }
        table={{
          caption: "Mood per period",
          columns: [unitName, "Mood", "Score", "Positive", "Neutral", "Concerned", "Distressed"],
          rows: a.conversations.buckets.map((b) => [
            label(b.start),
            moodLabel(b.mean_sentiment),
            b.mean_sentiment ?? "—",
            b.sentiment.positive,
            b.sentiment.neutral,
            b.sentiment.concerned,
            b.sentiment.distressed,
          ]),
        }}
      />

      <ChartFigure
        id="chart-hours"
        title="Active hours"
        description={`On how many days the phone showed activity in each hour of the day (patient's local time), out of ${days}.`}
        empty={cur.activity.events > 0 ? undefined : "No activity from the phone in this period. Check that the phone is paired and the app is open."}
        chart={
          <TrendChart
            kind="bar"
            data={a.activity.hours.map((h) => ({ label: hourLabel(h.hour), days: h.days }))}
            xKey="label"
            xLabel="Hour of the day"
            yLabel="Days"
            series={[{ key: "days", name: "Days with activity", color: TEAL }]}
          />
        }
        table={{
          caption: "Days with activity per hour of the day",
          columns: ["Hour", "Days with activity", "Events"],
          rows: a.activity.hours.map((h) => [hourLabel(h.hour), h.days, h.events]),
        }}
      />

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="alert-kinds" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h3 id="alert-kinds" className="text-xl font-semibold">
            Alerts by type and severity
          </h3>
          {a.alerts.by_type_and_severity.length ? (
            <DataTable
              caption="Alerts by type and severity"
              columns={["Type", "Severity", "Alerts"]}
              rows={a.alerts.by_type_and_severity.map((r) => [titleCase(r.type), titleCase(r.severity), r.count])}
            />
          ) : (
            <p className="mt-3 text-stone-700">No alerts in this period.</p>
          )}
        </section>
        <section aria-labelledby="silences" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h3 id="silences" className="text-xl font-semibold">
            Longest silences of the phone
          </h3>
          {a.activity.longest_gaps.length ? (
            <DataTable
              caption="Longest times without any activity from the phone"
              columns={["From", "To", "Length"]}
              rows={a.activity.longest_gaps.map((gap) => [formatDateTime(gap.start, a.timezone), formatDateTime(gap.end, a.timezone), duration(gap.minutes)])}
            />
          ) : (
            <p className="mt-3 text-stone-700">No silence of 2 hours or more in this period.</p>
          )}
        </section>
        <section aria-labelledby="topics" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm md:col-span-2">
          <h3 id="topics" className="text-xl font-semibold">
            Top conversation topics
          </h3>
          {a.conversations.top_topics.length ? (
            <DataTable
              caption="Top conversation topics"
              columns={["Topic", "Conversations"]}
              rows={a.conversations.top_topics.map((t) => [t.topic, t.count])}
            />
          ) : (
            <p className="mt-3 text-stone-700">No topics yet: they appear once the patient talks with the companion.</p>
          )}
        </section>
      </div>
    </div>
  );
});
