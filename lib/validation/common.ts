import { z } from "zod";
import { zoneProblem } from "@/lib/time-zones/check-zone";

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
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const severity = z.enum(SEVERITIES);
export const isoDate = z.iso.date({ message: "Use a date as YYYY-MM-DD." });
export const isoDateTime = z.iso.datetime({ offset: true, message: "Use an ISO 8601 date-time with an offset, e.g. 2026-01-15T14:00:00Z." });
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

export const trimmed = (max: number) => z.string().trim().min(1, { message: "Required." }).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
