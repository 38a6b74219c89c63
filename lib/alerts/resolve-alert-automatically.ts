import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * Close an alert whose condition cleared itself (a missed dose confirmed late, a sign of life after
 * silence): status auto_resolved with a note, escalation stopped, the open key freed.
 */
export async function resolveAlertAutomatically(tx: Tx, alertId: string, note: string, now: Date) {
  const r = await tx.alert.updateMany({
    where: { id: alertId, status: { in: ["open", "acknowledged"] } },
    data: { status: "auto_resolved", openKey: null, resolvedAt: now, resolutionNote: note, nextEscalationAt: null },
  });
  if (r.count === 0) return false;
  await tx.alert.updateMany({ where: { id: alertId, escalationState: "active" }, data: { escalationState: "acknowledged" } });
  await tx.alertEvent.create({ data: { alertId, kind: "auto_resolved", actorType: "system", note, createdAt: now } });
  return true;
}
