import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationChannel } from "@/lib/db/generated/client";
import { config } from "@/lib/config";
import { emailSender } from "./channels/email";
import { smsSender, voiceSender } from "./channels/twilio";
import { webPushSender } from "./channels/web-push";
import type { ChannelResult, ChannelSender, OutboundMessage } from "./channels/types";
import {
  claimAttempts,
  claimHeld,
  LEASE_MS,
  releaseClaims,
  releaseExpiredLeases,
  settleAttempts,
  unexpectedFailure,
  willRetry,
  type ClaimedAttempt,
  type ClaimFilter,
  type Settlement,
} from "./claim-attempts";
import { alertPush, digestPush, summaryPush, testPush } from "@/lib/caregiver-messages/lock-screen";
import { alertCall, alertEmail, alertSmsText, digestMessage } from "@/lib/caregiver-messages/alert-messages";
import { summaryEmail, summarySmsText } from "@/lib/caregiver-messages/summary-messages";
import { narrativeFor } from "@/lib/summaries/summary-narrative";
import { meter, smsSegments, type UsageCounts } from "@/lib/usage/meter";

/** What one message that reached the provider adds to its organization's usage (docs/decisions/026). */
function usageOf(channel: NotificationChannel, m: OutboundMessage): UsageCounts {
  if (channel === "sms") return { sms_segments: smsSegments(m.text) };
  // one minute per placed call; the status callback adds the rest of a longer call (twilio-webhooks.ts)
  if (channel === "voice") return { call_minutes: 1 };
  if (channel === "email") return { emails: 1 };
  if (channel === "web_push") return { caregiver_pushes: 1 };
  return {};
}

/** Meter a send that reached the provider, for the organization of the patient it is about (a caregiver's own test is nobody's). */
async function meterSent(r: ChannelResult, channel: NotificationChannel, m: OutboundMessage, patientId: string | null, now: Date) {
  if (r.status === "sent" && patientId) await meter({ patientId }, now, usageOf(channel, m));
}

const senders: Partial<Record<NotificationChannel, ChannelSender>> = { sms: smsSender, voice: voiceSender, email: emailSender, web_push: webPushSender };
/** the channels this dispatcher sends (patient pushes go through push-to-patient.ts, in FCM batches) */
export const DISPATCHED_CHANNELS: NotificationChannel[] = ["sms", "voice", "email", "web_push"];

type Rendered = OutboundMessage | { skip: string };

const READER = { language: true, timezone: true } as const;
const ALERT_FIELDS = {
  id: true,
  type: true,
  severity: true,
  status: true,
  source: true,
  evidence: true,
  ackCode: true,
  firstOccurredAt: true,
  patient: { select: { firstName: true, lastName: true, preferredName: true } },
} as const;

/**
 * What each channel says, in the caregiver's language and time zone (lib/caregiver-messages, docs/decisions/031).
 * SMS and calls name the patient and what the alert is about (the caregiver needs both to act), never a condition
 * or a medication; email subjects and anything shown on a lock screen (web push) carry no health details.
 * Replies "ACK <code>" (or "OK", "RECIBIDO") and key 1 acknowledge. A message about an alert that is no longer
 * open is not sent.
 */
async function render(a: ClaimedAttempt, now: Date): Promise<Rendered | null> {
  const base = config().appUrl.replace(/\/$/, "");
  const own = { to: a.recipient, attemptId: a.id };
  const reader = (a.caregiver_id ? await db.caregiver.findUnique({ where: { id: a.caregiver_id }, select: READER }) : null) ?? { language: "en", timezone: "UTC" };
  if (a.purpose === "test") return { ...own, ...testPush(reader.language) };
  if (a.alert_id) {
    const alert = await db.alert.findUnique({ where: { id: a.alert_id }, select: ALERT_FIELDS });
    if (!alert) return null;
    if (alert.status !== "open") return { skip: `The alert was ${alert.status} before this message went out.` };
    if (a.channel === "web_push") return { ...own, ...alertPush(reader.language, alert) };
    const link = `${base}/alerts/${alert.id}`;
    const statusCallbackUrl = `${base}/api/v1/webhooks/twilio/status`;
    if (a.channel === "voice") return { ...own, ...alertCall(reader, alert), gatherUrl: `${base}/api/v1/webhooks/twilio/voice?alert_id=${alert.id}`, statusCallbackUrl };
    if (a.channel === "email") return { ...own, ...alertEmail(reader, alert, link) };
    return { ...own, text: alertSmsText(reader, alert, link), statusCallbackUrl };
  }
  if (a.summary_id) {
    const s = await db.dailySummary.findUnique({ where: { id: a.summary_id }, include: { patient: { select: { firstName: true, lastName: true } } } });
    if (!s) return null;
    if (a.channel === "web_push") return { ...own, ...summaryPush(reader.language, s) };
    const summary = { day: s.summaryDate.toISOString().slice(0, 10), patient: s.patient, narrative: await narrativeFor(s.id, reader.language, now) };
    if (a.channel === "email") return { ...own, ...summaryEmail(reader, summary, `${base}/patients/${s.patientId}`) };
    return { ...own, text: summarySmsText(reader, summary) };
  }
  return null;
}

