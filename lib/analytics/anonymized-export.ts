import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { CaregiverActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { csvLine } from "@/lib/api/csv";
import { ageOn } from "@/lib/patients/present-patient";
import { getCaregiverAnalytics } from "./caregiver-analytics";
import { caregiverAnalyticsQuery } from "./schemas";
import { consentInForceSql } from "@/lib/consents/consent-in-force";

export const anonymizedExportQuery = z.strictObject({
  ...caregiverAnalyticsQuery.shape,
  format: z.enum(["csv", "json"], { message: "Use csv or json." }).default("csv"),
});

export const ANONYMIZED_COLUMNS = [
  "subject",
  "age_band",
  "reminders_due",
  "reminders_completed",
  "adherence_pct",
  "previous_adherence_pct",
  "conversations",
  "alerts",
  "open_alerts",
] as const;

/** Five-year bands; the youngest and the oldest grouped so a rare age does not single anyone out. */
export function ageBand(age: number): string {
  if (age < 60) return "under 60";
  if (age >= 90) return "90+";
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}`;
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The caregiver's statistics across patients, anonymized for analysis outside the care team (SPEC §8): no
 * names, ids, dates of birth, time zones or dates per person; each patient is a subject code made with a
 * key drawn for this export alone (two exports cannot be linked to each other or back to a patient), ages
 * are five-year bands, and rows are in subject-code order (not by name). The range is the only date. Only
 * patients whose `analytics_anonymized` consent is in force are in it (SPEC §8: not recorded is a refusal).
 */
export async function exportAnonymizedCohort(actor: CaregiverActor, q: z.infer<typeof anonymizedExportQuery>, now: Date): Promise<Response> {
  const a = await getCaregiverAnalytics(actor, q, now);
  // only patients whose analytics_anonymized consent is in force (not recorded counts as refused)
  const births = new Map(
    (
      await db.$queryRawUnsafe<{ id: string; date_of_birth: Date }[]>(
        `SELECT p.id, p.date_of_birth FROM patients p WHERE p.id = ANY($1::uuid[]) AND ${consentInForceSql("analytics_anonymized", "p.id")}`,
        a.patients.map((p) => p.patient_id),
      )
    ).map((p) => [p.id, p.date_of_birth]),
  );
  const excluded = a.patients.length - births.size;
  const key = randomBytes(32);
  const rows = a.patients
    .filter((p) => births.has(p.patient_id))
    .map((p) => ({
      subject: createHmac("sha256", key).update(p.patient_id).digest("hex").slice(0, 12),
      age_band: ageBand(ageOn(births.get(p.patient_id)!, now)),
      reminders_due: p.adherence.due,
      reminders_completed: p.adherence.completed,
      adherence_pct: pct(p.adherence.rate),
      previous_adherence_pct: pct(p.previous_adherence.rate),
      conversations: p.conversations,
      alerts: p.alerts,
      open_alerts: p.open_alerts.total,
    }))
    .sort((x, y) => x.subject.localeCompare(y.subject));
  await recordAudit(db, actor, {
    action: "analytics.anonymized_exported",
    targetType: "patient",
    metadata: { patients: rows.length, excluded_without_consent: excluded, from: a.range.from, to: a.range.to, format: q.format },
  });
  const name = `elda-cohort-anonymized-${a.range.from}-to-${a.range.to}.${q.format}`;
  const body =
    q.format === "csv"
      ? csvLine(ANONYMIZED_COLUMNS) + rows.map((r) => csvLine(ANONYMIZED_COLUMNS.map((c) => r[c]))).join("")
      : JSON.stringify({
          range: a.range,
          previous_range: a.previous_range,
          generated_at: a.generated_at,
          anonymization: "subject codes keyed per export; five-year age bands; no names, ids or personal dates",
          consent: "only patients whose analytics_anonymized consent is in force",
          excluded_without_consent: excluded,
          columns: ANONYMIZED_COLUMNS,
          rows,
        });
  return new Response(body, {
    status: 200,
    headers: { "content-type": q.format === "csv" ? "text/csv; charset=utf-8" : "application/json", "content-disposition": `attachment; filename="${name}"` },
  });
}
