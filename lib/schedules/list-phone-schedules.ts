import "server-only";
import { db } from "@/lib/db/client";
import { NotFound } from "@/lib/api/errors";
import type { DeviceActor } from "@/lib/auth/actor";
import { presentSchedule } from "./present-schedule";

/** The phone's copy of the patient's active schedules, by first time of day. */
export async function listPhoneSchedules(actor: DeviceActor, patientId: string) {
  if (patientId !== actor.patientId) throw new NotFound("Patient");
  const rows = await db.schedule.findMany({ where: { patientId, isActive: true }, orderBy: [{ createdAt: "asc" }] });
  return rows.map(presentSchedule).sort((a, b) => (a.times_of_day[0] ?? "").localeCompare(b.times_of_day[0] ?? ""));
}
