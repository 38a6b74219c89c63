"use server";

import { randomUUID } from "node:crypto";
import { updateMyProfile } from "@/lib/caregivers/profile";
import { updateProfileInput } from "@/lib/caregivers/schemas";
import { formAction } from "@/app/_server/action";

export const updateProfileAction = formAction({
  fields: ["first_name", "last_name", "phone_number", "timezone"],
  schema: updateProfileInput,
  input: (v) => ({
    first_name: v.first_name,
    last_name: v.last_name,
    // an empty box removes the number; spaces, dashes and brackets are only formatting
    phone_number: v.phone_number ? v.phone_number.replace(/[\s().-]/g, "") : null,
    timezone: v.timezone,
  }),
  required: { first_name: "Enter your first name.", last_name: "Enter your last name." },
  run: (data, { actor }) => updateMyProfile(actor, data),
  // a fresh value each save: the page remounts the form, so it shows what is now saved
  done: () => `/settings/profile?saved=${randomUUID().slice(0, 8)}`,
});

/** Settings, Language: the caregiver's `language`; the dashboard changes at once (the locale is read per request). */
export const updateLanguageAction = formAction({
  fields: ["language"],
  schema: updateProfileInput.pick({ language: true }).required(),
  run: (data, { actor }) => updateMyProfile(actor, data),
  revalidate: () => "/",
  done: () => `/settings/profile?language=${randomUUID().slice(0, 8)}`,
});
