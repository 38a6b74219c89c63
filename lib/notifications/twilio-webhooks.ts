import "server-only";
import twilio from "twilio";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { meter } from "@/lib/usage/meter";
import { Forbidden } from "@/lib/api/errors";
import { acknowledgeAlertIn } from "@/lib/alerts/alert-actions";
import { recordAudit } from "@/lib/audit/record-audit";
import { effectivePreferences } from "@/lib/caregivers/preferences";
import { smsContactRefusal } from "./sms-contact-guard";
import { CATALOGUES, messagesFor } from "@/lib/caregiver-messages/catalogue";
import type { CaregiverMessages } from "@/lib/caregiver-messages/types";

/**
 * Twilio calls us back (incoming SMS, a key pressed during an alert call, delivery status). Every request
 * must carry a valid X-Twilio-Signature computed over our public URL (APP_URL) and the posted parameters;
 * anything unsigned or forged is refused, and nothing changes.
 */
export async function verifiedTwilioParams(req: Request): Promise<Record<string, string>> {
  const t = config().twilio;
  const signature = req.headers.get("x-twilio-signature");
  if (!t || !signature) throw new Forbidden("Unsigned Twilio request refused.");
  const form = await req.formData();
  const params: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") params[k] = v;
  const url = new URL(req.url);
  const publicUrl = `${config().appUrl.replace(/\/$/, "")}${url.pathname}${url.search}`;
  if (!twilio.validateRequest(t.authToken, signature, publicUrl, params)) throw new Forbidden("Twilio signature does not match; request refused.");
  return params;
}

export const twiml = (body: string) => new Response(body, { headers: { "content-type": "text/xml" } });
const message = (text?: string) => {
  const r = new twilio.twiml.MessagingResponse();
  if (text) r.message(text);
  return r.toString();
};

const OPT_OUT = /^\s*(stop|stopall|unsubscribe|cancel|end|quit)\s*$/i;
const OPT_IN = /^\s*(start|yes|unstop)\s*$/i;
/** any language's acknowledgement word, a space or not, and the alert's 4-digit code: "ACK 1234", "ok1234", "Recibido 1234" */
const ACK_WORDS = [...new Set(Object.values(CATALOGUES).flatMap((m) => m.ackWords))].map(fold);
const ACK = new RegExp(`^\\s*(${ACK_WORDS.join("|")})[\\s.:,!-]*(\\d{4})\\s*[.!]?\\s*$`);

/** lower case without accents: "RECIBIDO", "recibído" and "Recibido" read alike */
function fold(text: string) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

async function caregiverByPhone(phone: string | undefined) {
  if (!phone) return null;
  return db.caregiver.findFirst({ where: { phoneNumber: phone, isActive: true }, select: { id: true, firstName: true, preferences: true, language: true } });
}

/** A sender we do not know gets the answer in every language; the words that came tell us nothing reliable. */
const everyLanguage = (pick: (m: CaregiverMessages) => string) => Object.values(CATALOGUES).map(pick).join(" / ");

/**
 * Incoming SMS: "ACK 1234" (or "OK 1234", "RECIBIDO 1234", any case, accents or not) acknowledges that alert;
 * STOP and START switch the caregiver's SMS off and on. Answers are in the caregiver's language.
 */
export async function handleIncomingSms(params: Record<string, string>, now: Date): Promise<string> {
  // the answer is an SMS back to the sender: a patient's own phone gets one only with their sms_contact consent
  const mayAnswer = !params.From || !(await smsContactRefusal(params.From));
  const reply = await answerIncomingSms(params, now);
  return mayAnswer ? reply : message();
}

