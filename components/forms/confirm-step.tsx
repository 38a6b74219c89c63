"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "./submit-button";

/**
 * The confirmation step of a destructive action (remove, revoke, delete). The red link that starts it adds a
 * query parameter, so this works without script; only this form sends `confirm=yes`, which the server action
 * requires (app/_server/action.ts), so nothing is destroyed by one stray click.
 */
export function ConfirmStep({
  id,
  title,
  children,
  action,
  fields,
  confirmText,
  pendingText,
  cancelHref,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  confirmText: string;
  pendingText: string;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const t = useTranslations("forms");
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-6 rounded-xl border-2 border-red-700 bg-red-50 p-6 text-red-950">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
      {state.message && (
        <div className="mt-4">
          <Notice tone="error" role="alert" title={state.message} />
        </div>
      )}
      <form action={formAction} className="mt-4 flex flex-wrap gap-3">
        {Object.entries({ ...fields, confirm: "yes" }).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SubmitButton variant="danger" pendingText={pendingText}>
          {confirmText}
        </SubmitButton>
        <Link href={cancelHref} className={buttonClasses("quiet")}>
          {t("cancel")}
        </Link>
      </form>
    </section>
  );
}
