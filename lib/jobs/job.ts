import { logger } from "@/lib/observability/logger";
import { reportError } from "@/lib/observability/sentry";
import { inSpan } from "@/lib/observability/spans";
import { wellFormed } from "./emit";
import { MalformedEvent, parseEvent, type DomainEvent, type EventData, type EventName } from "./events";
import { recordedRun, type RunEngine } from "./record-job-run";

/**
 * A background job, written once and run by either engine: Inngest (production: Inngest Cloud or a
 * self-hosted server) or the embedded runner (a fresh checkout, CI). Handlers are thin adapters over domain
 * functions that take `now`; every one is idempotent (state lives in PostgreSQL), so retries and duplicate
 * deliveries are harmless, and each cron sweep heals whatever a lost event left undone.
 *
 * `now` is the moment the run stands for, never the wall clock at the attempt: the event's `ts`, or when the
 * cron fired. A retry, an Inngest replay or a re-invocation between steps therefore computes the same thing.
 */
export interface JobStep {
  /** a retryable unit of work (Inngest memoizes it; the embedded runner just runs it) */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** fan work out as catalog events (each handled, retried and flow-controlled on its own) */
  sendEvent(id: string, events: DomainEvent[]): Promise<void>;
}

export interface JobContext {
  now: Date;
  /** which engine runs this attempt (kept with the job's status) */
  engine: RunEngine;
  step: JobStep;
}

interface CronJobDefinition {
  id: string;
  trigger: { cron: string };
  retries: number;
  handler: (ctx: JobContext) => Promise<unknown>;
}

interface EventJobDefinition<N extends EventName> {
  id: string;
  trigger: { event: N };
  /** at most `limit` runs at once per value of this payload field (e.g. per organization) */
  concurrency?: { key: keyof EventData<N> & string; limit: number };
  retries: number;
  /** `event` is parsed: its payload is what the catalog says */
  handler: (ctx: JobContext & { event: DomainEvent<N> }) => Promise<unknown>;
}

/**
 * One attempt as an engine starts it: when the cron fired, or the event as it arrived (not yet trusted), and
 * which attempt of the run it is (1 the first time, 2 the first retry...).
 */
export type Attempt = { engine: RunEngine; step: JobStep; attempt: number } & ({ firedAt: Date } | { event: unknown });

/** A job as both engines run it. */
export interface Job {
  id: string;
  trigger: { cron: string } | { event: EventName };
  concurrency?: { key: string; limit: number };
  retries: number;
  run(attempt: Attempt): Promise<unknown>;
}

/**
 * Define a job. Once here rather than in each job or each engine: every attempt's start, success or failure is
 * recorded in `job_status` (lib/jobs/record-job-run.ts) and is a span of its own (`job <id>`, with the job's
 * name and the attempt); a failed attempt goes to Sentry when it is on, tagged with both; the triggering event
 * is parsed with the catalog (a malformed one throws MalformedEvent, which both engines drop without
 * retrying); fanned-out events are checked before they go.
 */
export function defineJob<N extends EventName>(definition: EventJobDefinition<N>): Job;
export function defineJob(definition: CronJobDefinition): Job;
export function defineJob(definition: CronJobDefinition | EventJobDefinition<EventName>): Job {
  const { handler, ...job } = definition;
  return {
    ...job,
    run: (attempt) =>
      inSpan(`job ${job.id}`, { "elda.job.name": job.id, "elda.job.attempt": attempt.attempt, "elda.job.engine": attempt.engine }, () =>
        runAttempt(attempt).catch((err: unknown) => {
          reportError(err, { job: job.id, attempt: String(attempt.attempt), engine: attempt.engine });
          throw err;
        }),
      ),
  };

  function runAttempt(attempt: Attempt) {
    return recordedRun(job.id, attempt.engine, async () => {
        const step: JobStep = {
          run: (id, fn) => attempt.step.run(id, fn),
          sendEvent: (id, events) => attempt.step.sendEvent(id, wellFormed(events)),
        };
        const ctx = { engine: attempt.engine, step };
        if ("cron" in job.trigger) {
          if (!("firedAt" in attempt)) throw new Error(`${job.id} is a cron job and runs when its cron fires`);
          return (handler as CronJobDefinition["handler"])({ ...ctx, now: attempt.firedAt });
        }
        if (!("event" in attempt)) throw new Error(`${job.id} runs on ${job.trigger.event} events`);
        let event: DomainEvent;
        try {
          event = parseEvent(attempt.event, job.trigger.event);
        } catch (err) {
          if (err instanceof MalformedEvent)
            logger.error({ job: job.id, event: err.eventName, eventId: err.eventId, problems: err.problems }, "malformed event dropped, not retried");
          throw err;
        }
        return (handler as EventJobDefinition<EventName>["handler"])({ ...ctx, now: new Date(event.ts), event });
    });
  }
}
