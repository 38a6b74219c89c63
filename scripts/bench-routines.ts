// The routines benchmark (`npm run bench -- routines`): 100,000 paired patients with 8 schedules each on
// PostgreSQL. Measures generating one day of reminder instances, the delivery sweep over the busiest minute
// (find what is due, advance each instance, hand the pushes to the notification layer), and the inactivity
// sweep (find every silent patient in one statement and build the fan-out), then the same sweeps with one
// poisoned row (fault isolation splits the batch to find it). Prints markdown.
// Run through scripts/bench.mjs, which creates the database and sets DATABASE_URL.
import { db } from "@/lib/db/client";
import { generateReminderInstances } from "@/lib/reminders/generate-reminders";
import { deliverDueReminders } from "@/lib/reminders/deliver-reminders";
import { findSilentPatientsIsolated, evaluateSilentPatient } from "@/lib/inactivity/sweep-inactivity";
import type { DomainEvent } from "@/lib/jobs/events";

const PATIENTS = Number(process.env.BENCH_ALL_PATIENTS ?? 100_000);
const ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];
const TIMES = ["07:30", "08:00", "09:00", "12:00", "12:30", "17:30", "18:00", "20:00"];
const ms = (t0: number) => Math.round(performance.now() - t0);

async function seed() {
  const t0 = performance.now();
  await db.$executeRawUnsafe(`INSERT INTO organizations (id, name, updated_at) SELECT gen_random_uuid(), 'Agency ' || g, now() FROM generate_series(1, 100) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO patients (id, organization_id, first_name, last_name, date_of_birth, timezone, last_active_at, updated_at)
    SELECT gen_random_uuid(), (SELECT id FROM organizations ORDER BY id OFFSET (g % 100) LIMIT 1), 'P' || g, 'F' || g, date '1940-01-01',
           (ARRAY['${ZONES.join("','")}'])[1 + g % 4],
           -- most were active within the hour; one in twenty has been quiet since early morning
           CASE WHEN g % 20 = 0 THEN timestamptz '2026-01-15 13:00:00+00' ELSE timestamptz '2026-01-15 17:30:00+00' END,
           now()
    FROM generate_series(1, ${PATIENTS}) g`);
  await db.$executeRawUnsafe(
    `INSERT INTO patient_devices (id, patient_id, credential_hash, platform) SELECT gen_random_uuid(), id, md5(id::text) || md5(id::text || 'x'), 'ios' FROM patients`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO push_tokens (id, device_id, token, platform, updated_at) SELECT gen_random_uuid(), id, 'fcm-' || id, 'ios', now() FROM patient_devices`,
  );
  await db.$executeRawUnsafe(`
    INSERT INTO schedules (id, patient_id, type, title, times_of_day, start_date, alert_on_miss, updated_at)
    SELECT gen_random_uuid(), p.id, CASE WHEN t.n IN (2, 7, 8) THEN 'medication'::"ScheduleType" ELSE 'meal'::"ScheduleType" END,
           'Schedule ' || t.n, ARRAY[t.time], date '2026-01-01', t.n IN (2, 7, 8), now()
    FROM patients p CROSS JOIN unnest(ARRAY['${TIMES.join("','")}']) WITH ORDINALITY AS t(time, n)`);
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  // the seed's writes reach the disk before anything is timed: a checkpoint of the seed's WAL falling inside the
  // generation made the same run take 19 to 33 s
  await db.$executeRawUnsafe("CHECKPOINT");
  return ms(t0);
}

async function main() {
  const seedMs = await seed();
  const rows: string[] = [];
  // each row also on stderr as it is measured (a long run shows its progress)
  const push = rows.push.bind(rows);
  rows.push = (...r: string[]) => (console.error(...r), push(...r));
  // one day of instances: 24 hours from midnight UTC
  let t0 = performance.now();
  // from just before the busiest minute, so the sweep below sees that minute and no backlog of earlier ones
  const gen = await generateReminderInstances(new Date("2026-01-15T13:59:00Z"), { horizonHours: 24 });
  rows.push(
    `| generate one day of instances | ${gen.schedules.toLocaleString("en")} schedules | ${gen.created.toLocaleString("en")} instances | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  // BENCH_ROUTINES=generate stops here (repeated runs of the generation alone on a shared machine)
  if (process.env.BENCH_ROUTINES === "generate") {
    console.log(`\n| Work | Size | Result | Time |\n|---|---|---|---|\n${rows.join("\n")}`);
    return db.$disconnect();
  }
  await db.$executeRawUnsafe("ANALYZE reminders");
  // the busiest minute: 08:00 in Chicago (14:00 UTC) is also 09:00 in New York
  const now = new Date("2026-01-15T14:00:00Z");
  t0 = performance.now();
  let pushed = 0;
  let batches = 0;
  for (;;) {
    const r = await deliverDueReminders(now, 5_000);
    batches++;
    pushed += r.pushed;
    if (r.claimed < 5_000) break;
  }
  rows.push(
    `| delivery sweep at the busiest minute (14:00 UTC) | ${batches} batches | ${pushed.toLocaleString("en")} reminders pushed | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  // inactivity at 19:00 UTC (13:00 in Chicago): the sweep finds and fans out; evaluation runs per patient
  const later = new Date("2026-01-15T19:00:00Z");
  t0 = performance.now();
  const silent = await findSilentPatientsIsolated(later);
  // the fan-out as lib/jobs/jobs.ts builds it (the benchmark evaluates a sample below instead of sending them)
  const events: DomainEvent[] = silent.map((p) => ({
    name: "inactivity/patient.check",
    id: `inactivity-${p.patient_id}-${later.toISOString().slice(0, 16)}`,
    ts: later.getTime(),
    data: { patient_id: p.patient_id, organization_id: p.organization_id },
  }));
  rows.push(
    `| inactivity sweep: find and fan out (${PATIENTS.toLocaleString("en")} patients) | 1 statement | ${events.length.toLocaleString("en")} silent patients | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  t0 = performance.now();
  const sample = silent.slice(0, 500);
  for (const p of sample) await evaluateSilentPatient(p, later);
  rows.push(
    `| per-patient inactivity evaluation (fanned-out job), sequential | ${sample.length} patients | ${(sample.length / ((performance.now() - t0) / 1000)).toFixed(0)} per second | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  // the failure path (lib/jobs/isolate-failures.ts): one poisoned row in a batch, found by halving
  const [victim] = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT patient_id AS id FROM reminders WHERE due_at = '2026-01-15T14:00:00Z' ORDER BY patient_id LIMIT 1`,
  );
  await db.$executeRawUnsafe(`UPDATE patients SET timezone = 'Mars/Olympus' WHERE id = '${victim.id}'`);
  const repeat = new Date("2026-01-15T14:10:00Z");
  t0 = performance.now();
  let repeated = 0;
  let quarantined = 0;
  batches = 0;
  for (;;) {
    const r = await deliverDueReminders(repeat, 5_000);
    batches++;
    repeated += r.pushed;
    quarantined += r.quarantined;
    // a split batch claims a little less than the limit: stop once nothing is left
    if (r.claimed === 0) break;
  }
  rows.push(
    `| delivery sweep 10 minutes later (the repeats), one patient's zone poisoned | ${batches} batches | ${repeated.toLocaleString("en")} pushed, ${quarantined} quarantined | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  await db.$executeRawUnsafe(`UPDATE patients SET timezone = 'US/Pacific-New' WHERE id = '${victim.id}'`);
  t0 = performance.now();
  const found = await findSilentPatientsIsolated(new Date("2026-01-15T19:30:00Z"));
  rows.push(
    `| inactivity sweep, one patient's zone unknown to PostgreSQL (split to find it) | ${PATIENTS.toLocaleString("en")} patients | ${found.length.toLocaleString("en")} silent found, 1 quarantined | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  // the missed-dose backlog after a one-hour outage: the sweeps kept up until 01:00 UTC on the 16th, then
  // nothing ran for an hour. Every instance due from 01:00 to 02:00 (NY 20:00 meals; Denver 18:00, LA 17:30 and
  // 18:00 medications; Chicago 20:00 meals) went undelivered, and the first sweep at the outage's end plus the
  // missed threshold (02:30) finds them all past it: missed, in the job's batches, their alerts raised
  await db.$executeRawUnsafe(`UPDATE patients SET timezone = 'America/Chicago' WHERE id = '${victim.id}'`);
  await db.$executeRawUnsafe(`DELETE FROM job_quarantine`);
  const outage = new Date("2026-01-16T01:00:00Z");
  await db.$executeRaw`UPDATE reminders SET status = 'completed', completed_at = due_at, next_action_at = NULL
                       WHERE status IN ('pending', 'snoozed') AND due_at < ${outage}`;
  const [{ backlog }] = await db.$queryRaw<{ backlog: bigint }[]>`
    SELECT count(*) AS backlog FROM reminders WHERE status = 'pending' AND due_at >= ${outage} AND due_at <= ${new Date(outage.getTime() + 3_600_000)}`;
  await db.$executeRawUnsafe("ANALYZE reminders");
  const recovery = new Date(outage.getTime() + 3_600_000 + 30 * 60_000);
  t0 = performance.now();
  let missed = 0;
  let alerts = 0;
  let alongside = 0;
  batches = 0;
  for (;;) {
    // the job's own batch size (lib/jobs/jobs.ts calls it with the default, 1,000)
    const r = await deliverDueReminders(recovery);
    batches++;
    missed += r.missed;
    alerts += r.alerts;
    alongside += r.pushed;
    if (r.claimed < 1_000) break;
  }
  rows.push(
    `| missed-dose backlog after a one-hour outage (${Number(backlog).toLocaleString("en")} instances due 01:00-02:00 UTC), swept at 02:30 | ${batches} batches | ${missed.toLocaleString("en")} missed, ${alerts.toLocaleString("en")} alerts raised (${alongside.toLocaleString("en")} newly due pushed alongside) | ${(ms(t0) / 1000).toFixed(1)} s |`,
  );
  console.log(
    `\nRoutines on PostgreSQL: ${PATIENTS.toLocaleString("en")} paired patients x ${TIMES.length} schedules, 4 US time zones (seeded in ${(seedMs / 1000).toFixed(0)} s).\n`,
  );
  console.log("| Work | Size | Result | Time |\n|---|---|---|---|");
  console.log(rows.join("\n"));
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
