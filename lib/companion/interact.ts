import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { NotFound } from "@/lib/api/errors";
import type { DeviceActor } from "@/lib/auth/actor";
import { enforceRateLimit } from "@/lib/auth/rate-limit";
import { raiseAlert, type RaisedAlert } from "@/lib/alerts/raise-alert";
import { recordSignOfLife } from "@/lib/activity/sign-of-life";
import { completeReminder } from "@/lib/reminders/reminder-transitions";
import { emit } from "@/lib/jobs/emit";
import { analyzeOffline, maxUrgency, type OfflineAnalysis } from "./offline-analyzer";
import { offlineReply } from "./offline-reply";
import { companionContext } from "./context";
import { askModel, languageModel } from "./model";
import { logger } from "@/lib/observability/logger";
import type { InteractInput } from "./schemas";

/** Turns within this long of each other belong to one conversation. */
const CONVERSATION_GAP_MS = 10 * 60_000;
const RANK = { none: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

/** The app times out after 10 seconds: the model gets what is left of 7.5, then the offline answer stands. */
const MODEL_BUDGET_MS = 7_500;

/**
 * Ask the configured model (per organization and patient) for the reply and analysis, within the budget.
 * The offline analysis is the floor: the higher urgency of the two wins, an emergency the offline analyzer
 * caught stays distressed, and health mentions and topics are merged. Any error or timeout: offline alone.
 */
async function withModel(input: InteractInput, offline: OfflineAnalysis, now: Date, started: number) {
  const ctx = await companionContext(input.patient_id, now, input.message);
  const model = languageModel(ctx.provider, ctx.modelId);
  if (!model) return { analysis: offline, reply: null, provider: "offline", modelNote: null };
  try {
    const budget = Math.max(500, MODEL_BUDGET_MS - (performance.now() - started));
    const m = await askModel(model, ctx.system, [...ctx.history, { role: "user", content: input.message }], budget);
    const urgency = maxUrgency(m.urgency, offline.urgency);
    const analysis: OfflineAnalysis = {
      ...offline,
      intent: offline.urgency === "critical" ? offline.intent : m.intent,
      sentiment: offline.urgency === "critical" ? "distressed" : m.sentiment,
      urgency,
      health_mentions: [...new Set([...offline.health_mentions, ...m.health_mentions])],
      topics: [...new Set([...offline.topics, ...m.topics])],
      reminder_completed: m.reminder_completed || offline.reminder_completed,
    };
    return { analysis, reply: m.reply, provider: `${ctx.provider}:${ctx.modelId}`, modelNote: m.caregiver_note };
  } catch (err) {
    // never the transcript: only what failed
    logger.warn({ err: { name: (err as Error)?.name, message: String((err as Error)?.message ?? "").slice(0, 200) }, patientId: input.patient_id }, "companion model failed; offline answer used");
    return { analysis: offline, reply: null, provider: "offline:fallback", modelNote: null };
  }
}

/** The open reminder the patient most likely means: the one named, else the latest due in the last 2 hours. */
async function reminderMeant(tx: Tx, patientId: string, reminderId: string | undefined, now: Date) {
  if (reminderId) return tx.reminder.findFirst({ where: { id: reminderId, patientId, status: { in: ["pending", "snoozed", "missed"] } } });
  return tx.reminder.findFirst({
    where: { patientId, status: { in: ["pending", "snoozed", "missed"] }, dueAt: { gte: new Date(now.getTime() - 2 * 3_600_000), lte: new Date(now.getTime() + 15 * 60_000) } },
    orderBy: { dueAt: "desc" },
  });
}

/**
 * One spoken exchange (SPEC §6). The offline analyzer always runs (the safety net: emergencies are caught
 * in English and Spanish whatever any model says; `conversation_type: emergency` is always critical).
 * Everything it causes happens in one transaction with the conversation: the turn, a health_concern or
 * emergency alert for high/critical urgency with the excerpt and analysis as evidence, a reminder marked
 * done when the patient says so, the activity row and the sign of life. Nothing is lost on failure.
 * Transcripts are PHI: never logged.
 */
export async function interact(actor: DeviceActor, input: InteractInput, now: Date) {
  const started = performance.now();
  if (input.patient_id !== actor.patientId) throw new NotFound("Patient");
  await enforceRateLimit(`voice:${actor.deviceId}`, 30, 60, now, "You're talking faster than I can listen. Give me a moment.");
  const patient = await db.patient.findUnique({ where: { id: input.patient_id }, select: { firstName: true, lastName: true, preferredName: true, language: true, communicationStyle: true } });
  if (!patient) throw new NotFound("Patient");
  const offline: OfflineAnalysis = analyzeOffline(input.message, { language: patient.language });
  if (input.conversation_type === "emergency") {
    offline.urgency = "critical";
    offline.sentiment = "distressed";
    if (!offline.emergency_reasons.includes("emergency_conversation")) offline.emergency_reasons.push("emergency_conversation");
  }
  const name = patient.preferredName || patient.firstName;
  const { analysis, reply: modelReply, provider, modelNote } = await withModel(input, offline, now, started);
  const saysDone = analysis.reminder_completed || (input.context?.potential_reminder_acknowledgment === true && RANK[analysis.urgency] < RANK.high);
  const offlineText = offlineReply({ ...analysis, reminder_completed: saysDone }, { name, style: patient.communicationStyle, language: patient.language });
  // on danger the reply must say the caregiver is being told: the offline reply does when the model's does not
  const reply = modelReply && (RANK[analysis.urgency] < RANK.high || /caregiver|cuidador|familia/i.test(modelReply)) ? modelReply : offlineText;

  const result = await db.$transaction(async (tx) => {
    const last = await tx.conversation.findFirst({ where: { patientId: input.patient_id, deviceId: actor.deviceId }, orderBy: { lastTurnAt: "desc" } });
    const continues = last && now.getTime() - last.lastTurnAt.getTime() <= CONVERSATION_GAP_MS && input.conversation_type !== "emergency";
    const conversation = continues
      ? last
      : await tx.conversation.create({ data: { patientId: input.patient_id, deviceId: actor.deviceId, conversationType: input.conversation_type, startedAt: now, lastTurnAt: now } });
    let completedReminderId: string | null = null;
    if (saysDone) {
      const r = await reminderMeant(tx, input.patient_id, input.context?.reminder_id, now);
      if (r && (await completeReminder(tx, r, { via: "voice", note: `Confirmed by voice at ${now.toISOString()}.` }, now))) completedReminderId = r.id;
    }
    const turn = await tx.conversationTurn.create({
      data: {
        conversationId: conversation.id,
        patientId: input.patient_id,
        sequence: conversation.turnCount + 1,
        patientMessage: input.message,
        aiResponse: reply,
        sentiment: analysis.sentiment,
        urgencyLevel: analysis.urgency,
        intent: analysis.intent,
        healthMentions: analysis.health_mentions,
        topics: analysis.topics,
        analysis: { ...analysis, source: provider, ...(modelNote ? { caregiver_note: modelNote } : {}) } as object,
        provider,
        responseTimeMs: Math.round(performance.now() - started),
        reminderId: completedReminderId,
        createdAt: now,
      },
    });
    await tx.conversation.update({
      where: { id: conversation.id },
      data: {
        turnCount: { increment: 1 },
        lastTurnAt: now,
        sentiment: analysis.sentiment,
        urgencyLevel: RANK[analysis.urgency] > RANK[conversation.urgencyLevel] ? analysis.urgency : conversation.urgencyLevel,
        topics: [...new Set([...conversation.topics, ...analysis.topics])].slice(0, 20),
        healthMentions: [...new Set([...conversation.healthMentions, ...analysis.health_mentions])].slice(0, 20),
      },
    });
    let alert: RaisedAlert | null = null;
    if (RANK[analysis.urgency] >= RANK.high) {
      const critical = analysis.urgency === "critical";
      const who = `${patient.firstName} ${patient.lastName}`;
      alert = await raiseAlert(
        tx,
        {
          patientId: input.patient_id,
          type: critical ? "emergency" : "health_concern",
          severity: critical ? "critical" : "high",
          dedupKey: critical ? "emergency" : "conversation",
          title: critical ? `${who} may be in danger (said to the companion)` : `${who} mentioned a health concern`,
          description: `${who} told the companion: "${input.message.slice(0, 300)}"${analysis.health_mentions.length ? ` (${analysis.health_mentions.join(", ")})` : ""}.`,
          recommendedAction: critical ? "Call them now. If they do not answer, call their emergency contact or emergency services." : "Call them today to check how they are.",
          source: critical ? "companion:critical" : "companion:high",
          evidence: { kind: "conversation", at: now.toISOString(), conversation_id: conversation.id, turn_id: turn.id, excerpt: input.message.slice(0, 300), analysis: { ...analysis, source: provider } },
        },
        now,
      );
    }
    await tx.activityLog.create({ data: { patientId: input.patient_id, deviceId: actor.deviceId, activityType: "conversation", details: { conversation_id: conversation.id, urgency: analysis.urgency }, occurredAt: now } });
    await recordSignOfLife(tx, input.patient_id, now, "conversation");
    return { conversationId: conversation.id, alert, completedReminderId };
  });
  if (result.alert?.event) await emit(result.alert.event);
  return {
    ai_response: reply,
    conversation_id: result.conversationId,
    sentiment: analysis.sentiment,
    urgency_level: analysis.urgency,
    alert_created: !!result.alert,
    continue_conversation: analysis.intent !== "farewell",
    health_mentions: analysis.health_mentions,
    topics: analysis.topics,
    reminder_completed: !!result.completedReminderId,
  };
}
