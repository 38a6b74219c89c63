import "server-only";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db/client";
import { effectiveSettings } from "@/lib/orgs/settings";
import { emailSender } from "@/lib/notifications/channels/email";
import { messagesFor } from "@/lib/caregiver-messages/catalogue";
import { formatPercent } from "@/lib/caregiver-messages/format";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemActor } from "@/lib/auth/actor";
import { logger } from "@/lib/observability/logger";
import { monthOf } from "./month";

/** The share of `monthly_sms_cap` at which the owners are told (once a month). */
export const SMS_CAP_WARNING = 0.8;

/** Whether the organization has used its monthly SMS cap this month (SPEC §8); false without a cap. */
export async function pastSmsCap(tx: Tx, organizationId: string, settings: unknown, now: Date): Promise<boolean> {
  const cap = effectiveSettings(settings).notifications.monthly_sms_cap;
  if (cap === null) return false;
  const rows = await tx.$queryRaw<{ sms_segments: number }[]>`
    SELECT sms_segments FROM organization_usage WHERE organization_id = ${organizationId}::uuid AND month = ${monthOf(now)}::date`;
  return (rows[0]?.sms_segments ?? 0) >= cap;
}

/**
 * At 80% of the cap, the owners get one email for the month (claimed by a conditional update, so two senders
 * never both warn) and the audit trail records it. Returns how many emails reached the provider, for the meter.
 */
export async function warnOwnersNearSmsCap(organizationId: string, smsSegments: number, now: Date): Promise<number> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { name: true, settings: true } });
  const cap = org ? effectiveSettings(org.settings).notifications.monthly_sms_cap : null;
  if (!org || cap === null || smsSegments < cap * SMS_CAP_WARNING) return 0;
  const claimed = await db.$executeRaw`
    UPDATE organization_usage SET sms_cap_warned_at = ${now}
    WHERE organization_id = ${organizationId}::uuid AND month = ${monthOf(now)}::date AND sms_cap_warned_at IS NULL`;
  if (claimed === 0) return 0;
  const owners = await db.membership.findMany({
    where: { organizationId, role: "owner" },
    select: { caregiver: { select: { email: true, isActive: true, language: true } } },
  });
  // the dashboard's Usage tab shows the current organization (the header switches it)
  const link = `${config().appUrl.replace(/\/$/, "")}/settings/organization/usage`;
  let sent = 0;
  for (const o of owners.filter((m) => m.caregiver.isActive)) {
    const m = messagesFor(o.caregiver.language);
    const r = await emailSender.send({
      to: o.caregiver.email,
      subject: m.smsCap.subject(org.name, formatPercent(m, Math.floor((smsSegments / cap) * 100))),
      text: m.smsCap.text(org.name, smsSegments, cap, link),
    });
    if (r.status === "sent") sent++;
    else if (r.status === "failed") logger.warn({ organizationId, error: r.error }, "SMS cap warning email failed");
  }
  await recordAudit(db, systemActor("usage-meter"), {
    action: "organization.sms_cap_warning",
    targetType: "organization",
    targetId: organizationId,
    organizationId,
    metadata: { sms_segments: smsSegments, monthly_sms_cap: cap, owners_told: owners.length },
  });
  return sent;
}
