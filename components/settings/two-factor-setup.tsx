"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export type EnrolState = FormState & { recoveryCodes?: string[] };

/** Scan (or type) the secret, confirm with a code; then the ten recovery codes, shown this once. */
export function TwoFactorSetup({
  action,
  qrSvg,
  secret,
}: {
  action: (prev: EnrolState, form: FormData) => Promise<EnrolState>;
  qrSvg: string;
  secret: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState as EnrolState);
  const t = useTranslations("twoFactor.setup");
  if (state.recoveryCodes) {
    return (
      <div className="space-y-6">
        <Notice tone="success" role="status" title={t("on")} />
        <h2 className="text-xl font-semibold">{t("codesHeading")}</h2>
        <p>{t.rich("codesBody", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <ol aria-label={t("codesLabel")} className="grid grid-cols-2 gap-2 font-mono text-lg">
          {state.recoveryCodes.map((c) => (
            <li key={c} className="rounded-md bg-stone-100 px-3 py-2">
              {c}
            </li>
          ))}
        </ol>
        <ButtonLink href="/patients">{t("savedCodes")}</ButtonLink>
      </div>
    );
  }
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={{ code: t("codeLabel") }} attempt={state.attempt} />
      <ol className="list-decimal space-y-4 pl-6">
        <li>
          <p>{t("scan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimize */}
          <img src={`data:image/svg+xml;base64,${btoa(qrSvg)}`} alt={t("qrAlt")} width={208} height={208} className="mt-3 rounded-lg border border-stone-200" />
          <p className="mt-3">
            {t("typeKey")}{" "}
            <code className="rounded bg-stone-100 px-2 py-1 font-mono text-base break-all" data-testid="totp-secret">
              {secret}
            </code>
          </p>
        </li>
        <li>
          <TextField
            name="code"
            label={t("codeLabel")}
            hint={t("codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            error={state.fieldErrors.code}
          />
        </li>
      </ol>
      <SubmitButton pendingText={t("checking")}>{t("submit")}</SubmitButton>
    </form>
  );
}
