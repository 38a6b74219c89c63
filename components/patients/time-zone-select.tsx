"use client";

import { useEffect, useRef } from "react";
import { FieldShell, inputClasses } from "@/components/ui/field";
import { ZONE_ALIASES } from "@/lib/time-zones/zone-list";

/**
 * The IANA time zone select. Starts on `defaultValue` (works without script); once the page runs, a zone
 * nobody chose yet moves to the browser's own, which is usually where the caregiver and patient both live.
 */
export function TimeZoneSelect({
  name,
  label,
  hint,
  zones,
  defaultValue,
  preferBrowserZone,
  error,
}: {
  name: string;
  label: string;
  hint?: string;
  zones: string[];
  defaultValue: string;
  preferBrowserZone: boolean;
  error?: string;
}) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!preferBrowserZone || !ref.current) return;
    // browsers may name the zone by an older id (Asia/Calcutta): offer its canonical name
    const seen = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const browser = seen && (zones.includes(seen) ? seen : ZONE_ALIASES[seen]);
    if (browser && zones.includes(browser)) ref.current.value = browser;
  }, [preferBrowserZone, zones]);
  const id = `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <select
          ref={ref}
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${inputClasses(invalid)} pr-10`}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
