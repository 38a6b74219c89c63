import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";

export const listInsightsQuery = z.strictObject({
  ...pageQuery,
  category: z.enum(["medication", "mood", "activity", "communication", "health", "general"]).optional(),
});

export const insightOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  insight_type: z.string(),
  category: z.string(),
  title: z.string(),
  description: z.string(),
  confidence: z.number(),
  evidence: z.array(z.unknown()),
  period_start: z.string(),
  period_end: z.string(),
  generated_by: z.string(),
  created_at: z.string(),
});
