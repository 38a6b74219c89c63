/**
 * Deterministic offline analyzer for what a patient says to the companion (SPEC §6; issues 6 and 11).
 *
 * Used with no AI key, on provider error or timeout, and always as a safety net: the higher urgency of the model
 * and of this analyzer wins. Pure TypeScript, no dependencies, English and Spanish. Decision 018 explains it.
 *
 *   analyzer/normalize.ts       one canonical text: contractions, accents, numbers, clause marks
 *   analyzer/language.ts        English or Spanish
 *   analyzer/scope.ts           negation, hypotheticals, remote and recent past, stories, other people
 *   analyzer/phrase-rules.ts    emergencies and complaints by their usual wordings
 *   analyzer/falls.ts           long lies: on the floor + time / still / can't get up; going down without "fall"
 *   analyzer/function-loss.ts   loss of function by body part, speech, sight
 *   analyzer/vitals.ts          blood sugar, pressure, oxygen, pulse, temperature against thresholds
 *   analyzer/threats.ts         strangers inside or getting in, being threatened or hurt
 *   analyzer/doses.ts           doses taken twice, extra, someone else's; with symptoms now
 *   analyzer/medication-gaps.ts out of a vital medicine; days without medicines
 *   analyzer/near-fainting.ts   sight going dark, nearly passing out
 *   analyzer/chest.ts           a feeling of pressure in the chest, or one that spreads to the arm or jaw
 *   analyzer/self-harm.ts       intent, means, farewell (critical); hopelessness (high)
 *   analyzer/bleeding.ts        blood that will not stop (critical); blood in urine, stools, a cough (high)
 *   analyzer/hazards.ts         a cold house with shivering and confusion, water on electrics, a closing airway
 *   analyzer/head.ts            a knock on the head with a second sign, the worst headache of one's life
 *   analyzer/illness.ts         vomiting that persists, days without food or drink, fever with confusion, infected
 *                               wounds, blistered burns, reactions to a new medicine, lost outside (high)
 *   analyzer/scams.ts           a caller, money and now (high)
 *   analyzer/distress.ts        distress that cannot be placed: the companion asks back (ask-back.ts)
 *   analyzer/classifier.ts      a learned floor under all of the above: may raise, never lower (decision 019)
 */
import { detectLanguage } from "./analyzer/language";
import { normalize } from "./analyzer/normalize";
import { ALL_RULES, CONCERN, DISTRESS, evaluateRule, POSITIVE, reminderDone, TOPIC_LEXICON } from "./analyzer/phrase-rules";
import { isNegated, precedingTokens } from "./analyzer/scope";
import { fallResolved, fallSignals } from "./analyzer/falls";
import { functionLossSignals } from "./analyzer/function-loss";
import { vitalSigns } from "./analyzer/vitals";
import { threatSignals } from "./analyzer/threats";
import { doseSignals } from "./analyzer/doses";
import { medicationGapSignals } from "./analyzer/medication-gaps";
import { nearFaintingSignals } from "./analyzer/near-fainting";
import { distressSignals } from "./analyzer/distress";
import { selfHarmSignals } from "./analyzer/self-harm";
import { bleedingSignals } from "./analyzer/bleeding";
import { hazardSignals } from "./analyzer/hazards";
import { headSignals } from "./analyzer/head";
import { illnessSignals } from "./analyzer/illness";
import { scamSignals } from "./analyzer/scams";
import { chestSignals } from "./analyzer/chest";
import { classify, RAISE_THRESHOLD } from "./analyzer/classifier";
import { resetScopeVetoes, scopeVetoCount } from "./analyzer/match";
import { maxUrgency, RANK, URGENCY_ORDER, type Finding, type Sentiment, type Urgency, type Utterance } from "./analyzer/types";

export { maxUrgency, normalize, URGENCY_ORDER, type Sentiment, type Urgency };

export type Intent = "chat" | "health_complaint" | "emergency" | "reminder_done" | "question" | "greeting" | "farewell" | "other";

