"use server";

import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { createPatient } from "@/lib/patients/create-patient";
import { createPatientInput } from "@/lib/patients/schemas";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";

const FIELDS = ["first_name", "last_name", "preferred_name", "date_of_birth", "timezone", "phone_number"] as const;

const REQUIRED = { first_name: "first name", last_name: "last name", date_of_birth: "date of birth" } as const;

export async function createPatientAction(prev: FormState, form: FormData): Promise<FormState> {
  // a server action is a public endpoint: check the session here too, not only on the page
  const actor = await requireCaregiverPage();
  const values = readFields(form, FIELDS);
  const parsed = createPatientInput.safeParse({
    first_name: values.first_name,
    last_name: values.last_name,
    date_of_birth: values.date_of_birth,
    // optional fields: an empty box means "not given"
    ...(values.preferred_name && { preferred_name: values.preferred_name }),
    ...(values.timezone && { timezone: values.timezone }),
    ...(values.phone_number && { phone_number: values.phone_number.replace(/[\s().-]/g, "") }),
  });
  if (!parsed.success) {
    const state = invalidForm(prev, parsed.error, values);
    for (const [field, what] of Object.entries(REQUIRED)) if (!values[field as keyof typeof REQUIRED]) state.fieldErrors[field] = `Enter their ${what}.`;
    return state;
  }
  let id: string;
  try {
    ({ id } = await withRequestContext(() => createPatient(actor, parsed.data, clock.now())));
  } catch (err) {
    return failedForm(prev, err, values);
  }
  redirect(`/patients/${id}?created=1`);
}
