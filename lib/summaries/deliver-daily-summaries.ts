import "server-only";
import { DateTime } from "luxon";
import { db, type Prisma } from "@/lib/db/client";
import { effectivePreferences } from "@/lib/caregivers/preferences";
import { enabledChannels, quietHoursEnd } from "@/lib/notifications/routing";
import { computeDailySummary } from "./compute-daily-summary";

/**
 * Caregivers whose daily_summary_time has come today in their own time zone and who have not been sent
 * today's summary yet (one statement over every caregiver on a care team).
 */
export async function findCaregiversDueForSummary(now: Date) {
  return db.$queryRaw<{ caregiver_id: string; local_date: string }[]>`
    SELECT c.id AS caregiver_id, to_char((${now}::timestamptz AT TIME ZONE c.timezone)::date, 'YYYY-MM-DD') AS local_date
    FROM caregivers c
    WHERE c.is_active
      AND EXISTS (SELECT 1 FROM care_team_members t WHERE t.caregiver_id = c.id)
      AND (${now}::timestamptz AT TIME ZONE c.timezone)::time >= COALESCE(c.preferences->>'daily_summary_time', '20:00')::time
      AND NOT EXISTS (
        SELECT 1 FROM notification_attempts n
        WHERE n.caregiver_id = c.id AND n.purpose = 'daily_summary'
          AND n.idempotency_key LIKE 'summary:' || c.id::text || ':' || to_char((${now}::timestamptz AT TIME ZONE c.timezone)::date, 'YYYY-MM-DD') || ':%'
      )`;
}

/**
 * Send one caregiver today's summaries: for each patient on their care teams, that patient's local day so
 * far, through every channel the caregiver enabled (push: each browser they turned notifications on in).
 * The attempts are recorded (pending) here; the notification layer delivers them, after the caregiver's
 * quiet hours when the summary time falls inside them. Idempotent: the attempt keys name caregiver, day,
 * patient and channel (and browser).
 */
export async function sendDailySummaries(caregiverId: string, now: Date) {
  const c = await db.caregiver.findUniqueOrThrow({
    where: { id: caregiverId },
    select: {
      timezone: true,
      preferences: true,
      email: true,
      phoneNumber: true,
      careTeams: { where: { patient: { isActive: true } }, select: { patientId: true, patient: { select: { timezone: true } } } },
      webPushSubscriptions: { select: { id: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const prefs = effectivePreferences(c.preferences);
  const myDay = DateTime.fromJSDate(now, { zone: c.timezone }).toISODate()!;
  const channels = enabledChannels(prefs);
  // not a critical message: inside quiet hours it waits for them to end (SPEC §7)
  const notBefore = quietHoursEnd(prefs.quiet_hours, c.timezone, now);
  let summaries = 0;
  for (const t of c.careTeams) {
    const patientDay = DateTime.fromJSDate(now, { zone: t.patient.timezone }).toISODate()!;
    await db.$transaction(async (tx) => {
      const s = await computeDailySummary(tx, t.patientId, patientDay, now);
      const base = { patientId: t.patientId, caregiverId, summaryId: s.id, purpose: "daily_summary" as const, createdAt: now };
      const key = (channel: string) => `summary:${caregiverId}:${myDay}:${t.patientId}:${channel}`;
      const pending = { status: "pending" as const, nextAttemptAt: notBefore };
      const rows: Prisma.NotificationAttemptCreateManyInput[] = channels.length
        ? channels.flatMap((channel): Prisma.NotificationAttemptCreateManyInput[] => {
            if (channel === "web_push") {
              if (c.webPushSubscriptions.length === 0) return [{ ...base, channel, idempotencyKey: key(channel), recipient: "no browser", status: "skipped", error: "No browser has turned on Elda notifications." }];
              return c.webPushSubscriptions.map((w) => ({ ...base, ...pending, channel, idempotencyKey: `${key(channel)}:${w.id}`, recipient: w.id }));
            }
            if (channel === "sms" && !c.phoneNumber) return [{ ...base, channel, idempotencyKey: key(channel), recipient: "no phone number", status: "skipped" }];
            return [{ ...base, ...pending, channel, idempotencyKey: key(channel), recipient: channel === "email" ? c.email : c.phoneNumber! }];
          })
        : [{ ...base, channel: "email" as const, idempotencyKey: key("none"), recipient: "no channel enabled", status: "skipped" as const }];
      await tx.notificationAttempt.createMany({ data: rows, skipDuplicates: true });
    });
    summaries++;
  }
  return { caregiverId, summaries, channels };
}
