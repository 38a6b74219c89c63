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
  const [raised] = await raiseAlerts(tx, [input], now);
  return raised;
}

/**
 * `raiseAlert` for many alerts at once (a missed-dose backlog): the same rules, in one INSERT ... SELECT
 * FROM unnest(...) ON CONFLICT and one insert of their alert events. Answers in the order of `inputs`.
 * Raises with the same open key are applied in turn, as if raised one after the other (one statement cannot
 * update a row twice): the first in a first round, the second in a second, and so on.
 */
export async function raiseAlerts(tx: Tx, inputs: RaiseAlertInput[], now: Date): Promise<RaisedAlert[]> {
  const keys = inputs.map((i) => openKeyOf(i.patientId, i.type, i.dedupKey));
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  keys.forEach((key, at) => {
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(at);
  });
  const out: RaisedAlert[] = new Array(inputs.length);
  for (const round of rounds) {
    const raised = await raiseDistinct(
      tx,
      round.map((at) => inputs[at]),
      round.map((at) => keys[at]),
      now,
    );
    round.forEach((at, k) => (out[at] = raised[k]));
  }
  return out;
}

/** One statement for raises whose open keys are all different. */
async function raiseDistinct(tx: Tx, inputs: RaiseAlertInput[], openKeys: string[], now: Date): Promise<RaisedAlert[]> {
  if (inputs.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; open_key: string; inserted: boolean; severity: Severity; previous: Severity | null }[]>`
    WITH v AS (
      SELECT * FROM unnest(${inputs.map((i) => i.patientId)}::uuid[], ${inputs.map((i) => i.type)}::"AlertType"[],
                           ${inputs.map((i) => i.severity)}::"Severity"[], ${inputs.map((i) => i.title)}::text[],
                           ${inputs.map((i) => i.description)}::text[], ${inputs.map((i) => i.recommendedAction ?? null)}::text[],
                           ${inputs.map((i) => i.source)}::text[], ${inputs.map((i) => i.dedupKey)}::text[], ${openKeys}::text[],
                           ${inputs.map((i) => JSON.stringify([i.evidence]))}::text[],
                           ${inputs.map(() => String(randomInt(1000, 10000)))}::text[])
        AS v(patient_id, type, severity, title, description, recommended_action, source, dedup_key, open_key, evidence, ack_code)
    ),
    -- what was open before (the statement's snapshot), read once and joined below (not a lookup per row)
    prev AS MATERIALIZED (SELECT open_key, severity FROM alerts WHERE open_key = ANY(${openKeys}::text[])),
    raised AS (
    INSERT INTO alerts (id, patient_id, type, severity, status, title, description, recommended_action, source,
                        dedup_key, open_key, evidence, occurrence_count, first_occurred_at, last_occurred_at,
                        ack_code, escalation_state, escalation_step, created_at, updated_at)
    SELECT gen_random_uuid(), v.patient_id, v.type, v.severity, 'open'::"AlertStatus", v.title, v.description, v.recommended_action, v.source,
           v.dedup_key, v.open_key, v.evidence::jsonb, 1, ${now}::timestamptz, ${now}::timestamptz, v.ack_code, 'none'::"EscalationState", 0, ${now}::timestamptz, ${now}::timestamptz
    FROM v
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
    RETURNING id, open_key, (xmax = 0) AS inserted, severity)
    SELECT raised.id, raised.open_key, raised.inserted, raised.severity, prev.severity AS previous
    FROM raised LEFT JOIN prev ON prev.open_key = raised.open_key`;
  const byKey = new Map(rows.map((r) => [r.open_key, r]));
  const raised = inputs.map((input, k) => {
    const row = byKey.get(openKeys[k])!;
    const severityRaised = !row.inserted && row.previous !== null && row.previous !== row.severity;
    return { input, row, severityRaised };
  });
  await tx.alertEvent.createMany({
    data: raised.map(({ input, row, severityRaised }) => ({
      alertId: row.id,
      kind: row.inserted ? "raised" : severityRaised ? "severity_raised" : "occurrence",
      actorType: "system",
      data: { severity: row.severity, source: input.source, ...(severityRaised ? { from: row.previous } : {}) },
      createdAt: now,
    })),
  });
  return raised.map(({ input, row, severityRaised }) => {
    const data = { alert_id: row.id, patient_id: input.patientId, severity: row.severity };
    const event: DomainEvent | null = row.inserted
      ? { name: "alert/raised", id: `alert-raised-${row.id}`, ts: now.getTime(), data }
      : severityRaised
        ? { name: "alert/severity-raised", id: `alert-${row.id}-${row.severity}`, ts: now.getTime(), data }
        : null;
    return { alertId: row.id, created: row.inserted, severityRaised, severity: row.severity, event };
  });
}