async function answerIncomingSms(params: Record<string, string>, now: Date): Promise<string> {
  const body = params.Body ?? "";
  const caregiver = await caregiverByPhone(params.From);
  if (OPT_OUT.test(body) || OPT_IN.test(body)) {
    if (caregiver) {
      const prefs = effectivePreferences(caregiver.preferences);
      const on = OPT_IN.test(body);
      await db.$transaction(async (tx) => {
        await tx.caregiver.update({ where: { id: caregiver.id }, data: { preferences: { ...prefs, notifications: { ...prefs.notifications, sms: on } } } });
        await recordAudit(
          tx,
          { kind: "caregiver", caregiverId: caregiver.id, via: "session" },
          { action: on ? "caregiver.sms_opted_in" : "caregiver.sms_opted_out", targetType: "caregiver", targetId: caregiver.id },
        );
      });
    }
    // Twilio answers STOP and START itself, as carriers require
    return message();
  }
  const m = ACK.exec(fold(body));
  const say = caregiver ? messagesFor(caregiver.language).smsReply : null;
  if (!m) return message(say ? say.help : everyLanguage((c) => c.smsReply.help));
  if (!caregiver || !say) return message(everyLanguage((c) => c.smsReply.notOnTeam));
  const code = m[2];
  const alert = await db.alert.findFirst({
    where: { ackCode: code, status: { in: ["open", "acknowledged"] }, patient: { careTeam: { some: { caregiverId: caregiver.id } } } },
    orderBy: { createdAt: "desc" },
    include: { patient: { select: { firstName: true, lastName: true } } },
  });
  if (!alert) return message(say.noAlert(code));
  await db.$transaction(async (tx) => {
    if (await acknowledgeAlertIn(tx, alert.id, caregiver.id, "sms", undefined, now)) {
      await recordAudit(
        tx,
        { kind: "caregiver", caregiverId: caregiver.id, via: "session" },
        { action: "alert.acknowledged", targetType: "alert", targetId: alert.id, patientId: alert.patientId, metadata: { via: "sms" } },
      );
    }
  });
  return message(say.acknowledged(caregiver.firstName, `${alert.patient.firstName} ${alert.patient.lastName}`));
}

/** A key pressed during an alert call: 1 acknowledges it. The answer is spoken in the caregiver's language. */
export async function handleVoiceGather(alertId: string | null, params: Record<string, string>, now: Date): Promise<string> {
  const r = new twilio.twiml.VoiceResponse();
  const caregiver = await caregiverByPhone(params.To);
  const m = messagesFor(caregiver?.language);
  const say = { voice: m.voice.voice, language: m.voice.language } as Parameters<typeof r.say>[0];
  if (params.Digits === "1" && alertId && caregiver) {
    const alert = await db.alert.findFirst({ where: { id: alertId, patient: { careTeam: { some: { caregiverId: caregiver.id } } } }, select: { id: true } });
    if (alert) {
      await db.$transaction((tx) => acknowledgeAlertIn(tx, alert.id, caregiver.id, "voice", undefined, now));
      r.say(say, m.call.acknowledged);
      return r.toString();
    }
  }
  r.say(say, m.call.notAcknowledged);
  return r.toString();
}

const STATUS: Record<string, "delivered" | "failed" | "sent"> = {
  delivered: "delivered",
  completed: "delivered",
  sent: "sent",
  failed: "failed",
  undelivered: "failed",
  busy: "failed",
  "no-answer": "failed",
  canceled: "failed",
};

/** Delivery status from Twilio updates the attempt it belongs to. */
export async function handleStatusCallback(params: Record<string, string>, now: Date) {
  const sid = params.MessageSid ?? params.CallSid;
  const status = STATUS[(params.MessageStatus ?? params.CallStatus ?? "").toLowerCase()];
  if (!sid || !status) return { updated: 0 };
  await meterLongCall(sid, params, now);
  const r = await db.notificationAttempt.updateMany({
    where: { providerId: sid },
    data: {
      status,
      statusUpdatedAt: now,
      ...(status === "failed" ? { error: `Twilio: ${params.ErrorCode ?? params.MessageStatus ?? params.CallStatus}` } : {}),
    },
  });
  return { updated: r.count };
}

/**
 * A placed call was metered as one minute when Twilio took it (dispatch.ts); the "completed" callback carries
 * its duration, and adds the minutes beyond the first (rounded up), once: only while the attempt is not yet
 * `delivered` (a repeated callback finds it delivered), in the month the call was placed.
 */
async function meterLongCall(sid: string, params: Record<string, string>, now: Date) {
  const seconds = Number(params.CallDuration);
  if (params.CallStatus?.toLowerCase() !== "completed" || !Number.isFinite(seconds) || seconds <= 60) return;
  const call = await db.notificationAttempt.findFirst({
    where: { providerId: sid, channel: "voice", status: { not: "delivered" } },
    select: { patientId: true, sentAt: true },
  });
  // the month the call was placed in
  if (call?.patientId) await meter({ patientId: call.patientId }, call.sentAt ?? now, { call_minutes: Math.ceil(seconds / 60) - 1 });
}
