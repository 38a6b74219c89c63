/**
 * Bleeding (issue 11, round 2): blood and how much of it, not a list of sentences.
 *
 *   heavy     blood + it will not stop / pumping / pouring / soaked (a towel, two towels) / everywhere / no para,
 *             empapé, a chorros: critical
 *   inside    blood in what the body passes or brings up: urine ("blood in my water", "hice pis con sangre"),
 *             stools ("black and sticky like tar"), coughing it up: high (the critical phrase rules keep
 *             vomiting blood and coughing up blood as such)
 *
 * Not a blood pressure, a blood sugar, a blood test, or someone else's nose.
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const BLOOD =
  "blood(?! (?:pressure|sugar|test|tests|work|results|glucose|donation|orange|moon))|bleeding|bleed|bled|sangre(?! (?:fria|azul))|sangrando|sangra|sangro|sangrado";
const HEAVY =
  "(?:will not|would not|does not|won't|can not|can't) (?:stop|stopping)|pumping|pouring|gushing|spurting|streaming|soaked|soaking|(?:through|right through) (?:the|a|my) (?:\\w+ )?(?:towel|tea towel|dish towel|cloth|bandage)|(?:two|three|several) (?:towels|cloths)|everywhere|all over the (?:floor|place|kitchen|bathroom)|no (?:para|deja|se detiene|se corta)|empap\\w*|toallas|a chorros?|chorrea\\w*|por todas partes|no se (?:para|corta|detiene)";
const INSIDE =
  "(?:blood|sangre) (?:\\w+ ){0,3}?(?:in|when|on|con|en|al) (?:\\w+ ){0,2}?(?:urine|pee|wee|water when i go|my water|the toilet|stools?|poo|motions|bowel|orina|orinar|pis|heces|caca|el bano|deposiciones)|(?:pee|peeing|wee|urine|stools?|poo|motions|pis|orina|heces|caca) (?:\\w+ ){0,3}?(?:with |full of |con )?(?:blood|sangre|bloody)|hice pis con sangre|(?:cough|coughing|coughed|spitting|spat|tosiendo|toso|tosi|escupiendo) (?:\\w+ ){0,4}?(?:blood|sangre)|(?:motions|stools?|poo|heces|caca|deposiciones) (?:\\w+ ){0,3}?(?:black|tarry|like tar|negras?|como alquitran)|(?:black|tarry|negras?) (?:stools|motions|poo|heces|deposiciones)";

export function bleedingSignals(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  // "no para de salir sangre": the negation belongs to stopping, so blood is read without it
  const blood = liveHits(text, BLOOD, { negatable: false }).filter(
    () => !/\b(?:no blood|not bleeding|stopped bleeding|no longer bleeding|sin sangre|ya no sangra|dejo de sangrar)\b/.test(text),
  );
  if (blood.length > 0 && liveHits(text, HEAVY, { negatable: false, anySubject: true }).length > 0)
    out.push({ urgency: "critical", reason: "bleeding", health: "bleeding" });
  if (liveHits(text, INSIDE).length > 0) out.push({ urgency: "high", health: "bleeding" });
  return out;
}
