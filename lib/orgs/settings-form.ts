import type { ZodNullable, ZodType } from "zod";
import { DEFAULT_ORGANIZATION_SETTINGS, organizationSettings, type OrganizationSettings } from "./schemas";

/**
 * The organization-settings form and the `organizationSettings` schema, field for field: every setting is a
 * form field named by its path ("pairing.code_ttl_minutes"), so the schema's errors land on the right field.
 * Whether a field is a number is read from the defaults, so a new setting needs no change here.
 */
type Section = keyof OrganizationSettings;

export const SETTINGS_FIELDS: string[] = (Object.keys(DEFAULT_ORGANIZATION_SETTINGS) as Section[]).flatMap((section) =>
  Object.keys(DEFAULT_ORGANIZATION_SETTINGS[section]).map((key) => `${section}.${key}`),
);

/** A setting's schema, and whether it may be null ("none", an empty box). */
function fieldSchema(field: string) {
  const [section, key] = field.split(".") as [Section, string];
  const schema = (organizationSettings.shape[section].shape as Record<string, ZodType>)[key];
  const nullable = schema.safeParse(null).success;
  return { schema: nullable ? (schema as unknown as ZodNullable<ZodType>).unwrap() : schema, nullable };
}

/** The submitted fields as a settings document for the API's schema (not yet validated). */
export function settingsFromForm(values: Record<string, string>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const field of SETTINGS_FIELDS) {
    const [section, key] = field.split(".") as [Section, string];
    const raw = values[field] ?? "";
    const number = settingBounds(field).kind === "number";
    // an empty number box is "none" for a setting that may be null, else "not given" (the schema says Required);
    // anything else stays as typed if not a number
    const empty = fieldSchema(field).nullable ? null : undefined;
    const value = number ? (raw === "" ? empty : Number.isFinite(Number(raw)) ? Number(raw) : raw) : raw;
    (out[section] ??= {})[key] = value;
  }
  return out;
}

/** Saved settings as form values. */
export function settingsToForm(s: OrganizationSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of SETTINGS_FIELDS) {
    const [section, key] = field.split(".") as [Section, string];
    out[field] = String((s[section] as Record<string, unknown>)[key] ?? "");
  }
  return out;
}

/** What the schema allows for one field, for the form's input attributes and hints. */
export function settingBounds(
  field: string,
):
  | { kind: "number"; min?: number; max?: number; integer: boolean }
  | { kind: "choice"; options: string[] }
  | { kind: "time" }
  | { kind: "text"; maxLength?: number } {
  const [section, key] = field.split(".") as [Section, string];
  const schema = fieldSchema(field).schema as unknown as {
    type?: string;
    minValue?: number | null;
    maxValue?: number | null;
    isInt?: boolean;
    options?: string[];
    maxLength?: number | null;
    def?: { type?: string };
  };
  const type = schema.def?.type ?? schema.type;
  if (type === "number") return { kind: "number", min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined, integer: !!schema.isInt };
  if (type === "enum") return { kind: "choice", options: [...(schema.options ?? [])] };
  const sample = (DEFAULT_ORGANIZATION_SETTINGS[section] as Record<string, unknown>)[key];
  if (typeof sample === "string" && /^\d\d:\d\d$/.test(sample)) return { kind: "time" };
  return { kind: "text", maxLength: schema.maxLength ?? undefined };
}
