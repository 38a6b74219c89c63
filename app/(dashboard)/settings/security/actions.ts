"use server";

import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import { disableTwoFactor } from "@/lib/auth/two-factor/enrolment";
import { failedForm } from "@/lib/dashboard/action-errors";
import type { FormState } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/lib/dashboard/request";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** Turning two-factor off needs the password and a current code; neither is ever sent back to the form. */
export async function disableTwoFactorAction(prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requireCaregiverPage();
  const input = { password: text(form, "password"), code: text(form, "code").trim() };
  const fieldErrors: Record<string, string> = {};
  if (!input.password) fieldErrors.password = "Enter your password.";
  if (!input.code) fieldErrors.code = "Enter the 6-digit code from your app, or a recovery code.";
  if (Object.keys(fieldErrors).length) return { message: "Some fields need your attention.", fieldErrors, values: {}, attempt: prev.attempt + 1 };
  try {
    await withRequestContext(() => disableTwoFactor(actor, input, clock.now()));
  } catch (err) {
    return failedForm(prev, err, {});
  }
  redirect("/settings/security?off=1");
}
