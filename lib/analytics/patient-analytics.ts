import "server-only";
import { db } from "@/lib/db/client";
import { actorRef } from "@/lib/auth/actor";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { onOneConnection } from "./one-connection";
import type { Actor } from "@/lib/auth/actor";
import { assertPatientAccess } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record-audit";
import { computePatientAnalytics } from "./compute-patient-analytics";
import { localToday, resolveRange } from "./range";
import type { PatientAnalytics, PatientAnalyticsQuery } from "./schemas";
import { usableZone } from "@/lib/time-zones/check-zone";

/**
 * A patient's statistics for the care team (404 for anyone else), audited like every read of patient data.
 * `action` names the read in the audit trail (the export is its own action).
 */
export async function getPatientAnalytics(
  actor: Actor,
  patientId: string,
  query: PatientAnalyticsQuery,
  now: Date,
  action = "analytics.read",
): Promise<PatientAnalytics> {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  await limitAnalytics(actor, now);
  // a stored zone nobody can compute with is read as its canonical zone, or UTC (the answer names the zone used)
  const zone = usableZone(access.timezone);
  const range = resolveRange(query, localToday(now, zone));
  const result = await onOneConnection((q) => computePatientAnalytics(q, patientId, zone, range, query.granularity, now));
  await recordAudit(db, actor, {
    action,
    targetType: "patient",
    targetId: patientId,
    patientId,
    organizationId: access.organizationId,
    metadata: { from: range.from, to: range.to, granularity: query.granularity },
  });
  return result;
}

/** Reports are for reading, not for hammering: 60 a minute per caregiver or key (pages and API together). */
export async function limitAnalytics(actor: Actor, now: Date) {
  await enforceRateLimit(`analytics:${actorRef(actor).actorId}`, 60, 60, now, "Too many reports at once. Wait a minute and try again.");
}
