import "server-only";
import { db } from "@/lib/db/client";
import type { DeviceActor } from "@/lib/auth/actor";
import { raiseAlert, type RaisedAlert } from "@/lib/alerts/raise-alert";
import { recordSignOfLife } from "@/lib/activity/sign-of-life";
import { emit } from "@/lib/jobs/emit";
import { maxUrgency, type OfflineAnalysis } from "./offline-analyzer";
import { RANK } from "./analyzer/types";
import type { InteractInput } from "./schemas";

type Style = "friendly" | "formal" | "casual";

/**
 * What the phone says when the companion is switched off (`ai_companion` refused or revoked), in the
 * patient's language and style: that the companion is off, that the emergency button still works, and, when
 * what they said sounds like danger, that their caregiver is being told.
 */
export function companionOffReply(ctx: { name: string; style: Style; language: "en" | "es"; alerting: boolean; reminderHint: boolean }): string {
  const usted = ctx.style === "formal";
  if (ctx.language === "es") {
    const off = `${ctx.name}, el acompañante de voz está apagado, así que no puedo conversar.`;
    const alert = ctx.alerting ? ` Estoy avisando a ${usted ? "su" : "tu"} cuidador ahora mismo.` : "";
    const reminder = ctx.reminderHint ? ` Para marcar un recordatorio como hecho, ${usted ? "tóquelo" : "tócalo"} en la pantalla.` : "";
    const help = usted
      ? " Si necesita ayuda, pulse su botón de emergencia o llame al 911."
      : " Si necesitas ayuda, pulsa tu botón de emergencia o llama al 911.";
    return `${off}${alert}${reminder}${help}`;
  }
  const off = `${ctx.name}, the voice companion is switched off, so I can't chat.`;
  const alert = ctx.alerting ? " I'm letting your caregiver know right away." : "";
  const reminder = ctx.reminderHint ? " To mark a reminder as done, tap it on the screen." : "";
  return `${off}${alert}${reminder} If you need help, press your emergency button or call 911.`;
}

/**
 * One spoken message while `ai_companion` is not in force (SPEC §8; docs/decisions/023-consent-retention-audit-chain.md).
 * Nothing of the exchange is kept and nothing reaches a model: no conversation, no turn, no ask-back state,
 * no reminder marked done. Safety over silence: the offline analyzer (on this server) still reads the
 * sentence, and an emergency (critical) or distress it cannot place (straight to high, as no safety question
 * may be asked back) raises its alert with the sentence as the evidence. The person spoke, so it still counts
 * as a sign of life (an activity row without content).
 */
export async function interactWithCompanionOff(
  actor: DeviceActor,
  input: InteractInput,
  patient: { firstName: string; lastName: string; preferredName: string | null; language: string; communicationStyle: Style },
  offline: OfflineAnalysis,
  now: Date,
) {
  const urgency = offline.unplaced_distress ? maxUrgency(offline.urgency, "high") : offline.urgency;
  const alerting = RANK[urgency] >= RANK.high;
  const critical = urgency === "critical";
  const language = patient.language === "es" || patient.language === "en" ? patient.language : offline.language;
  const reply = companionOffReply({
    name: patient.preferredName || patient.firstName,
    style: patient.communicationStyle,
    language,
    alerting,
    reminderHint: input.context?.potential_reminder_acknowledgment === true || offline.reminder_completed,
  });
  const alert = await db.$transaction(async (tx) => {
    let raised: RaisedAlert | null = null;
    if (alerting) {
      const who = `${patient.firstName} ${patient.lastName}`;
      const excerpt = input.message.slice(0, 300);
      const mentions = offline.health_mentions.length ? ` (${offline.health_mentions.join(", ")})` : "";
      raised = await raiseAlert(
        tx,
        {
          patientId: input.patient_id,
          type: critical ? "emergency" : "health_concern",
          severity: critical ? "critical" : "high",
          dedupKey: critical ? "emergency" : "conversation",
          title: critical ? `${who} may be in danger (said to the phone)` : `${who} may need help (said to the phone)`,
          description: `${who} said to the phone while the companion is switched off: "${excerpt}"${mentions}.`.slice(0, 4000),
          recommendedAction: critical
            ? "Call them now. If they do not answer, call their emergency contact or emergency services."
            : "Call them soon to check how they are. The companion could not ask them, as it is switched off.",
          source: critical ? "companion_off:critical" : "companion_off:high",
          evidence: {
            kind: "spoken_while_companion_off",
            at: now.toISOString(),
            excerpt,
            analysis: { ...offline, urgency, source: "offline" },
          },
        },
        now,
      );
    }
    await tx.activityLog.create({
      data: { patientId: input.patient_id, deviceId: actor.deviceId, activityType: "conversation", details: { companion: "off", urgency }, occurredAt: now },
    });
    await recordSignOfLife(tx, input.patient_id, now, "conversation");
    return raised;
  });
  if (alert?.event) await emit(alert.event);
  return {
    ai_response: reply,
    // no conversation is kept, so there is none to name (the app reads ai_response only)
    conversation_id: null,
    sentiment: offline.sentiment,
    urgency_level: urgency,
    alert_created: !!alert,
    continue_conversation: false,
    health_mentions: [],
    topics: [],
    reminder_completed: false,
  };
}
