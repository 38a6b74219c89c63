import { z } from "zod";
import { pageQuery } from "@/lib/api/pagination";
import { csvOf, isoDateTime, SEVERITIES, severity, text, uuid } from "@/lib/validation/common";

export const ALERT_TYPES = ["emergency", "health_concern", "missed_medication", "missed_reminder", "inactivity", "unusual_pattern", "device"] as const;
export const ALERT_STATUSES = ["open", "acknowledged", "resolved", "auto_resolved"] as const;
export const alertType = z.enum(ALERT_TYPES);
export const alertStatus = z.enum(ALERT_STATUSES);

export const listAlertsQuery = z.strictObject({
  ...pageQuery,
  severity: csvOf(SEVERITIES).optional(),
  status: csvOf(ALERT_STATUSES).optional(),
  type: csvOf(ALERT_TYPES).optional(),
  patient_id: uuid.optional(),
  /** only this organization's patients */
  organization_id: uuid.optional(),
  /** only this facility's patients */
  facility_id: uuid.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  sort: z.enum(["created_at", "updated_at", "last_occurred_at"]).default("created_at"),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;
export const patientAlertsQuery = listAlertsQuery.omit({ patient_id: true, organization_id: true, facility_id: true });

export const alertIdParams = z.strictObject({ id: uuid });

export const evidenceItem = z.object({ kind: z.string(), at: z.string() }).catchall(z.unknown());
export type EvidenceItem = z.infer<typeof evidenceItem>;

export const alertOutput = z.object({
  id: z.uuid(),
  patient_id: z.uuid(),
  patient_name: z.string(),
  type: alertType,
  severity,
  status: alertStatus,
  title: z.string(),
  description: z.string(),
  recommended_action: z.string().nullable(),
  source: z.string(),
  evidence: z.array(evidenceItem),
  occurrence_count: z.number(),
  first_occurred_at: z.string(),
  last_occurred_at: z.string(),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.uuid().nullable(),
  acknowledged_via: z.string().nullable(),
  resolved_at: z.string().nullable(),
  resolved_by: z.uuid().nullable(),
  resolution_note: z.string().nullable(),
  escalation: z.object({
    state: z.enum(["none", "active", "acknowledged", "exhausted"]),
    step: z.number(),
    next_at: z.string().nullable(),
    nobody_reached: z.boolean(),
  }),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AlertOutput = z.infer<typeof alertOutput>;

/** One alert with its timeline and delivery log (who was contacted, how, when, and what happened). */
export const alertDetailOutput = alertOutput.extend({
  timeline: z.array(
    z.object({ kind: z.string(), actor_type: z.string(), actor_id: z.string().nullable(), note: z.string().nullable(), data: z.unknown(), at: z.string() }),
  ),
  deliveries: z.array(
    z.object({
      caregiver_id: z.uuid().nullable(),
      caregiver_name: z.string().nullable(),
      channel: z.string(),
      purpose: z.string(),
      status: z.string(),
      error: z.string().nullable(),
      provider_id: z.string().nullable(),
      at: z.string(),
      held_until: z.string().nullable(),
      tries: z.number().int(),
      next_try_at: z.string().nullable(),
    }),
  ),
});

export const acknowledgeAlertInput = z.strictObject({ note: text().trim().max(2000).optional() });
export const resolveAlertInput = z.strictObject({ note: text().trim().min(1, { message: "Say how it was resolved." }).max(2000) });
export const alertNoteInput = z.strictObject({ note: text().trim().min(1, { message: "Write the note." }).max(2000) });
export const bulkAcknowledgeInput = z.strictObject({ ids: z.array(uuid).min(1).max(100) });
