"use client";

import { useActionState, useEffect, useRef } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

/** The usual form state, plus the code just made (shown once). */
export type PairingState = FormState & { code?: { setup_token: string; expires_at: string; qr_svg: string } };

/**
 * "Create pairing code": a one-time code for the patient's phone, shown as text and as a QR code with the time
 * it expires (in the patient's zone). The code is shown once; a new one voids the old.
 */
export function PairingPanel({ action, timeZone }: { action: (prev: PairingState, form: FormData) => Promise<PairingState>; timeZone: string }) {
  const [state, formAction] = useActionState(action, initialFormState as PairingState);
  const result = useRef<HTMLDivElement>(null);
  const t = useTranslations("devices");
  const format = useFormatter();
  useEffect(() => {
    if (state.attempt > 0) result.current?.focus();
  }, [state.attempt]);
  const expires = state.code ? format.dateTime(new Date(state.code.expires_at), { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" }) : null;
  return (
    <div className="space-y-4">
      <form action={formAction}>
        <SubmitButton pendingText={t("creating")}>{state.code ? t("createNew") : t("create")}</SubmitButton>
      </form>
      <div ref={result} tabIndex={-1} className="outline-none">
        {state.message && (
          <p role="alert" className="font-semibold text-red-700">
            {state.message}
          </p>
        )}
        {state.code && (
          <div role="status" className="space-y-3 rounded-lg border-l-4 border-teal-700 bg-teal-50 px-5 py-4 text-teal-950">
            <p className="font-semibold">{t("created", { time: expires ?? "" })}</p>
            <p>{t("scan")}</p>
            <output aria-label={t("codeLabel")} className="block break-all rounded-md bg-white px-3 py-2 font-mono text-lg text-stone-900">
              {state.code.setup_token}
            </output>
            {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL made on the server */}
            <img src={`data:image/svg+xml;base64,${btoa(state.code.qr_svg)}`} alt={t("qrAlt")} width={200} height={200} className="rounded-md bg-white p-2" />
          </div>
        )}
      </div>
    </div>
  );
}
