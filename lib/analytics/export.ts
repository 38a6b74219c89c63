import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { csvLine } from "@/lib/api/csv";
import { getPatientAnalytics } from "./patient-analytics";
import type { z } from "zod";
import type { analyticsExportFile, ExportAnalyticsQuery, PatientAnalytics } from "./schemas";

/** The export's columns, one row per bucket: what a spreadsheet user would chart. */
export const EXPORT_COLUMNS = [
  "bucket_start",
  "bucket_end",
  "reminders_due",
  "reminders_completed",
  "reminders_missed",
  "adherence_overall_pct",
  "medication_due",
  "medication_completed",
  "adherence_medication_pct",
  "meal_due",
  "meal_completed",
  "adherence_meal_pct",
  "conversations",
  "conversation_turns",
  "mean_sentiment",
  "turns_positive",
  "turns_neutral",
  "turns_concerned",
  "turns_distressed",
  "alerts",
  "activity_events",
  "active_days",
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function exportRows(a: PatientAnalytics): ExportRow[] {
  return a.adherence.map((b, i) => {
    const c = a.conversations.buckets[i];
    return {
      bucket_start: b.start,
      bucket_end: b.end,
      reminders_due: b.overall.due,
      reminders_completed: b.overall.completed,
      reminders_missed: b.overall.missed,
      adherence_overall_pct: pct(b.overall.rate),
      medication_due: b.medication.due,
      medication_completed: b.medication.completed,
      adherence_medication_pct: pct(b.medication.rate),
      meal_due: b.meal.due,
      meal_completed: b.meal.completed,
      adherence_meal_pct: pct(b.meal.rate),
      conversations: c.count,
      conversation_turns: c.turns,
      mean_sentiment: c.mean_sentiment,
      turns_positive: c.sentiment.positive,
      turns_neutral: c.sentiment.neutral,
      turns_concerned: c.sentiment.concerned,
      turns_distressed: c.sentiment.distressed,
      alerts: a.alerts.buckets[i].count,
      activity_events: a.activity.buckets[i].events,
      active_days: a.activity.buckets[i].active_days,
    };
  });
}

export function toCsv(rows: ExportRow[]): string {
  return csvLine(EXPORT_COLUMNS) + rows.map((r) => csvLine(EXPORT_COLUMNS.map((c) => r[c]))).join("");
}

/**
 * The export as a download: CSV (header row, one row per bucket) or JSON (the same rows with the range).
 * The file name carries the range and a short patient id, never the patient's name.
 */
export async function exportPatientAnalytics(actor: Actor, patientId: string, q: ExportAnalyticsQuery, now: Date): Promise<Response> {
  const a = await getPatientAnalytics(actor, patientId, q, now, "analytics.exported");
  const rows = exportRows(a);
  const name = `elda-report-${patientId.slice(0, 8)}-${a.range.from}-to-${a.range.to}-${a.granularity}.${q.format}`;
  const body =
    q.format === "csv"
      ? toCsv(rows)
      : JSON.stringify({
          patient_id: a.patient_id,
          timezone: a.timezone,
          granularity: a.granularity,
          range: a.range,
          generated_at: a.generated_at,
          columns: [...EXPORT_COLUMNS],
          rows,
        } satisfies z.output<typeof analyticsExportFile>);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": q.format === "csv" ? "text/csv; charset=utf-8" : "application/json",
      "content-disposition": `attachment; filename="${name}"`,
    },
  });
}
