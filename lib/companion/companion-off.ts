import "server-only";
import { db } from "@/lib/db/client";
import type { DeviceActor } from "@/lib/auth/actor";
import { raiseAlert, type RaisedAlert } from "@/lib/alerts/raise-alert";
import { recordSignOfLife } from "@/lib/activity/sign-of-life";
import { emit } from "@/lib/jobs/emit";
import { maxUrgency, type OfflineAnalysis } from "./offline-analyzer";
import { RANK } from "./analyzer/types";
import { patientVoice, type Style } from "@/lib/patient-messages/patient-message";
import type { InteractInput } from "./schemas";

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
  // in the patient's language and style (lib/patient-messages): that the companion is off, that the emergency
  // button still works, and, when what they said sounds like danger, that their caregiver is being told
  const voice = patientVoice(patient);
  const reply = voice.say("companion_off", {
    name: voice.name(patient),
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
