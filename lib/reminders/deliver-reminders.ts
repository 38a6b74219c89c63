import "server-only";
import { db } from "@/lib/db/client";

import type { ReminderStatus, ScheduleType } from "@/lib/db/generated/client";
import { effectiveSettings } from "@/lib/orgs/settings";
import { pushToPatients, sendPendingPushes, type PatientPush } from "@/lib/notifications/push-to-patient";
import { emit, type DomainEvent } from "@/lib/jobs/emit";
import { runIsolated } from "@/lib/jobs/isolate-failures";
import { reminderLockScreen } from "@/lib/notifications/lock-screen";
import { patientVoice, type Style } from "@/lib/patient-messages/patient-message";
import { missReminders } from "./reminder-transitions";

interface DueRow {
  id: string;
  patient_id: string;
  type: ScheduleType;
  title: string;
  message: string | null;
  status: ReminderStatus;
  due_at: Date;
  delivery_count: number;
  repeat_until_acknowledged: boolean | null;
  repeat_interval_minutes: number | null;
  max_repeats: number | null;
  missed_after_minutes: number | null;
  org_settings: unknown;
  timezone: string;
  language: string;
  communication_style: Style;
}

/** A claimed row: the due row and what marking it missed needs of its schedule (null: no schedule). */
type ClaimedRow = DueRow & { alert_on_miss: boolean | null; is_critical: boolean | null };

export interface Timing {
  repeat: boolean;
  intervalMinutes: number;
  repeats: number;
  missedAfterMinutes: number;
}

/** The instance's timing: the schedule's own numbers over the organization's (defaults 10, 2, 30). */
export function timingOf(
  row: Pick<DueRow, "repeat_until_acknowledged" | "repeat_interval_minutes" | "max_repeats" | "missed_after_minutes" | "org_settings">,
  orgCache = new Map<string, ReturnType<typeof effectiveSettings>["reminders"]>(),
): Timing {
  // one validation per organization per sweep, not per instance
  const key = JSON.stringify(row.org_settings ?? {});
  let org = orgCache.get(key);
  if (!org) orgCache.set(key, (org = effectiveSettings(row.org_settings).reminders));
  return {
    repeat: row.repeat_until_acknowledged ?? true,
    intervalMinutes: row.repeat_interval_minutes ?? org.repeat_interval_minutes,
    repeats: row.max_repeats ?? org.repeat_count,
    missedAfterMinutes: row.missed_after_minutes ?? org.missed_after_minutes,
  };
}

const MIN = 60_000;

/**
 * One step of an instance's state machine at `now` (SPEC §5): the first push at due_at minus the advance
 * notice (when the sweep sets next_action_at), repeats at due_at + 10 and + 20 while unacknowledged, and at
 * due_at + 30 the instance is missed. After a push, the next action is the next repeat slot still ahead, so
 * a sweep that was late never sends a burst.
 */
export function nextStep(
  dueAt: Date,
  deliveryCount: number,
  t: Timing,
  now: Date,
): { action: "missed" } | { action: "push"; deliveryCount: number; nextActionAt: Date } {
  const missedAt = new Date(dueAt.getTime() + t.missedAfterMinutes * MIN);
  if (now >= missedAt) return { action: "missed" };
  const count = deliveryCount + 1;
  let next = missedAt;
  if (t.repeat) {
    for (let k = 1; k <= t.repeats; k++) {
      const slot = new Date(dueAt.getTime() + k * t.intervalMinutes * MIN);
      if (slot > now && slot < missedAt) {
        next = slot;
        break;
      }
    }
  }
  return { action: "push", deliveryCount: count, nextActionAt: next };
}

/** The push the phone expects for a reminder (SPEC §3 data fields; string values). */
export function reminderPush(r: DueRow, deliveryCount: number): PatientPush {
  // in the patient's language and style, the time as they say it where they live (lib/patient-messages)
  const voice = patientVoice({ language: r.language, communicationStyle: r.communication_style });
  const speak = voice.say("reminder.speak", { type: r.type, title: r.title, message: r.message, at: r.due_at, timeZone: r.timezone });
  const retry = deliveryCount - 1;
  return {
    patientId: r.patient_id,
    purpose: "reminder",
    key: `reminder:${r.id}:push:${deliveryCount}:${r.due_at.toISOString()}`,
    reminderId: r.id,
    // the lock screen: the kind of reminder only (SPEC §7); what it is for is spoken once the app is opened
    ...reminderLockScreen(voice, r.type, retry),
    data: {
      type: "reminder",
      reminder_id: r.id,
      reminder_type: r.type,
      speak_text: speak,
      requires_response: "true",
      voice_check_in: retry > 0 ? "true" : "false",
      retry_count: String(retry),
      notification_type: r.type === "medication" ? "medication_reminder" : "general",
      priority: r.type === "medication" ? "high" : "medium",
      // the app's speech engine picks its voice from this (the catalogue's language, not the stored tag)
      language: voice.locale,
    },
  };
}

export interface DeliveryTally {
  claimed: number;
  pushed: number;
  attempts: number;
  missed: number;
  alerts: number;
}
const add = (a: DeliveryTally, b: DeliveryTally): DeliveryTally => ({
  claimed: a.claimed + b.claimed,
  pushed: a.pushed + b.pushed,
  attempts: a.attempts + b.attempts,
  missed: a.missed + b.missed,
  alerts: a.alerts + b.alerts,
});
const NONE: DeliveryTally = { claimed: 0, pushed: 0, attempts: 0, missed: 0, alerts: 0 };

