import { z } from "zod";
import { isoDate, uuid } from "@/lib/validation/common";

/**
 * Analytics query and answer shapes, shared by the API (and its OpenAPI document) and the reports pages.
 * A range is two patient-local calendar days, both included; missing ends default to the 30 days up to today.
 */
export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];
/** the longest range one request may ask for, in days (two years, a leap day included) */
export const MAX_RANGE_DAYS = 731;
export const DEFAULT_RANGE_DAYS = 30;

const granularity = z.enum(GRANULARITIES, { message: "Use day, week or month." });

export const rangeQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
/** across patients: the range, and optionally one organization's or one facility's patients only */
export const caregiverAnalyticsQuery = z.strictObject({ ...rangeQuery.shape, organization_id: uuid.optional(), facility_id: uuid.optional() });
export const patientAnalyticsQuery = z.strictObject({ ...rangeQuery.shape, granularity: granularity.default("day") });
export const exportAnalyticsQuery = z.strictObject({
  ...patientAnalyticsQuery.shape,
  format: z.enum(["csv", "json"], { message: "Use csv or json." }).default("csv"),
});
export type RangeQuery = z.infer<typeof rangeQuery>;
export type CaregiverAnalyticsQuery = z.infer<typeof caregiverAnalyticsQuery>;
export type PatientAnalyticsQuery = z.infer<typeof patientAnalyticsQuery>;
export type ExportAnalyticsQuery = z.infer<typeof exportAnalyticsQuery>;

const count = z.number().int();
const rate = z.number().nullable().describe("0..1, null when nothing was due");
const minutes = z.number().nullable();
const rangeOut = z.object({ from: z.string(), to: z.string(), days: count });
const adherenceCounts = z.object({ due: count, completed: count, missed: count, rate });
const adherenceSet = z.object({ overall: adherenceCounts, medication: adherenceCounts, meal: adherenceCounts });
const durationStats = z.object({ count, median_minutes: minutes, p90_minutes: minutes, mean_minutes: minutes });
const sentimentCounts = z.object({ positive: count, neutral: count, concerned: count, distressed: count });

export const periodFigures = z.object({
  adherence: adherenceSet,
  conversations: z.object({ count, turns: count, mean_sentiment: z.number().nullable().describe("-2 (distressed) .. 1 (positive)") }),
  alerts: z.object({ count, time_to_acknowledge: durationStats, time_to_resolve: durationStats }),
  activity: z.object({ events: count, active_days: count, gaps_over_threshold: count, longest_gap_minutes: minutes }),
});
export type PeriodFigures = z.infer<typeof periodFigures>;

export const figureDeltas = z.object({
  adherence_points: z.object({ overall: z.number().nullable(), medication: z.number().nullable(), meal: z.number().nullable() }).describe("percentage points"),
  conversations: count,
  mean_sentiment: z.number().nullable(),
  alerts: count,
  median_minutes_to_acknowledge: minutes,
  median_minutes_to_resolve: minutes,
  activity_events: count,
  gaps_over_threshold: count,
});
export type FigureDeltas = z.infer<typeof figureDeltas>;

const bucket = { start: z.string(), end: z.string() };
export const patientAnalyticsOutput = z.object({
  patient_id: z.uuid(),
  timezone: z.string(),
  granularity: granularity,
  range: rangeOut,
  previous_range: rangeOut,
  generated_at: z.string(),
  current: periodFigures,
  previous: periodFigures,
  delta: figureDeltas,
  adherence: z.array(z.object({ ...bucket, ...adherenceSet.shape })),
  conversations: z.object({
    buckets: z.array(z.object({ ...bucket, count, turns: count, sentiment: sentimentCounts, mean_sentiment: z.number().nullable() })),
    top_topics: z.array(z.object({ topic: z.string(), count })),
  }),
  alerts: z.object({
    buckets: z.array(z.object({ ...bucket, count })),
    by_type: z.array(z.object({ type: z.string(), count })),
    by_severity: z.array(z.object({ severity: z.string(), count })),
    by_type_and_severity: z.array(z.object({ type: z.string(), severity: z.string(), count })),
  }),
  activity: z.object({
    buckets: z.array(z.object({ ...bucket, events: count, active_days: count })),
    hours: z
      .array(z.object({ hour: count, events: count, days: count }))
      .describe("local hours 0..23: events and the number of days with activity in that hour"),
    gap_threshold_minutes: count,
    longest_gaps: z.array(z.object({ start: z.string(), end: z.string(), minutes: z.number() })),
  }),
});
export type PatientAnalytics = z.infer<typeof patientAnalyticsOutput>;

const patientRow = z.object({
  patient_id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  adherence: adherenceCounts,
  previous_adherence: adherenceCounts,
  conversations: count,
  alerts: count,
  open_alerts: z.object({ total: count, critical: count, high: count, medium: count, low: count }),
});
export const caregiverAnalyticsOutput = z.object({
  range: rangeOut,
  previous_range: rangeOut,
  generated_at: z.string(),
  patients: z.array(patientRow),
  totals: z.object({
    patients: count,
    adherence: adherenceCounts,
    previous_adherence: adherenceCounts,
    adherence_delta_points: z.number().nullable(),
    conversations: count,
    alerts: count,
    open_alerts: count,
  }),
});
export type CaregiverAnalytics = z.infer<typeof caregiverAnalyticsOutput>;

/** The anonymized statistics across the caregiver's patients, as a file. */
export const anonymizedExportQuery = z.strictObject({
  ...caregiverAnalyticsQuery.shape,
  format: z.enum(["csv", "json"], { message: "Use csv or json." }).default("csv"),
});

/** The JSON file of a patient's analytics export: the CSV's rows (one per bucket) with the range. */
export const analyticsExportFile = z
  .object({
    patient_id: z.uuid(),
    timezone: z.string(),
    granularity,
    range: rangeOut,
    generated_at: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .meta({ description: "a file: the same rows as the CSV, with the range (format=json)" });

/** The JSON file of the anonymized export: one row per consenting patient, under a subject code. */
export const anonymizedExportFile = z
  .object({
    range: rangeOut,
    previous_range: rangeOut,
    generated_at: z.string(),
    anonymization: z.string(),
    consent: z.string(),
    excluded_without_consent: z.number().int(),
    columns: z.array(z.string()),
    rows: z.array(
      z.object({
        subject: z.string(),
        age_band: z.string(),
        reminders_due: z.number().int(),
        reminders_completed: z.number().int(),
        adherence_pct: z.number().nullable(),
        previous_adherence_pct: z.number().nullable(),
        conversations: z.number().int(),
        alerts: z.number().int(),
        open_alerts: z.number().int(),
      }),
    ),
  })
  .meta({ description: "a file: the same rows as the CSV, with the range and how they were anonymized (format=json)" });
