import "server-only";
import { DateTime } from "luxon";
import { db, type Prisma } from "@/lib/db/client";
import { effectivePreferences } from "@/lib/caregivers/preferences";
import { enabledChannels, quietHoursEnd, underSmsCap } from "@/lib/notifications/routing";
import { pastSmsCap } from "@/lib/usage/sms-cap";
import { runIsolated, runOneIsolated } from "@/lib/jobs/isolate-failures";
import { assertZoneKnown } from "@/lib/time-zones/check-zone";
import { computeDailySummary } from "./compute-daily-summary";

export const SUMMARIES_JOB = "daily-summaries";

interface DueCaregiver {
  caregiver_id: string;
  local_date: string;
}

/**
 * Caregivers whose daily_summary_time has come today in their own time zone and who have not been sent
 * today's summary of every patient on their care teams yet (one statement over every caregiver on a care
 * team). `only` and `except` narrow it to some caregivers (fault isolation splits a failing statement by them).
 */
export async function findCaregiversDueForSummary(now: Date, scope: { only?: string[] | null; except?: string[] } = {}) {
  return db.$queryRaw<DueCaregiver[]>`
    SELECT c.id AS caregiver_id, to_char((${now}::timestamptz AT TIME ZONE c.timezone)::date, 'YYYY-MM-DD') AS local_date
    FROM caregivers c
    WHERE c.is_active
      AND (${scope.only ?? null}::uuid[] IS NULL OR c.id = ANY(${scope.only ?? null}::uuid[])) AND NOT (c.id = ANY(${scope.except ?? []}::uuid[]))
      AND (${now}::timestamptz AT TIME ZONE c.timezone)::time >= COALESCE(c.preferences->>'daily_summary_time', '20:00')::time
      AND EXISTS (
        SELECT 1 FROM care_team_members t JOIN patients p ON p.id = t.patient_id AND p.is_active
        WHERE t.caregiver_id = c.id
          AND NOT EXISTS (
            SELECT 1 FROM notification_attempts n
            WHERE n.caregiver_id = c.id AND n.patient_id = t.patient_id AND n.purpose = 'daily_summary'
              AND n.created_at > ${now}::timestamptz - interval '2 days'
              AND n.idempotency_key LIKE 'summary:' || c.id::text || ':' || to_char((${now}::timestamptz AT TIME ZONE c.timezone)::date, 'YYYY-MM-DD') || ':%'
          )
      )`;
}

/**
 * The discovery step of the daily-summaries job, with fault isolation (lib/jobs/isolate-failures.ts): a
 * caregiver whose row makes the statement fail (a zone PostgreSQL does not know, a corrupt summary time) is
 * quarantined and every other caregiver is still found.
 */
export async function findCaregiversDueForSummaryIsolated(now: Date): Promise<DueCaregiver[]> {
  const sweep = await runIsolated(SUMMARIES_JOB, "caregiver", now, async (scope, isolation) =>
    (
      await isolation.batch(
        (only) => findCaregiversDueForSummary(now, { only: only ?? scope.only, except: scope.except }),
        () => caregiversOnCareTeams(),
      )
    ).flat(),
  );
  return [...sweep.main, ...(sweep.retried ?? [])];
}

async function caregiversOnCareTeams() {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM caregivers c WHERE c.is_active AND EXISTS (SELECT 1 FROM care_team_members t WHERE t.caregiver_id = c.id) ORDER BY c.id`;
  return rows.map((r) => r.id);
}

/** Some of a caregiver's summaries could not be made; the others were recorded. */
export class SummariesIncomplete extends Error {
  constructor(
    readonly patientIds: string[],
    firstError: unknown,
  ) {
    super(`${patientIds.length} of the caregiver's daily summaries could not be made.`, { cause: firstError });
    this.name = "SummariesIncomplete";
  }
}

/**
 * Send one caregiver today's summaries: for each patient on their care teams not sent yet today, that
 * patient's local day so far, through every channel the caregiver enabled (push: each browser they turned
 * notifications on in). The attempts are recorded (pending) here; the notification layer delivers them, after
 * the caregiver's quiet hours when the summary time falls inside them. Idempotent: the attempt keys name caregiver, day,
 * patient and channel. One patient whose summary cannot be made (their zone is unknown) does not hold up
 * the others: they are recorded, then SummariesIncomplete names the ones left.
 */
