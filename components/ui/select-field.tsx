import { FieldShell, inputClasses } from "@/components/ui/field";

/** A labelled select with hint and error (the select counterpart of TextField). */
export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
  id = `field-${name}`,
  className = "sm:max-w-sm",
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  id?: string;
  className?: string;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${inputClasses(invalid)} ${className}`}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
