import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import type { Schedule } from "@/lib/db/generated/client";
import { ValidationFailed } from "@/lib/api/errors";
import { assertPatientAccess, findForPatient } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { refreshFutureInstances } from "@/lib/reminders/generate-reminders";
import { localToday } from "./recurrence";
import { presentSchedule } from "./present-schedule";
import { scheduleProblems, type CreateScheduleInput, type ListSchedulesQuery, type UpdateScheduleInput } from "./schemas";

const date = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : d === null ? null : undefined);

function toData(input: UpdateScheduleInput): Prisma.ScheduleUncheckedUpdateInput {
  const map: Record<string, string> = {
    type: "type",
    title: "title",
    instructions: "instructions",
    medication_name: "medicationName",
    dosage: "dosage",
    recurrence: "recurrence",
    days_of_week: "daysOfWeek",
    interval_days: "intervalDays",
    times_of_day: "timesOfDay",
    advance_notice_minutes: "advanceNoticeMinutes",
    repeat_until_acknowledged: "repeatUntilAcknowledged",
    repeat_interval_minutes: "repeatIntervalMinutes",
    max_repeats: "maxRepeats",
    missed_after_minutes: "missedAfterMinutes",
    alert_on_miss: "alertOnMiss",
    is_critical: "isCritical",
    is_active: "isActive",
  };
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (k === "start_date") data.startDate = date(v as string);
    else if (k === "end_date") data.endDate = date(v as string | null);
    else if (k === "times_of_day") data.timesOfDay = [...(v as string[])].sort();
    else if (map[k]) data[map[k]] = v;
  }
  return data as Prisma.ScheduleUncheckedUpdateInput;
}

/** Create a schedule; its next 48 hours of instances exist at once. */
export async function createSchedule(actor: Actor, patientId: string, input: CreateScheduleInput, now: Date) {
  return db.$transaction(async (tx) => {
    const access = await assertPatientAccess(tx, actor, patientId, "write");
    const s = await tx.schedule.create({
      data: {
        ...(toData(input) as object),
        patientId,
        type: input.type,
        title: input.title,
        timesOfDay: [...input.times_of_day].sort(),
        startDate: date(input.start_date ?? localToday(now, access.timezone))!,
        // default: missing a medication alerts the care team, missing anything else does not
        alertOnMiss: input.alert_on_miss ?? input.type === "medication",
        createdById: actor.kind === "caregiver" ? actor.caregiverId : null,
        createdAt: now,
      },
    });
    await refreshFutureInstances(tx, s.id, now);
    await recordAudit(tx, actor, { action: "schedule.created", targetType: "schedule", targetId: s.id, patientId, organizationId: access.organizationId });
    return presentSchedule(s);
  });
}

const SORTS: Record<ListSchedulesQuery["sort"], SortKey[]> = {
  created_at: [{ field: "createdAt", type: "date" }],
  updated_at: [{ field: "updatedAt", type: "date" }],
  title: [{ field: "title", type: "string" }],
};

export async function listSchedules(actor: Actor, patientId: string, q: ListSchedulesQuery) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const keys = SORTS[q.sort];
  const filters: Prisma.ScheduleWhereInput[] = [{ patientId }];
  if (q.active !== undefined) filters.push({ isActive: q.active });
  if (q.type) filters.push({ type: q.type });
  const where = { AND: filters };
  const [rows, total] = await Promise.all([
    db.schedule.findMany({
      ...pageArgs(where, keys, q),
    }),
    db.schedule.count({ where }),
  ]);
  await recordAudit(db, actor, { action: "schedule.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return toPage(rows, q.limit, keys, presentSchedule, total);
}

const scheduleFor = (tx: Tx, actor: Actor, id: string, need: "read" | "write") =>
  findForPatient(tx, actor, need, "Schedule", tx.schedule.findUnique({ where: { id } }));

export async function getSchedule(actor: Actor, id: string) {
  const { row: s, access } = await scheduleFor(db, actor, id, "read");
  await recordAudit(db, actor, {
    action: "schedule.read",
    targetType: "schedule",
    targetId: id,
    patientId: s.patientId,
    organizationId: access.organizationId,
  });
  return presentSchedule(s);
}

function merged(s: Schedule, input: UpdateScheduleInput) {
  return {
    type: input.type ?? s.type,
    recurrence: input.recurrence ?? s.recurrence,
    days_of_week: input.days_of_week ?? s.daysOfWeek,
    interval_days: input.interval_days !== undefined ? input.interval_days : s.intervalDays,
    times_of_day: input.times_of_day ?? s.timesOfDay,
    start_date: input.start_date ?? s.startDate.toISOString().slice(0, 10),
    end_date: input.end_date !== undefined ? input.end_date : (s.endDate?.toISOString().slice(0, 10) ?? null),
    dosage: input.dosage !== undefined ? input.dosage : s.dosage,
    medication_name: input.medication_name !== undefined ? input.medication_name : s.medicationName,
    repeat_interval_minutes: input.repeat_interval_minutes !== undefined ? input.repeat_interval_minutes : s.repeatIntervalMinutes,
    max_repeats: input.max_repeats !== undefined ? input.max_repeats : s.maxRepeats,
    missed_after_minutes: input.missed_after_minutes !== undefined ? input.missed_after_minutes : s.missedAfterMinutes,
  };
}

/** Change a schedule: validated as a whole; future undelivered instances follow, past ones stay. */
export async function updateSchedule(actor: Actor, id: string, input: UpdateScheduleInput, now: Date) {
  return db.$transaction(async (tx) => {
    const { row: s, access } = await scheduleFor(tx, actor, id, "write");
    const problems = scheduleProblems(merged(s, input));
    if (problems.length) throw new ValidationFailed(problems);
    const updated = await tx.schedule.update({ where: { id }, data: toData(input) });
    await refreshFutureInstances(tx, id, now);
    await recordAudit(tx, actor, {
      action: "schedule.updated",
      targetType: "schedule",
      targetId: id,
      patientId: s.patientId,
      organizationId: access.organizationId,
      metadata: { fields: Object.keys(input) },
    });
    return presentSchedule(updated);
  });
}

/** Delete a schedule: its future undelivered instances go with it; past instances stay, unlinked. */
export async function deleteSchedule(actor: Actor, id: string, now: Date) {
  await db.$transaction(async (tx) => {
    const { row: s, access } = await scheduleFor(tx, actor, id, "write");
    await tx.reminder.deleteMany({ where: { scheduleId: id, dueAt: { gt: now }, status: "pending", deliveryCount: 0 } });
    await tx.schedule.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "schedule.deleted",
      targetType: "schedule",
      targetId: id,
      patientId: s.patientId,
      organizationId: access.organizationId,
    });
  });
}
