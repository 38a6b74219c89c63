import "server-only";
import type { Tx } from "@/lib/db/client";
import type { PatientPush } from "@/lib/notifications/push-to-patient";
import { conversationStarters } from "@/lib/conversations/conversation-starters";
import { patientVoice } from "@/lib/patient-messages/patient-message";

/**
 * The check-in push of an inactivity episode (SPEC §3 data): safety first ("Are you all right?"), then
 * something easy to answer, an opener from what the patient likes talking about. All of it in the patient's
 * language and style, one language per message (lib/patient-messages). Rendered when the attempt is recorded;
 * the sender sends what was stored (lib/notifications/push-to-patient.ts).
 */
export async function checkInPush(tx: Tx, patientId: string, alertId: string, now: Date): Promise<PatientPush | null> {
  const p = await tx.patient.findUnique({
    where: { id: patientId },
    select: { firstName: true, preferredName: true, language: true, communicationStyle: true },
  });
  if (!p) return null;
  const voice = patientVoice(p);
  const [starter] = await conversationStarters(tx, patientId, now, 1);
  const text = voice.say("check_in.body", { name: voice.name(p), starter: starter?.text ?? null });
  return {
    patientId,
    purpose: "check_in",
    key: `check_in:${alertId}`,
    alertId,
    title: voice.say("check_in.title", {}),
    body: text,
    data: {
      type: "check_in",
      speak_text: text,
      ...(starter ? { conversation_starter: starter.text } : {}),
      requires_response: "true",
      voice_check_in: "true",
      retry_count: "0",
      notification_type: "check_in",
      priority: "high",
      language: voice.locale,
    },
  };
}
