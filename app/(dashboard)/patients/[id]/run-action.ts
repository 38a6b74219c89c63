import "server-only";
import { redirect } from "next/navigation";
import type { CaregiverActor } from "@/lib/auth/actor";
import { requireCaregiverPage } from "@/lib/auth/page-session";
import type { AppError } from "@/lib/api/errors";
import { failedForm } from "@/lib/dashboard/action-errors";
import type { FormState } from "@/lib/dashboard/form-state";
import { topLevelErrors } from "@/lib/dashboard/form-input";
import { withRequestContext } from "@/lib/dashboard/request";

/**
 * The tail of every patient-page server action: run the domain call for the signed-in caregiver (a server
 * action is a public endpoint, so the session is checked here too) inside a request context; a refusal
 * (validation, viewer, conflict...) comes back as form state next to the fields; success goes to `done`,
 * whose `?ok=` tells the page which confirmation to show.
 */
export async function runAction(
  prev: FormState,
  values: Record<string, string>,
  call: (actor: CaregiverActor) => Promise<unknown>,
  done: string,
  fieldFor?: (err: AppError) => string | undefined,
): Promise<FormState> {
  const actor = await requireCaregiverPage();
  try {
    await withRequestContext(() => call(actor));
  } catch (err) {
    const state = failedForm(prev, err, values, fieldFor);
    return { ...state, fieldErrors: topLevelErrors(state.fieldErrors) };
  }
  redirect(done);
}
