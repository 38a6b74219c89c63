"use server";

import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { changePassword } from "@/lib/caregivers/change-password";
import { changePasswordInput } from "@/lib/caregivers/schemas";
import { failedForm, invalidForm } from "@/lib/dashboard/action-errors";
import type { FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Passwords are never trimmed and never sent back to the form. */
export async function changePasswordAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const input = { current_password: text(form, "current_password"), new_password: text(form, "new_password") };
  const confirm = text(form, "confirm_password");
  const parsed = changePasswordInput.safeParse(input);
  if (!parsed.success || confirm !== input.new_password) {
    const state = parsed.success
      ? { message: "Some fields need your attention.", fieldErrors: {}, values: {}, attempt: prev.attempt + 1 }
      : invalidForm(prev, parsed.error, {});
    if (!input.current_password) state.fieldErrors.current_password = "Enter your current password.";
    if (!input.new_password) state.fieldErrors.new_password = "Enter a new password.";
    if (input.new_password && confirm !== input.new_password) state.fieldErrors.confirm_password = "The two new passwords are not the same.";
    return state;
  }
  let ended: number;
  try {
    ({ other_sessions_ended: ended } = await withRequestContext(() => changePassword(actor, parsed.data, clock.now())));
  } catch (err) {
    return failedForm(prev, err, {});
  }
  // this session stays signed in; every other one has ended
  redirect(`/settings/password?changed=${ended}`);
}