export interface OfflineAnalysis {
  language: "en" | "es";
  intent: Intent;
  sentiment: Sentiment;
  urgency: Urgency;
  /** normalized English labels, e.g. "fall", "chest pain", "knee pain", "dizziness", "missed medication" */
  health_mentions: string[];
  /** e.g. "family", "garden", "food", "weather", "sleep", "health", "medication", "loneliness", "pets" */
  topics: string[];
  /** the patient says they did the task ("I took my pills", "ya me tomé la pastilla") */
  reminder_completed: boolean;
  /** why it is critical: "fall", "chest_pain", "breathing", "help", "disorientation", "self_harm", ... */
  emergency_reasons: string[];
  /** distress seen but not placed ("I don't feel right", "me siento rara", a moan): the companion asks back */
  unplaced_distress: boolean;
}

/** The compositional signals of issue 11, each reading the same normalized utterance. */
const SIGNALS: ((u: Utterance) => Finding[])[] = [
  fallSignals,
  functionLossSignals,
  vitalSigns,
  threatSignals,
  doseSignals,
  medicationGapSignals,
  nearFaintingSignals,
  chestSignals,
  selfHarmSignals,
  bleedingSignals,
  hazardSignals,
  headSignals,
  illnessSignals,
  scamSignals,
  distressSignals,
];

/** Health labels that say something is wrong without saying what. */
const GENERIC_HEALTH = new Set(["feeling unwell", "pain"]);

/** the learned floor reads utterances of at least this many words (decision 019) */
const MIN_WORDS_FOR_CLASSIFIER = 5;
const OUTDOORS =
  /\b(?:went (?:out|for a walk|to post|to the)|walk(?:ing)?|street|streets|road|houses|park|shops?|driving|drove|bus|calle|calles|sali|caminar|caminando|parque|tienda|manejando|colectivo|autobus)\b/;
const GREETING = /^(?:(?:oh )?(?:hello|hi|hey|good (?:morning|afternoon|evening)|morning|hola|buenos dias|buenas tardes|buenas|buen dia)\b)/;
const FAREWELL =
  /\b(?:bye|goodbye|good night|goodnight|see you|talk (?:to you )?(?:later|tomorrow)|adios|hasta (?:luego|manana|pronto|la vista)|chao|chau|buenas noches|nos vemos)\b/;
const QUESTION_START =
  /^(?:what|where|when|who|why|how|which|can you|could you|would you|do you|did you|is it|are you|will you|que|donde|cuando|quien|por que|como|cual|puedes|me puedes|sabes)\b/;

/** Whether the rules were blind to the last utterance analyzed (the learned floor's gate; for cross-validation). */
let lastRulesBlind = false;
export const rulesWereBlind = () => lastRulesBlind;

