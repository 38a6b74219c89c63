import "server-only";
import { Cron } from "croner";
import { clock } from "@/lib/clock";
import { logger } from "@/lib/observability/logger";
import { MalformedEvent, type DomainEvent } from "./events";
import type { Job } from "./job";

/**
 * The embedded job runner, for machines without an Inngest server (a fresh checkout, CI): it fires the same
 * jobs on their cron schedules inside the Node process and delivers events to them with retries and
 * exponential backoff. It is deliberately small: no persistence of its own. State lives in PostgreSQL,
 * every job is idempotent, and every event's work is also found by a sweep, so a lost event (a restart with
 * events in memory) delays work and never loses it. Never used when Inngest is configured or on Vercel.
 * A cron run's `now` is the clock when it fired, an event run's the event's own time, the same for every retry.
 */
export interface EmbeddedRunnerOptions {
  /** base delay of the first retry (doubled each time) */
  retryBaseMs?: number;
  now?: () => Date;
  /**
   * Several processes on one database: the scheduled jobs run only in the one holding the lease
   * (lib/jobs/leader-lease.ts); events this process emits are still handled here. None: this process runs them.
   */
  leader?: { isLeader(): boolean; start(): Promise<void>; stop(): Promise<void> };
}

export class EmbeddedRunner {
  private crons: Cron[] = [];
  private inFlight = new Set<Promise<unknown>>();
  private seen = new Map<string, number>();
  private running = new Map<string, number>();
  private readonly retryBaseMs: number;
  private readonly now: () => Date;
  private readonly leader: EmbeddedRunnerOptions["leader"];

  constructor(
    private readonly jobs: Job[],
    opts: EmbeddedRunnerOptions = {},
  ) {
    this.retryBaseMs = opts.retryBaseMs ?? 1_000;
    this.now = opts.now ?? (() => clock.now());
    this.leader = opts.leader;
  }

  start() {
    if (this.leader) void this.leader.start().catch(() => undefined);
    for (const job of this.jobs) {
      if (!("cron" in job.trigger)) continue;
      // protect: a run still going when the next tick comes is not started twice
      this.crons.push(
        new Cron(job.trigger.cron, { timezone: "UTC", protect: true }, async () => {
          // another process holds the lease: it runs this tick (a missed tick is found by the next sweep)
          if (this.leader && !this.leader.isLeader()) return;
          await this.track(this.runWithRetries(job, null)).catch(() => undefined);
        }),
      );
    }
    logger.info({ jobs: this.jobs.map((j) => j.id) }, "embedded job runner started");
  }

  /** Stop the schedules (and give the lease up, so another process takes over at once). */
  async stop() {
    for (const c of this.crons) c.stop();
    this.crons = [];
    await this.leader?.stop();
  }

  /** Deliver events to the jobs they trigger (each at most once per event id within an hour). */
  enqueue(events: DomainEvent[]) {
    const t = Date.now();
    for (const [id, when] of this.seen) if (t - when > 3_600_000) this.seen.delete(id);
    for (const event of events) {
      if (this.seen.has(event.id)) continue;
      this.seen.set(event.id, t);
      for (const job of this.jobs) {
        if ("event" in job.trigger && job.trigger.event === event.name) this.track(this.runWithRetries(job, event));
      }
    }
  }

  /** Run one job now: a cron job as if its cron fired, an event job with this event (as delivered, unchecked). */
  async trigger(jobId: string, event: unknown = null) {
    const job = this.jobs.find((j) => j.id === jobId);
    if (!job) throw new Error(`unknown job ${jobId}`);
    return this.runWithRetries(job, event);
  }

  /** Wait until nothing is running or queued (tests, shutdown). */
  async drain() {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(p: Promise<T>) {
    const tracked = p.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return p;
  }

  private async acquire(job: Job, event: unknown) {
    if (!job.concurrency || !event) return () => {};
    const key = `${job.id}:${String((event as { data?: Record<string, unknown> }).data?.[job.concurrency.key])}`;
    while ((this.running.get(key) ?? 0) >= job.concurrency.limit) await new Promise((r) => setTimeout(r, 25));
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    return () => this.running.set(key, (this.running.get(key) ?? 1) - 1);
  }

  private async runWithRetries(job: Job, event: unknown): Promise<unknown> {
    const release = await this.acquire(job, event);
    // the moment this run stands for, kept for every retry
    const firedAt = this.now();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await job.run({
            engine: "embedded",
            attempt: attempt + 1,
            step: { run: (_id, fn) => fn(), sendEvent: async (_id, events) => this.enqueue(events) },
            ...("cron" in job.trigger ? { firedAt } : { event }),
          });
        } catch (err) {
          // logged where it was parsed; trying again would find it just as malformed
          if (err instanceof MalformedEvent) throw err;
          if (attempt >= job.retries) {
            logger.error({ err, job: job.id, attempts: attempt + 1 }, "job failed after retries; the next sweep will try again");
            throw err;
          }
          const delay = this.retryBaseMs * 2 ** attempt;
          logger.warn({ err, job: job.id, attempt: attempt + 1, delay }, "job failed; retrying");
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    } finally {
      release();
    }
  }
}
