"use server";

import { randomUUID } from "node:crypto";
import { updatePreferences } from "@/lib/caregivers/preferences";
import { PREFERENCE_FIELDS, preferencesFromForm, type PreferenceValues } from "@/lib/caregivers/preferences-form";
import { preferences } from "@/lib/caregivers/schemas";
import { formAction } from "@/app/_server/action";

/** The whole document, checked by the API's own schema (the form always sends every field). */
export const updatePreferencesAction = formAction({
  fields: PREFERENCE_FIELDS,
  schema: preferences,
  input: (v) => preferencesFromForm(v as PreferenceValues),
  run: (data, { actor }) => updatePreferences(actor, data),
  done: () => `/settings/notifications?saved=${randomUUID().slice(0, 8)}`,
});
