"use server";

import { clock } from "@/lib/clock";
import { currentCaregiver } from "@/app/_server/session";
import { dashboardLocale } from "@/app/_server/locale";
import { confirmEnrolment } from "@/lib/auth/two-factor/enrolment";
import { failedForm } from "@/app/_server/form-errors";
import { readFields } from "@/lib/dashboard/form-state";
import { withRequestContext } from "@/app/_server/request-context";
import type { EnrolState } from "@/components/settings/two-factor-setup";
import { translateFormState, translateServerMessage } from "@/lib/i18n/server-messages";

/** Confirm the set-up with a code from the app; the recovery codes come back once, to be shown once. */
export async function confirmTwoFactorAction(prev: EnrolState, form: FormData): Promise<EnrolState> {
  const actor = await currentCaregiver();
  const attempt = prev.attempt + 1;
  const locale = await dashboardLocale();
  const say = (message: string) => translateServerMessage(message, locale);
  if (!actor) return { message: say("Your session has ended. Sign in again."), fieldErrors: {}, values: {}, attempt };
  const { code } = readFields(form, ["code"]);
  if (!code) return { message: say("Enter the code."), fieldErrors: { code: say("Enter the 6-digit code your app shows now.") }, values: {}, attempt };
  try {
    const { recoveryCodes } = await withRequestContext(() => confirmEnrolment(actor, code, clock.now()));
    return { fieldErrors: {}, values: {}, attempt, recoveryCodes };
  } catch (err) {
    return translateFormState(failedForm(prev, err, {}, undefined, locale), locale);
  }
}
