/** What the analyzer's parts share: urgencies, findings and the utterance they read. */

export type Sentiment = "positive" | "neutral" | "concerned" | "distressed";
export type Urgency = "none" | "low" | "medium" | "high" | "critical";

export const URGENCY_ORDER: Urgency[] = ["none", "low", "medium", "high", "critical"];
export const RANK: Record<Urgency, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return RANK[a] >= RANK[b] ? a : b;
}

/** One thing a signal or phrase rule found in what the patient said. */
export interface Finding {
  urgency: Urgency;
  /** why it is critical: "fall", "stroke_signs", "vital_sign", "threat", "overdose", ... */
  reason?: string;
  /** a normalized English label: "fall", "stroke signs", "low blood sugar", "medication gap", ... */
  health?: string;
  topics?: string[];
  sentiment?: Sentiment;
  /** distress the analyzer cannot place (SPEC §6): the companion asks one safety question */
  unplaced?: boolean;
}

/** What every signal reads: the raw text and its normalized form (see normalize.ts). */
export interface Utterance {
  raw: string;
  text: string;
}
