/**
 * The head (issue 11, round 2): a knock with a second sign, and the headache that is an emergency.
 *
 *   knock + sign   hit / banged / me pegué en la cabeza + being sick, confused, drowsy, can't remember, on blood
 *                  thinners: critical (a knock alone stays the phrase rules' high)
 *   thunderclap    the worst headache of my life, like a thunderclap, came on like being hit, el peor dolor de mi
 *                  vida, de repente + me va a explotar: critical (a bad headache alone stays high or medium)
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const KNOCK =
  "(?:hit|banged|bumped|knocked|smacked|whacked|cracked|bashed|clonked|thumped|struck|caught) (?:my|the back of my|the side of my) head|(?:head|cabeza) (?:\\w+ ){0,2}?(?:hit|struck|went into|against|contra)|(?:me )?(?:pegue|di|golpee|he dado|he pegado|pego|dio)(?: un golpe| un golpazo| un porrazo)?(?: \\w+){0,2}? (?:en|con) la cabeza|golpe (?:fuerte )?en la cabeza|(?:fall|fell|tumble|caida|me cai)(?: \\w+){0,5} (?:on|onto|de) (?:my|la) (?:head|cabeza)";
const SIGN =
  /\b(?:sick|vomit\w*|threw up|throwing up|being sick|been sick|confused|muddled|mixed up|drowsy|sleepy|can not (?:stay awake|keep my eyes open|remember)|do not remember|blurr\w*|double vision|vomite|vomitado|vomitando|devolvi|confundid[ao]|somnolient[ao]|no me acuerdo|no recuerdo|warfarin|blood thinners?|anticoagula\w*|sintrom|eliquis|xarelto)\b/;
const THUNDERCLAP =
  "worst (?:headache|head pain|pain in my head)(?: \\w+){0,3}? (?:of|in) my (?:life|whole life)|(?:headache|head|pain)(?: \\w+){0,6}? (?:like|as if) (?:a )?(?:thunderclap|thunder|being hit|i was hit|someone hit me|an explosion|a bomb|a bang)|worst (?:\\w+ )?ever|the worst i have ever had|thunderclap|el peor (?:dolor )?(?:de cabeza )?de (?:mi|toda mi) vida|(?:cabeza|dolor)(?: \\w+){0,6}? (?:me va a|va a) (?:explotar|estallar|reventar)|como (?:un trueno|un rayo|un martillazo|si me (?:pegaran|dieran) un (?:golpe|martillazo))";
const HEADACHE = /\b(?:headache|head|cabeza|jaqueca|migrana)\b/;

export function headSignals(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  if (liveHits(text, KNOCK).length > 0 && SIGN.test(text)) out.push({ urgency: "critical", reason: "head_injury", health: "head injury" });
  if (HEADACHE.test(text) && liveHits(text, THUNDERCLAP, { negatable: false }).length > 0)
    out.push({ urgency: "critical", reason: "thunderclap_headache", health: "headache" });
  return out;
}