/**
 * The delivery sweep: claim what is due (one statement, rows locked so two sweeps never take the same
 * instance), advance each instance's state in one set-based update, hand the pushes to the notification
 * layer, and mark the missed ones (raising their alerts when the schedule asks). Returns what it did.
 * Fault isolation (lib/jobs/isolate-failures.ts): when the batch fails, it is split by patient until the
 * failing patients are found; they are quarantined and every other patient's reminders go out.
 */
/** How long one sweep goes on claiming full batches: the job runs every minute, and the next run takes the rest. */
const SWEEP_BUDGET_MS = 40_000;

export async function deliverDueReminders(now: Date, limit = 1_000) {
  const sweep = await runIsolated("reminders-deliver", "patient", now, async (scope, isolation) => {
    // batch after batch while they come back full (a backlog after an outage), within the job's minute
    const started = performance.now();
    let total = NONE;
    for (;;) {
      // a patient found failing is not claimed again in this sweep (it is quarantined when the sweep ends)
      const except = [...scope.except, ...isolation.failed.keys()];
      const parts = await isolation.batch(
        (only) => deliverBatch(now, limit, only ?? scope.only, except),
        () => duePatients(now, limit, except),
      );
      const tally = parts.reduce(add, NONE);
      total = add(total, tally);
      if (scope.only || tally.claimed < limit || performance.now() - started > SWEEP_BUDGET_MS) return total;
    }
  });
  await sendPendingPushes(now);
  return { ...add(sweep.main, sweep.retried ?? NONE), quarantined: sweep.quarantined.length };
}

/** The patients with something due in the batch `deliverBatch(now, limit, null, except)` would claim. */
async function duePatients(now: Date, limit: number, except: string[]) {
  const rows = await db.$queryRaw<{ patient_id: string }[]>`
    SELECT DISTINCT patient_id FROM (
      SELECT r.patient_id FROM reminders r
      WHERE r.status IN ('pending', 'snoozed') AND r.next_action_at <= ${now} AND NOT (r.patient_id = ANY(${except}::uuid[]))
      ORDER BY r.next_action_at LIMIT ${limit}) due`;
  return rows.map((r) => r.patient_id);
}

/** One batch, in one transaction: all of it happens or none of it (a failure leaves every instance due). */
async function deliverBatch(now: Date, limit: number, only: string[] | null, except: string[]): Promise<DeliveryTally> {
  const events: DomainEvent[] = [];
  const result = await db.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<ClaimedRow[]>`
        SELECT r.id, r.patient_id, r.type, r.title, r.message, r.status, r.due_at, r.delivery_count,
               s.repeat_until_acknowledged, s.repeat_interval_minutes, s.max_repeats, s.missed_after_minutes,
               s.alert_on_miss, s.is_critical,
               o.settings AS org_settings, p.timezone, p.language, p.communication_style
        FROM reminders r
        JOIN patients p ON p.id = r.patient_id
        JOIN organizations o ON o.id = p.organization_id
        LEFT JOIN schedules s ON s.id = r.schedule_id
        WHERE r.status IN ('pending', 'snoozed') AND r.next_action_at <= ${now}
          AND (${only}::uuid[] IS NULL OR r.patient_id = ANY(${only}::uuid[])) AND NOT (r.patient_id = ANY(${except}::uuid[]))
        ORDER BY r.next_action_at
        LIMIT ${limit}
        FOR UPDATE OF r SKIP LOCKED`;
      const pushes: PatientPush[] = [];
      const updates: { id: string; count: number; next: Date }[] = [];
      const missed: ClaimedRow[] = [];
      const orgCache = new Map<string, ReturnType<typeof effectiveSettings>["reminders"]>();
      for (const r of due) {
        const step = nextStep(r.due_at, r.delivery_count, timingOf(r, orgCache), now);
        if (step.action === "missed") missed.push(r);
        else {
          updates.push({ id: r.id, count: step.deliveryCount, next: step.nextActionAt });
          pushes.push(reminderPush(r, step.deliveryCount));
        }
      }
      if (updates.length) {
        // a snoozed instance is pending again once it fires
        await tx.$executeRaw`
          UPDATE reminders r SET status = 'pending', delivery_count = v.count, next_action_at = v.next,
                 last_delivered_at = ${now}, updated_at = ${now}
          FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.count)}::int[], ${updates.map((u) => u.next)}::timestamptz[]) AS v(id, count, next)
          WHERE r.id = v.id`;
      }
      const attempts = await pushToPatients(tx, pushes, now);
      // the missed ones in bulk (a backlog after an outage is thousands): one update, one patient read, one raise
      const done = await missReminders(
        tx,
        missed.map((r) => ({
          reminder: {
            id: r.id,
            patientId: r.patient_id,
            type: r.type,
            title: r.title,
            dueAt: r.due_at,
            deliveryCount: r.delivery_count,
            schedule: r.alert_on_miss === null ? null : { alertOnMiss: r.alert_on_miss, isCritical: r.is_critical ?? false },
          },
          reason: `No confirmation after ${r.delivery_count} reminder${r.delivery_count === 1 ? "" : "s"}.`,
        })),
        now,
      );
      let alerts = 0;
      for (const d of done) {
        if (!d.alert) continue;
        alerts++;
        if (d.alert.event) events.push(d.alert.event);
      }
      return { claimed: due.length, pushed: updates.length, attempts, missed: done.length, alerts };
    },
    { timeout: 60_000 },
  );
  await emit(...events);
  return result;
}
