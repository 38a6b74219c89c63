/**
 * Distress the analyzer sees but cannot place (SPEC §6): "I don't feel right", "something's wrong", "I feel
 * strange", "me siento rara", "algo no está bien", a moan ("ohh", "ay, ay"), pain with no place ("it hurts",
 * "me duele"), fear with no object ("I'm scared"). The companion answers with one direct safety question
 * (ask-back.ts) instead of guessing; the turn is at least `medium`.
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

/** [pattern, carries its own negation] */
const UNPLACED: [string, boolean][] = [
  [
    "(?:do not|did not|not) feel (?:\\w+ )?(?:right|myself|normal|like myself|good at all|quite right|ok|okay|safe)|not (?:feeling|quite) (?:\\w+ )?(?:right|myself)|i am not (?:ok|okay|alright|all right|right)",
    true,
  ],
  ["something (?:is |feels |seems |has gone |went )?(?:\\w+ )?(?:wrong|not right|off|the matter|strange|funny|happening)(?: with me| to me| inside)?", false],
  [
    "(?:feel|feeling|felt|feels) (?:\\w+ ){0,2}?(?:strange|weird|funny|odd|off|wrong|peculiar|queer|not right|horrible|awful|terrible|dreadful|rotten|really bad|so bad|very bad|bad|ill|unwell|sick|poorly)(?! (?:about|for|that|because|when|news|weather|film|show|book))",
    false,
  ],
  ["what is (?:happening|wrong|going on) (?:to|with) me|(?:do not|did not) know what is (?:wrong|happening|going on)(?: (?:with|to) me)?", true],
  ["(?:i am |i feel |feeling )?(?:scared|frightened|afraid|terrified)(?= \\||$)", false],
  [
    "(?:me (?:siento|noto|encuentro)|estoy) (?:\\w+ )?(?:rar[ao]|rarisim[ao]|extran[ao]|mal|fatal|muy mal|malisim[ao]|fe[ao]|horrible|malit[ao])|algo (?:anda|va|esta) mal|algo (?:me pasa|raro me pasa)|(?:no se )?que me (?:pasa|esta pasando)|tengo (?:mucho )?miedo(?= \\||$)",
    false,
  ],
  ["no me (?:siento|encuentro|noto) (?:\\w+ )?bien|no estoy bien|algo no (?:esta|anda|va) bien", true],
];
const MOAN_TOKENS = new Set([
  "oh",
  "ohh",
  "ah",
  "ahh",
  "ay",
  "ayy",
  "ai",
  "aii",
  "ow",
  "oww",
  "ouch",
  "oof",
  "ugh",
  "argh",
  "uf",
  "uff",
  "mm",
  "mmm",
  "hmm",
  "oh god",
  "god",
  "dios",
  "mio",
  "dear",
  "no",
  "please",
  "por",
  "favor",
  "madre",
  "mia",
  "jesus",
  "lord",
  "oy",
]);
const MOAN_SOUND = /^(?:oh|ohh|ah|ahh|ay|ayy|ai|aii|ow|oww|ouch|oof|ugh|argh|uf|uff|mm|mmm|oy)$/;

/** The whole message is moaning ("ohh", "ay ay ay", "oh god oh god", "ugh"). */
export function isMoan(text: string): boolean {
  const tokens = text.split(" ").filter((t) => t && t !== "|");
  return tokens.length > 0 && tokens.every((t) => MOAN_TOKENS.has(t)) && tokens.some((t) => MOAN_SOUND.test(t));
}

export function distressSignals(u: Utterance): Finding[] {
  const { text } = u;
  const found = UNPLACED.some(([src, ownNegation]) => liveHits(text, src, { negatable: !ownNegation }).length > 0) || isMoan(text);
  return found ? [{ urgency: "medium", unplaced: true, sentiment: "concerned" }] : [];
}
