import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { zoneProblem } from "@/lib/time-zones/check-zone";
import { hasNul, jsonHazard, jsonLength, NUL_MESSAGE } from "./safe-json";

/** Field schemas shared by every domain's schemas.ts (and therefore by the API, OpenAPI and the forms). */
export const uuid = z.uuid({ message: "Must be a UUID." });
export const email = z
  .email({ message: "Enter a valid email address." })
  .max(254)
  .transform((s) => s.trim().toLowerCase());
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, { message: "Use international format, e.g. +15551234567." });
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use 24-hour HH:MM, e.g. 07:30." });

/** A time zone both Node and PostgreSQL accept (lib/time-zones/check-zone.ts); an alias is refused with the name to send. */
export const timezone = z
  .string()
  .superRefine((zone, ctx) => {
    const problem = zoneProblem(zone);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({
    description:
      "A canonical IANA time zone (America/Chicago, Europe/Madrid, Asia/Kolkata, UTC); old names such as US/Pacific are refused with the name to send.",
    example: "America/Chicago",
  });
/** A caregiver's language: what they receive and the dashboard's language (SPEC §2; lib/i18n/locales.ts). */
export const caregiverLanguage = z
  .enum(LOCALES, { message: "Use en or es." })
  .meta({ description: "The caregiver's language for messages and the dashboard: en or es.", example: "es" });
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const severity = z.enum(SEVERITIES);
/** The years a date may fall in: wide enough for any birth date or plan, narrow enough for PostgreSQL (no year 0). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;
/** (a text that does not start with a year is the format check's to refuse, with its own message) */
export const inYears = (s: string) => {
  if (!/^\d{4}-/.test(s)) return true;
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
export const yearsMessage = `Use a year from ${MIN_YEAR} to ${MAX_YEAR}.`;
export const isoDate = z.iso.date({ message: "Use a date as YYYY-MM-DD." }).refine(inYears, { message: yearsMessage, abort: true });
export const isoDateTime = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 date-time with an offset, e.g. 2026-01-15T14:00:00Z." })
  .refine(inYears, { message: yearsMessage, abort: true });
/** "high,critical" -> ["high", "critical"] in a query string, each checked against the allowed values. */
export const csvOf = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .string()
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

/** Free text: no NUL character (PostgreSQL cannot store it). Every domain's text fields start here. */
export const text = () => z.string().refine((s) => !hasNul(s), { message: NUL_MESSAGE });
export const trimmed = (max: number) => text().trim().min(1, { message: "Required." }).max(max);
export const optionalText = (max: number) => text().trim().max(max).nullable().optional();

/**
 * A free-form JSON object (a patient's `personal_context`, a heartbeat's `details`): no NUL anywhere, nesting
 * within MAX_JSON_DEPTH, and at most `maxChars` of JSON text, measured only once the walk has passed (so a
 * 100,000-deep value never reaches JSON.stringify).
 */
export const jsonObject = (maxChars: number, what: string) =>
  z.record(text().max(100, { message: `Keep ${what} names under 100 characters.` }), z.unknown()).superRefine(freeFormLimits(maxChars, what));

/** The checks of jsonObject, for a free-form object with some typed fields (z.looseObject(...).superRefine(...)). */
export function freeFormLimits(maxChars: number, what: string) {
  return (o: object, ctx: z.RefinementCtx) => {
    const hazard = jsonHazard(o);
    if (hazard) ctx.addIssue({ code: "custom", message: hazard.message, path: hazard.path ? hazard.path.split(".") : [] });
    else if (jsonLength(o) > maxChars) ctx.addIssue({ code: "custom", message: `Keep ${what} under ${maxChars.toLocaleString("en-US")} characters.` });
  };
}
