import { z } from "zod";
import { severity, uuid } from "@/lib/validation/common";

/**
 * Every event Elda sends, by name, with the payload it carries (docs/decisions/022-event-catalog-and-layering-rules.md).
 * `emit` and a job's `step.sendEvent` take only these names with these payloads, so a misspelt name or a wrong
 * payload does not compile; both engines parse what arrives with the same schemas before a job sees it, so a
 * malformed event (an older deployment's, one sent by hand) is logged with its ids and dropped, never retried.
 * Payloads are ids, never PHI: Inngest keeps them. A field may be added (unknown fields are dropped on parse, so
 * an older consumer still reads a newer event); renaming or removing one needs a new event name.
 */
const alertChanged = z.object({ alert_id: uuid, patient_id: uuid, severity });

export const eventCatalog = {
  /** a new alert (lib/alerts/raise-alert.ts): the care team is told at once, not at the next minute's sweep */
  "alert/raised": alertChanged,
  /** an open alert got worse: it reopens and is told again */
  "alert/severity-raised": alertChanged,
  /** someone said "I have it" (lib/alerts/alert-actions.ts); no job reacts to it today */
  "alert/acknowledged": z.object({ alert_id: uuid }),
  /** one silent patient, fanned out by the inactivity sweep (concurrency per organization) */
  "inactivity/patient.check": z.object({ patient_id: uuid, organization_id: uuid }),
  /** one caregiver whose daily summary is due, fanned out by the summaries sweep */
  "summaries/caregiver.due": z.object({ caregiver_id: uuid }),
  /** one patient's weekly insights, fanned out on Monday morning (concurrency per organization) */
  "insights/patient.weekly": z.object({ patient_id: uuid, organization_id: uuid }),
} as const;

export type EventName = keyof typeof eventCatalog;
export type EventData<N extends EventName> = z.infer<(typeof eventCatalog)[N]>;

/**
 * One event: its name, an id built from business keys (a resent event is recognised as the same one), `ts` the
 * moment it stands for in milliseconds (the `now` of the work that emitted it, which becomes the `now` of the
 * work it triggers, so a replay computes the same thing), and its payload.
 */
export type DomainEvent<N extends EventName = EventName> = N extends EventName ? { name: N; id: string; ts: number; data: EventData<N> } : never;

/** An event that is not what its name promises. Its message names the event and the fields, never their values. */
export class MalformedEvent extends Error {
  constructor(
    readonly eventName: string,
    readonly eventId: string,
    readonly problems: string,
  ) {
    super(`Malformed event ${eventName} ${eventId}: ${problems}.`.slice(0, 300));
    this.name = "MalformedEvent";
  }
}

const envelope = z.object({
  name: z.string(),
  id: z.string().min(1).max(300),
  ts: z.number().int().positive(),
  data: z.unknown(),
});

const label = (v: unknown) => (typeof v === "string" && v.length > 0 ? v.slice(0, 100) : "(none)");

/**
 * The event as a job may trust it: a known name (the one expected, when given), an id, a time and a payload its
 * schema accepts. Throws MalformedEvent otherwise.
 */
export function parseEvent<N extends EventName>(raw: unknown, expected?: N): DomainEvent<N> {
  const r = (raw ?? {}) as { name?: unknown; id?: unknown };
  const name = label(r.name);
  const id = label(r.id);
  if (expected !== undefined && r.name !== expected) throw new MalformedEvent(name, id, `expected ${expected}`);
  if (typeof r.name !== "string" || !Object.hasOwn(eventCatalog, r.name)) throw new MalformedEvent(name, id, "not in the event catalog");
  const parsed = envelope.extend({ data: eventCatalog[r.name as EventName] }).safeParse(raw);
  if (!parsed.success) {
    // paths and codes only: a value may be PHI
    throw new MalformedEvent(name, id, parsed.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.code}`).join(", "));
  }
  return parsed.data as DomainEvent<N>;
}
