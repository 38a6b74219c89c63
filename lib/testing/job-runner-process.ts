/**
 * One Elda process's embedded job runner, alone, for the test of several instances on one database
 * (lib/jobs/leader-lease.test.ts): it runs the notification dispatch on `RUNNER_CRON` (default every second)
 * under the scheduler lease with short timings, and prints one JSON line per event: `{"leader":true|false}`
 * when it gains or loses the lease, `{"ran":...}` after each run, `{"ready":true}` once started.
 *
 *   node --import tsx --conditions=react-server lib/testing/job-runner-process.ts   (DATABASE_URL, SMTP_URL... from the environment)
 */
import { EmbeddedRunner } from "@/lib/jobs/embedded-runner";
import { LeaderLease } from "@/lib/jobs/leader-lease";
import { jobs } from "@/lib/jobs/jobs";
import type { Job } from "@/lib/jobs/job";

const say = (o: object) => process.stdout.write(`${JSON.stringify({ pid: process.pid, ...o })}\n`);
const dispatch = jobs.find((j) => j.id === "notifications-dispatch")!;
const job: Job = {
  ...dispatch,
  trigger: { cron: process.env.RUNNER_CRON ?? "* * * * * *" },
  run: async (attempt) => {
    const result = await dispatch.run(attempt);
    say({ ran: dispatch.id, result });
    return result;
  },
};
const lease = new LeaderLease(
  `process:runner-${process.pid}`,
  { ttlMs: Number(process.env.RUNNER_LEASE_TTL_MS ?? 3_000), renewMs: Number(process.env.RUNNER_LEASE_RENEW_MS ?? 1_000) },
  undefined,
  (leader) => say({ leader }),
);
const runner = new EmbeddedRunner([job], { leader: lease });
runner.start();
say({ ready: true });

// a clean stop gives the lease up (SIGKILL does not: the others wait the lease out)
process.on("SIGTERM", async () => {
  await runner.stop();
  await runner.drain();
  process.exit(0);
});
