import type { DomainEvent } from "./emit";
import { recordedRun, type RunEngine } from "./record-job-run";

/**
 * A background job, written once and run by either engine: Inngest (production: Inngest Cloud or a
 * self-hosted server) or the embedded runner (a fresh checkout, CI). Handlers are thin adapters over domain
 * functions that take `now`; every one is idempotent (state lives in PostgreSQL), so retries and duplicate
 * deliveries are harmless, and each cron sweep heals whatever a lost event left undone.
 */
export interface JobStep {
  /** a retryable unit of work (Inngest memoizes it; the embedded runner just runs it) */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** fan work out as events (each handled, retried and flow-controlled on its own) */
  sendEvent(id: string, events: DomainEvent[]): Promise<void>;
}

export interface JobContext {
  now: Date;
  /** which engine runs this attempt (kept with the job's status) */
  engine: RunEngine;
  step: JobStep;
  /** the triggering event; null for cron runs */
  event: { name: string; id?: string; data: Record<string, unknown> } | null;
}

export interface Job {
  id: string;
  trigger: { cron: string } | { event: string };
  /** at most `limit` runs at once per value of event.data[key] (e.g. per organization) */
  concurrency?: { key: string; limit: number };
  retries: number;
  handler: (ctx: JobContext) => Promise<unknown>;
}

/**
 * A job as both engines run it: every attempt's start, success or failure is recorded in `job_status`
 * (lib/jobs/record-job-run.ts), once here rather than in each job or each engine.
 */
export const defineJob = (job: Job): Job => ({ ...job, handler: (ctx) => recordedRun(job.id, ctx.engine, () => job.handler(ctx)) });
