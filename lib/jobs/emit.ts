import "server-only";
import { logger } from "@/lib/observability/logger";
import { MalformedEvent, parseEvent, type DomainEvent } from "./events";

export type { DomainEvent } from "./events";

/**
 * Events out, work later: domain code announces what happened here and never imports job functions.
 * The job engine registers itself as the sink (Inngest when configured, the embedded runner otherwise).
 * Only events of the catalog (lib/jobs/events.ts) go out, checked twice: by the compiler, and here against
 * their schemas (a malformed one is logged with its ids and left out). Emitting is best-effort by design:
 * every event's work is also found by a periodic sweep over the state in PostgreSQL, so a lost event delays
 * work, it never loses it.
 */
type Sink = (events: DomainEvent[]) => Promise<void>;
const g = globalThis as unknown as { eldaEventSink?: Sink };

export function setEventSink(sink: Sink | undefined) {
  g.eldaEventSink = sink;
}

export async function emit(...events: DomainEvent[]) {
  const ready = wellFormed(events);
  if (ready.length === 0 || !g.eldaEventSink) return;
  try {
    await g.eldaEventSink(ready);
  } catch (err) {
    logger.warn({ err, events: ready.map((e) => e.name) }, "event emit failed; the next sweep will pick the work up");
  }
}

/** The events that match their schemas (as parsed); each one that does not is logged (ids only) and left out. */
export function wellFormed(events: DomainEvent[]): DomainEvent[] {
  const ready: DomainEvent[] = [];
  for (const e of events) {
    try {
      ready.push(parseEvent(e));
    } catch (err) {
      if (!(err instanceof MalformedEvent)) throw err;
      logger.error({ event: err.eventName, eventId: err.eventId, problems: err.problems }, "malformed event not sent");
    }
  }
  return ready;
}
