import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import type { Schedule } from "@/lib/db/generated/client";
import { occurrencesBetween } from "@/lib/schedules/recurrence";

/** Instances exist this far ahead, rolling (SPEC §5; issue 4). */
export const HORIZON_HOURS = 48;
const BATCH = 2_000;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The instances a schedule yields in [from, to) in the patient's zone, ready for createMany. */
export function instancesFor(s: Schedule, zone: string, from: Date, to: Date): Prisma.ReminderCreateManyInput[] {
  if (!s.isActive) return [];
  const rule = {
    recurrence: s.recurrence,
    daysOfWeek: s.daysOfWeek,
    intervalDays: s.intervalDays,
    timesOfDay: s.timesOfDay,
    startDate: day(s.startDate),
    endDate: s.endDate ? day(s.endDate) : null,
  };
  return occurrencesBetween(rule, zone, from, to).map((o) => ({
    patientId: s.patientId,
    scheduleId: s.id,
    occurrenceAt: o.at,
    type: s.type,
    title: s.title,
    message: s.instructions,
    dueAt: o.at,
    status: "pending" as const,
    // the first push goes at due_at minus the advance notice
    nextActionAt: new Date(o.at.getTime() - s.advanceNoticeMinutes * 60_000),
  }));
}

/**
 * After a schedule changes (or is paused or deleted): future instances not yet delivered are replaced;
 * past ones, and ones already pushed to the phone, are never touched.
 */
export async function refreshFutureInstances(tx: Tx, scheduleId: string, now: Date) {
  await tx.reminder.deleteMany({ where: { scheduleId, dueAt: { gt: now }, status: "pending", deliveryCount: 0 } });
  const s = await tx.schedule.findUnique({
    where: { id: scheduleId },
    include: { patient: { select: { timezone: true, isActive: true, _count: { select: { devices: { where: { revokedAt: null } } } } } } },
  });
  // reminders reach the patient through the phone: none are made before one is paired (the sweep catches up then)
  if (!s || !s.patient.isActive || s.patient._count.devices === 0) return 0;
  const rows = instancesFor(s, s.patient.timezone, now, new Date(now.getTime() + HORIZON_HOURS * 3_600_000));
  if (rows.length === 0) return 0;
  return (await tx.reminder.createMany({ data: rows, skipDuplicates: true })).count;
}

/**
 * The rolling generation sweep: every active schedule of every active patient with a paired phone gets its
 * instances for the next 48 hours. Idempotent: (schedule_id, occurrence_at) is unique, so re-running
 * creates nothing twice. Schedules are read in batches by id; instances are inserted in bulk.
 */
export async function generateReminderInstances(now: Date, opts: { patientId?: string; horizonHours?: number } = {}) {
  const to = new Date(now.getTime() + (opts.horizonHours ?? HORIZON_HOURS) * 3_600_000);
  let cursor: string | undefined;
  let schedules = 0;
  let created = 0;
  for (;;) {
    const batch = await db.schedule.findMany({
      where: {
        isActive: true,
        ...(opts.patientId ? { patientId: opts.patientId } : {}),
        patient: { isActive: true, devices: { some: { revokedAt: null } } },
        // a generous bound: the recurrence itself applies the end date in the patient's zone
        OR: [{ endDate: null }, { endDate: { gte: new Date(Date.parse(day(now)) - 86_400_000) } }],
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      include: { patient: { select: { timezone: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1].id;
    schedules += batch.length;
    const rows = batch.flatMap((s) => instancesFor(s, s.patient.timezone, now, to));
    for (let i = 0; i < rows.length; i += 5_000) {
      created += (await db.reminder.createMany({ data: rows.slice(i, i + 5_000), skipDuplicates: true })).count;
    }
    if (batch.length < BATCH) break;
  }
  return { schedules, created };
}
