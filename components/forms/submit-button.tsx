"use client";

import type { ComponentProps } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** The form's submit button; says what is happening while the server works and refuses a second click. */
export function SubmitButton({
  children,
  pendingText,
  className = "",
  variant = "primary",
  describedBy,
}: {
  children: React.ReactNode;
  pendingText: string;
  className?: string;
  variant?: ComponentProps<typeof Button>["variant"];
  describedBy?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} aria-describedby={describedBy} className={className}>
      {pending ? (
        <>
          <span aria-hidden="true" className="size-5 animate-spin rounded-full border-2 border-white/40 border-t-white" />
          {pendingText}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
