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
import { RANK } from "./analyzer/types";
import { offlineReply, safetyReply } from "./offline-reply";
import { ASK_BACK_TTL_MS, CONVERSATION_GAP_MS, decideAskBack, type AskBackRecord, type AskBackStep, type PendingQuestion, type ThreadTurn } from "./ask-back";
import { companionContext } from "./context";
import { askModel, languageModel } from "./model";
import { meter } from "@/lib/usage/meter";
import { logger } from "@/lib/observability/logger";
import { consentInForce } from "@/lib/consents/consent-in-force";
import { interactWithCompanionOff } from "./companion-off";
import { patientVoice } from "@/lib/patient-messages/patient-message";
import type { InteractInput } from "./schemas";

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
    const { analysis: m, tokensIn, tokensOut } = await askModel(model, ctx.system, [...ctx.history, { role: "user", content: input.message }], budget);
    await meter({ patientId: input.patient_id }, now, { model_tokens_in: tokensIn, model_tokens_out: tokensOut });
    const urgency = maxUrgency(m.urgency, offline.urgency);
    const analysis: OfflineAnalysis = {
      ...offline,
      intent: offline.urgency === "critical" ? offline.intent : m.intent,
      sentiment: offline.urgency === "critical" ? "distressed" : m.sentiment,
      urgency,
      health_mentions: [...new Set([...offline.health_mentions, ...m.health_mentions])],
      topics: [...new Set([...offline.topics, ...m.topics])],
      reminder_completed: m.reminder_completed || offline.reminder_completed,
      unplaced_distress:
        offline.unplaced_distress ||
        (m.sentiment === "distressed" && RANK[urgency] < RANK.high && m.health_mentions.length === 0 && offline.health_mentions.length === 0),
    };
    return { analysis, reply: m.reply, provider: `${ctx.provider}:${ctx.modelId}`, modelNote: m.caregiver_note };
  } catch (err) {
    // never the transcript: only what failed
    logger.warn(
      { err: { name: (err as Error)?.name, message: String((err as Error)?.message ?? "").slice(0, 200) }, patientId: input.patient_id },
      "companion model failed; offline answer used",
    );
    return { analysis: offline, reply: null, provider: "offline:fallback", modelNote: null };
  }
}

/**
 * The safety question this phone is waiting on, if any: the last turn of the patient's conversation on this
 * device asked it, and it has not expired. The thread carries every turn of the exchange so far.
 */
async function pendingQuestion(patientId: string, deviceId: string, now: Date): Promise<PendingQuestion | null> {
  const turn = await db.conversationTurn.findFirst({
    where: { patientId, conversation: { deviceId } },
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
    select: { id: true, patientMessage: true, aiResponse: true, analysis: true, createdAt: true },
  });
  const asked = (turn?.analysis as { ask_back?: AskBackRecord } | null)?.ask_back;
  if (!turn || asked?.state !== "asked") return null;
  const age = now.getTime() - turn.createdAt.getTime();
  if (age < 0 || age > ASK_BACK_TTL_MS) return null;
  const self: ThreadTurn = { turn_id: turn.id, patient: turn.patientMessage, companion: turn.aiResponse, at: turn.createdAt.toISOString() };
  return { attempt: asked.attempt, thread: [...(asked.thread ?? []), self] };
}

/** The first caregiver on the care team (contact order), by first name: who the safety question offers to tell. */
async function firstCaregiverName(patientId: string): Promise<string | null> {
  const member = await db.careTeamMember.findFirst({
    where: { patientId, caregiver: { isActive: true } },
    orderBy: { contactOrder: "asc" },
    select: { caregiver: { select: { firstName: true } } },
  });
  return member?.caregiver.firstName ?? null;
}

/** The turn's analysis after the ask-back step: a raise lifts urgency, an asking turn is at least medium. */
function afterAskBack(analysis: OfflineAnalysis, step: AskBackStep): OfflineAnalysis {
  if (step.step === "ask")
    return { ...analysis, urgency: maxUrgency(analysis.urgency, "medium"), intent: analysis.intent === "emergency" ? analysis.intent : "health_complaint" };
  if (step.step !== "raise") return analysis;
  const urgency = maxUrgency(analysis.urgency, step.urgency);
  const critical = urgency === "critical";
  return {
    ...analysis,
    urgency,
    sentiment: critical ? "distressed" : analysis.sentiment === "positive" || analysis.sentiment === "neutral" ? "concerned" : analysis.sentiment,
    intent: critical ? "emergency" : "health_complaint",
    emergency_reasons: critical ? [...new Set([...analysis.emergency_reasons, `ask_back_${step.answer}`])] : analysis.emergency_reasons,
  };
}

/** The open reminder the patient most likely means: the one named, else the latest due in the last 2 hours. */
async function reminderMeant(tx: Tx, patientId: string, reminderId: string | undefined, now: Date) {
  if (reminderId) return tx.reminder.findFirst({ where: { id: reminderId, patientId, status: { in: ["pending", "snoozed", "missed"] } } });
  return tx.reminder.findFirst({
    where: {
      patientId,
      status: { in: ["pending", "snoozed", "missed"] },
      dueAt: { gte: new Date(now.getTime() - 2 * 3_600_000), lte: new Date(now.getTime() + 15 * 60_000) },
    },
    orderBy: { dueAt: "desc" },
  });
}

/**
 * One spoken exchange (SPEC §6). The offline analyzer always runs (the safety net: emergencies are caught
 * in English and Spanish whatever any model says; `conversation_type: emergency` is always critical).
 * Everything it causes happens in one transaction with the conversation: the turn, a health_concern or
 * emergency alert for high/critical urgency with the excerpt and analysis as evidence, a reminder marked
 * done when the patient says so, the activity row and the sign of life. Nothing is lost on failure.
 * Transcripts are PHI: never logged. Without the patient's `ai_companion` consent, companion-off.ts answers.
 */
