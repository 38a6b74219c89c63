import "server-only";
import { z } from "zod";
import { DateTime } from "luxon";
import { db, type Prisma } from "@/lib/db/client";
import type { DailySummary } from "@/lib/db/generated/client";
import { assertPatientAccess, findForPatient } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { computeDailySummary } from "./compute-daily-summary";
import type { listSummariesQuery } from "./schemas";

export function presentSummary(s: DailySummary) {
  return {
    id: s.id,
    patient_id: s.patientId,
    summary_date: s.summaryDate.toISOString().slice(0, 10),
    total_reminders: s.totalReminders,
    completed_reminders: s.completedReminders,
    missed_reminders: s.missedReminders,
    adherence: { overall: s.adherenceOverall, medication: s.adherenceMedication, meal: s.adherenceMeal },
    conversation_count: s.conversationCount,
    overall_sentiment: s.overallSentiment,
    active_hours: s.activeHours,
    alert_count: s.alertCount,
    narrative: s.narrative,
    narrative_source: s.narrativeSource,
    details: (s.details ?? {}) as Record<string, unknown>,
    generated_at: s.generatedAt.toISOString(),
  };
}

const KEYS: SortKey[] = [{ field: "summaryDate", type: "date" }];

export async function listSummaries(actor: Actor, patientId: string, q: z.infer<typeof listSummariesQuery>) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const filters: Prisma.DailySummaryWhereInput[] = [{ patientId }];
  if (q.from) filters.push({ summaryDate: { gte: new Date(`${q.from}T00:00:00Z`) } });
  if (q.to) filters.push({ summaryDate: { lte: new Date(`${q.to}T00:00:00Z`) } });
  const rows = await db.dailySummary.findMany({
    ...pageArgs({ AND: filters }, KEYS, q),
  });
  await recordAudit(db, actor, { action: "summary.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return toPage(rows, q.limit, KEYS, presentSummary);
}

export async function getSummary(actor: Actor, id: string) {
  const { row: s, access } = await findForPatient(db, actor, "read", "Summary", db.dailySummary.findUnique({ where: { id } }));
  await recordAudit(db, actor, { action: "summary.read", targetType: "summary", targetId: id, patientId: s.patientId, organizationId: access.organizationId });
  return presentSummary(s);
}

/** (Re)generate a patient's summary for a local day (default: today in their zone). */
export async function generateSummary(actor: Actor, patientId: string, date: string | undefined, now: Date) {
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const day = date ?? DateTime.fromJSDate(now, { zone: access.timezone }).toISODate()!;
    const s = await computeDailySummary(tx, patientId, day, now);
    await recordAudit(tx, actor, { action: "summary.generated", targetType: "summary", targetId: s.id, patientId, organizationId: access.organizationId });
    return presentSummary(s);
  });
}
