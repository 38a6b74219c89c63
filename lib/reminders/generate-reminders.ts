import "server-only";
import { randomUUID } from "node:crypto";
import { pool, type Prisma, type Tx } from "@/lib/db/client";
import type { Schedule } from "@/lib/db/generated/client";
import { occurrencesBetween, RecurrenceCache } from "@/lib/schedules/recurrence";
import { runIsolated, type Isolation, type Scope } from "@/lib/jobs/isolate-failures";
import { assertZoneKnown } from "@/lib/time-zones/check-zone";

/** Instances exist this far ahead, rolling (SPEC §5; issue 4). */
export const HORIZON_HOURS = 48;

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
}

/**
 * The rolling generation sweep: every active schedule of every active patient with a paired phone gets its
 * instances for the next 48 hours. Idempotent: (schedule_id, occurrence_at) is unique, so re-running
 * creates nothing twice. Set-based on both ends: schedules are read in batches with one statement each, and
 * each batch's instances go in with one INSERT ... SELECT FROM unnest(...) while the next batch is read and
 * computed (the recurrence itself is computed with the zone database in lib/schedules/recurrence.ts, the one
 * place that rule lives). Fault isolation (lib/jobs/isolate-failures.ts): a patient whose schedules cannot be
 * computed (a zone Node does not know) or inserted is quarantined and every other patient's instances go in.
 */
export async function generateReminderInstances(now: Date, opts: { patientId?: string; horizonHours?: number } = {}) {
  const sweep = await runIsolated("reminders-generate", "patient", now, (scope, isolation) =>
    generateIn(now, opts.horizonHours ?? HORIZON_HOURS, opts.patientId ? { only: [opts.patientId], except: scope.except } : scope, isolation),
  );
  const r = sweep.retried;
  return { schedules: sweep.main.schedules + (r?.schedules ?? 0), created: sweep.main.created + (r?.created ?? 0), quarantined: sweep.quarantined.length };
}

const SCHEDULE_COLUMNS = `s.id, s.patient_id, s.type, s.title, s.instructions, s.recurrence, s.days_of_week, s.interval_days, s.times_of_day,
  to_char(s.start_date, 'YYYY-MM-DD') AS start_date, to_char(s.end_date, 'YYYY-MM-DD') AS end_date, s.advance_notice_minutes`;
const LIVE_SCHEDULE = "s.is_active AND (s.end_date IS NULL OR s.end_date >= $1::date)";

/** The patients whose schedules yield instances (active, with a paired phone), and their zones. */
async function eligiblePatients(scope: Scope): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; timezone: string }>(
    `SELECT p.id, p.timezone FROM patients p
     WHERE p.is_active AND ($1::uuid[] IS NULL OR p.id = ANY($1::uuid[])) AND NOT (p.id = ANY($2::uuid[]))
       AND EXISTS (SELECT 1 FROM patient_devices d WHERE d.patient_id = p.id AND d.revoked_at IS NULL)`,
    [scope.only, scope.except],
  );
  return new Map(rows.map((r) => [r.id, r.timezone]));
}

/** Table pages read per statement of the whole sweep (a schedule row is small: some thousands of rows). */
const PAGES = 128;
/** Batches being inserted at once: more than the database's cores buys nothing. */
const IN_FLIGHT = 2;

/**
 * The live schedules in batches. For a few patients (a retry, a newly paired phone), by their ids through the
 * patient index. For everyone, by ranges of the table's pages (a TID range scan): walking the primary key
 * instead costs a random heap page per schedule (UUIDs), 24x slower per batch when measured (decision 034).
 * Rows that land in pages already read while the sweep runs are not missed: a schedule's own change makes its
 * instances (refreshFutureInstances), and the next sweep sees it anyway.
 */
async function* scheduleBatches(scope: Scope, endBound: string): AsyncGenerator<ScheduleRow[]> {
  if (scope.only) {
    const { rows } = await pool.query<ScheduleRow>(`SELECT ${SCHEDULE_COLUMNS} FROM schedules s WHERE ${LIVE_SCHEDULE} AND s.patient_id = ANY($2::uuid[])`, [
      endBound,
      scope.only,
    ]);
    yield rows;
    return;
  }
  const pagesNow = async () =>
    Number((await pool.query<{ pages: string }>(`SELECT pg_relation_size('schedules') / current_setting('block_size')::bigint AS pages`)).rows[0].pages);
  let from = 0;
  // the table may grow while it is read: go on until a read of its size finds nothing new
  for (let pages = await pagesNow(); from < pages; pages = await pagesNow()) {
    for (; from < pages; from += PAGES) {
      const { rows } = await pool.query<ScheduleRow>(
        `SELECT ${SCHEDULE_COLUMNS} FROM schedules s WHERE s.ctid >= $2::tid AND s.ctid < $3::tid AND ${LIVE_SCHEDULE}`,
        [endBound, `(${from},0)`, `(${from + PAGES},0)`],
      );
      if (rows.length > 0) yield rows;
    }
  }
}

