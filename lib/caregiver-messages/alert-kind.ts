import type { AlertType } from "@/lib/db/generated/enums";
import type { AlertKindName } from "./types";

/** What a caregiver message says an alert is about, from the rule that fired and its evidence (never its stored title). */
export interface AlertKind {
  name: AlertKindName;
  hours?: number;
  battery?: number;
  /** a missed reminder: its title (written by the care team) and when it was due, for the email body only */
  reminder?: { title: string; dueAt: Date };
  /** what the patient said, quoted in the email body only */
  excerpt?: string;
}

type Evidence = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

export function alertKindOf(alert: { type: AlertType; severity: string; source: string; evidence: unknown }): AlertKind {
  const items = Array.isArray(alert.evidence) ? (alert.evidence as Evidence[]) : [];
  const latest: Evidence = items.at(-1) ?? {};
  const hoursIn = (source: string) => Number(/:(\d+(?:\.\d+)?)h$/.exec(source)?.[1]) || undefined;
  const excerpt = str(latest.excerpt);
  const src = alert.source;
  if (src === "emergency_button") return { name: "emergency_button" };
  if (src === "reminder_missed") {
    const title = str(latest.title);
    const due = str(latest.due_at);
    return {
      name: alert.type === "missed_medication" ? "missed_medication" : "missed_reminder",
      ...(title && due ? { reminder: { title, dueAt: new Date(due) } } : {}),
    };
  }
  if (src.startsWith("inactivity:")) return { name: "inactivity", hours: hoursIn(src) };
  if (src.startsWith("phone_offline:")) return { name: "phone_offline", hours: hoursIn(src) };
  if (src.startsWith("battery_below")) return { name: "battery_low", battery: num(latest.battery_level) };
  if (src === "companion:ask_back:no_answer") return { name: "safety_question_unanswered", excerpt };
  if (src.startsWith("companion")) return { name: alert.type === "emergency" || alert.severity === "critical" ? "danger_said" : "concern_said", excerpt };
  return { name: alert.type, excerpt };
}
