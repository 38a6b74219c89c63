"use server";

import { disableTwoFactor } from "@/lib/auth/two-factor/enrolment";
import { disableTwoFactorInput } from "@/lib/auth/two-factor/schemas";
import { formAction } from "@/app/_server/action";

/** Turning two-factor off needs the password and a current code; neither is ever sent back to the form. */
export const disableTwoFactorAction = formAction({
  fields: [],
  secrets: ["password", "code"],
  schema: disableTwoFactorInput,
  required: { password: "Enter your password.", code: "Enter the 6-digit code from your app, or a recovery code." },
  run: (data, { actor, now }) => disableTwoFactor(actor, data, now),
  done: () => "/settings/security?off=1",
});
