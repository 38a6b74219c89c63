import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { createSession, issueTokens } from "@/lib/auth/sessions";
import { systemActor, type CaregiverActor } from "@/lib/auth/actor";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { completeSetup } from "@/lib/devices/complete-setup";
import { createPatient } from "@/lib/patients/create-patient";
import type { CreatePatientInput } from "@/lib/patients/schemas";
import { createSchedule } from "@/lib/schedules/schedules";

/**
 * Small factories: each test makes its own organization and caregivers, so tests never share rows.
 */
export const TEST_PASSWORD = "correct-Horse-battery-7";
let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(TEST_PASSWORD));

export interface TestCaregiver {
  id: string;
  email: string;
  organizationId: string;
  token: string;
  sessionId: string;
  actor: CaregiverActor;
}

/** A caregiver with a live API session (bearer `token`), owner of a new organization unless `organizationId` is given. */
export async function makeCaregiver(
  opts: { organizationId?: string; role?: "owner" | "admin" | "member"; firstName?: string; email?: string } = {},
): Promise<TestCaregiver> {
  const now = new Date();
  const email = opts.email ?? `cg-${randomUUID()}@example.test`;
  const caregiver = await db.caregiver.create({
    data: { email, passwordHash: await passwordHash(), firstName: opts.firstName ?? "Casey", lastName: "Tester", timezone: "America/Chicago" },
  });
  const organizationId = opts.organizationId ?? (await db.organization.create({ data: { name: `Org ${email}` } })).id;
  await db.membership.create({ data: { organizationId, caregiverId: caregiver.id, role: opts.role ?? (opts.organizationId ? "member" : "owner") } });
  const session = await createSession(db, caregiver.id, "api", {}, now);
  const tokens = await issueTokens(db, session.id, caregiver.id, now);
  return {
    id: caregiver.id,
    email,
    organizationId,
    token: tokens.access_token,
    sessionId: session.id,
    actor: { kind: "caregiver", caregiverId: caregiver.id, via: "token", sessionId: session.id },
  };
}

export async function makePatient(owner: TestCaregiver, fields: Partial<CreatePatientInput> = {}) {
  return createPatient(
    owner.actor,
    { first_name: "Betty", last_name: "Johnson", date_of_birth: "1945-05-15", timezone: "America/Chicago", organization_id: owner.organizationId, ...fields },
    new Date(),
  );
}

/** Put a caregiver on a patient's care team directly (for access tests). */
export async function joinCareTeam(patientId: string, caregiverId: string, standing: "primary" | "secondary" | "viewer", contactOrder = 2) {
  await db.careTeamMember.create({ data: { patientId, caregiverId, standing, contactOrder } });
}

/** Pair a phone for the patient the way the app does (pairing code, then setup); returns its credential. */
export async function pairDevice(patientId: string, ip = `10.20.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, now = new Date()) {
  const code = await createPairingCode(systemActor("test"), patientId, now);
  const setup = await completeSetup({ patient_id: patientId, setup_token: code.setup_token }, ip, now);
  return { credential: setup.access_token, deviceId: setup.device_id };
}

/**
 * Betty in Chicago with a paired phone and her daily 08:00 Metformin, scheduled through the API's own function
 * from `startDate` (at 06:00 UTC that day): her first dose is due at 14:00 UTC in winter.
 */
export async function patientWithMorningDose(startDate: string) {
  const owner = await makeCaregiver();
  const patient = await makePatient(owner, { timezone: "America/Chicago" });
  await pairDevice(patient.id);
  await createSchedule(
    owner.actor,
    patient.id,
    { type: "medication", title: "Metformin", times_of_day: ["08:00"], recurrence: "daily", start_date: startDate },
    new Date(`${startDate}T06:00:00Z`),
  );
  return { owner, patient };
}

/** A reminder instance, as the routines job would create it. */
export async function makeReminder(
  patientId: string,
  fields: { dueAt: Date; title?: string; type?: "medication" | "meal" | "other"; scheduleId?: string; status?: "pending" | "missed" | "completed" },
) {
  return db.reminder.create({
    data: {
      patientId,
      scheduleId: fields.scheduleId ?? null,
      occurrenceAt: fields.scheduleId ? fields.dueAt : null,
      type: fields.type ?? "medication",
      title: fields.title ?? "Metformin 500mg",
      message: "Take with breakfast",
      dueAt: fields.dueAt,
      status: fields.status ?? "pending",
      nextActionAt: fields.dueAt,
    },
  });
}

/** A schedule row (the schedules API comes with the routines issue). */
export async function makeSchedule(
  patientId: string,
  fields: { title?: string; type?: "medication" | "meal"; times?: string[]; alertOnMiss?: boolean; isCritical?: boolean; isActive?: boolean } = {},
) {
  return db.schedule.create({
    data: {
      patientId,
      type: fields.type ?? "medication",
      title: fields.title ?? "Metformin 500mg",
      timesOfDay: fields.times ?? ["08:00"],
      startDate: new Date("2026-01-01T00:00:00Z"),
      alertOnMiss: fields.alertOnMiss ?? (fields.type ?? "medication") === "medication",
      isCritical: fields.isCritical ?? false,
      isActive: fields.isActive ?? true,
    },
  });
}
