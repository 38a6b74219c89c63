import "server-only";
import { db } from "@/lib/db/client";
import { databaseUnavailableCause } from "@/lib/db/unavailable";
import { logger } from "@/lib/observability/logger";

/** The lease the embedded runners of one database share: whoever holds it runs the scheduled jobs. */
export const SCHEDULER_LEASE = "embedded-scheduler";

export interface LeaseTiming {
  /** how long a taken or renewed lease lasts without renewal (default 30 s) */
  ttlMs: number;
  /** how often the holder renews it and every other process tries to take it (default 10 s) */
  renewMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { ttlMs: 30_000, renewMs: 10_000 };

/**
 * Take or renew the lease `name` for `holder`: one conditional upsert, decided by the database's clock (the
 * instances' own clocks never compare). It succeeds when nobody holds it, when `holder` does, or when the
 * holder let it run out; two processes asking at once are serialised on the row, and only one gets it.
 */
export async function holdLease(holder: string, ttlMs: number, name = SCHEDULER_LEASE): Promise<boolean> {
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO job_leases (name, holder, acquired_at, expires_at)
    VALUES (${name}, ${holder}, clock_timestamp(), clock_timestamp() + ${ttlMs} * interval '1 millisecond')
    ON CONFLICT (name) DO UPDATE SET
      holder = EXCLUDED.holder,
      acquired_at = CASE WHEN job_leases.holder = EXCLUDED.holder THEN job_leases.acquired_at ELSE EXCLUDED.acquired_at END,
      expires_at = EXCLUDED.expires_at
    WHERE job_leases.holder = EXCLUDED.holder OR job_leases.expires_at < clock_timestamp()
    RETURNING holder`;
  return rows.length === 1;
}

/** Give the lease up (a clean stop): another process takes it at its next try instead of waiting out the lease. */
export async function releaseLease(holder: string, name = SCHEDULER_LEASE): Promise<void> {
  await db.$executeRaw`DELETE FROM job_leases WHERE name = ${name} AND holder = ${holder}`;
}

/** Who holds the lease and until when (the status endpoint), or null. */
export async function leaseHolder(name = SCHEDULER_LEASE): Promise<{ holder: string; acquired_at: Date; expires_at: Date } | null> {
  const rows = await db.$queryRaw<{ holder: string; acquired_at: Date; expires_at: Date }[]>`
    SELECT holder, acquired_at, expires_at FROM job_leases WHERE name = ${name}`;
  return rows[0] ?? null;
}

/**
 * Leader election for the embedded runner (docs/decisions/033-leader-election-and-caching.md): a lease row,
 * not an advisory lock, because the embedded database gives every connection one shared session (a session
 * lock would be everybody's) and a pooled connection cannot keep a session lock alive for us either.
 * Every `renewMs` each process asks for the lease: the holder renews it, the others get it once it expired.
 * A process believes it leads only until its last successful renewal (timed from before it was asked) plus
 * the lease's length, so a process that cannot reach the database stops running jobs before another may start.
 */
export class LeaderLease {
  private timer: NodeJS.Timeout | null = null;
  /** performance.now() until which this process may act as the leader */
  private validUntil = 0;
  private leading = false;
  private ticking: Promise<void> | null = null;

  constructor(
    readonly holder: string,
    private readonly timing: LeaseTiming = DEFAULT_LEASE_TIMING,
    private readonly name = SCHEDULER_LEASE,
    private readonly onChange?: (leading: boolean) => void,
  ) {}

  /** Ask at once, then every `renewMs`. */
  start(): Promise<void> {
    if (!this.timer) this.timer = setInterval(() => void this.tick(), this.timing.renewMs);
    return this.tick();
  }

  /** Stop asking and give the lease up if held. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    if (this.leading) {
      this.set(false);
      await releaseLease(this.holder, this.name).catch(() => undefined);
    }
    this.validUntil = 0;
  }

  isLeader(): boolean {
    if (this.leading && performance.now() >= this.validUntil) this.set(false);
    return this.leading;
  }

  private tick(): Promise<void> {
    this.ticking ??= (async () => {
      const asked = performance.now();
      try {
        const held = await holdLease(this.holder, this.timing.ttlMs, this.name);
        if (held) this.validUntil = asked + this.timing.ttlMs;
        this.set(held);
      } catch (err) {
        // unknown: keep what we had until it runs out (isLeader checks the time)
        logger.warn({ cause: databaseUnavailableCause(err) }, "could not renew the job runner's lease");
      }
    })().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private set(leading: boolean) {
    if (leading === this.leading) return;
    this.leading = leading;
    logger.info(
      { holder: this.holder },
      leading ? "this process now runs the scheduled jobs (it holds the lease)" : "this process no longer runs the scheduled jobs",
    );
    this.onChange?.(leading);
  }
}
