import "server-only";
import { db } from "@/lib/db/client";
import { assertOrgRole } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { csvLine } from "@/lib/api/csv";
import { effectiveSettings } from "@/lib/orgs/settings";
import { monthOf } from "./month";
import { USAGE_COLUMNS, type UsageOutput, type UsageQuery } from "./schemas";

/**
 * An organization's usage for one UTC month (SPEC §8): what a billing system takes (docs/decisions/026); no
 * costs here. Owners and admins of the whole organization; a read.
 */
export async function usageReport(actor: Actor, organizationId: string, query: UsageQuery, now: Date): Promise<UsageOutput | Response> {
  await assertOrgRole(db, actor, organizationId, ["owner", "admin"]);
  const month = query.month ? `${query.month}-01` : monthOf(now);
  const [org, row, active] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } }),
    db.organizationUsage.findUnique({ where: { organizationId_month: { organizationId, month: new Date(month) } } }),
    db.organizationActivePatient.count({ where: { organizationId, month: new Date(month) } }),
  ]);
  const cap = effectiveSettings(org.settings).notifications.monthly_sms_cap;
  const out: UsageOutput = {
    organization_id: organizationId,
    month: month.slice(0, 7),
    active_patients: active,
    sms_segments: row?.smsSegments ?? 0,
    call_minutes: row?.callMinutes ?? 0,
    emails: row?.emails ?? 0,
    patient_pushes: row?.patientPushes ?? 0,
    caregiver_pushes: row?.caregiverPushes ?? 0,
    model_tokens_in: Number(row?.modelTokensIn ?? 0),
    model_tokens_out: Number(row?.modelTokensOut ?? 0),
    monthly_sms_cap: cap,
    sms_cap_reached: cap !== null && (row?.smsSegments ?? 0) >= cap,
  };
  if (query.format === "json") return out;
  const name = `elda-usage-${organizationId.slice(0, 8)}-${out.month}.csv`;
  return new Response(csvLine(USAGE_COLUMNS) + csvLine(USAGE_COLUMNS.map((c) => out[c])), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` },
  });
}
