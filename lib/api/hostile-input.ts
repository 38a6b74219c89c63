import { hasNul, jsonHazard, NUL_MESSAGE } from "@/lib/validation/safe-json";
import { BadRequest } from "./errors";

/**
 * Refuse what no field of Elda can hold before any schema or the database sees it (docs/decisions/024): a NUL
 * character anywhere in a JSON body, or a body nested deeper than MAX_JSON_DEPTH: 400 problem+json.
 */
export function assertSafeJson(value: unknown): void {
  const hazard = jsonHazard(value);
  if (hazard) throw new BadRequest(`${hazard.message} Found in the body${hazard.path ? ` at "${hazard.path}"` : ""}.`);
}

/** Query strings and path segments: flat strings, the same NUL rule. */
export function refuseNul(values: Record<string, string | string[] | undefined>, where: "query" | "path"): void {
  for (const [k, v] of Object.entries(values)) {
    if (hasNul(k) || (Array.isArray(v) ? v.some(hasNul) : v !== undefined && hasNul(v))) {
      throw new BadRequest(`${NUL_MESSAGE} Found in the ${where}${hasNul(k) ? "" : ` at "${k.slice(0, 100)}"`}.`);
    }
  }
}
