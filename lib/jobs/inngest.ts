import "server-only";
import { Inngest } from "inngest";
import { clock } from "@/lib/clock";
import type { DomainEvent } from "./emit";
import type { Job } from "./job";
import { jobs } from "./jobs";

/**
 * The Inngest side: one client, and every job as an Inngest function. Configured by INNGEST_EVENT_KEY /
 * INNGEST_SIGNING_KEY (Inngest Cloud or a self-hosted server, with INNGEST_BASE_URL) or INNGEST_DEV=1.
 */
export const inngest = new Inngest({ id: "elda" });

type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** One job as an Inngest function (exported for tests). */
export function toInngestFunction(job: Job) {
  return inngest.createFunction(
    {
      id: job.id,
      triggers: ["cron" in job.trigger ? { cron: job.trigger.cron } : { event: job.trigger.event }],
      retries: Math.min(job.retries, 10) as Retries,
      ...(job.concurrency ? { concurrency: { key: `event.data.${job.concurrency.key}`, limit: job.concurrency.limit } } : {}),
    },
    async ({ event, step }) =>
      job.handler({
        now: clock.now(),
        engine: "inngest",
        event: "cron" in job.trigger ? null : { name: event.name, id: event.id, data: (event.data ?? {}) as Record<string, unknown> },
        step: {
          run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
          sendEvent: async (id: string, events: DomainEvent[]) => {
            if (events.length)
              await step.sendEvent(
                id,
                events.map((e) => ({ name: e.name, id: e.id, data: e.data })),
              );
          },
        },
      }),
  );
}

export const inngestFunctions = jobs.map(toInngestFunction);

/** The event sink when Inngest is the engine. */
export async function sendToInngest(events: DomainEvent[]) {
  await inngest.send(events.map((e) => ({ name: e.name, id: e.id, data: e.data })));
}
