import "server-only";
import { pool, type Prisma, type Tx } from "@/lib/db/client";
import type { Schedule } from "@/lib/db/generated/client";
import { occurrencesBetween, RecurrenceCache } from "@/lib/schedules/recurrence";
import { runIsolated, type Isolation, type Scope } from "@/lib/jobs/isolate-failures";
import { assertZoneKnown } from "@/lib/time-zones/check-zone";

/** Instances exist this far ahead, rolling (SPEC §5; issue 4). */
export const HORIZON_HOURS = 48;
const BATCH = 5_000;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The instances a schedule yields in [from, to) in the patient's zone, ready for createMany. */
export function instancesFor(s: Schedule, zone: string, from: Date, to: Date): Prisma.ReminderCreateManyInput[] {
  if (!s.isActive) return [];
  const rule = {
    recurrence: s.recurrence,
    daysOfWeek: s.daysOfWeek,
    intervalDays: s.intervalDays,
    timesOfDay: s.timesOfDay,
    startDate: day(s.startDate),
    endDate: s.endDate ? day(s.endDate) : null,
  };
  return occurrencesBetween(rule, zone, from, to).map((o) => ({
    patientId: s.patientId,
    scheduleId: s.id,
    occurrenceAt: o.at,
    type: s.type,
    title: s.title,
    message: s.instructions,
    dueAt: o.at,
    status: "pending" as const,
    // the first push goes at due_at minus the advance notice
    nextActionAt: new Date(o.at.getTime() - s.advanceNoticeMinutes * 60_000),
  }));
}

/**
 * After a schedule changes (or is paused or deleted): future instances not yet delivered are replaced;
 * past ones, and ones already pushed to the phone, are never touched.
 */
export async function refreshFutureInstances(tx: Tx, scheduleId: string, now: Date) {
  await tx.reminder.deleteMany({ where: { scheduleId, dueAt: { gt: now }, status: "pending", deliveryCount: 0 } });
  const s = await tx.schedule.findUnique({
    where: { id: scheduleId },
    include: { patient: { select: { timezone: true, isActive: true, _count: { select: { devices: { where: { revokedAt: null } } } } } } },
  });
  // reminders reach the patient through the phone: none are made before one is paired (the sweep catches up then)
  if (!s || !s.patient.isActive || s.patient._count.devices === 0) return 0;
  const rows = instancesFor(s, s.patient.timezone, now, new Date(now.getTime() + HORIZON_HOURS * 3_600_000));
  if (rows.length === 0) return 0;
  return (await tx.reminder.createMany({ data: rows, skipDuplicates: true })).count;
}

interface ScheduleRow {
  id: string;
  patient_id: string;
  type: Schedule["type"];
  title: string;
  instructions: string | null;
  recurrence: Schedule["recurrence"];
  days_of_week: number[];
  interval_days: number | null;
  times_of_day: string[];
  start_date: string;
  end_date: string | null;
  advance_notice_minutes: number;
  timezone: string;
}

/**
 * The rolling generation sweep: every active schedule of every active patient with a paired phone gets its
 * instances for the next 48 hours. Idempotent: (schedule_id, occurrence_at) is unique, so re-running
 * creates nothing twice. Set-based on both ends: schedules are read in batches by id with one statement,
 * and each batch's instances go in with one INSERT ... SELECT FROM unnest(...) (the recurrence itself is
 * computed with the zone database in lib/schedules/recurrence.ts, the one place that rule lives).
 * Fault isolation (lib/jobs/isolate-failures.ts): a patient whose schedules cannot be computed (a zone Node
 * does not know) or inserted is quarantined and every other patient's instances go in.
 */
export async function generateReminderInstances(now: Date, opts: { patientId?: string; horizonHours?: number } = {}) {
  const sweep = await runIsolated("reminders-generate", "patient", now, (scope, isolation) =>
    generateIn(now, opts.horizonHours ?? HORIZON_HOURS, opts.patientId ? { only: [opts.patientId], except: scope.except } : scope, isolation),
  );
  const r = sweep.retried;
  return { schedules: sweep.main.schedules + (r?.schedules ?? 0), created: sweep.main.created + (r?.created ?? 0), quarantined: sweep.quarantined.length };
}

/** Inserts in flight at once: the next batch is read and computed while PostgreSQL writes the previous ones. */
const IN_FLIGHT = 2;

