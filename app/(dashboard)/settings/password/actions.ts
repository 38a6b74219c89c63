"use server";

import { changePassword } from "@/lib/caregivers/change-password";
import { changePasswordInput } from "@/lib/caregivers/schemas";
import { formAction } from "@/app/_server/action";

/** Passwords are never trimmed and never sent back to the form. */
export const changePasswordAction = formAction({
  fields: [],
  secrets: ["current_password", "new_password", "confirm_password"],
  schema: changePasswordInput,
  input: (v, _form, problems) => {
    if (v.new_password && v.confirm_password !== v.new_password)
      problems.push({ field: "confirm_password", message: "The two new passwords are not the same." });
    return { current_password: v.current_password, new_password: v.new_password };
  },
  required: { current_password: "Enter your current password.", new_password: "Enter a new password." },
  run: (data, { actor, now }) => changePassword(actor, data, now),
  // this session stays signed in; every other one has ended
  done: ({ other_sessions_ended }) => `/settings/password?changed=${other_sessions_ended}`,
});
