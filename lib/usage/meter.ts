import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { logger } from "@/lib/observability/logger";
import { warnOwnersNearSmsCap } from "./sms-cap";
import { monthOf } from "./month";

/**
 * Usage metering (SPEC §8, docs/decisions/026-usage-metering.md): each code path that sends adds what reached
 * a provider to its organization's row for the (UTC) month, in one upsert-increment statement. Simulated
 * sends (no provider credentials), skipped, held and failed messages are not counted.
 */
export const COUNTERS = ["sms_segments", "call_minutes", "emails", "patient_pushes", "caregiver_pushes", "model_tokens_in", "model_tokens_out"] as const;
export type Counter = (typeof COUNTERS)[number];
export type UsageCounts = Partial<Record<Counter, number>>;

const column = (c: Counter) => Prisma.raw(`"${c}"`);

/**
 * Add these counts to the month of the organization a patient belongs to (or an organization named outright).
 * One statement; SMS segments then check the organization's monthly cap (the 80% warning, once a month).
 */
export async function meter(to: { patientId: string } | { organizationId: string }, now: Date, counts: UsageCounts) {
  await quietly(() => meterNow(to, now, counts));
}

/** A failure to meter is logged, never thrown: it must not turn a message that went into one sent again. */
async function quietly(f: () => Promise<unknown>) {
  try {
    await f();
  } catch (err) {
    logger.error({ err }, "usage metering failed");
  }
}

async function meterNow(to: { patientId: string } | { organizationId: string }, now: Date, counts: UsageCounts) {
  const entries = COUNTERS.filter((c) => (counts[c] ?? 0) > 0).map((c) => [c, Math.round(counts[c]!)] as const);
  if (entries.length === 0) return;
  const cols = Prisma.join(entries.map(([c]) => column(c)));
  const vals = Prisma.join(entries.map(([, n]) => Prisma.sql`${n}`));
  const sets = Prisma.join(entries.map(([c]) => Prisma.sql`${column(c)} = organization_usage.${column(c)} + EXCLUDED.${column(c)}`));
  const source =
    "patientId" in to
      ? Prisma.sql`SELECT organization_id, ${monthOf(now)}::date, ${vals}, ${now} FROM patients WHERE id = ${to.patientId}::uuid`
      : Prisma.sql`SELECT ${to.organizationId}::uuid, ${monthOf(now)}::date, ${vals}, ${now}`;
  const rows = await db.$queryRaw<{ organization_id: string; sms_segments: number }[]>`
    INSERT INTO organization_usage (organization_id, month, ${cols}, updated_at) ${source}
    ON CONFLICT (organization_id, month) DO UPDATE SET ${sets}, updated_at = EXCLUDED.updated_at
    RETURNING organization_id, sms_segments`;
  if (counts.sms_segments && rows[0]) {
    const emails = await warnOwnersNearSmsCap(rows[0].organization_id, rows[0].sms_segments, now);
    if (emails) await meter({ organizationId: rows[0].organization_id }, now, { emails });
  }
}

/** One counter for many patients at once (a batch of patient pushes): one statement. */
export async function meterPatients(counter: Counter, byPatient: Map<string, number>, now: Date) {
  if (byPatient.size === 0) return;
  const col = column(counter);
  await quietly(
    () => db.$executeRaw`
    INSERT INTO organization_usage (organization_id, month, ${col}, updated_at)
    SELECT p.organization_id, ${monthOf(now)}::date, SUM(v.n)::int, ${now}
    FROM unnest(${[...byPatient.keys()]}::uuid[], ${[...byPatient.values()]}::int[]) AS v(patient_id, n)
    JOIN patients p ON p.id = v.patient_id
    GROUP BY p.organization_id
    ON CONFLICT (organization_id, month) DO UPDATE SET ${col} = organization_usage.${col} + EXCLUDED.${col}, updated_at = EXCLUDED.updated_at`,
  );
}

/** Add one count per outcome that reached the provider (`sent`), by patient. */
export function sentByPatient(items: { patientId: string | null; status: string }[]) {
  const out = new Map<string, number>();
  for (const i of items) if (i.patientId && i.status === "sent") out.set(i.patientId, (out.get(i.patientId) ?? 0) + 1);
  return out;
}

/** GSM-7 (160 characters, 153 per part when split; the extension set counts twice) or UCS-2 (70, 67 per part). */
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;
const GSM7_EXTENDED = /[\^{}\\[~\]|€]/g;
export function smsSegments(text: string): number {
  if (text.length === 0) return 0;
  if (GSM7.test(text)) {
    const septets = text.length + (text.match(GSM7_EXTENDED)?.length ?? 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  const units = text.length; // UTF-16 code units, as UCS-2 counts them
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
