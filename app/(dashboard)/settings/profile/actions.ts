"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { updateMyProfile } from "@/lib/caregivers/profile";
import { updateProfileInput } from "@/lib/caregivers/schemas";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";

const FIELDS = ["first_name", "last_name", "phone_number", "timezone"] as const;

export async function updateProfileAction(prev: FormState, form: FormData): Promise<FormState> {
  // a server action is a public endpoint: check the session here too, not only on the page
  const actor = await requireCaregiverPage();
  const values = readFields(form, FIELDS);
  const parsed = updateProfileInput.safeParse({
    first_name: values.first_name,
    last_name: values.last_name,
    // an empty box removes the number; spaces, dashes and brackets are only formatting
    phone_number: values.phone_number ? values.phone_number.replace(/[\s().-]/g, "") : null,
    timezone: values.timezone,
  });
  if (!parsed.success) {
    const state = invalidForm(prev, parsed.error, values);
    if (!values.first_name) state.fieldErrors.first_name = "Enter your first name.";
    if (!values.last_name) state.fieldErrors.last_name = "Enter your last name.";
    return state;
  }
  try {
    await withRequestContext(() => updateMyProfile(actor, parsed.data));
  } catch (err) {
    return failedForm(prev, err, values);
  }
  // a fresh value each save: the page remounts the form, so it shows what is now saved
  redirect(`/settings/profile?saved=${randomUUID().slice(0, 8)}`);
}
