"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { FieldShell, TextField, inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/forms/submit-button";
import { ErrorSummary } from "@/components/forms/error-summary";
import { NOTE_CATEGORIES } from "./note-categories";

type Values = { title: string; content: string; category: string; priority: string };

/** A note to the companion: what it should know about them, or avoid. */
export function NoteForm({
  action,
  current,
  submitLabel,
  cancelHref,
  idPrefix = "field",
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  current: Values;
  submitLabel: string;
  cancelHref?: string;
  idPrefix?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = (f: keyof Values) => (state.attempt > 0 ? (state.values[f] ?? "") : current[f]);
  const e = state.fieldErrors;
  const t = useTranslations("notes.form");
  const labels = useTranslations("patientLabels");
  const NOTE_LABELS = { title: t("title"), content: t("content"), category: t("category"), priority: t("priority") };
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-6">
      <ErrorSummary message={state.message} fieldErrors={e} labels={NOTE_LABELS} attempt={state.attempt} idFor={id} />
      <TextField id={id("title")} name="title" label={NOTE_LABELS.title} hint={t("titleHint")} defaultValue={v("title")} error={e.title} autoComplete="off" />
      <FieldShell id={id("content")} label={NOTE_LABELS.content} hint={t("contentHint")} error={e.content}>
        {(describedBy, invalid) => (
          <textarea
            id={id("content")}
            name="content"
            rows={4}
            defaultValue={v("content")}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClasses(invalid)}
          />
        )}
      </FieldShell>
      <FieldShell id={id("category")} label={NOTE_LABELS.category} error={e.category}>
        {(describedBy, invalid) => (
          <select
            id={id("category")}
            name="category"
            defaultValue={v("category") || "other"}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={`${inputClasses(invalid)} sm:max-w-sm`}
          >
            {NOTE_CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {labels(`noteCategory.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <label className="inline-flex min-h-12 items-center gap-3 font-semibold">
        <input type="checkbox" name="priority" value="important" defaultChecked={v("priority") === "important"} className="size-6 accent-teal-700" />
        {NOTE_LABELS.priority}
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText={t("saving")}>{submitLabel}</SubmitButton>
        {cancelHref && (
          <Link href={cancelHref} className={buttonClasses("quiet")}>
            {t("cancel")}
          </Link>
        )}
      </div>
    </form>
  );
}
