import "server-only";
import type { ZodError } from "zod";
import { AppError, ValidationFailed } from "@/lib/api/errors";
import { zodFieldErrors } from "@/lib/api/problem";
import { databaseUnavailableCause, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/observability/logger";
import { reportError } from "@/lib/observability/sentry";
import { fieldErrorMap, type FormState } from "@/lib/dashboard/form-state";

export const SUMMARY = "Some fields need your attention.";

/** A failed form state from a zod parse of the form's fields. */
export function invalidForm(prev: FormState, error: ZodError, values: Record<string, string>): FormState {
  return { message: SUMMARY, fieldErrors: fieldErrorMap(zodFieldErrors(error)), values, attempt: prev.attempt + 1 };
}

/**
 * A failed form state from an error thrown by a domain function: field errors for ValidationFailed, the
 * domain's own message for other typed errors (conflict, rate limit...), "try again in a few seconds" when
 * the database cannot be reached, a generic sentence for the rest (logged and reported to Sentry when it is
 * on, never shown: it may say something about internals).
 */
export function failedForm(prev: FormState, err: unknown, values: Record<string, string>, fieldFor?: (err: AppError) => string | undefined): FormState {
  const attempt = prev.attempt + 1;
  if (err instanceof ValidationFailed) {
    return { message: SUMMARY, fieldErrors: fieldErrorMap(err.extra.errors ?? []), values, attempt };
  }
  if (err instanceof AppError) {
    const field = fieldFor?.(err);
    return field ? { message: SUMMARY, fieldErrors: { [field]: err.message }, values, attempt } : { message: err.message, fieldErrors: {}, values, attempt };
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn({ cause: databaseUnavailableCause(err) }, "dashboard form action: database unreachable");
    return { message: "Elda cannot reach its database right now. Please try again in a few seconds.", fieldErrors: {}, values, attempt };
  }
  logger.error({ err }, "dashboard form action failed");
  reportError(err, { kind: "server action" });
  return { message: "Something went wrong on our side. Please try again in a moment.", fieldErrors: {}, values, attempt };
}
