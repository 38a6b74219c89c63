"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus after each failed
 * attempt, so keyboard and screen-reader users land on it; sighted users see it first too.
 */
export function ErrorSummary({
  message,
  fieldErrors,
  labels,
  attempt,
  idFor = (field) => `field-${field}`,
}: {
  message?: string;
  fieldErrors: Record<string, string>;
  labels: Record<string, string>;
  attempt: number;
  idFor?: (field: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useTranslations("forms");
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  const fields = Object.entries(fieldErrors);
  if (!message && fields.length === 0) return null;
  return (
    <div
      ref={ref}
      id="error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-lg border-l-4 border-red-700 bg-red-50 px-5 py-4 text-red-950"
    >
      <p id="error-summary-title" className="font-semibold">
        {message ?? t("summary")}
      </p>
      {fields.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([field, text]) => (
            <li key={field}>
              {labels[field] ? (
                <a href={`#${idFor(field)}`} className="font-medium text-red-800 underline underline-offset-4 hover:no-underline">
                  {labels[field]}: {text}
                </a>
              ) : (
                text
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