export async function interact(actor: DeviceActor, input: InteractInput, now: Date) {
  const started = performance.now();
  if (input.patient_id !== actor.patientId) throw new NotFound("Patient");
  await enforceRateLimit(`voice:${actor.deviceId}`, 30, 60, now, "You're talking faster than I can listen. Give me a moment.");
  const patient = await db.patient.findUnique({
    where: { id: input.patient_id },
    select: { firstName: true, lastName: true, preferredName: true, language: true, communicationStyle: true },
  });
  if (!patient) throw new NotFound("Patient");
  const offline: OfflineAnalysis = analyzeOffline(input.message, { language: patient.language });
  if (input.conversation_type === "emergency") {
    offline.urgency = "critical";
    offline.sentiment = "distressed";
    if (!offline.emergency_reasons.includes("emergency_conversation")) offline.emergency_reasons.push("emergency_conversation");
  }
  // `ai_companion` refused or revoked: nothing kept, nothing sent to a model; emergencies still raised
  if (!(await consentInForce(db, input.patient_id, "ai_companion"))) return interactWithCompanionOff(actor, input, patient, offline, now);
  // everything the phone says in the patient's language and style (lib/patient-messages; decision 030)
  const voice = patientVoice(patient);
  const name = voice.name(patient);
  const pending = await pendingQuestion(input.patient_id, actor.deviceId, now);
  const { analysis: merged, reply: modelReply, provider, modelNote } = await withModel(input, offline, now, started);
  // the pending question's answer is judged here, deterministically: the model can raise it, never talk it down
  const step = decideAskBack(pending, input.message, merged);
  const analysis = afterAskBack(merged, step);
  const saysDone = analysis.reminder_completed || (input.context?.potential_reminder_acknowledgment === true && RANK[analysis.urgency] < RANK.high);
  const offlineText = offlineReply({ ...analysis, reminder_completed: saysDone }, voice, name);
  let reply: string;
  if (step.step === "ask") {
    reply = safetyReply(step.attempt === 1 ? "ask" : "ask_again", voice, name, await firstCaregiverName(input.patient_id));
  } else if (step.step === "close" && !modelReply && RANK[analysis.urgency] < RANK.medium && !saysDone) {
    reply = safetyReply("all_clear", voice, name);
  } else {
    // on danger the reply must say the caregiver is being told: the offline reply does when the model's does not
    reply = modelReply && (RANK[analysis.urgency] < RANK.high || /caregiver|cuidador|familia/i.test(modelReply)) ? modelReply : offlineText;
  }
  const thread = pending?.thread ?? [];
  const askBack: AskBackRecord | null =
    step.step === "ask"
      ? { state: "asked", attempt: step.attempt, thread }
      : step.step === "raise"
        ? { state: "raised", answer: step.answer, urgency: step.urgency, thread }
        : step.step === "close"
          ? { state: "closed", answer: "no", thread }
          : null;

  const result = await db.$transaction(async (tx) => {
    const last = await tx.conversation.findFirst({ where: { patientId: input.patient_id, deviceId: actor.deviceId }, orderBy: { lastTurnAt: "desc" } });
    const continues = last && now.getTime() - last.lastTurnAt.getTime() <= CONVERSATION_GAP_MS && input.conversation_type !== "emergency";
    const conversation = continues
      ? last
      : await tx.conversation.create({
          data: { patientId: input.patient_id, deviceId: actor.deviceId, conversationType: input.conversation_type, startedAt: now, lastTurnAt: now },
        });
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
        analysis: { ...analysis, source: provider, ...(modelNote ? { caregiver_note: modelNote } : {}), ...(askBack ? { ask_back: askBack } : {}) } as object,
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
      const excerpt = input.message.slice(0, 300);
      const mentions = analysis.health_mentions.length ? ` (${analysis.health_mentions.join(", ")})` : "";
      // after a safety question, the alert tells the whole exchange and carries every turn of it
      const asked = step.step === "raise" && thread.length > 0;
      const description = asked
        ? `${who} told the companion: "${thread[0].patient.slice(0, 200)}". Asked "${thread.at(-1)!.companion.slice(0, 200)}", they answered: "${excerpt}"${mentions}.`
        : `${who} told the companion: "${excerpt}"${mentions}.`;
      alert = await raiseAlert(
        tx,
        {
          patientId: input.patient_id,
          type: critical ? "emergency" : "health_concern",
          severity: critical ? "critical" : "high",
          dedupKey: critical ? "emergency" : "conversation",
          title: critical ? `${who} may be in danger (said to the companion)` : `${who} mentioned a health concern`,
          description: description.slice(0, 4000),
          recommendedAction: critical
            ? "Call them now. If they do not answer, call their emergency contact or emergency services."
            : "Call them today to check how they are.",
          source: asked ? `companion:ask_back:${step.answer}` : critical ? "companion:critical" : "companion:high",
          evidence: {
            kind: "conversation",
            at: now.toISOString(),
            conversation_id: conversation.id,
            turn_id: turn.id,
            excerpt,
            analysis: { ...analysis, source: provider },
            ...(asked
              ? { ask_back: { answer: step.answer, turns: [...thread, { turn_id: turn.id, patient: input.message, companion: reply, at: now.toISOString() }] } }
              : {}),
          },
        },
        now,
      );
    }
    await tx.activityLog.create({
      data: {
        patientId: input.patient_id,
        deviceId: actor.deviceId,
        activityType: "conversation",
        details: { conversation_id: conversation.id, urgency: analysis.urgency },
        occurredAt: now,
      },
    });
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
