"use server";

import { createPatient } from "@/lib/patients/create-patient";
import { createPatientInput } from "@/lib/patients/schemas";
import { formAction } from "@/app/_server/action";

export const createPatientAction = formAction({
  fields: ["first_name", "last_name", "preferred_name", "date_of_birth", "timezone", "phone_number"],
  schema: createPatientInput,
  input: (v) => ({
    first_name: v.first_name,
    last_name: v.last_name,
    date_of_birth: v.date_of_birth,
    // optional fields: an empty box means "not given"
    ...(v.preferred_name && { preferred_name: v.preferred_name }),
    ...(v.timezone && { timezone: v.timezone }),
    ...(v.phone_number && { phone_number: v.phone_number.replace(/[\s().-]/g, "") }),
  }),
  required: { first_name: "Enter their first name.", last_name: "Enter their last name.", date_of_birth: "Enter their date of birth." },
  run: (data, { actor, now }) => createPatient(actor, data, now),
  done: ({ id }) => `/patients/${id}?created=1`,
});
