import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";

export const inputClasses = (invalid: boolean) =>
  `block w-full rounded-lg border-2 bg-white px-4 py-3 text-lg text-stone-900 placeholder:text-stone-500 ${
    invalid ? "border-red-700" : "border-stone-500 hover:border-stone-700"
  }`;

export interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** Label, hint and error around one control, wired together with ids (aria-describedby, aria-invalid). */
export function FieldShell({ id, label, hint, error, optional, children }: FieldShellProps) {
  const t = useTranslations("forms");
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "border-l-4 border-red-700 pl-4" : ""}>
      <label htmlFor={id} className="block font-semibold text-stone-900">
        {label}
        {optional && <span className="font-normal text-stone-600"> {t("optional")}</span>}
      </label>
      {hint && (
        <p id={hintId} className="mt-1 text-base text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-base font-semibold text-red-700">
          <span className="sr-only">{t("error")} </span>
          {error}
        </p>
      )}
      <div className="mt-2">{children(describedBy, !!error)}</div>
    </div>
  );
}

export type TextFieldProps = Omit<ComponentProps<"input">, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  id?: string;
};

export function TextField({ name, label, hint, error, optional, id = `field-${name}`, className = "", ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy, invalid) => (
        <input
          id={id}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          required={!optional}
          className={`${inputClasses(invalid)} ${className}`}
          {...input}
        />
      )}
    </FieldShell>
  );
}
