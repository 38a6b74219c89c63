import type { Prisma } from "@/lib/db/generated/client";
import type { UpdatePatientInput } from "./schemas";

/** API field names -> Prisma data, for the fields present in the input (absent means unchanged). */
export function patientData(input: UpdatePatientInput): Prisma.PatientUncheckedUpdateInput {
  const map: Record<string, string> = {
    first_name: "firstName",
    last_name: "lastName",
    preferred_name: "preferredName",
    gender: "gender",
    phone_number: "phoneNumber",
    address: "address",
    emergency_contact_name: "emergencyContactName",
    emergency_contact_phone: "emergencyContactPhone",
    medical_conditions: "medicalConditions",
    medications: "medications",
    allergies: "allergies",
    dietary_restrictions: "dietaryRestrictions",
    personal_context: "personalContext",
    profile_photo_url: "profilePhotoUrl",
    timezone: "timezone",
    preferred_voice: "preferredVoice",
    communication_style: "communicationStyle",
    language: "language",
    ai_model: "aiModel",
    ai_system_prompt: "aiSystemPrompt",
    ai_context_window: "aiContextWindow",
    settings: "settings",
    is_active: "isActive",
  };
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === "date_of_birth") data.dateOfBirth = new Date(`${value}T00:00:00Z`);
    else if (map[key]) data[map[key]] = value;
  }
  return data as Prisma.PatientUncheckedUpdateInput;
}