async function generateIn(now: Date, horizonHours: number, scope: Scope, isolation: Isolation) {
  const to = new Date(now.getTime() + horizonHours * 3_600_000);
  // a generous bound on end dates: the recurrence applies the exact end date in the patient's zone
  const endBound = day(new Date(now.getTime() - 86_400_000));
  const cache = new RecurrenceCache();
  let cursor = "00000000-0000-0000-0000-000000000000";
  let schedules = 0;
  let created = 0;
  const inFlight: Promise<number>[] = [];
  const settle = async () => (created += await inFlight.shift()!);
  try {
    for (;;) {
      const { rows: batch } = await pool.query<ScheduleRow>(
        `SELECT s.id, s.patient_id, s.type, s.title, s.instructions, s.recurrence, s.days_of_week, s.interval_days, s.times_of_day,
                to_char(s.start_date, 'YYYY-MM-DD') AS start_date, to_char(s.end_date, 'YYYY-MM-DD') AS end_date,
                s.advance_notice_minutes, p.timezone
         FROM schedules s JOIN patients p ON p.id = s.patient_id
         WHERE s.is_active AND p.is_active AND s.id > $1
           AND (s.end_date IS NULL OR s.end_date >= $2::date)
           AND ($3::uuid[] IS NULL OR s.patient_id = ANY($3::uuid[])) AND NOT (s.patient_id = ANY($5::uuid[]))
           AND EXISTS (SELECT 1 FROM patient_devices d WHERE d.patient_id = p.id AND d.revoked_at IS NULL)
         ORDER BY s.id LIMIT $4`,
        [cursor, endBound, scope.only, BATCH, scope.except],
      );
      if (batch.length === 0) break;
      cursor = batch[batch.length - 1].id;
      schedules += batch.length;
      const cols = occurrencesOf(batch, now, to, cache, isolation);
      const patients = [...new Set(cols.patient)].filter((id) => !isolation.failed.has(id));
      const insert = isolation
        .batch((only) => insertInstances(cols, only ?? (isolation.failed.size ? patients : null)), patients)
        .then((parts) => parts.reduce((a, n) => a + n, 0));
      insert.catch(() => {}); // awaited below (settle); not an unhandled rejection while the next batch is read
      inFlight.push(insert);
      if (inFlight.length >= IN_FLIGHT) await settle();
      if (batch.length < BATCH) break;
    }
    while (inFlight.length) await settle();
  } finally {
    // a failed read leaves no insert unawaited
    await Promise.allSettled(inFlight);
  }
  return { schedules, created };
}

/** The batch's occurrences, column by column; a patient whose schedules cannot be computed is set aside whole. */
function occurrencesOf(batch: ScheduleRow[], now: Date, to: Date, cache: RecurrenceCache, isolation: Isolation): Columns {
  const cols: Columns = { patient: [], schedule: [], at: [], type: [], title: [], message: [], next: [] };
  for (const s of batch) {
    if (isolation.failed.has(s.patient_id)) continue;
    let occurrences;
    try {
      assertZoneKnown(s.timezone);
      const rule = {
        recurrence: s.recurrence,
        daysOfWeek: s.days_of_week,
        intervalDays: s.interval_days,
        timesOfDay: s.times_of_day,
        startDate: s.start_date,
        endDate: s.end_date,
      };
      occurrences = occurrencesBetween(rule, s.timezone, now, to, cache);
    } catch (err) {
      isolation.fail(s.patient_id, err);
      continue;
    }
    for (const o of occurrences) {
      cols.patient.push(s.patient_id);
      cols.schedule.push(s.id);
      cols.at.push(o.at);
      cols.type.push(s.type);
      cols.title.push(s.title);
      cols.message.push(s.instructions);
      cols.next.push(new Date(o.at.getTime() - s.advance_notice_minutes * 60_000));
    }
  }
  return cols;
}

type Columns = { patient: string[]; schedule: string[]; at: Date[]; type: string[]; title: string[]; message: (string | null)[]; next: Date[] };

/** The batch's instances (or only those of some patients) in one INSERT ... SELECT FROM unnest(...). */
async function insertInstances(all: Columns, only: string[] | null) {
  let cols = all;
  if (only) {
    const keep = new Set(only);
    const rows = all.patient.flatMap((p, i) => (keep.has(p) ? [i] : []));
    const pick = <T>(xs: T[]) => rows.map((i) => xs[i]);
    cols = {
      patient: pick(all.patient),
      schedule: pick(all.schedule),
      at: pick(all.at),
      type: pick(all.type),
      title: pick(all.title),
      message: pick(all.message),
      next: pick(all.next),
    };
  }
  if (cols.patient.length === 0) return 0;
  const r = await pool.query(
    `INSERT INTO reminders (id, patient_id, schedule_id, occurrence_at, due_at, type, title, message, status, next_action_at, updated_at)
     SELECT gen_random_uuid(), v.patient_id, v.schedule_id, v.at, v.at, v.type::"ScheduleType", v.title, v.message, 'pending', v.next, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
          AS v(patient_id, schedule_id, at, type, title, message, next)
     ON CONFLICT (schedule_id, occurrence_at) DO NOTHING`,
    [cols.patient, cols.schedule, cols.at, cols.type, cols.title, cols.message, cols.next],
  );
  return r.rowCount ?? 0;
}
