"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { clock } from "@/lib/clock";
import { config } from "@/lib/config";
import { Conflict } from "@/lib/api/errors";
import { signIn, TWO_FACTOR_REQUIRED } from "@/lib/auth/next-auth";
import { readChallenge } from "@/lib/auth/two-factor/challenge";
import { REMEMBER_DEVICE_COOKIE, rememberThisDevice } from "@/lib/auth/two-factor/remembered-device";
import { registerCaregiver } from "@/lib/caregivers/register-caregiver";
import { registerInput } from "@/lib/caregivers/schemas";
import { canonicalZone } from "@/lib/time-zones/check-zone";
import { failedForm, invalidForm } from "@/app/_server/form-errors";
import { dashboardLocale } from "@/app/_server/locale";
import { isLocale } from "@/lib/i18n/locales";
import { formParseOptions, translateFormState, translateServerMessage } from "@/lib/i18n/server-messages";
import { credentialsOf, passwordOf, refusal } from "@/app/_server/sign-in-form";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { clientIp, withRequestContext } from "@/app/_server/request-context";

/**
 * The password step. With two-factor sign-in on (and no remembered device), the form comes back as the
 * code step, holding a signed 5-minute challenge instead of the password.
 */
export async function signInAction(prev: FormState, form: FormData): Promise<FormState> {
  if (typeof form.get("challenge") === "string" && form.get("challenge")) return codeStep(prev, form);
  const locale = await dashboardLocale();
  const creds = credentialsOf(prev, form, [], locale);
  if ("refused" in creds) return creds.refused;
  const { values, password: pw } = creds;
  const attempt = prev.attempt + 1;
  const device = (await cookies()).get(REMEMBER_DEVICE_COOKIE)?.value;
  try {
    // on success next-auth sets the session cookie and throws Next's redirect: let it through
    await withRequestContext(() => signIn("credentials", { email: values.email, password: pw, ...(device ? { device } : {}), redirectTo: "/patients" }));
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    const message = refusal(err);
    if (message.startsWith(TWO_FACTOR_REQUIRED))
      return { fieldErrors: {}, values: { email: values.email, challenge: message.slice(TWO_FACTOR_REQUIRED.length) }, attempt };
    return { message: translateServerMessage(message, locale), fieldErrors: {}, values, attempt };
  }
  return { ...prev, attempt };
}

/** The code step: the challenge and a code (TOTP or recovery); "remember this device" sets its cookie only after success. */
async function codeStep(prev: FormState, form: FormData): Promise<FormState> {
  const values = readFields(form, ["email", "challenge", "code"]);
  const attempt = prev.attempt + 1;
  const kept = { email: values.email, challenge: values.challenge };
  const locale = await dashboardLocale();
  const say = (message: string) => translateServerMessage(message, locale);
  if (!values.code)
    return { message: say("Enter the code."), fieldErrors: { code: say("Enter the 6-digit code from your app, or a recovery code.") }, values: kept, attempt };
  try {
    await withRequestContext(() => signIn("credentials", { challenge: values.challenge, code: values.code, redirect: false }));
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    const now = clock.now();
    // an expired challenge starts over at the password step
    if (!(await readChallenge(values.challenge, now))) return { message: say(refusal(err)), fieldErrors: {}, values: { email: values.email }, attempt };
    return { message: say(refusal(err)), fieldErrors: { code: say(refusal(err)) }, values: kept, attempt };
  }
  if (form.get("remember") === "on") {
    const now = clock.now();
    const caregiverId = await readChallenge(values.challenge, now);
    const token = caregiverId ? await rememberThisDevice(caregiverId, now) : null;
    if (token) {
      (await cookies()).set(REMEMBER_DEVICE_COOKIE, token.value, {
        httpOnly: true,
        sameSite: "lax",
        secure: config().appUrl.startsWith("https:"),
        path: "/",
        expires: token.expires,
      });
    }
  }
  redirect("/patients");
}

export async function registerAction(prev: FormState, form: FormData): Promise<FormState> {
  const values = readFields(form, ["first_name", "last_name", "email", "timezone", "language"]);
  const pw = passwordOf(form);
  // the page's language (the visitor's choice, else the browser's) unless another was chosen in the form
  const locale = await dashboardLocale();
  const parsed = registerInput.safeParse(
    {
      first_name: values.first_name,
      last_name: values.last_name,
      email: values.email,
      password: pw,
      // the browser's zone, filled in by the form's script (under its canonical name: browsers may say Asia/Calcutta); left out when unknown
      ...(values.timezone && canonicalZone(values.timezone) ? { timezone: canonicalZone(values.timezone)! } : {}),
      language: isLocale(values.language) ? values.language : locale,
    },
    formParseOptions(locale),
  );
  if (!parsed.success) return invalidForm(prev, parsed.error, values, locale);
  try {
    await withRequestContext(async () => {
      const now = clock.now();
      await registerCaregiver(parsed.data, await clientIp(), now);
    });
  } catch (err) {
    return translateFormState(
      failedForm(prev, err, values, (e) => (e instanceof Conflict ? "email" : undefined), locale),
      locale,
    );
  }
  try {
    await withRequestContext(() => signIn("credentials", { email: parsed.data.email, password: pw, redirectTo: "/patients?welcome=1" }));
  } catch (err) {
    if (err instanceof AuthError) redirect("/login?registered=1");
    throw err;
  }
  return { ...prev, attempt: prev.attempt + 1 };
}