async function generateIn(now: Date, horizonHours: number, scope: Scope, isolation: Isolation) {
  const to = new Date(now.getTime() + horizonHours * 3_600_000);
  // a generous bound on end dates: the recurrence applies the exact end date in the patient's zone
  const endBound = day(new Date(now.getTime() - 86_400_000));
  const cache = new RecurrenceCache();
  const zones = await eligiblePatients(scope);
  let schedules = 0;
  let created = 0;
  // up to IN_FLIGHT batches' inserts run while the next is read and computed (PostgreSQL checks each row's
  // foreign keys and five indexes: the inserts are most of the sweep's time, and two backends share them)
  const inserting: Promise<number[]>[] = [];
  const settle = async (keep: number) => {
    while (inserting.length > keep) created += (await inserting.shift()!).reduce((a, n) => a + n, 0);
  };
  for await (const read of scheduleBatches(scope, endBound)) {
    const batch = read.filter((s) => zones.has(s.patient_id));
    schedules += batch.length;
    // the occurrences, column by column; a patient whose schedules cannot be computed is set aside whole
    const cols: Columns = { id: [], patient: [], schedule: [], at: [], type: [], title: [], message: [], next: [] };
    for (const s of batch) {
      if (isolation.failed.has(s.patient_id)) continue;
      const zone = zones.get(s.patient_id)!;
      let occurrences;
      try {
        assertZoneKnown(zone);
        const rule = {
          recurrence: s.recurrence,
          daysOfWeek: s.days_of_week,
          intervalDays: s.interval_days,
          timesOfDay: s.times_of_day,
          startDate: s.start_date,
          endDate: s.end_date,
        };
        occurrences = occurrencesBetween(rule, zone, now, to, cache);
      } catch (err) {
        isolation.fail(s.patient_id, err);
        continue;
      }
      for (const o of occurrences) {
        cols.id.push(randomUUID());
        cols.patient.push(s.patient_id);
        cols.schedule.push(s.id);
        cols.at.push(o.at);
        cols.type.push(s.type);
        cols.title.push(s.title);
        cols.message.push(s.instructions);
        cols.next.push(new Date(o.at.getTime() - s.advance_notice_minutes * 60_000));
      }
    }
    await settle(IN_FLIGHT - 1);
    // a patient found failing (here or in the previous batch's insert) is left out of this one
    const patients = [...new Set(cols.patient)].filter((id) => !isolation.failed.has(id));
    if (patients.length === 0) continue;
    const insert = isolation.batch((only) => insertInstances(cols, only ?? (isolation.failed.size ? patients : null)), patients);
    // a rejection is taken by settle(); until then it must not count as unhandled
    insert.catch(() => {});
    inserting.push(insert);
  }
  await settle(0);
  return { schedules, created };
}

type Columns = { id: string[]; patient: string[]; schedule: string[]; at: Date[]; type: string[]; title: string[]; message: (string | null)[]; next: Date[] };

/** The batch's instances (or only those of some patients) in one INSERT ... SELECT FROM unnest(...). */
async function insertInstances(all: Columns, only: string[] | null) {
  let cols = all;
  if (only) {
    const keep = new Set(only);
    const rows = all.patient.flatMap((p, i) => (keep.has(p) ? [i] : []));
    const pick = <T>(xs: T[]) => rows.map((i) => xs[i]);
    cols = {
      id: pick(all.id),
      patient: pick(all.patient),
      schedule: pick(all.schedule),
      at: pick(all.at),
      type: pick(all.type),
      title: pick(all.title),
      message: pick(all.message),
      next: pick(all.next),
    };
  }
  if (cols.id.length === 0) return 0;
  const r = await pool.query(
    `INSERT INTO reminders (id, patient_id, schedule_id, occurrence_at, due_at, type, title, message, status, next_action_at, updated_at)
     SELECT v.id, v.patient_id, v.schedule_id, v.at, v.at, v.type::"ScheduleType", v.title, v.message, 'pending', v.next, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
          AS v(id, patient_id, schedule_id, at, type, title, message, next)
     ON CONFLICT (schedule_id, occurrence_at) DO NOTHING`,
    [cols.id, cols.patient, cols.schedule, cols.at, cols.type, cols.title, cols.message, cols.next],
  );
  return r.rowCount ?? 0;
}
