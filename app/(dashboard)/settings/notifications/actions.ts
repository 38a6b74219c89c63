"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { updatePreferences } from "@/lib/caregivers/preferences";
import { PREFERENCE_FIELDS, preferencesFromForm } from "@/lib/caregivers/preferences-form";
import { preferences } from "@/lib/caregivers/schemas";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";

export async function updatePreferencesAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const values = readFields(form, PREFERENCE_FIELDS);
  // the whole document, checked by the API's own schema (the form always sends every field)
  const parsed = preferences.safeParse(preferencesFromForm(values));
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  try {
    await withRequestContext(() => updatePreferences(actor, parsed.data));
  } catch (err) {
    return failedForm(prev, err, values);
  }
  redirect(`/settings/notifications?saved=${randomUUID().slice(0, 8)}`);
}
