import { z } from "zod";
import { sentiment } from "@/lib/conversations/schemas";
import { SEVERITIES, uuid } from "@/lib/validation/common";
import { alertOutput } from "@/lib/alerts/schemas";
import { pageQuery } from "@/lib/api/pagination";

/**
 * Why a patient is near the top of the home page (null: nothing needs attention), most pressing first:
 * critical/high alerts, an inactivity episode (not heard from), a phone-offline alert, a phone not heard from
 * within 30 minutes, low adherence today. While monitoring is paused, the silence reasons do not count.
 */
export const ATTENTION = ["urgent_alerts", "inactive", "phone_offline", "offline", "low_adherence"] as const;

const severityCounts = z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>);

export const patientGlanceOutput = z.object({
  id: z.uuid(),
  full_name: z.string(),
  display_name: z.string(),
  timezone: z.string(),
  attention: z.enum(ATTENTION).nullable(),
  device: z.object({
    /** at least one phone paired and not revoked */
    paired: z.boolean(),
    /** heard from within the last 30 minutes */
    online: z.boolean(),
    /** a phone-offline alert is open: no heartbeat for the phone-offline threshold of waking hours */
    phone_offline: z.boolean(),
    last_heartbeat_at: z.string().nullable(),
    last_active_at: z.string().nullable(),
  }),
  open_alerts: severityCounts.extend({ total: z.number().int(), inactivity: z.number().int() }),
  /** inactivity and phone-offline monitoring is paused until then (null: monitoring runs) */
  monitoring_paused_until: z.string().nullable(),
  /** the patient's local day so far: reminders due by now (skipped ones left out) and how many were done */
  adherence_today: z.object({ due: z.number().int(), completed: z.number().int(), ratio: z.number().nullable() }),
  last_conversation: z.object({ sentiment: sentiment.nullable(), at: z.string() }).nullable(),
  next_reminder: z.object({ title: z.string(), due_at: z.string() }).nullable(),
});
export type PatientGlance = z.infer<typeof patientGlanceOutput>;

/** An open alert on the home page: the inbox's alert, cut down to what the list shows. */
export const openAlertGlance = alertOutput
  .pick({
    id: true,
    patient_id: true,
    patient_name: true,
    type: true,
    severity: true,
    status: true,
    title: true,
    source: true,
    created_at: true,
    last_occurred_at: true,
  })
  .extend({
    nobody_reached: z.boolean(),
    /** the latest evidence's values the title carries, so a client can write the title in its reader's language (lib/alerts/alert-text.ts) */
    title_facts: z.object({ hours: z.number().int().nullable(), battery: z.number().nullable(), reminder: z.string().nullable() }),
  });
export type OpenAlertGlance = z.infer<typeof openAlertGlance>;

export const overviewOutput = z.object({
  generated_at: z.string(),
  /** one page of patients, most in need of attention first */
  patients: z.array(patientGlanceOutput),
  /** every patient of the view (all pages) */
  patient_total: z.number().int(),
  /** how many of them need attention (an `attention` reason): they fill the first pages */
  attention_total: z.number().int(),
  /** the next page of patients (`cursor`), null on the last */
  next_cursor: z.string().nullable(),
  /** the most pressing open alerts across every patient (worst first, then newest) */
  open_alerts: z.array(openAlertGlance),
  open_alert_total: z.number().int(),
});
export type Overview = z.infer<typeof overviewOutput>;

export const overviewQuery = z.strictObject({
  /** patients per page (default 20, at most 100) and the page after a `next_cursor` */
  limit: pageQuery.limit,
  cursor: pageQuery.cursor,
  /** only this organization's patients (and their alerts) */
  organization_id: uuid.optional(),
  /** only this facility's patients (and their alerts) */
  facility_id: uuid.optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;
