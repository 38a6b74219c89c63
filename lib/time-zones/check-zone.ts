import { ACCEPTED_ZONES, ZONE_ALIASES } from "./zone-list";

/**
 * Which time zones Elda takes (docs/decisions/015-time-zones-both-sides-accept.md): the canonical IANA names
 * that Node (luxon, Intl) and PostgreSQL (`AT TIME ZONE`, on the server and in PGlite) all know, as listed in
 * ./zone-list.ts. A name only one side knows (`US/Pacific-New` passes Node and fails PostgreSQL) would make
 * every statement that reads it fail, so an old or alternative name is refused with the zone to send instead.
 */
const accepted = new Set(ACCEPTED_ZONES);
const byLowerCase = new Map<string, string>([
  ...Object.entries(ZONE_ALIASES).map(([alias, zone]) => [alias.toLowerCase(), zone] as [string, string]),
  ...ACCEPTED_ZONES.map((z) => [z.toLowerCase(), z] as [string, string]),
]);

export const MAX_ZONE_LENGTH = 64;

export function isAcceptedZone(zone: string): boolean {
  return accepted.has(zone);
}

/**
 * The accepted zone a name stands for: itself, its canonical name (`Asia/Calcutta` -> `Asia/Kolkata`,
 * `US/Pacific-New` -> `America/Los_Angeles`, `america/chicago` -> `America/Chicago`), or null when none is known.
 */
export function canonicalZone(zone: string): string | null {
  if (accepted.has(zone)) return zone;
  if (zone.length > MAX_ZONE_LENGTH) return null;
  const known = byLowerCase.get(zone.toLowerCase());
  if (known) return known;
  try {
    // a name ICU knows under another id (its own canonical one)
    const icu = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    return byLowerCase.get(icu.toLowerCase()) ?? null;
  } catch {
    return null;
  }
}

/** What is wrong with a zone a client sent, in a sentence that says what to send instead; null when it is accepted. */
export function zoneProblem(zone: string): string | null {
  if (accepted.has(zone)) return null;
  const instead = canonicalZone(zone);
  if (instead) return `Use the canonical IANA name ${instead} instead of ${JSON.stringify(zone.slice(0, MAX_ZONE_LENGTH))}.`;
  return "Use an IANA time zone such as America/Chicago.";
}

/**
 * The zone to compute with for a value read from the database: the stored zone when it is accepted, its
 * canonical name when it has one, UTC otherwise (validation and the repair migration keep stored values
 * accepted; this is the floor under a value another system wrote).
 */
export function usableZone(stored: string): string {
  return canonicalZone(stored) ?? "UTC";
}

/** Thrown where a stored zone that Node does not know would otherwise be computed with silently (luxon gives NaN). */
export class UnknownTimeZone extends RangeError {
  constructor() {
    super("The stored time zone is not in the zone database.");
    this.name = "UnknownTimeZone";
  }
}

const nodeKnows = new Map<string, boolean>();
/** Throws UnknownTimeZone for a zone Node's zone database does not know (the answer is cached per zone). */
export function assertZoneKnown(zone: string): void {
  let known = nodeKnows.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (nodeKnows.size < 1_000) nodeKnows.set(zone, known);
  }
  if (!known) throw new UnknownTimeZone();
}
