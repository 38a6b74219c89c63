import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { isoDate } from "@/lib/validation/common";

export const listSummariesQuery = z.strictObject({ ...pageQuery, from: isoDate.optional(), to: isoDate.optional() });
export const generateSummaryInput = z.strictObject({ date: isoDate.optional() });

export const summaryOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  summary_date: z.string(),
  total_reminders: z.number(),
  completed_reminders: z.number(),
  missed_reminders: z.number(),
  adherence: z.object({ overall: z.number().nullable(), medication: z.number().nullable(), meal: z.number().nullable() }),
  conversation_count: z.number(),
  overall_sentiment: z.string().nullable(),
  active_hours: z.array(z.number()),
  alert_count: z.number(),
  narrative: z.string(),
  narrative_source: z.string(),
  details: z.record(z.string(), z.unknown()),
  generated_at: z.string(),
});
