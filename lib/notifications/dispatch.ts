import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationChannel } from "@/lib/db/generated/client";
import { config } from "@/lib/config";
import { describeFailure } from "@/lib/jobs/describe-failure";
import { logger } from "@/lib/observability/logger";
import { emailSender } from "./channels/email";
import { smsSender, voiceSender } from "./channels/twilio";
import type { ChannelResult, ChannelSender, OutboundMessage } from "./channels/types";

const senders: Partial<Record<NotificationChannel, ChannelSender>> = { sms: smsSender, voice: voiceSender, email: emailSender };

interface Claimed {
  id: string;
  channel: NotificationChannel;
  purpose: string;
  recipient: string;
  alert_id: string | null;
  summary_id: string | null;
  patient_id: string;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/**
 * What each channel says. SMS and calls name the patient and the problem (the caregiver needs both to act);
 * email subjects never carry PHI, the body does. Replies "ACK <code>" and key 1 acknowledge.
 */
async function render(a: Claimed): Promise<OutboundMessage | null> {
  const base = config().appUrl.replace(/\/$/, "");
  if (a.alert_id) {
    const alert = await db.alert.findUnique({ where: { id: a.alert_id }, include: { patient: { select: { firstName: true, lastName: true } } } });
    if (!alert) return null;
    const who = `${alert.patient.firstName} ${alert.patient.lastName}`;
    const link = `${base}/alerts/${alert.id}`;
    const text = `Elda ${alert.severity.toUpperCase()} alert for ${who}: ${alert.title}. ${alert.recommendedAction ?? ""} Reply ACK ${alert.ackCode} to acknowledge. ${link}`.replace(/\s+/g, " ");
    if (a.channel === "voice") {
      return { to: a.recipient, text: `This is Elda, with an urgent alert for ${who}. ${alert.title}.`, gatherUrl: `${base}/api/v1/webhooks/twilio/voice?alert_id=${alert.id}`, statusCallbackUrl: `${base}/api/v1/webhooks/twilio/status` };
    }
    if (a.channel === "email") {
      return {
        to: a.recipient,
        subject: `Elda: a ${alert.severity} alert needs your attention`,
        text: `${who}: ${alert.title}\n\n${alert.description}\n\n${alert.recommendedAction ?? ""}\n\nOpen the alert: ${link}\nOr reply to the SMS with ACK ${alert.ackCode}.`,
        html: `<p><strong>${esc(who)}: ${esc(alert.title)}</strong></p><p>${esc(alert.description)}</p><p>${esc(alert.recommendedAction ?? "")}</p><p><a href="${esc(link)}">Open the alert</a></p>`,
      };
    }
    return { to: a.recipient, text, statusCallbackUrl: `${base}/api/v1/webhooks/twilio/status` };
  }
  if (a.summary_id) {
    const s = await db.dailySummary.findUnique({ where: { id: a.summary_id }, include: { patient: { select: { firstName: true, lastName: true } } } });
    if (!s) return null;
    const who = `${s.patient.firstName} ${s.patient.lastName}`;
    const day = s.summaryDate.toISOString().slice(0, 10);
    const link = `${base}/patients/${s.patientId}`;
    if (a.channel === "email") {
      return { to: a.recipient, subject: "Elda: your daily summary", text: `${who}, ${day}\n\n${s.narrative}\n\n${link}`, html: `<h1>${esc(who)}, ${esc(day)}</h1><p>${esc(s.narrative)}</p><p><a href="${esc(link)}">Open in Elda</a></p>` };
    }
    return { to: a.recipient, text: `Elda summary for ${who} (${day}): ${s.narrative}`.slice(0, 600) };
  }
  return null;
}

/** One claimed attempt: a failure to render or send it fails that attempt alone, never the rest of the claim. */
async function sendOne(a: Claimed): Promise<ChannelResult> {
  try {
    const sender = senders[a.channel];
    const message = await render(a);
    return !sender || !message ? { status: "failed", error: "Nothing to send." } : await sender.send(message);
  } catch (err) {
    const d = describeFailure(err);
    logger.warn({ attemptId: a.id, channel: a.channel, errorClass: d.errorClass }, "notification could not be sent; marked failed");
    return { status: "failed", error: `Could not be sent: ${d.message}`.slice(0, 1000) };
  }
}

/**
 * Send pending attempts (or only those of one alert). Each attempt is claimed with a conditional update
 * before it is sent, so two dispatchers never send the same one; a crash mid-send leaves it "sent"
 * (at most once: better one lost message, caught by escalation, than a caregiver texted twice).
 */
export async function dispatchPending(now: Date, filter: { alertId?: string } = {}) {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE notification_attempts SET status = 'sent', sent_at = ${now}, status_updated_at = ${now}
    WHERE id IN (
      SELECT id FROM notification_attempts
      WHERE status = 'pending' AND channel IN ('sms', 'voice', 'email')
        AND (${filter.alertId ?? null}::uuid IS NULL OR alert_id = ${filter.alertId ?? null}::uuid)
      ORDER BY created_at LIMIT 500
      FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, purpose, recipient, alert_id, summary_id, patient_id`;
  const tally = { sent: 0, simulated: 0, failed: 0 };
  for (const a of claimed) {
    const result = await sendOne(a);
    tally[result.status]++;
    await db.notificationAttempt.update({
      where: { id: a.id },
      data: { status: result.status, providerId: result.providerId ?? null, error: result.error ?? null, statusUpdatedAt: now },
    });
  }
  return { claimed: claimed.length, ...tally };
}

/**
 * Messages held back by the hourly cap go out as one digest per caregiver and channel once the window
 * closes (SPEC §7): what happened, by patient. Each held attempt then carries the digest's outcome.
 */
export async function sendDigests(now: Date) {
  const held = await db.notificationAttempt.findMany({
    where: { status: "held", heldUntil: { lte: now }, channel: { in: ["sms", "email"] } },
    include: { alert: { select: { title: true, severity: true, patient: { select: { firstName: true, lastName: true } } } } },
    orderBy: { createdAt: "asc" },
    take: 1_000,
  });
  const groups = new Map<string, typeof held>();
  for (const h of held) groups.set(`${h.caregiverId}|${h.channel}|${h.recipient}`, [...(groups.get(`${h.caregiverId}|${h.channel}|${h.recipient}`) ?? []), h]);
  let digests = 0;
  for (const [key, rows] of groups) {
    const [, channel, recipient] = key.split("|") as [string, NotificationChannel, string];
    // claim first: only rows still held are ours to send
    const claimed = await db.notificationAttempt.updateMany({ where: { id: { in: rows.map((r) => r.id) }, status: "held" }, data: { status: "sent", sentAt: now, statusUpdatedAt: now } });
    if (claimed.count === 0) continue;
    const byPatient = new Map<string, string[]>();
    for (const r of rows) {
      if (!r.alert) continue;
      const who = `${r.alert.patient.firstName} ${r.alert.patient.lastName}`;
      byPatient.set(who, [...(byPatient.get(who) ?? []), `${r.alert.title} (${r.alert.severity})`]);
    }
    const lines = [...byPatient].map(([who, items]) => `${who}: ${items.join("; ")}`);
    const text = `Elda digest: ${rows.length} alert message${rows.length === 1 ? "" : "s"} held back in the last hour.\n${lines.join("\n")}\nOpen Elda to review them.`;
    const message: OutboundMessage =
      channel === "email"
        ? { to: recipient, subject: "Elda: alerts you have not been sent yet", text, html: `<p>${lines.map(esc).join("<br>")}</p>` }
        : { to: recipient, text: text.slice(0, 600) };
    let result: ChannelResult;
    try {
      result = await senders[channel]!.send(message);
    } catch (err) {
      // claimed as sent above: record that it was not, and go on with the next digest
      result = { status: "failed", error: `Could not be sent: ${describeFailure(err).message}`.slice(0, 1000) };
    }
    await db.notificationAttempt.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: result.status, providerId: result.providerId ?? null, error: result.error ?? "sent in a digest", statusUpdatedAt: now },
    });
    digests++;
  }
  return { digests, messages: held.length };
}