export function analyzeOffline(
  message: string,
  opts?: { language?: string; /** false: the rules alone (cross-validation) */ classifier?: boolean },
): OfflineAnalysis {
  const raw = message ?? "";
  const text = normalize(raw);
  const language = detectLanguage(raw, text, opts?.language);
  const utterance: Utterance = { raw, text };
  resetScopeVetoes();

  const findings: Finding[] = [];
  const gotUp = fallResolved(text);
  for (const rule of ALL_RULES) {
    const f = evaluateRule(rule, text);
    // "I fell but I got myself up": high, unless a signal below finds a long lie or an injury
    if (f) findings.push(gotUp && f.reason === "fall" && f.urgency === "critical" ? { ...f, urgency: "high", reason: undefined } : f);
  }
  for (const signal of SIGNALS) findings.push(...signal(utterance));

  let urgency: Urgency = "none";
  const health = new Set<string>();
  const reasons = new Set<string>();
  const topics = new Set<string>();
  let distress = false;
  let concern = false;
  let unplacedCue = false;
  for (const f of findings) {
    urgency = maxUrgency(urgency, f.urgency);
    if (f.health) health.add(f.health);
    if (f.reason && f.urgency === "critical") reasons.add(f.reason);
    for (const t of f.topics ?? []) topics.add(t);
    if (f.sentiment === "distressed") distress = true;
    if (f.sentiment === "concerned") concern = true;
    if (f.unplaced) unplacedCue = true;
  }
  // lost outdoors ("I went for a walk and I don't know where I am, the streets all look the same"): a caregiver must
  // find them today, not an ambulance; disorientation at home stays critical
  if (reasons.has("disorientation") && urgency === "critical" && reasons.size === 1 && OUTDOORS.test(text)) {
    urgency = "high";
    reasons.clear();
  }
  // the learned floor (decision 019): only where the rules are blind. It never lowers anything and never overrides
  // what a rule decided: a level chosen (high and above), a finding placed and rated (numb "from sitting" is low), a
  // phrase set aside for its scope ("no chest pain", "my neighbour fell", "what if I fell"), or distress the
  // companion will ask about ("something's wrong")
  const placedByRules = [...health].some((h) => !GENERIC_HEALTH.has(h));
  // and not on a few words ("just sitting here"): too little for a bag of n-grams, and short calls for help are the
  // rules' own ("help", "I fell", "ayuda")
  const words = text.split(" ").filter((t) => t !== "|").length;
  const blind = RANK[urgency] < RANK.high && !placedByRules && !unplacedCue && scopeVetoCount() === 0 && words >= MIN_WORDS_FOR_CLASSIFIER;
  lastRulesBlind = blind;
  if (opts?.classifier !== false && blind && text) {
    const p = classify(text);
    if (p.critical >= RAISE_THRESHOLD) {
      urgency = "critical";
      reasons.add("classifier");
    } else if (p.high >= RAISE_THRESHOLD && RANK[urgency] < RANK.high) urgency = "high";
  }
  // fever together with confusion is serious
  if (health.has("fever") && (health.has("confusion") || /\bconfus|confundid/.test(text))) urgency = maxUrgency(urgency, "high");

  // distress that cannot be placed: a cue ("I don't feel right", a moan) or pain with no place, and nothing specific
  const placed = [...health].some((h) => !GENERIC_HEALTH.has(h));
  const unplacedPain = health.has("pain") && findings.some((f) => f.health === "pain" && RANK[f.urgency] >= RANK.medium);
  const unplaced_distress = RANK[urgency] < RANK.high && !placed && (unplacedCue || unplacedPain);
  if (unplaced_distress) urgency = maxUrgency(urgency, "medium");

  const reminder_completed = reminderDone(text);

  for (const [topic, re] of Object.entries(TOPIC_LEXICON)) if (re.test(text)) topics.add(topic);
  if (health.size > 0) topics.add("health");
  if (health.has("missed medication") || health.has("double dose") || health.has("medication gap")) topics.add("medication");

  const positive = POSITIVE.test(text) && !isNegated(precedingTokens(text, text.search(POSITIVE)));
  let sentiment: Sentiment = "neutral";
  if (urgency === "critical" || distress || DISTRESS.test(text)) sentiment = "distressed";
  else if (urgency === "high" || urgency === "medium" || concern || CONCERN.test(text)) sentiment = "concerned";
  else if (positive) sentiment = "positive";
  else if (urgency === "low") sentiment = "concerned";

  let intent: Intent;
  if (urgency === "critical") intent = "emergency";
  else if (reminder_completed && RANK[urgency] < RANK.high) intent = "reminder_done";
  else if ((health.size > 0 || unplaced_distress) && urgency !== "none") intent = "health_complaint";
  else if (GREETING.test(text)) intent = "greeting";
  else if (FAREWELL.test(text)) intent = "farewell";
  else if (/\?\s*$/.test(raw.trim()) || QUESTION_START.test(text)) intent = "question";
  else if (topics.size > 0 || text.split(" ").length > 3) intent = "chat";
  else intent = "other";

  return {
    language,
    intent,
    sentiment,
    urgency,
    health_mentions: [...health],
    topics: [...topics],
    reminder_completed,
    emergency_reasons: urgency === "critical" ? [...reasons] : [],
    unplaced_distress,
  };
}
