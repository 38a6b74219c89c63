import "server-only";
import type { AuthError } from "next-auth";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import type { Locale } from "@/lib/i18n/locales";
import { translateServerMessage } from "@/lib/i18n/server-messages";

export const INVALID = "Invalid email or password.";

/** What a refused dashboard sign-in tells the person: the credentials provider's reason, or a plain retry message. */
export function refusal(err: AuthError): string {
  if (err.type === "CredentialsSignin") {
    const code = (err as AuthError & { code?: string }).code;
    return code && code !== "credentials" ? code : INVALID;
  }
  return "We could not sign you in just now. Please try again in a moment.";
}

/** The password as typed (never trimmed, never echoed back). */
export function passwordOf(form: FormData): string {
  const v = form.get("password");
  return typeof v === "string" ? v : "";
}

/** A sign-in form's email and password (and the other fields to keep), or the form state asking for what is missing. */
export function credentialsOf(
  prev: FormState,
  form: FormData,
  keep: string[] = [],
  locale: Locale = "en",
): { values: Record<string, string>; password: string } | { refused: FormState } {
  const values = readFields(form, [...keep, "email"]);
  const password = passwordOf(form);
  const say = (message: string) => translateServerMessage(message, locale);
  const fieldErrors: Record<string, string> = {};
  if (!values.email) fieldErrors.email = say("Enter your email address.");
  if (!password) fieldErrors.password = say("Enter your password.");
  if (Object.keys(fieldErrors).length > 0)
    return { refused: { message: say("Enter your email and password."), fieldErrors, values, attempt: prev.attempt + 1 } };
  return { values, password };
}