/** What a channel's answer makes of the attempt: a skip (a guard refused it) is recorded with its reason, never as sent. */
function settlementOf(r: ChannelResult, refused: string): Settlement {
  if (r.status === "failed") return { status: "failed", error: r.error ?? refused, permanent: r.permanent };
  if (r.status === "skipped") return { status: "skipped", error: r.error ?? "Not sent." };
  return { status: r.status, providerId: r.providerId };
}

/** Render and send one claimed attempt; whatever happens (even an exception) becomes its settlement. */
async function deliver(a: ClaimedAttempt, now: Date): Promise<Settlement> {
  try {
    const sender = senders[a.channel];
    const message = await render(a, now);
    if (!sender || !message) return { status: "failed", error: "Nothing to send.", permanent: true };
    if ("skip" in message) return { status: "skipped", error: message.skip };
    const r = await sender.send(message);
    await meterSent(r, a.channel, message, a.patient_id, now);
    return settlementOf(r, "The provider refused the message.");
  } catch (err) {
    return unexpectedFailure(err, a.id);
  }
}

/**
 * Send due attempts (all, or those of one alert, caregiver or patient) on SMS, calls, email and web push.
 * Each is claimed first (`sending`, under a lease: two dispatchers never send the same one), then settled:
 * sent, simulated, skipped, failed with its error, or pending again for a later try (docs/decisions/016).
 */
export async function dispatchPending(now: Date, filter: Omit<ClaimFilter, "attemptIds"> = {}) {
  const claimed = await claimAttempts(now, { ...filter, channels: DISPATCHED_CHANNELS, limit: 500 });
  const tally = { claimed: claimed.length, sent: 0, simulated: 0, skipped: 0, failed: 0, retrying: 0, handedBack: 0 };
  // one send can take up to a provider's timeout (15-30 s): stop well before the claim runs out, so no row
  // is sent by this run after another run could have taken it over (wall time, not business time)
  const stopAt = performance.now() + LEASE_MS / 2;
  for (const [i, a] of claimed.entries()) {
    if (performance.now() > stopAt) {
      const rest = claimed.slice(i);
      await releaseClaims(
        rest.map((r) => ({ id: r.id, attemptCount: r.attempt_count })),
        now,
      );
      tally.handedBack = rest.length;
      break;
    }
    const outcome = await deliver(a, now);
    await settleAttempts([{ id: a.id, attemptCount: a.attempt_count, outcome }], now);
    if (willRetry(outcome, a.attempt_count, now)) tally.retrying++;
    else tally[outcome.status]++;
  }
  return tally;
}

/** Send these attempts now, if they are due (the settings page's test notification). */
export async function dispatchAttempts(attemptIds: string[], now: Date) {
  const claimed = await claimAttempts(now, { channels: DISPATCHED_CHANNELS, attemptIds, limit: attemptIds.length });
  for (const a of claimed) await settleAttempts([{ id: a.id, attemptCount: a.attempt_count, outcome: await deliver(a, now) }], now);
}

/**
 * Messages held back by the hourly cap go out as one digest per caregiver and channel once the window
 * closes (SPEC §7): what happened, by patient. Each held attempt then carries the digest's outcome; a digest
 * that fails goes back to `held` for another try.
 */
export async function sendDigests(now: Date, filter: { caregiverId?: string } = {}) {
  await releaseExpiredLeases(now);
  const held = await db.notificationAttempt.findMany({
    where: {
      status: "held",
      heldUntil: { lte: now },
      channel: { in: ["sms", "email", "web_push"] },
      ...(filter.caregiverId ? { caregiverId: filter.caregiverId } : {}),
    },
    include: { alert: { select: ALERT_FIELDS }, caregiver: { select: READER } },
    orderBy: { createdAt: "asc" },
    take: 1_000,
  });
  const groups = new Map<string, typeof held>();
  for (const h of held) groups.set(`${h.caregiverId}|${h.channel}|${h.recipient}`, [...(groups.get(`${h.caregiverId}|${h.channel}|${h.recipient}`) ?? []), h]);
  let digests = 0;
  for (const [key, group] of groups) {
    const [, channel, recipient] = key.split("|") as [string, NotificationChannel, string];
    // claim first: only rows still held are ours to send
    const mine = new Set(
      await claimHeld(
        group.map((r) => r.id),
        now,
      ),
    );
    const rows = group.filter((r) => mine.has(r.id));
    if (rows.length === 0) continue;
    let outcome: Settlement;
    try {
      const reader = rows[0].caregiver ?? { language: "en", timezone: "UTC" };
      const alerts = rows.flatMap((r) => (r.alert ? [r.alert] : []));
      const digest = digestMessage(reader, alerts);
      const message: OutboundMessage =
        channel === "email"
          ? { to: recipient, ...digest }
          : channel === "web_push"
            ? {
                to: recipient,
                attemptId: rows[0].id,
                ...digestPush(
                  reader.language,
                  rows.length,
                  alerts.map((x) => x.patient.firstName),
                ),
              }
            : { to: recipient, text: digest.text.slice(0, 600) };
      const sent = await senders[channel]!.send(message);
      // one digest, metered once, for the organization of its first message's patient
      await meterSent(sent, channel, message, rows[0].patientId, now);
      outcome = settlementOf(sent, "The provider refused the digest.");
    } catch (err) {
      outcome = unexpectedFailure(err, rows[0].id);
    }
    await settleAttempts(
      rows.map((r) => ({ id: r.id, attemptCount: r.attemptCount + 1, outcome })),
      now,
    );
    digests++;
  }
  return { digests, messages: held.length };
}
