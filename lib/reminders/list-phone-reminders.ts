import "server-only";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/api/errors";
import type { DeviceActor } from "@/lib/auth/actor";
import { presentReminder } from "./present-reminder";

/**
 * What the phone shows: today's and tomorrow's instances in the patient's time zone (skipped ones
 * left out), earliest first. The status stays `pending` until completed, snoozed or missed.
 */
export async function listPhoneReminders(actor: DeviceActor, patientId: string, now: Date) {
  if (patientId !== actor.patientId) throw new NotFound("Patient");
  const p = await db.patient.findUnique({ where: { id: patientId }, select: { timezone: true } });
  if (!p) throw new NotFound("Patient");
  const start = DateTime.fromJSDate(now, { zone: p.timezone }).startOf("day");
  const rows = await db.reminder.findMany({
    where: { patientId, dueAt: { gte: start.toJSDate(), lt: start.plus({ days: 2 }).toJSDate() }, status: { not: "skipped" } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map(presentReminder);
}
