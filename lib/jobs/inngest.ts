import "server-only";
import { Inngest, NonRetriableError } from "inngest";
import { clock } from "@/lib/clock";
import { MalformedEvent, type DomainEvent } from "./events";
import type { Job } from "./job";
import { scheduledJobs } from "./jobs";

/**
 * The Inngest side: one client, and every job as an Inngest function. Configured by INNGEST_EVENT_KEY /
 * INNGEST_SIGNING_KEY (Inngest Cloud or a self-hosted server, with INNGEST_BASE_URL) or INNGEST_DEV=1.
 */
export const inngest = new Inngest({ id: "elda" });

type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Our events as Inngest takes them: `ts` is kept, so the run's `now` is the moment the event stands for. */
const toInngest = (events: DomainEvent[]) => events.map((e) => ({ name: e.name, id: e.id, ts: e.ts, data: e.data }));

/**
 * One job as an Inngest function (exported for tests). A cron run's `now` is the timer event's `ts` (when the
 * schedule fired), an event run's the event's own `ts`: the same on every step's re-invocation, retry and
 * replay. A malformed event fails the run without retries (NonRetriableError).
 */
export function toInngestFunction(job: Job) {
  return inngest.createFunction(
    {
      id: job.id,
      triggers: ["cron" in job.trigger ? { cron: job.trigger.cron } : { event: job.trigger.event }],
      retries: Math.min(job.retries, 10) as Retries,
      ...(job.concurrency ? { concurrency: { key: `event.data.${job.concurrency.key}`, limit: job.concurrency.limit } } : {}),
    },
    async ({ event, step, attempt }) => {
      try {
        return await job.run({
          engine: "inngest",
          // Inngest counts from 0
          attempt: attempt + 1,
          step: {
            run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
            sendEvent: async (id: string, events: DomainEvent[]) => {
              if (events.length) await step.sendEvent(id, toInngest(events));
            },
          },
          ...("cron" in job.trigger ? { firedAt: typeof event.ts === "number" ? new Date(event.ts) : clock.now() } : { event }),
        });
      } catch (err) {
        if (err instanceof MalformedEvent) throw new NonRetriableError(err.message, { cause: err });
        throw err;
      }
    },
  );
}

export const inngestFunctions = scheduledJobs().map(toInngestFunction);

/** The event sink when Inngest is the engine. */
export async function sendToInngest(events: DomainEvent[]) {
  await inngest.send(toInngest(events));
}