export async function sendDailySummaries(caregiverId: string, now: Date) {
  const c = await db.caregiver.findUniqueOrThrow({
    where: { id: caregiverId },
    select: {
      timezone: true,
      preferences: true,
      email: true,
      phoneNumber: true,
      careTeams: {
        where: { patient: { isActive: true } },
        select: { patientId: true, patient: { select: { timezone: true, organizationId: true, organization: { select: { settings: true } } } } },
      },
      webPushSubscriptions: { select: { id: true }, orderBy: { createdAt: "asc" } },
    },
  });
  assertZoneKnown(c.timezone);
  const prefs = effectivePreferences(c.preferences);
  const myDay = DateTime.fromJSDate(now, { zone: c.timezone }).toISODate()!;
  const enabled = enabledChannels(prefs);
  // not a critical message: inside quiet hours it waits for them to end (SPEC §7)
  const notBefore = quietHoursEnd(prefs.quiet_hours, c.timezone, now);
  const done = new Set(
    (
      await db.notificationAttempt.findMany({
        where: {
          caregiverId,
          purpose: "daily_summary",
          createdAt: { gt: new Date(now.getTime() - 2 * 86_400_000) },
          idempotencyKey: { startsWith: `summary:${caregiverId}:${myDay}:` },
        },
        select: { patientId: true },
      })
    ).map((a) => a.patientId),
  );
  let summaries = 0;
  const failed: string[] = [];
  let firstError: unknown;
  for (const t of c.careTeams) {
    if (done.has(t.patientId)) continue;
    try {
      assertZoneKnown(t.patient.timezone);
      const patientDay = DateTime.fromJSDate(now, { zone: t.patient.timezone }).toISODate()!;
      await db.$transaction(async (tx) => {
        const s = await computeDailySummary(tx, t.patientId, patientDay, now);
        const base = { patientId: t.patientId, caregiverId, summaryId: s.id, purpose: "daily_summary" as const, createdAt: now };
        const key = (channel: string) => `summary:${caregiverId}:${myDay}:${t.patientId}:${channel}`;
        const pending = { status: "pending" as const, nextAttemptAt: notBefore };
        const pastCap = await pastSmsCap(tx, t.patient.organizationId, t.patient.organization.settings, now);
        const channels = underSmsCap(enabled, { pastCap, critical: false, hasBrowsers: c.webPushSubscriptions.length > 0 });
        const rows: Prisma.NotificationAttemptCreateManyInput[] = channels.length
          ? channels.flatMap((channel): Prisma.NotificationAttemptCreateManyInput[] => {
              if (channel === "web_push") {
                if (c.webPushSubscriptions.length === 0)
                  return [
                    {
                      ...base,
                      channel,
                      idempotencyKey: key(channel),
                      recipient: "no browser",
                      status: "skipped",
                      error: "No browser has turned on Elda notifications.",
                    },
                  ];
                return c.webPushSubscriptions.map((w) => ({ ...base, ...pending, channel, idempotencyKey: `${key(channel)}:${w.id}`, recipient: w.id }));
              }
              if (channel === "sms" && !c.phoneNumber)
                return [{ ...base, channel, idempotencyKey: key(channel), recipient: "no phone number", status: "skipped" }];
              return [{ ...base, ...pending, channel, idempotencyKey: key(channel), recipient: channel === "email" ? c.email : c.phoneNumber! }];
            })
          : [{ ...base, channel: "email" as const, idempotencyKey: key("none"), recipient: "no channel enabled", status: "skipped" as const }];
        await tx.notificationAttempt.createMany({ data: rows, skipDuplicates: true });
      });
      summaries++;
    } catch (err) {
      failed.push(t.patientId);
      firstError ??= err;
    }
  }
  if (failed.length) throw new SummariesIncomplete(failed, firstError);
  return { caregiverId, summaries, channels: enabled };
}

/**
 * The fanned-out job's step: one caregiver's summaries. When some cannot be made, the caregiver is
 * quarantined (the others went out); the discovery step leaves them out until the retry time, then tries
 * the ones still missing. A transient failure is rethrown for the job to retry.
 */
export async function sendDailySummariesIsolated(caregiverId: string, now: Date) {
  return runOneIsolated(SUMMARIES_JOB, "caregiver", caregiverId, now, () => sendDailySummaries(caregiverId, now));
}
