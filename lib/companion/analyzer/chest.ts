/**
 * The chest (issue 11, round 2): a feeling in the chest and where it goes, across the clauses people say it in
 * ("There's a heavy feeling on my chest, like someone sitting on it, and it's going down my left arm"; "siento
 * como un peso en el pecho, y se me va al brazo"). The phrase rules keep the usual wordings; this composes:
 *
 *   chest + pressure (heavy, tight, squeezing, crushing, a weight, someone sitting on it; peso, opresión, apretado)
 *   chest + spreading (down my arm, into my jaw or neck; al brazo, a la mandíbula, al cuello)
 *   chest feeling funny or strange + an arm, the jaw, sweating, sickness or breath
 *
 * Either is critical. A cough or a chest infection, and a chest that was checked and is fine, are not; "it is only
 * indigestion" is no reason to stay silent (a heart attack is often taken for it).
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const CHEST = "chest|chess|pecho";
const PRESSURE =
  /\b(?:heavy|heaviness|tight|tightness|squeez\w*|crush\w*|pressing|pressure|weight|sitting on|standing on|band|vice|vise|clamp\w*|peso|opresion|oprime|apret\w*|aprieta|presion|estruj\w*|aplast\w*)\b/;
const SPREAD =
  /\b(?:going|goes|went|spreading|spreads|spread|radiating|moving|shooting|travelling|traveling|runs?|running|down|into|up) (?:\w+ )?(?:my |the |into my |to my )?(?:left )?(?:arm|jaw|neck|shoulder blade)|(?:baja|sube|va|corre|pasa|se me va|se me pasa|me llega)(?: \w+){0,2} (?:al|hacia el|por el|a la|hasta el|hasta la) (?:brazo|mandibula|cuello|quijada)\b/;
/** a cough or a chest infection explains a tight chest; "it's only indigestion" does not (a heart attack is often taken for it) */
const BENIGN = /\b(?:cough\w*|chest infection|checked|ecg came back|tos|catarro)\b/;

export function chestSignals(u: Utterance): Finding[] {
  const { text } = u;
  if (BENIGN.test(text)) return [];
  for (const h of liveHits(text, CHEST)) {
    const near = text.slice(Math.max(0, h.index - 60), h.end + 60);
    const odd =
      /\b(?:funny|strange|odd|weird|wrong|not right|raro|rara|extrano)\b/.test(near) &&
      /\b(?:arm|jaw|sweat\w*|clammy|sick|breath\w*|brazo|mandibula|sudando|sudor|nauseas|aire)\b/.test(text);
    if (PRESSURE.test(near) || SPREAD.test(text) || odd) return [{ urgency: "critical", reason: "chest_pain", health: "chest pain" }];
  }
  return [];
}
