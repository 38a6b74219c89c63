"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Notice } from "@/components/ui/notice";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/** The fields' names in the visitor's language (the sign-up form's). */
function useLabels() {
  const t = useTranslations("auth.fields");
  return { first_name: t("first_name"), last_name: t("last_name"), email: t("email"), password: t("password") };
}

/** Signed in already: one button joins with this account. */
export function JoinForm({ action, token, organizationName }: { action: Action; token: string; organizationName: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("auth.invitation");
  return (
    <form key={state.attempt} action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.message && <Notice tone="error" role="alert" title={state.message} />}
      <SubmitButton pendingText={t("joining")} className="w-full">
        {t("join", { organization: organizationName })}
      </SubmitButton>
    </form>
  );
}

/** An existing account: sign in and join in one step. */
export function SignInJoinForm({ action, token, email }: { action: Action; token: string; email: string | null }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("auth");
  const LABELS = useLabels();
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="token" value={token} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} idFor={(f) => `in-${f}`} />
      <TextField
        id="in-email"
        name="email"
        type="email"
        label={LABELS.email}
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.values.email ?? email ?? ""}
        error={e.email}
      />
      <TextField id="in-password" name="password" type="password" label={LABELS.password} autoComplete="current-password" error={e.password} />
      <SubmitButton pendingText={t("login.signingIn")} className="w-full">
        {t("invitation.signInAndJoin")}
      </SubmitButton>
    </form>
  );
}

/** A new account, made for the invitation's address (an SMS invitation asks for an email), then joined. */
export function SignUpJoinForm({ action, token, email }: { action: Action; token: string; email: string | null }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("auth");
  const LABELS = useLabels();
  const tz = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tz.current && !tz.current.value) tz.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  }, [state.attempt]);
  const e = state.fieldErrors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <input type="hidden" name="token" value={token} />
      <ErrorSummary message={state.message} fieldErrors={e} labels={LABELS} attempt={state.attempt} idFor={(f) => `up-${f}`} />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id="up-first_name"
          name="first_name"
          label={LABELS.first_name}
          autoComplete="given-name"
          defaultValue={state.values.first_name}
          error={e.first_name}
        />
        <TextField
          id="up-last_name"
          name="last_name"
          label={LABELS.last_name}
          autoComplete="family-name"
          defaultValue={state.values.last_name}
          error={e.last_name}
        />
      </div>
      {email ? (
        <p className="text-stone-700">{t("invitation.accountUses", { email })}</p>
      ) : (
        <TextField
          id="up-email"
          name="email"
          type="email"
          label={LABELS.email}
          hint={t("invitation.emailHint")}
          autoComplete="email"
          spellCheck={false}
          defaultValue={state.values.email}
          error={e.email}
        />
      )}
      <TextField
        id="up-password"
        name="password"
        type="password"
        label={LABELS.password}
        hint={t("invitation.passwordHint")}
        autoComplete="new-password"
        error={e.password}
      />
      <input ref={tz} type="hidden" name="timezone" defaultValue={state.values.timezone} />
      <SubmitButton pendingText={t("register.creating")} className="w-full">
        {t("invitation.createAndJoin")}
      </SubmitButton>
    </form>
  );
}
