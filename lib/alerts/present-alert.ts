import type { Alert, Patient } from "@/lib/db/generated/client";
import type { AlertOutput, EvidenceItem } from "./schemas";

export function presentAlert(a: Alert & { patient: Pick<Patient, "firstName" | "lastName" | "preferredName"> }): AlertOutput {
  return {
    id: a.id,
    patient_id: a.patientId,
    patient_name: `${a.patient.firstName} ${a.patient.lastName}`,
    type: a.type,
    severity: a.severity,
    status: a.status,
    title: a.title,
    description: a.description,
    recommended_action: a.recommendedAction,
    source: a.source,
    evidence: (a.evidence ?? []) as EvidenceItem[],
    occurrence_count: a.occurrenceCount,
    first_occurred_at: a.firstOccurredAt.toISOString(),
    last_occurred_at: a.lastOccurredAt.toISOString(),
    acknowledged_at: a.acknowledgedAt?.toISOString() ?? null,
    acknowledged_by: a.acknowledgedById,
    acknowledged_via: a.acknowledgedVia,
    resolved_at: a.resolvedAt?.toISOString() ?? null,
    resolved_by: a.resolvedById,
    resolution_note: a.resolutionNote,
    escalation: {
      state: a.escalationState,
      step: a.escalationStep,
      next_at: a.nextEscalationAt?.toISOString() ?? null,
      nobody_reached: a.escalationState === "exhausted",
    },
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}
