import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db/client";
import type { Severity } from "@/lib/db/generated/client";
import { effectivePreferences } from "@/lib/caregivers/preferences";
import { effectiveSettings } from "@/lib/orgs/settings";
import { channelsFor, inQuietHours, meetsThreshold, quietHoursEnd, underSmsCap } from "@/lib/notifications/routing";
import { pastSmsCap } from "@/lib/usage/sms-cap";
import { logger } from "@/lib/observability/logger";
import { dispatchPending } from "@/lib/notifications/dispatch";
import { runIsolated } from "@/lib/jobs/isolate-failures";

const HOUR = 3_600_000;

interface Contact {
  caregiverId: string;
  order: number;
  email: string;
  phone: string | null;
  timezone: string;
  prefs: ReturnType<typeof effectivePreferences>;
  /** the caregiver's browsers subscribed to Web Push */
  browsers: string[];
}

/** The care team in contact order, grouped: the first group is contacted together, then the next... */
function stepsOf(team: Contact[]): Contact[][] {
  const byOrder = new Map<number, Contact[]>();
  for (const c of team) byOrder.set(c.order, [...(byOrder.get(c.order) ?? []), c]);
  return [...byOrder.keys()].sort((a, b) => a - b).map((k) => byOrder.get(k)!);
}

const waitMinutes = (settings: ReturnType<typeof effectiveSettings>, severity: Severity) =>
  ({
    critical: settings.escalation.critical_wait_minutes,
    high: settings.escalation.high_wait_minutes,
    medium: settings.escalation.medium_wait_minutes,
    low: settings.escalation.low_wait_minutes,
  })[severity];

/**
 * Record one contact's attempts for one escalation step (SPEC §7): every enabled channel, a voice call too
 * when critical; written with unique keys (a re-run never sends twice); non-critical messages beyond the
 * caregiver's hourly cap are held for the digest. lib/notifications/dispatch.ts sends them right after
 * (Twilio SMS and calls, SMTP email, Web Push to each subscribed browser; `simulated` without credentials).
 */
async function contact(
  tx: Tx,
  alert: { id: string; patientId: string; severity: Severity },
  c: Contact,
  step: number,
  limits: { perHour: number; pastSmsCap: boolean },
  now: Date,
) {
  const critical = alert.severity === "critical";
  let held = false;
  if (!critical) {
    const recent = await tx.notificationAttempt.findMany({
      where: {
        caregiverId: c.caregiverId,
        purpose: "alert",
        createdAt: { gt: new Date(now.getTime() - HOUR) },
        status: { not: "held" },
        alertId: { not: alert.id },
      },
      distinct: ["alertId"],
      select: { alertId: true },
    });
    held = recent.length >= limits.perHour;
  }
  const channels = underSmsCap(channelsFor(c.prefs, alert.severity), { pastCap: limits.pastSmsCap, critical, hasBrowsers: c.browsers.length > 0 });
  const rows: Prisma.NotificationAttemptCreateManyInput[] = channels.flatMap((channel) => {
    const key = `alert:${alert.id}:${alert.severity}:step:${step}:${c.caregiverId}:${channel}`;
    const base = { patientId: alert.patientId, caregiverId: c.caregiverId, alertId: alert.id, channel, purpose: "alert" as const, createdAt: now };
    // web push: one attempt per subscribed browser
    const recipients =
      channel === "web_push" ? c.browsers.map((id) => ({ key: `${key}:${id}`, to: id })) : [{ key, to: channel === "email" ? c.email : c.phone }];
    if (recipients.length === 0)
      return [{ ...base, idempotencyKey: key, recipient: "no browser", status: "skipped" as const, error: "No browser has turned on Elda notifications." }];
    return recipients.map(({ key, to }) => {
      if (!to)
        return { ...base, idempotencyKey: key, recipient: "no phone number", status: "skipped" as const, error: "No phone number on the caregiver's profile." };
      if (held) return { ...base, idempotencyKey: key, recipient: to, status: "held" as const, heldUntil: new Date(now.getTime() + HOUR) };
      return { ...base, idempotencyKey: key, recipient: to, status: "pending" as const };
    });
  });
  const r = await tx.notificationAttempt.createMany({ data: rows, skipDuplicates: true });
  return { attempts: r.count, held };
}

/**
 * The escalation sweep: for every open alert whose next step is due, contact the next group of the care
 * team that can be reached now, and wait (critical 5 minutes, high 15, configurable) for an acknowledgement
 * before the next group. Caregivers whose threshold is above the alert's severity are skipped; for
 * non-critical alerts, caregivers in quiet hours are skipped, and when nobody can be reached now the alert
 * waits for the first quiet hours to end. When every group has been tried, the alert shows "nobody reached".
 */
