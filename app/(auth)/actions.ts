"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { Conflict } from "@/lib/api/errors";
import { signIn } from "@/lib/auth/next-auth";
import { registerCaregiver } from "@/lib/caregivers/register-caregiver";
import { registerInput } from "@/lib/caregivers/schemas";
import { canonicalZone } from "@/lib/time-zones/check-zone";
import { failedForm, invalidForm } from "@/app/_server/form-errors";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { clientIp, withRequestContext } from "@/app/_server/request-context";

const INVALID = "Invalid email or password.";

/** The sentence to show for a refused sign-in: the provider's own (never says whether the email exists). */
function refusal(err: AuthError): string {
  if (err.type === "CredentialsSignin") {
    const code = (err as AuthError & { code?: string }).code;
    return code && code !== "credentials" ? code : INVALID;
  }
  return "We could not sign you in just now. Please try again in a moment.";
}

const password = (form: FormData) => {
  const v = form.get("password");
  return typeof v === "string" ? v : "";
};

export async function signInAction(prev: FormState, form: FormData): Promise<FormState> {
  const values = readFields(form, ["email"]);
  const pw = password(form);
  const attempt = prev.attempt + 1;
  const fieldErrors: Record<string, string> = {};
  if (!values.email) fieldErrors.email = "Enter your email address.";
  if (!pw) fieldErrors.password = "Enter your password.";
  if (Object.keys(fieldErrors).length > 0) return { message: "Enter your email and password.", fieldErrors, values, attempt };
  try {
    // on success next-auth sets the session cookie and throws Next's redirect: let it through
    await withRequestContext(() => signIn("credentials", { email: values.email, password: pw, redirectTo: "/patients" }));
  } catch (err) {
    if (err instanceof AuthError) return { message: refusal(err), fieldErrors: {}, values, attempt };
    throw err;
  }
  return { ...prev, attempt };
}

export async function registerAction(prev: FormState, form: FormData): Promise<FormState> {
  const values = readFields(form, ["first_name", "last_name", "email", "timezone"]);
  const pw = password(form);
  const parsed = registerInput.safeParse({
    first_name: values.first_name,
    last_name: values.last_name,
    email: values.email,
    password: pw,
    // the browser's zone, filled in by the form's script (under its canonical name: browsers may say Asia/Calcutta); left out when unknown
    ...(values.timezone && canonicalZone(values.timezone) ? { timezone: canonicalZone(values.timezone)! } : {}),
  });
  if (!parsed.success) return invalidForm(prev, parsed.error, values);
  try {
    await withRequestContext(async () => {
      const now = clock.now();
      await registerCaregiver(parsed.data, await clientIp(), now);
    });
  } catch (err) {
    return failedForm(prev, err, values, (e) => (e instanceof Conflict ? "email" : undefined));
  }
  try {
    await withRequestContext(() => signIn("credentials", { email: parsed.data.email, password: pw, redirectTo: "/patients?welcome=1" }));
  } catch (err) {
    if (err instanceof AuthError) redirect("/login?registered=1");
    throw err;
  }
  return { ...prev, attempt: prev.attempt + 1 };
}
