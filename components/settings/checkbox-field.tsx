/** One checkbox with its label (and optional hint) beside it; a large target. Works in server and client components. */
export function CheckboxField({
  name,
  label,
  hint,
  defaultChecked,
  value,
  id = `field-${name}`,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultChecked?: boolean;
  value?: string;
  id?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="flex min-h-12 items-start gap-3">
      <input
        id={id}
        name={name}
        type="checkbox"
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={hintId}
        className="mt-1 size-6 shrink-0 rounded border-2 border-stone-500 accent-teal-700"
      />
      <div>
        <label htmlFor={id} className="font-semibold text-stone-900">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-base text-stone-600">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
