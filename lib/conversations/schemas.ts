import { z } from "zod";
import { pageOf, pageQuery } from "@/lib/api/pagination";
import { rangeQuery } from "@/lib/analytics/schemas";
import { isoDateTime, text, uuid } from "@/lib/validation/common";

export const sentiment = z.enum(["positive", "neutral", "concerned", "distressed"]);
export const urgency = z.enum(["none", "low", "medium", "high", "critical"]);

export const listConversationsQuery = z.strictObject({
  ...pageQuery,
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  sentiment: sentiment.optional(),
  urgency: urgency.optional(),
  q: text().trim().min(2).max(100).optional(),
});
export const conversationIdParams = z.strictObject({ id: uuid });

/** Ranges are the patient's local days, both ends included, as everywhere in analytics (lib/analytics/range.ts). */
export const moodTrendQuery = z.strictObject({ ...rangeQuery.shape, granularity: z.enum(["day", "week"], { message: "Use day or week." }).default("day") });
export const trendingTopicsQuery = z.strictObject({ ...rangeQuery.shape, limit: z.coerce.number().int().min(1).max(50).default(10) });
export const startersQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(10).default(3) });

export const conversationTurnOutput = z.object({
  id: z.uuid(),
  sequence: z.number().int(),
  patient_message: z.string(),
  ai_response: z.string().nullable(),
  sentiment: sentiment.nullable(),
  urgency_level: urgency,
  intent: z.string().nullable(),
  health_mentions: z.array(z.string()),
  topics: z.array(z.string()),
  analysis: z.record(z.string(), z.unknown()),
  provider: z.string(),
  response_time_ms: z.number().int().nullable(),
  reminder_id: z.uuid().nullable(),
  created_at: z.string(),
});

export const conversationOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  conversation_type: z.enum(["spontaneous", "reminder_response", "check_in", "emergency"]),
  started_at: z.string(),
  last_turn_at: z.string(),
  turn_count: z.number().int(),
  sentiment: sentiment.nullable(),
  urgency_level: urgency,
  topics: z.array(z.string()),
  health_mentions: z.array(z.string()),
  summary: z.string().nullable(),
  turns: z.array(conversationTurnOutput).optional(),
});
export const conversationPageOutput = pageOf(conversationOutput);

const day = z.string().meta({ description: "a local day, YYYY-MM-DD" });
export const moodTrendOutput = z.object({
  patient_id: z.uuid(),
  timezone: z.string(),
  granularity: z.enum(["day", "week"]),
  from: day,
  to: day,
  buckets: z.array(
    z.object({
      start: day,
      end: day,
      turns: z.number().int(),
      positive: z.number().int(),
      neutral: z.number().int(),
      concerned: z.number().int(),
      distressed: z.number().int(),
      mood_score: z.number().nullable().meta({ description: "-2 (distressed) to 1 (positive); null without conversation" }),
    }),
  ),
});

export const trendingTopicsOutput = z.object({
  patient_id: z.uuid(),
  from: day,
  to: day,
  previous: z.object({ from: day, to: day }),
  topics: z.array(
    z.object({ topic: z.string(), count: z.number().int(), previous_count: z.number().int(), trend: z.enum(["new", "rising", "falling", "steady"]) }),
  ),
});

export const conversationStarterOutput = z.object({ text: z.string(), topic: z.string(), source: z.enum(["recent_topic", "interest", "family"]) });
export type ConversationStarter = z.infer<typeof conversationStarterOutput>;
export const conversationStartersOutput = z.object({ patient_id: z.uuid(), items: z.array(conversationStarterOutput) });
