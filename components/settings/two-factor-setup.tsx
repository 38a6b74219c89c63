"use client";

import { useActionState } from "react";
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
  if (state.recoveryCodes) {
    return (
      <div className="space-y-6">
        <Notice tone="success" role="status" title="Two-factor sign-in is on." />
        <h2 className="text-xl font-semibold">Your recovery codes</h2>
        <p>
          If you lose your phone, each of these codes signs you in once instead of a code from the app. Print them or keep them somewhere safe:
          <strong> they are shown only now.</strong>
        </p>
        <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-lg">
          {state.recoveryCodes.map((c) => (
            <li key={c} className="rounded-md bg-stone-100 px-3 py-2">
              {c}
            </li>
          ))}
        </ol>
        <ButtonLink href="/patients">I have saved my recovery codes</ButtonLink>
      </div>
    );
  }
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={state.fieldErrors} labels={{ code: "Code from the app" }} attempt={state.attempt} />
      <ol className="list-decimal space-y-4 pl-6">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimize */}
          <img
            src={`data:image/svg+xml;base64,${btoa(qrSvg)}`}
            alt="QR code for your authenticator app"
            width={208}
            height={208}
            className="mt-3 rounded-lg border border-stone-200"
          />
          <p className="mt-3">
            Or type this key into the app:{" "}
            <code className="rounded bg-stone-100 px-2 py-1 font-mono text-base break-all" data-testid="totp-secret">
              {secret}
            </code>
          </p>
        </li>
        <li>
          <TextField
            name="code"
            label="Code from the app"
            hint="Enter the 6-digit code the app shows now."
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            error={state.fieldErrors.code}
          />
        </li>
      </ol>
      <SubmitButton pendingText="Checking…">Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}
