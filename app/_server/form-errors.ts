import "server-only";
import type { ZodError } from "zod";
import { AppError, ValidationFailed } from "@/lib/api/errors";
import { zodFieldErrors } from "@/lib/api/problem";
import { databaseUnavailableCause, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { logger } from "@/lib/observability/logger";
import { reportError } from "@/lib/observability/sentry";
import { fieldErrorMap, type FieldIssue, type FormState } from "@/lib/dashboard/form-state";
import type { Locale } from "@/lib/i18n/locales";
import { formSentence, translateServerMessage } from "@/lib/i18n/server-messages";

/** "Some fields need your attention." in the caregiver's language. */
export const summary = (locale: Locale = "en") => formSentence("summary", locale);

const translated = (issues: FieldIssue[], locale: Locale) => issues.map((i) => ({ ...i, message: translateServerMessage(i.message, locale) }));

/**
 * A failed form state from a zod parse of the form's fields, in the caregiver's language (parse with
 * `formParseOptions(locale)` so zod's own messages are in it too; the schema's custom ones are translated here).
 */
export function invalidForm(prev: FormState, error: ZodError, values: Record<string, string>, locale: Locale = "en"): FormState {
  return { message: summary(locale), fieldErrors: fieldErrorMap(translated(zodFieldErrors(error), locale)), values, attempt: prev.attempt + 1 };
}

/**
 * A failed form state from an error thrown by a domain function: field errors for ValidationFailed, the
 * domain's own message for other typed errors (conflict, rate limit...), "try again in a few seconds" when
 * the database cannot be reached, a generic sentence for the rest (logged and reported to Sentry when it is
 * on, never shown: it may say something about internals). Sentences the catalogue knows are shown in `locale`.
 */
export function failedForm(
  prev: FormState,
  err: unknown,
  values: Record<string, string>,
  fieldFor?: (err: AppError) => string | undefined,
  locale: Locale = "en",
): FormState {
  const attempt = prev.attempt + 1;
  if (err instanceof ValidationFailed) {
    return { message: summary(locale), fieldErrors: fieldErrorMap(translated(err.extra.errors ?? [], locale)), values, attempt };
  }
  if (err instanceof AppError) {
    const field = fieldFor?.(err);
    const message = translateServerMessage(err.message, locale);
    return field ? { message: summary(locale), fieldErrors: { [field]: message }, values, attempt } : { message, fieldErrors: {}, values, attempt };
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn({ cause: databaseUnavailableCause(err) }, "dashboard form action: database unreachable");
    return { message: formSentence("databaseUnavailable", locale), fieldErrors: {}, values, attempt };
  }
  logger.error({ err }, "dashboard form action failed");
  reportError(err, { kind: "server action" });
  return { message: formSentence("unexpected", locale), fieldErrors: {}, values, attempt };
}
