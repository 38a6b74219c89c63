import "server-only";
import { dashboardLocale } from "@/app/_server/locale";
import type { FormState } from "@/lib/dashboard/form-state";
import { localizeState } from "./refusals";

/** A form action whose refusals come back in the caregiver's language (success still redirects or answers as before). */
export function localized<A extends unknown[], S extends FormState>(action: (...args: A) => Promise<S>): (...args: A) => Promise<S> {
  return async (...args) => localizeState(await action(...args), await dashboardLocale());
}
