/**
 * The companion's templated replies (SPEC §6): used without a model, when the model fails, and whenever safety
 * needs a fixed wording (the caregiver is being told; the safety question of ask-back.ts). What is said comes
 * from the patient message catalogue (lib/patient-messages), in the patient's language and style whatever
 * language the sentence was in: the phone speaks one language. Never a diagnosis.
 */
import type { MessageKey, PatientVoice } from "@/lib/patient-messages/patient-message";
import type { OfflineAnalysis } from "./offline-analyzer";

/** Which templated reply fits the analysis, most serious first. */
function replyKey(a: OfflineAnalysis): Extract<MessageKey, `reply.${string}`> {
  if (a.urgency === "critical") return "reply.critical";
  if (a.urgency === "high") return "reply.high";
  if (a.reminder_completed) return "reply.reminder_done";
  if (a.health_mentions.includes("missed medication")) return "reply.missed_medication";
  if (a.urgency === "medium" && a.topics.includes("loneliness")) return "reply.lonely";
  if (a.urgency === "medium" || a.urgency === "low") return "reply.unwell";
  if (a.intent === "greeting") return "reply.greeting";
  if (a.intent === "farewell") return "reply.farewell";
  if (a.sentiment === "positive") return "reply.positive";
  if (a.intent === "question") return "reply.question";
  return "reply.default";
}

/** The kind, templated reply to what the offline analyzer (or the merged analysis) found. */
export function offlineReply(analysis: OfflineAnalysis, voice: PatientVoice, name: string): string {
  const key = replyKey(analysis);
  return key === "reply.critical" ? voice.say(key, { name, selfHarm: analysis.emergency_reasons.includes("self_harm") }) : voice.say(key, { name });
}

/** What the ask-back state machine says (ask-back.ts): the safety question, once more, or the all-clear. */
export type SafetyLine = "ask" | "ask_again" | "all_clear";

/**
 * One direct safety question in the patient's language and style, naming the first caregiver on the care team
 * when there is one ("Are you hurt? Shall I tell Sarah?"); asked again as a plain yes-or-no; or the all-clear
 * after a clear "no".
 */
export function safetyReply(line: SafetyLine, voice: PatientVoice, name: string, caregiver: string | null = null): string {
  if (line === "ask") return voice.say("safety.ask", { name, caregiver: caregiver?.trim() || null });
  return voice.say(line === "ask_again" ? "safety.ask_again" : "safety.all_clear", { name });
}
