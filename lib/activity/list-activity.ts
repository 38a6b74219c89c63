import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { assertPatientAccess } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ListActivityQuery } from "./schemas";

export const ONLINE_WITHIN_MINUTES = 30;

/** The one rule for "online": the last heartbeat is at most 30 minutes old. */
export const isOnline = (lastHeartbeatAt: Date | null, now: Date) =>
  !!lastHeartbeatAt && now.getTime() - lastHeartbeatAt.getTime() <= ONLINE_WITHIN_MINUTES * 60_000;

const KEYS: SortKey[] = [{ field: "occurredAt", type: "date" }];

type Row = Awaited<ReturnType<typeof db.activityLog.findFirstOrThrow>>;
const present = (a: Row) => ({
  id: a.id,
  activity_type: a.activityType,
  device_id: a.deviceId,
  device_type: a.deviceType,
  app_version: a.appVersion,
  battery_level: a.batteryLevel,
  latitude: a.latitude,
  longitude: a.longitude,
  details: (a.details ?? {}) as Record<string, unknown>,
  occurred_at: a.occurredAt.toISOString(),
});

/** The patient's device status: online when the last heartbeat is at most 30 minutes old. */
export async function deviceStatus(patientId: string, now: Date) {
  const [p, latest, devices] = await Promise.all([
    db.patient.findUniqueOrThrow({ where: { id: patientId }, select: { lastHeartbeatAt: true, lastActiveAt: true, appVersion: true } }),
    db.patientDevice.findFirst({ where: { patientId, revokedAt: null }, orderBy: { lastSeenAt: { sort: "desc", nulls: "last" } } }),
    db.patientDevice.count({ where: { patientId, revokedAt: null } }),
  ]);
  const hb = p.lastHeartbeatAt;
  return {
    online: isOnline(hb, now),
    last_seen_at: latest?.lastSeenAt?.toISOString() ?? null,
    last_heartbeat_at: hb?.toISOString() ?? null,
    last_active_at: p.lastActiveAt?.toISOString() ?? null,
    battery_level: latest?.batteryLevel ?? null,
    app_version: latest?.appVersion ?? p.appVersion,
    paired_devices: devices,
  };
}

/** Caregivers: the patient's activity log (filter by type and time range, paginated) and device status. */
export async function listActivity(actor: Actor, patientId: string, q: ListActivityQuery, now: Date) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const filters: Prisma.ActivityLogWhereInput[] = [{ patientId }];
  if (q.type) filters.push({ activityType: { in: q.type } });
  if (q.from) filters.push({ occurredAt: { gte: new Date(q.from) } });
  if (q.to) filters.push({ occurredAt: { lte: new Date(q.to) } });
  const rows = await db.activityLog.findMany({
    ...pageArgs({ AND: filters }, KEYS, q),
  });
  const page = toPage(rows, q.limit, KEYS, present);
  await recordAudit(db, actor, { action: "activity.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return { ...page, status: await deviceStatus(patientId, now) };
}
