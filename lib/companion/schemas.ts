import { z } from "zod";
import { text, uuid } from "@/lib/validation/common";

/** POST /api/v1/voice/interact: the app's contract (SPEC §3), plus an optional reminder id in the context. */
export const interactInput = z.strictObject({
  patient_id: uuid,
  message: text().trim().min(1, { message: "Say something first." }).max(5000),
  conversation_type: z.enum(["spontaneous", "reminder_response", "check_in", "emergency"]).default("spontaneous"),
  context: z
    .strictObject({
      /** the app heard "I took it", "done"...: a hint that the patient did the task */
      potential_reminder_acknowledgment: z.boolean().optional(),
      patient_message: text().max(5000).optional(),
      reminder_id: uuid.optional(),
    })
    .optional(),
});
export type InteractInput = z.infer<typeof interactInput>;

export const interactOutput = z.object({
  ai_response: z.string(),
  /** null while the companion is switched off (`ai_companion` not in force): no conversation is kept */
  conversation_id: z.uuid().nullable(),
  sentiment: z.enum(["positive", "neutral", "concerned", "distressed"]),
  urgency_level: z.enum(["none", "low", "medium", "high", "critical"]),
  alert_created: z.boolean(),
  continue_conversation: z.boolean(),
  health_mentions: z.array(z.string()),
  topics: z.array(z.string()),
  reminder_completed: z.boolean(),
});
