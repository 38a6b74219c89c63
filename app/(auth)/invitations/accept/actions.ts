"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { Conflict, ValidationFailed } from "@/lib/api/errors";
import { signIn, TWO_FACTOR_REQUIRED } from "@/lib/auth/next-auth";
import { credentialsOf, passwordOf, refusal } from "@/app/_server/sign-in-form";
import { revokeSession, verifyAccessToken } from "@/lib/auth/sessions";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationInput } from "@/lib/invitations/schemas";
import { canonicalZone } from "@/lib/time-zones/check-zone";
import { formAction } from "@/app/_server/action";
import { failedForm, invalidForm } from "@/app/_server/form-errors";
import { clientIp, withRequestContext } from "@/app/_server/request-context";
import { readFields, type FormState } from "@/lib/dashboard/form-state";
import { rememberOrganization } from "@/app/_server/current-organization";
import { dashboardLocale } from "@/app/_server/locale";
import { formParseOptions, translateServerMessage } from "@/lib/i18n/server-messages";
import { getTranslations } from "next-intl/server";

type Joined = Awaited<ReturnType<typeof acceptInvitation>>;

async function client() {
  return { ip: await clientIp(), userAgent: (await headers()).get("user-agent") };
}

/** Where a new member lands: the patient the invitation named, else the organization they joined (now the current one). */
async function landing(j: Joined): Promise<string> {
  await rememberOrganization(j.organization_id);
  return j.patient_id ? `/patients/${j.patient_id}?joined=1` : `/?joined=1`;
}

/** "sign_up.password" is the form's "password". */
const onForm = (err: unknown) =>
  err instanceof ValidationFailed ? new ValidationFailed((err.extra.errors ?? []).map((e) => ({ ...e, field: e.field.replace(/^sign_(up|in)\./, "") }))) : err;

/** Signed in already: join with this account. */
export const joinAction = formAction({
  fields: ["token"],
  schema: acceptInvitationInput,
  run: async (data, { actor, now }) => landing(await acceptInvitation(actor, { token: data.token }, await client(), now)),
  done: (to) => to,
});

/** Sign in with an existing account (the dashboard's own sign-in, so the browser gets its session), then join. */
export async function signInAndJoinAction(prev: FormState, form: FormData): Promise<FormState> {
  const locale = await dashboardLocale();
  const creds = credentialsOf(prev, form, ["token"], locale);
  if ("refused" in creds) return creds.refused;
  const { values, password: pw } = creds;
  const attempt = prev.attempt + 1;
  let to: string;
  try {
    to = await withRequestContext(async () => {
      await signIn("credentials", { email: values.email, password: pw, redirect: false });
      const me = await db.caregiver.findUniqueOrThrow({ where: { email: values.email.toLowerCase() }, select: { id: true } });
      return landing(await acceptInvitation({ kind: "caregiver", caregiverId: me.id, via: "session" }, { token: values.token }, await client(), clock.now()));
    });
  } catch (err) {
    if (err instanceof AuthError) {
      const message = refusal(err);
      // the code step lives on the sign-in page: this form has no place for it
      if (message.startsWith(TWO_FACTOR_REQUIRED))
        return { message: (await getTranslations("invitations.accept"))("twoFactor"), fieldErrors: {}, values, attempt };
      return { message: translateServerMessage(message, locale), fieldErrors: {}, values, attempt };
    }
    return failedForm(prev, err, values, undefined, locale);
  }
  redirect(to);
}

/** A new account for the invitation's address (no organization of its own), joined in one step; then signed in. */
export async function signUpAndJoinAction(prev: FormState, form: FormData): Promise<FormState> {
  const values = readFields(form, ["token", "first_name", "last_name", "email", "timezone"]);
  const locale = await dashboardLocale();
  const pw = passwordOf(form);
  const zone = values.timezone ? canonicalZone(values.timezone) : null;
  const parsed = acceptInvitationInput.safeParse(
    {
      token: values.token,
      sign_up: {
        first_name: values.first_name,
        last_name: values.last_name,
        password: pw,
        ...(values.email ? { email: values.email } : {}),
        ...(zone ? { timezone: zone } : {}),
      },
    },
    formParseOptions(locale),
  );
  if (!parsed.success) {
    const state = invalidForm(prev, parsed.error, values, locale);
    const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [k.replace(/^sign_up\./, ""), v]));
    if (!values.first_name) fieldErrors.first_name = translateServerMessage("Enter your first name.", locale);
    if (!values.last_name) fieldErrors.last_name = translateServerMessage("Enter your last name.", locale);
    return { ...state, fieldErrors };
  }
  let joined: Joined;
  try {
    joined = await withRequestContext(async () =>
      acceptInvitation(null, parsed.data, await client(), clock.now()).catch((e: unknown) => Promise.reject(onForm(e))),
    );
  } catch (err) {
    return failedForm(prev, err, values, (e) => (e instanceof Conflict && e.message.includes("account") ? "email" : undefined), locale);
  }
  // the API's sign-up opened an API session for its tokens; the browser gets its own session below, so that one ends now
  const apiSession = joined.access_token ? await verifyAccessToken(joined.access_token, clock.now()) : null;
  if (apiSession) await revokeSession(db, apiSession.sessionId, "browser_sign_up", clock.now());
  const to = await landing(joined);
  const me = await db.caregiver.findUniqueOrThrow({ where: { id: joined.caregiver_id }, select: { email: true } });
  try {
    await withRequestContext(() => signIn("credentials", { email: me.email, password: pw, redirectTo: to }));
  } catch (err) {
    if (err instanceof AuthError) redirect("/login?registered=1");
    throw err;
  }
  return { ...prev, attempt: prev.attempt + 1 };
}
