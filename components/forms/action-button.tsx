"use client";

import { useActionState, type ComponentProps } from "react";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { SubmitButton } from "@/components/forms/submit-button";

/**
 * One button that runs a server action (remove, revoke, pause, mark done...): works without script, and a
 * refusal (a viewer, a conflict) shows as a message beside the button, announced to screen readers.
 */
export function ActionButton({
  action,
  fields = {},
  children,
  pendingText,
  className = "",
  variant,
  describedBy,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  children: React.ReactNode;
  pendingText: string;
  className?: string;
  variant?: ComponentProps<typeof SubmitButton>["variant"];
  describedBy?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={`inline-flex flex-col gap-1 ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingText={pendingText} variant={variant} describedBy={describedBy}>
        {children}
      </SubmitButton>
      {state.message && (
        <p role="alert" className="max-w-xs text-base font-semibold text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
