import "server-only";
import { config, type Config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { ProviderReport } from "./schemas";

/** How far back the status looks for failures. */
export const PROVIDER_WINDOW_MS = 15 * 60_000;
/** A provider fails when this many different recipients (patients, for the model) failed since its last success. */
export const FAILING_AFTER = 2;

type ProviderId = ProviderReport["id"];
const CHANNEL_OF: Record<Exclude<ProviderId, "model">, string> = {
  twilio_sms: "sms",
  twilio_voice: "voice",
  smtp: "email",
  fcm: "push",
  web_push: "web_push",
};
const SAYS: Record<ProviderId, string> = {
  twilio_sms: "SMS through Twilio",
  twilio_voice: "Calls through Twilio",
  smtp: "Email through SMTP",
  fcm: "Pushes to patients' phones through Firebase Cloud Messaging",
  web_push: "Web Push to caregivers' browsers",
  model: "The companion's model",
};

function configured(id: ProviderId, c: Config): boolean {
  if (id === "twilio_sms" || id === "twilio_voice") return !!c.twilio;
  if (id === "smtp") return !!c.smtp;
  if (id === "fcm") return !!c.firebaseServiceAccount;
  if (id === "web_push") return !!c.webPush;
  return !!c.anthropic;
}

interface Row {
  channel: string;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  failures: number;
  recipients: number;
}

/**
 * Can Elda reach people right now, provider by provider, from what it recorded (GET /api/health/status):
 * `simulated` without credentials (sends are recorded, nothing leaves), `failing` when at least
 * FAILING_AFTER different recipients' sends failed in the last 15 minutes with no success on that provider
 * since (one recipient's bad number or dead subscription is not the provider's failure), `configured`
 * otherwise. For the model, the turns that fell back to the offline analyzer count as failures, per patient.
 * A failing delivery provider is a problem (503: a message about an alert may not reach anyone); a failing
 * model is a warning only, since the offline floor answers every message (docs/decisions/033).
 */
export async function checkProviders(now: Date, c: Config = config()): Promise<{ problems: string[]; warnings: string[]; providers: ProviderReport[] }> {
  const since = new Date(now.getTime() - PROVIDER_WINDOW_MS);
  const rows = await db.$queryRaw<Row[]>`
    WITH recent AS (
      SELECT channel::text AS channel, recipient, status_updated_at AS at,
             status IN ('sent', 'delivered') AS ok,
             error IS NOT NULL AND status IN ('failed', 'pending', 'held') AS failed
      FROM notification_attempts WHERE status_updated_at >= ${since} AND status_updated_at <= ${now}
      UNION ALL
      SELECT 'model', patient_id::text, created_at, provider NOT LIKE 'offline%', provider = 'offline:fallback'
      FROM conversation_turns WHERE created_at >= ${since} AND created_at <= ${now}
    ),
    success AS (SELECT channel, max(at) FILTER (WHERE ok) AS last_success_at FROM recent GROUP BY channel)
    SELECT r.channel, s.last_success_at, max(r.at) FILTER (WHERE r.failed) AS last_failure_at,
           count(*) FILTER (WHERE r.failed AND r.at > COALESCE(s.last_success_at, '-infinity'))::int AS failures,
           count(DISTINCT r.recipient) FILTER (WHERE r.failed AND r.at > COALESCE(s.last_success_at, '-infinity'))::int AS recipients
    FROM recent r JOIN success s USING (channel)
    GROUP BY r.channel, s.last_success_at`;
  const byChannel = new Map(rows.map((r) => [r.channel, r]));
  const problems: string[] = [];
  const warnings: string[] = [];
  const providers = (Object.keys(SAYS) as ProviderId[]).map((id): ProviderReport => {
    const r = byChannel.get(id === "model" ? "model" : CHANNEL_OF[id]);
    const isConfigured = configured(id, c);
    const failing = isConfigured && (r?.recipients ?? 0) >= FAILING_AFTER;
    if (failing) {
      const sentence =
        id === "model"
          ? `${SAYS.model} is failing: ${r!.failures} replies fell back to the offline analyzer for ${r!.recipients} patients in the last 15 minutes, none answered by the model since.`
          : `${SAYS[id]} is failing: ${r!.failures} sends to ${r!.recipients} recipients failed in the last 15 minutes and none went through since.`;
      (id === "model" ? warnings : problems).push(sentence);
    }
    return {
      id,
      state: !isConfigured ? "simulated" : failing ? "failing" : "configured",
      failures_since_success: r?.failures ?? 0,
      last_failure_at: r?.last_failure_at?.toISOString() ?? null,
      last_success_at: r?.last_success_at?.toISOString() ?? null,
    };
  });
  return { problems, warnings, providers };
}
