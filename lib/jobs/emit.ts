import "server-only";
import { logger } from "@/lib/observability/logger";

/**
 * Events out, work later: domain code announces what happened here and never imports job functions.
 * The job engine registers itself as the sink (Inngest when configured, the embedded runner otherwise).
 * Emitting is best-effort by design: every event's work is also found by a periodic sweep over the
 * state in PostgreSQL, so a lost event delays work, it never loses it.
 */
export interface DomainEvent {
  name: string;
  /** business-key id, so a re-sent event is recognised as the same one */
  id: string;
  data: Record<string, unknown>;
}

type Sink = (events: DomainEvent[]) => Promise<void>;
const g = globalThis as unknown as { eldaEventSink?: Sink };

export function setEventSink(sink: Sink | undefined) {
  g.eldaEventSink = sink;
}

export async function emit(...events: DomainEvent[]) {
  if (events.length === 0 || !g.eldaEventSink) return;
  try {
    await g.eldaEventSink(events);
  } catch (err) {
    logger.warn({ err, events: events.map((e) => e.name) }, "event emit failed; the next sweep will pick the work up");
  }
}
