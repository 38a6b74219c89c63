"use server";

import { revalidatePath } from "next/cache";
import { clock } from "@/lib/clock";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { updatePatient } from "@/lib/patients/update-patient";
import { pauseMonitoringInput, updatePatientInput } from "@/lib/patients/schemas";
import { pauseMonitoring, resumeMonitoring } from "@/lib/patients/monitoring-pause";
import { recordCaregiverContact } from "@/lib/activity/record-caregiver-contact";
import { spokeWithInput } from "@/lib/activity/schemas";
import { addCareTeamMember, removeCareTeamMember } from "@/lib/care-team/care-team";
import { addCareTeamMemberInput } from "@/lib/care-team/schemas";
import { revokeDevice } from "@/lib/devices/devices";
import { createPairingCode } from "@/lib/devices/create-pairing-code";
import { invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { listFromText, textOrNull, topLevelErrors } from "@/lib/dashboard/form-input";
import { withRequestContext } from "@/lib/dashboard/request";
import { logger } from "@/lib/observability/logger";
import { AppError, NotFound } from "@/lib/api/errors";
import type { PairingState } from "@/components/devices/pairing-panel";
import { runAction } from "./run-action";
import { idFrom } from "@/lib/dashboard/form-input";

const PROFILE_FIELDS = [
  "first_name",
  "last_name",
  "preferred_name",
  "date_of_birth",
  "gender",
  "phone_number",
  "address",
  "emergency_contact_name",
  "emergency_contact_phone",
  "timezone",
  "medical_conditions",
  "medications",
  "allergies",
  "dietary_restrictions",
] as const;

const phone = (v: string) => textOrNull(v.replace(/[\s().-]/g, ""));

/** Edit the profile: the fields on the form, through the API's update schema (PATCH semantics). */
export async function updateProfileAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const v = readFields(form, PROFILE_FIELDS);
  const parsed = updatePatientInput.safeParse({
    first_name: v.first_name,
    last_name: v.last_name,
    preferred_name: textOrNull(v.preferred_name),
    date_of_birth: v.date_of_birth,
    gender: textOrNull(v.gender),
    phone_number: phone(v.phone_number),
    address: textOrNull(v.address),
    emergency_contact_name: textOrNull(v.emergency_contact_name),
    emergency_contact_phone: phone(v.emergency_contact_phone),
    ...(v.timezone && { timezone: v.timezone }),
    medical_conditions: listFromText(v.medical_conditions),
    medications: listFromText(v.medications),
    allergies: listFromText(v.allergies),
    dietary_restrictions: listFromText(v.dietary_restrictions),
  });
  if (!parsed.success) {
    const state = invalidForm(prev, parsed.error, v);
    return { ...state, fieldErrors: topLevelErrors(state.fieldErrors) };
  }
  return runAction(prev, v, (actor) => updatePatient(actor, patientId, parsed.data, clock.now()), `/patients/${patientId}?ok=profile`);
}

/** Add an existing caregiver by email, with a standing. */
export async function addCareTeamMemberAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const v = readFields(form, ["email", "standing"] as const);
  const parsed = addCareTeamMemberInput.safeParse({ email: v.email, standing: v.standing || undefined });
  if (!parsed.success) return invalidForm(prev, parsed.error, v);
  return runAction(
    prev,
    v,
    (actor) => addCareTeamMember(actor, patientId, parsed.data, clock.now()),
    `/patients/${patientId}?ok=member-added#care-team`,
    // an unknown email or someone already on the team belongs next to the email box
    (err) => (err instanceof NotFound || err.extra.code === "already_on_team" ? "email" : undefined),
  );
}

export async function removeCareTeamMemberAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { caregiver_id } = readFields(form, ["caregiver_id"] as const);
  return runAction(
    prev,
    {},
    (actor) => removeCareTeamMember(actor, patientId, idFrom(caregiver_id, "Caregiver")),
    `/patients/${patientId}?ok=member-removed#care-team`,
  );
}

export async function revokeDeviceAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const { device_id } = readFields(form, ["device_id"] as const);
  return runAction(prev, {}, (actor) => revokeDevice(actor, idFrom(device_id, "Device"), clock.now()), `/patients/${patientId}?ok=device-revoked#devices`);
}

/** A new one-time pairing code (voids older unused ones); shown once, so it comes back as state, not a redirect. */
export async function createPairingCodeAction(patientId: string, prev: PairingState): Promise<PairingState> {
  const actor = await requireCaregiverPage();
  try {
    const c = await withRequestContext(() => createPairingCode(actor, patientId, clock.now()));
    return { code: { setup_token: c.setup_token, expires_at: c.expires_at, qr_svg: c.qr_svg }, attempt: prev.attempt + 1 };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message, attempt: prev.attempt + 1 };
    logger.error({ err }, "pairing code action failed");
    return { error: "Something went wrong on our side. Please try again in a moment.", attempt: prev.attempt + 1 };
  }
}

/** "I spoke to …": a sign of life recorded by the caregiver (ends an open inactivity episode). */
export async function spokeWithAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const v = readFields(form, ["note"] as const);
  const parsed = spokeWithInput.safeParse({ note: textOrNull(v.note) });
  if (!parsed.success) return invalidForm(prev, parsed.error, v);
  return runAction(prev, v, (actor) => recordCaregiverContact(actor, patientId, parsed.data, clock.now()), `/patients/${patientId}?ok=spoke-with#monitoring`);
}

/** Pause inactivity and phone-offline monitoring until a day (the API's schema and rules). */
export async function pauseMonitoringAction(patientId: string, prev: FormState, form: FormData): Promise<FormState> {
  const v = readFields(form, ["until", "reason"] as const);
  const parsed = pauseMonitoringInput.safeParse({ until: v.until, reason: textOrNull(v.reason) });
  if (!parsed.success) return invalidForm(prev, parsed.error, v);
  return runAction(
    prev,
    v,
    (actor) => pauseMonitoring(actor, patientId, parsed.data, clock.now()).then(refreshHeader(patientId)),
    `/patients/${patientId}?ok=paused#monitoring`,
  );
}

export async function resumeMonitoringAction(patientId: string, prev: FormState): Promise<FormState> {
  return runAction(
    prev,
    {},
    (actor) => resumeMonitoring(actor, patientId, clock.now()).then(refreshHeader(patientId)),
    `/patients/${patientId}?ok=resumed#monitoring`,
  );
}

/** The patient's header (their layout) shows the pause: render it again, not only the page. */
const refreshHeader =
  (patientId: string) =>
  <T>(result: T): T => {
    revalidatePath(`/patients/${patientId}`, "layout");
    return result;
  };
