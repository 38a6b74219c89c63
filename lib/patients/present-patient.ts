import type { Patient } from "@/lib/db/generated/client";
import type { PatientOutput } from "./schemas";

export function ageOn(dateOfBirth: Date, now: Date): number {
  let age = now.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const m = now.getUTCMonth() - dateOfBirth.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < dateOfBirth.getUTCDate())) age--;
  return age;
}

/** The pause in force now (an expired one is history: monitoring runs again). */
export function monitoringPauseOf(p: Pick<Patient, "monitoringPausedUntil" | "monitoringPauseReason">, now: Date) {
  const on = !!p.monitoringPausedUntil && p.monitoringPausedUntil.getTime() > now.getTime();
  return { monitoring_paused_until: on ? p.monitoringPausedUntil!.toISOString() : null, monitoring_pause_reason: on ? p.monitoringPauseReason : null };
}

export const displayName = (p: Pick<Patient, "preferredName" | "firstName">) => p.preferredName || p.firstName;

/** What presenting a patient reads: every column but who paused monitoring and when. */
export type PresentablePatient = Omit<Patient, "monitoringPausedAt" | "monitoringPausedById">;

export function presentPatient(p: PresentablePatient, now: Date, standing: PatientOutput["my_standing"] = null): PatientOutput {
  return {
    id: p.id,
    organization_id: p.organizationId,
    facility_id: p.facilityId,
    first_name: p.firstName,
    last_name: p.lastName,
    preferred_name: p.preferredName,
    full_name: `${p.firstName} ${p.lastName}`,
    display_name: displayName(p),
    date_of_birth: p.dateOfBirth.toISOString().slice(0, 10),
    age: ageOn(p.dateOfBirth, now),
    gender: p.gender,
    phone_number: p.phoneNumber,
    address: p.address,
    emergency_contact_name: p.emergencyContactName,
    emergency_contact_phone: p.emergencyContactPhone,
    medical_conditions: p.medicalConditions,
    medications: p.medications,
    allergies: p.allergies,
    dietary_restrictions: p.dietaryRestrictions,
    personal_context: (p.personalContext ?? {}) as Record<string, unknown>,
    profile_photo_url: p.profilePhotoUrl,
    timezone: p.timezone,
    preferred_voice: p.preferredVoice,
    communication_style: p.communicationStyle,
    language: p.language,
    app_version: p.appVersion,
    last_heartbeat_at: p.lastHeartbeatAt?.toISOString() ?? null,
    last_active_at: p.lastActiveAt?.toISOString() ?? null,
    ai_model: p.aiModel,
    ai_system_prompt: p.aiSystemPrompt,
    ai_context_window: p.aiContextWindow,
    settings: (p.settings ?? {}) as Record<string, unknown>,
    ...monitoringPauseOf(p, now),
    is_active: p.isActive,
    my_standing: standing,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}