export async function escalateAlerts(now: Date, opts: { limit?: number; alertId?: string } = {}) {
  let due = 0;
  let contacted = 0;
  let exhausted = 0;
  // fault isolation (lib/jobs/isolate-failures.ts): an alert whose escalation fails is quarantined and the
  // sweep goes on with the next one, so one bad row never holds up every alert behind it
  const sweep = await runIsolated("alerts-escalate", "alert", now, async (scope, isolation) => {
    const ids = await db.alert.findMany({
      where: {
        status: "open",
        OR: [{ escalationState: "none" }, { escalationState: "active", nextEscalationAt: { lte: now } }],
        ...(opts.alertId ? { AND: [{ id: opts.alertId }] } : {}),
        id: scope.only ? { in: scope.only } : { notIn: scope.except },
      },
      select: { id: true },
      orderBy: { createdAt: "asc" },
      take: opts.limit ?? 200,
    });
    due += ids.length;
    await isolation.each(
      ids,
      (a) => a.id,
      async ({ id }) => {
        const r = await escalateOne(id, now);
        if (r === "contacted") {
          contacted++;
          await dispatchPending(now, { alertId: id });
        }
        if (r === "exhausted") exhausted++;
      },
    );
  });
  if (due) logger.info({ due, contacted, exhausted, quarantined: sweep.quarantined.length }, "escalation sweep");
  return { due, contacted, exhausted, quarantined: sweep.quarantined.length };
}

/** One alert's next step, in one transaction under a row lock. */
async function escalateOne(id: string, now: Date) {
  return db.$transaction(async (tx) => {
    // re-read under a row lock: an acknowledgement or another sweep may have won meanwhile
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM alerts WHERE id = ${id}::uuid AND status = 'open' FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return null;
    const a = await tx.alert.findUniqueOrThrow({
      where: { id },
      include: {
        patient: {
          select: {
            organizationId: true,
            organization: { select: { settings: true } },
            careTeam: {
              include: {
                caregiver: {
                  select: {
                    id: true,
                    email: true,
                    phoneNumber: true,
                    timezone: true,
                    preferences: true,
                    isActive: true,
                    webPushSubscriptions: { select: { id: true }, orderBy: { createdAt: "asc" } },
                  },
                },
              },
            },
          },
        },
      },
    });
    if (!(a.escalationState === "none" || (a.escalationState === "active" && a.nextEscalationAt && a.nextEscalationAt <= now))) return null;
    const settings = effectiveSettings(a.patient.organization.settings);
    const team: Contact[] = a.patient.careTeam
      .filter((m) => m.caregiver.isActive)
      .map((m) => ({
        caregiverId: m.caregiver.id,
        order: m.contactOrder,
        email: m.caregiver.email,
        phone: m.caregiver.phoneNumber,
        timezone: m.caregiver.timezone,
        prefs: effectivePreferences(m.caregiver.preferences),
        browsers: m.caregiver.webPushSubscriptions.map((w) => w.id),
      }));
    const steps = stepsOf(team);
    const critical = a.severity === "critical";
    let waitUntil: Date | null = null;
    for (let i = a.escalationStep; i < steps.length; i++) {
      const eligible = steps[i].filter((c) => meetsThreshold(c.prefs.alert_threshold, a.severity));
      const reachable = eligible.filter((c) => critical || !inQuietHours(c.prefs.quiet_hours, c.timezone, now));
      for (const c of eligible) {
        const end = critical ? null : quietHoursEnd(c.prefs.quiet_hours, c.timezone, now);
        if (end && (!waitUntil || end < waitUntil)) waitUntil = end;
      }
      if (reachable.length === 0) continue;
      let attempts = 0;
      const limits = {
        perHour: settings.notifications.non_critical_cap_per_hour,
        pastSmsCap: !critical && (await pastSmsCap(tx, a.patient.organizationId, a.patient.organization.settings, now)),
      };
      for (const c of reachable) attempts += (await contact(tx, { id: a.id, patientId: a.patientId, severity: a.severity }, c, i + 1, limits, now)).attempts;
      const next = new Date(now.getTime() + waitMinutes(settings, a.severity) * 60_000);
      await tx.alert.update({ where: { id }, data: { escalationState: "active", escalationStep: i + 1, nextEscalationAt: next } });
      await tx.alertEvent.create({
        data: {
          alertId: id,
          kind: "escalated",
          actorType: "system",
          data: { step: i + 1, contacted: reachable.map((c) => c.caregiverId), attempts, next_at: next.toISOString() },
          createdAt: now,
        },
      });
      return "contacted" as const;
    }
    if (waitUntil) {
      // nobody can be told right now (quiet hours): wait for the first to end
      await tx.alert.update({ where: { id }, data: { escalationState: "active", escalationStep: a.escalationStep, nextEscalationAt: waitUntil } });
      return "waiting" as const;
    }
    await tx.alert.update({ where: { id }, data: { escalationState: "exhausted", nobodyReachedAt: now, nextEscalationAt: null } });
    await tx.alertEvent.create({
      data: {
        alertId: id,
        kind: "nobody_reached",
        actorType: "system",
        note: "Every contact of the care team was tried and nobody acknowledged.",
        createdAt: now,
      },
    });
    return "exhausted" as const;
  });
}
