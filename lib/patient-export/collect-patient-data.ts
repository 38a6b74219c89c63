import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Everything Elda holds about one patient, read in one transaction (a consistent snapshot). Secrets and
 * other people's contact details stay out: device credential and pairing-code hashes, push tokens, and
 * the phone numbers and email addresses notifications went to. Audit rows are about access, not the
 * patient's data: they have their own export.
 */
export async function collectPatientData(tx: Tx, patientId: string) {
  const [patient, careTeam, devices, schedules, reminders, conversations, alerts, notes, summaries, insights, consents, activity] = await Promise.all([
    tx.patient.findUniqueOrThrow({ where: { id: patientId } }),
    tx.careTeamMember.findMany({
      where: { patientId },
      orderBy: { contactOrder: "asc" },
      select: { standing: true, contactOrder: true, createdAt: true, caregiver: { select: { id: true, firstName: true, lastName: true } } },
    }),
    tx.patientDevice.findMany({ where: { patientId }, orderBy: { pairedAt: "asc" }, omit: { credentialHash: true } }),
    tx.schedule.findMany({ where: { patientId }, orderBy: { createdAt: "asc" } }),
    tx.reminder.findMany({ where: { patientId }, orderBy: { dueAt: "asc" } }),
    tx.conversation.findMany({ where: { patientId }, orderBy: { startedAt: "asc" }, include: { turns: { orderBy: { sequence: "asc" } } } }),
    tx.alert.findMany({ where: { patientId }, orderBy: { createdAt: "asc" }, include: { events: { orderBy: { createdAt: "asc" } } } }),
    tx.caregiverNote.findMany({ where: { patientId }, orderBy: { createdAt: "asc" } }),
    tx.dailySummary.findMany({ where: { patientId }, orderBy: { summaryDate: "asc" } }),
    tx.insight.findMany({ where: { patientId }, orderBy: { createdAt: "asc" } }),
    tx.consent.findMany({ where: { patientId }, orderBy: { recordedAt: "asc" } }),
    tx.activityLog.findMany({ where: { patientId }, orderBy: { occurredAt: "asc" } }),
  ]);
  return { patient, careTeam, devices, schedules, reminders, conversations, alerts, notes, summaries, insights, consents, activity };
}

export type PatientData = Awaited<ReturnType<typeof collectPatientData>>;

const snakeKey = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Database rows as the API writes them: snake_case keys, ISO timestamps, nested rows alike. */
export function asApiJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(asApiJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeKey(k), asApiJson(v)]));
  return value;
}
