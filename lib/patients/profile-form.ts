/**
 * The patient's profile form and the API's `updatePatientInput` (PATCH /api/v1/patients/{id}), field for field:
 * the whole profile, including how the companion talks with them, what it knows about them (personal context),
 * their own inactivity thresholds and their AI settings. Pure functions: the server action and the edit page share them.
 */
import { listFromText, listToText, textOrNull, wholeNumber } from "@/lib/dashboard/form-input";
import type { FieldIssue } from "@/lib/dashboard/form-state";
import { DEFAULT_ORGANIZATION_SETTINGS } from "@/lib/orgs/schemas";
import type { PatientOutput } from "./schemas";

type Inactivity = typeof DEFAULT_ORGANIZATION_SETTINGS.inactivity;
/** The patient's own inactivity settings, one box each ("settings.inactivity.high_after_hours"); empty means the organization's. */
export const INACTIVITY_FIELDS = (Object.keys(DEFAULT_ORGANIZATION_SETTINGS.inactivity) as (keyof Inactivity)[]).map(
  (k) => `settings.inactivity.${k}` as const,
);

/** The parts of the personal context the form edits; any other key in it is kept as it is. */
export const CONTEXT_FIELDS = ["hobbies", "children", "grandchildren", "life_story"] as const;

export const PROFILE_FIELDS = [
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
  "language",
  "communication_style",
  "preferred_voice",
  "profile_photo_url",
  ...CONTEXT_FIELDS,
  ...INACTIVITY_FIELDS,
  "ai_model",
  "ai_system_prompt",
  "ai_context_window",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const phone = (v: string) => textOrNull(v.replace(/[\s().-]/g, ""));
const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The form's parts of the personal context, every one present (empty ones too, so saving can remove them). */
const contextFromForm = (values: Record<string, string>) => ({
  hobbies: listFromText(values.hobbies),
  family: { children: listFromText(values.children), grandchildren: listFromText(values.grandchildren) },
  life_story: textOrNull(values.life_story),
});

/** The saved personal context with the form's parts written over it: an emptied box removes its key, other keys stay. */
export function withSavedContext(saved: Record<string, unknown>, fromForm: Record<string, unknown>): Record<string, unknown> {
  const merge = (base: Record<string, unknown>, over: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...base };
    for (const [key, v] of Object.entries(over)) {
      const value = v && typeof v === "object" && !Array.isArray(v) ? merge(record(base[key]), v as Record<string, unknown>) : v;
      const empty =
        value === null || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && value !== null && Object.keys(value).length === 0);
      if (empty) delete out[key];
      else out[key] = value;
    }
    return out;
  };
  return merge(saved, fromForm);
}

/** An hour count may have a fraction ("1.5"); a box that is not a number is left for the schema to refuse. */
const numberOrText = (v: string): unknown => (Number.isFinite(Number(v)) ? Number(v) : v);

/** The form as the PATCH body (not yet validated); its personal context is the form's part, see withSavedContext. */
export function profileInputFromForm(values: Record<string, string>, problems: FieldIssue[]) {
  const inactivity: Record<string, unknown> = {};
  for (const field of INACTIVITY_FIELDS) {
    const v = values[field] ?? "";
    if (v !== "") inactivity[field.slice("settings.inactivity.".length)] = /^\d\d?:\d\d$/.test(v) ? v.padStart(5, "0") : numberOrText(v);
  }
  return {
    first_name: values.first_name,
    last_name: values.last_name,
    preferred_name: textOrNull(values.preferred_name),
    date_of_birth: values.date_of_birth,
    gender: textOrNull(values.gender),
    phone_number: phone(values.phone_number),
    address: textOrNull(values.address),
    emergency_contact_name: textOrNull(values.emergency_contact_name),
    emergency_contact_phone: phone(values.emergency_contact_phone),
    ...(values.timezone && { timezone: values.timezone }),
    medical_conditions: listFromText(values.medical_conditions),
    medications: listFromText(values.medications),
    allergies: listFromText(values.allergies),
    dietary_restrictions: listFromText(values.dietary_restrictions),
    language: values.language,
    communication_style: values.communication_style,
    preferred_voice: values.preferred_voice,
    profile_photo_url: textOrNull(values.profile_photo_url),
    personal_context: contextFromForm(values),
    settings: { inactivity },
    ai_model: textOrNull(values.ai_model),
    ai_system_prompt: textOrNull(values.ai_system_prompt),
    ai_context_window: wholeNumber("ai_context_window", values.ai_context_window, problems, null),
  };
}

/** A saved patient as the form's values. */
export function profileToForm(p: PatientOutput): Record<ProfileField, string> {
  const ctx = record(p.personal_context);
  const family = record(ctx.family);
  const inactivity = record(record(p.settings).inactivity);
  const out = {
    first_name: p.first_name,
    last_name: p.last_name,
    preferred_name: p.preferred_name ?? "",
    date_of_birth: p.date_of_birth,
    gender: p.gender ?? "",
    phone_number: p.phone_number ?? "",
    address: p.address ?? "",
    emergency_contact_name: p.emergency_contact_name ?? "",
    emergency_contact_phone: p.emergency_contact_phone ?? "",
    timezone: p.timezone,
    medical_conditions: listToText(p.medical_conditions),
    medications: listToText(p.medications),
    allergies: listToText(p.allergies),
    dietary_restrictions: listToText(p.dietary_restrictions),
    language: p.language,
    communication_style: p.communication_style,
    preferred_voice: p.preferred_voice,
    profile_photo_url: p.profile_photo_url ?? "",
    hobbies: listToText(strings(ctx.hobbies)),
    children: listToText(strings(family.children)),
    grandchildren: listToText(strings(family.grandchildren)),
    life_story: typeof ctx.life_story === "string" ? ctx.life_story : "",
    ai_model: p.ai_model ?? "",
    ai_system_prompt: p.ai_system_prompt ?? "",
    ai_context_window: p.ai_context_window === null ? "" : String(p.ai_context_window),
  } as Record<ProfileField, string>;
  for (const field of INACTIVITY_FIELDS) {
    const v = inactivity[field.slice("settings.inactivity.".length)];
    out[field] = v === undefined || v === null ? "" : String(v);
  }
  return out;
}
