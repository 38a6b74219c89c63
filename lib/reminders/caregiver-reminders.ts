import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import { Conflict } from "@/lib/api/errors";
import { assertPatientAccess, findForPatient, requireCaregiver } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { pageArgs, toPage, type SortKey } from "@/lib/api/pagination";
import { recordAudit } from "@/lib/audit/record-audit";
import { completeReminder } from "./reminder-transitions";
import { presentReminder } from "./present-reminder";
import type { ListRemindersQuery } from "./schemas";

const KEYS: SortKey[] = [{ field: "dueAt", type: "date" }];

/** A patient's reminder instances for caregivers: filters by status, time range, schedule and type. */
export async function listReminders(actor: Actor, patientId: string, q: ListRemindersQuery) {
  const access = await assertPatientAccess(db, actor, patientId, "read");
  const filters: Prisma.ReminderWhereInput[] = [{ patientId }];
  if (q.status) filters.push({ status: { in: q.status } });
  if (q.from) filters.push({ dueAt: { gte: new Date(q.from) } });
  if (q.to) filters.push({ dueAt: { lte: new Date(q.to) } });
  if (q.schedule_id) filters.push({ scheduleId: q.schedule_id });
  if (q.type) filters.push({ type: q.type });
  const where = { AND: filters };
  const [rows, total] = await Promise.all([
    db.reminder.findMany({
      ...pageArgs(where, KEYS, q),
    }),
    db.reminder.count({ where }),
  ]);
  await recordAudit(db, actor, { action: "reminder.listed", targetType: "patient", targetId: patientId, patientId, organizationId: access.organizationId });
  return toPage(rows, q.limit, KEYS, presentReminder, total);
}

const reminderFor = (tx: Tx, actor: Actor, id: string, need: "read" | "write") =>
  findForPatient(tx, actor, need, "Reminder", tx.reminder.findUnique({ where: { id } }));

export async function getReminder(actor: Actor, id: string) {
  const { row: r, access } = await reminderFor(db, actor, id, "read");
  await recordAudit(db, actor, {
    action: "reminder.read",
    targetType: "reminder",
    targetId: id,
    patientId: r.patientId,
    organizationId: access.organizationId,
  });
  return presentReminder(r);
}

/** A caregiver marks an instance done on the patient's behalf (recorded as done by that caregiver). */
export async function completeReminderForPatient(actor: Actor, id: string, note: string | undefined, now: Date) {
  const me = requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const { row: r, access } = await reminderFor(tx, actor, id, "write");
    if (r.status === "completed") return presentReminder(r);
    const who = await tx.caregiver.findUniqueOrThrow({ where: { id: me.caregiverId }, select: { firstName: true, lastName: true } });
    const updated = await completeReminder(
      tx,
      r,
      { via: "caregiver", caregiverId: me.caregiverId, notes: note, note: `Marked done by ${who.firstName} ${who.lastName} at ${now.toISOString()}.` },
      now,
    );
    if (!updated) throw new Conflict(`This reminder is already ${r.status}.`, "reminder_settled");
    await recordAudit(tx, actor, {
      action: "reminder.completed_for_patient",
      targetType: "reminder",
      targetId: id,
      patientId: r.patientId,
      organizationId: access.organizationId,
    });
    return presentReminder(updated);
  });
}

/** A caregiver skips an instance (not needed today): it is neither done nor missed, and nothing fires. */
export async function skipReminder(actor: Actor, id: string, note: string | undefined, now: Date) {
  requireCaregiver(actor);
  return db.$transaction(async (tx) => {
    const { row: r, access } = await reminderFor(tx, actor, id, "write");
    if (r.status === "skipped") return presentReminder(r);
    const done = await tx.reminder.updateMany({
      where: { id, status: { in: ["pending", "snoozed"] } },
      data: { status: "skipped", nextActionAt: null, ...(note ? { notes: note } : {}), updatedAt: now },
    });
    if (done.count === 0) throw new Conflict(`This reminder is already ${r.status}.`, "reminder_settled");
    await recordAudit(tx, actor, {
      action: "reminder.skipped",
      targetType: "reminder",
      targetId: id,
      patientId: r.patientId,
      organizationId: access.organizationId,
    });
    return presentReminder(await tx.reminder.findUniqueOrThrow({ where: { id } }));
  });
}
