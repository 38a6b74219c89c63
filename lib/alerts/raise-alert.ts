import "server-only";
import { randomInt } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { AlertType, Severity } from "@/lib/db/generated/client";
import type { DomainEvent } from "@/lib/jobs/emit";
import type { EvidenceItem } from "./schemas";

export interface RaiseAlertInput {
  patientId: string;
  type: AlertType;
  severity: Severity;
  /** what makes two raises "the same problem" (e.g. "button", a reminder id, an inactivity episode) */
  dedupKey: string;
  title: string;
  description: string;
  recommendedAction?: string | null;
  /** the rule that fired, e.g. "emergency_button", "inactivity:6h" */
  source: string;
  evidence: EvidenceItem;
}

export interface RaisedAlert {
  alertId: string;
  created: boolean;
  severityRaised: boolean;
  severity: Severity;
  /** the follow-up event to emit after the transaction commits (null when a repeat changes nothing to notify) */
  event: DomainEvent | null;
}

const MAX_EVIDENCE = 50;

/** The key of the one open alert per patient, type and dedup key (a unique index while open or acknowledged). */
export const openKeyOf = (patientId: string, type: AlertType, dedupKey: string) => `${patientId}:${type}:${dedupKey}`.slice(0, 300);

/**
 * The one way to raise an alert (SPEC §7): one open alert per patient, type and dedup key. A repeat while
 * it is open adds an occurrence and its evidence, and raises the severity in place when the new one is
 * higher (which reopens an acknowledged alert and restarts its escalation, so the rise notifies again). One statement (INSERT ... ON CONFLICT on the open key), so concurrent raises cannot duplicate.
 */
export async function raiseAlert(tx: Tx, input: RaiseAlertInput, now: Date): Promise<RaisedAlert> {
  const openKey = openKeyOf(input.patientId, input.type, input.dedupKey);
  const evidence = JSON.stringify([input.evidence]);
  const ackCode = String(randomInt(1000, 10000));
  const rows = await tx.$queryRaw<{ id: string; inserted: boolean; severity: Severity; previous: Severity | null }[]>`
    WITH prev AS (SELECT severity FROM alerts WHERE open_key = ${openKey})
    INSERT INTO alerts (id, patient_id, type, severity, status, title, description, recommended_action, source,
                        dedup_key, open_key, evidence, occurrence_count, first_occurred_at, last_occurred_at,
                        ack_code, escalation_state, escalation_step, created_at, updated_at)
    VALUES (gen_random_uuid(), ${input.patientId}::uuid, ${input.type}::"AlertType", ${input.severity}::"Severity", 'open',
            ${input.title}, ${input.description}, ${input.recommendedAction ?? null}, ${input.source},
            ${input.dedupKey}, ${openKey}, ${evidence}::jsonb, 1, ${now}, ${now}, ${ackCode}, 'none', 0, ${now}, ${now})
    ON CONFLICT (open_key) DO UPDATE SET
      occurrence_count = alerts.occurrence_count + 1,
      last_occurred_at = EXCLUDED.last_occurred_at,
      severity = GREATEST(alerts.severity, EXCLUDED.severity),
      description = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.description ELSE alerts.description END,
      title = CASE WHEN EXCLUDED.severity > alerts.severity THEN EXCLUDED.title ELSE alerts.title END,
      recommended_action = CASE WHEN EXCLUDED.severity > alerts.severity THEN COALESCE(EXCLUDED.recommended_action, alerts.recommended_action) ELSE alerts.recommended_action END,
      evidence = (CASE WHEN jsonb_array_length(alerts.evidence) >= ${MAX_EVIDENCE} THEN alerts.evidence - 0 ELSE alerts.evidence END) || EXCLUDED.evidence,
      -- a worse situation needs a fresh "I have it": the rise reopens the alert and restarts escalation
      status = CASE WHEN EXCLUDED.severity > alerts.severity THEN 'open'::"AlertStatus" ELSE alerts.status END,
      escalation_state = CASE WHEN EXCLUDED.severity > alerts.severity THEN 'none'::"EscalationState" ELSE alerts.escalation_state END,
      escalation_step = CASE WHEN EXCLUDED.severity > alerts.severity THEN 0 ELSE alerts.escalation_step END,
      next_escalation_at = CASE WHEN EXCLUDED.severity > alerts.severity THEN NULL ELSE alerts.next_escalation_at END,
      updated_at = EXCLUDED.updated_at
    RETURNING id, (xmax = 0) AS inserted, severity, (SELECT severity FROM prev) AS previous`;
  const row = rows[0];
  const severityRaised = !row.inserted && row.previous !== null && row.previous !== row.severity;
  await tx.alertEvent.create({
    data: {
      alertId: row.id,
      kind: row.inserted ? "raised" : severityRaised ? "severity_raised" : "occurrence",
      actorType: "system",
      data: { severity: row.severity, source: input.source, ...(severityRaised ? { from: row.previous } : {}) },
      createdAt: now,
    },
  });
  const data = { alert_id: row.id, patient_id: input.patientId, severity: row.severity };
  const event: DomainEvent | null = row.inserted
    ? { name: "alert/raised", id: `alert-raised-${row.id}`, ts: now.getTime(), data }
    : severityRaised
      ? { name: "alert/severity-raised", id: `alert-${row.id}-${row.severity}`, ts: now.getTime(), data }
      : null;
  return { alertId: row.id, created: row.inserted, severityRaised, severity: row.severity, event };
}
