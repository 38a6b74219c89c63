"use client";

import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

/** The form's submit button; says what is happening while the server works and refuses a second click. */
export function SubmitButton({ children, pendingText, className = "" }: { children: React.ReactNode; pendingText: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending} aria-disabled={pending} className={className}>
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
