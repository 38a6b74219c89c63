/**
 * Medication gaps (issue 11): out of a medicine someone cannot safely go without, or days without taking one's
 * medicines at all. Both are `high` (a caregiver should act today); running out of something ordinary stays
 * with the missed-medication rule (`medium`).
 *
 *   vital     insulin, blood thinners (warfarin, apixaban...), heart pills, inhaler, nitro spray, seizure
 *             medicine, oxygen, blood pressure and water pills; insulina, anticoagulante, sintrom, inhalador...
 *   out       ran out, none left, no more, finished the last, all gone, se me acabó, no me quedan, ya no tengo
 *   days      haven't taken my pills for three days / since Monday, stopped taking, llevo cuatro días sin tomar,
 *             no me tomo la medicina desde el domingo
 */
import { capForRecentPast, countScopeVeto, liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const VITAL =
  "insulin|(?:blood )?thinners?|warfarin|coumadin|apixaban|eliquis|xarelto|rivaroxaban|dabigatran|pradaxa|anticoagulants?|heart (?:pills?|tablets?|medicines?|medications?|meds|drugs?)|inhalers?|puffers?|nitro(?:glycerin)?(?: spray)?|gtn(?: spray)?|(?:seizure|epilepsy|fits) (?:pills?|tablets?|medicines?|medications?|meds)|oxygen(?: tank| bottle| cylinder)?|water (?:pills?|tablets?)|blood pressure (?:pills?|tablets?|medicines?|medications?|meds)|steroids?|prednisone|prednisolone|insulina|anticoagulantes?|sintrom|(?:pastillas?|medicinas?|medicamentos?|remedios?|pildoras?) (?:del|para el|de|para|de la|para la|de los|para los|de las|para las) (?:corazon|tension|presion|azucar|diabetes|epilepsia|ataques|convulsiones|coagular|sangre)|inhalador(?:es)?|oxigeno|diureticos?";
const MEDS =
  "pills?|medicines?|medications?|meds|tablets?|capsules?|insulin|inhaler|doses?|pastillas?|medicinas?|medicamentos?|remedios?|insulina|inhalador|capsulas?|comprimidos?|tratamiento";
const OUT =
  "(?:ran|run|has run|have run|had run) out(?: of)?|finished (?:my|the) (?:last (?:of (?:my |the )?)?)?(?=\\w)|(?:was|that was|it was|era|fue) (?:the|el|la) (?:last|ultim[ao])(?: one| dose| pen| pill| box| de la caja)?|(?:out of|no more|none left|nothing left|all gone|used up|finished (?:the|my) last|finished the (?:box|bottle|packet|pack|pen)|the last of|empty|ran dry|have no|got no|do not have any|have not got any|there is no|there are no|no queda|no quedan|no me queda(?:n)?|no tengo mas|no (?:las |los |la |lo )?tengo|(?:only|just) (?:got|have|had) (?:one|1|two|a couple|a few) left|(?:solo|nomas|nada mas) me queda(?:n)? (?:una|uno|dos|un par)|(?:me he|me ha) quedado sin|se me (?:acabo|acabaron|termino|terminaron|ha acabado|han acabado|ha terminado|han terminado)|ya no (?:tengo|me quedan?)|estoy sin|me quede sin|se (?:acabo|acabaron|termino|terminaron)|(?:esta|estan) vaci[ao]s?)";
const SOON =
  /\b(?:running (?:low|out)|almost out|nearly out|getting low|need to (?:order|get|pick up)|casi no me queda|me queda(?:n)? poc[ao]s?|se me esta(?:n)? acabando)\b/;
const DAYS =
  "(?:about |around |nearly |almost |over |more than |at least )?(?:(?:\\d+|two|three|four|five|six|seven|several|a few|a couple of|couple of|many|dos|tres|cuatro|cinco|seis|siete|varios|unos|muchos) (?:days|weeks|dias|semanas)|days|weeks|a week|a whole week|the (?:whole )?week(?:end)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|ages|a while|una semana|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|el fin de semana|la semana pasada)";
const GAP = [
  // not + medicines + a span of days, whatever the verb ("haven't bothered with my tablets since the weekend")
  `(?:have not|has not|had not|did not|not|never) (?:\\w+ ){0,3}?(?:${MEDS}|${VITAL}) (?:\\w+ ){0,2}?(?:for|in|since|all) (?:the )?(?:past |last )?(?:${DAYS})`,
  `(?:have not|has not|had not|did not|not|have not been able to|could not|never) (?:taken?|took|had|used|get|got|been taking|touched) (?:any of |any )?(?:my |the |any )?(?:\\w+ ){0,6}?(?:${MEDS}|${VITAL}|them|it) (?:\\w+ )?(?:for|in|since|all|the whole|these) (?:the )?(?:past |last )?(?:${DAYS})`,
  // the medicine named before, the gap after ("I finished my warfarin on Thursday. I haven't had any since")
  `(?:have not|has not|had not|did not) (?:had|taken|took|used|got) (?:any|it|them|one|a dose)(?: \\w+)? since`,
  `hace (?:\\w+ ){0,2}(?:dias|semanas|una semana) que no (?:me )?(?:tomo|la tomo|las tomo|lo tomo|los tomo|tome|he tomado)`,
  `(?:stopped|quit|gave up|have stopped|have quit) (?:taking |using )?(?:all )?(?:my |the )?(?:\\w+ ){0,2}?(?:${MEDS}|${VITAL})`,
  `no (?:${MEDS}) (?:for|in|all) (?:the )?(?:past |last )?(?:${DAYS})`,
  `(?:${DAYS}) (?:without|with no|sin) (?:my |mis |las |la |el |los )?(?:\\w+ ){0,2}?(?:${MEDS}|${VITAL})`,
  `(?:llevo|lleva|llevamos|van|hace) (?:\\w+ ){0,2}(?:dias|semanas|una semana) sin (?:tomar(?:me)?(?:la|las|lo|los)?|ponerme|usar) (?:\\w+ ){0,3}?(?:${MEDS}|${VITAL}|nada)`,
  `(?:llevo|lleva) (?:\\w+ ){0,2}(?:dias|semanas|una semana) sin (?:tomar(?:me)?(?:la|las|lo|los)?|ponerme)(?= \\||$)`,
  `no (?:me )?(?:tomo|he tomado|tome|tomaba|pongo|he puesto) (?:\\w+ ){0,3}?(?:${MEDS}|${VITAL}) (?:desde|hace) (?:${DAYS}|hace (?:${DAYS}))`,
  `hace (?:\\w+ ){0,2}(?:dias|semanas|una semana|un mes) que no (?:me )?(?:tomo|he tomado|tome|pongo|uso|he puesto) (?:\\w+ ){0,3}?(?:${MEDS}|${VITAL})`,
  `(?:deje|he dejado|dejo) de (?:tomar|ponerme|usar) (?:\\w+ ){0,3}?(?:${MEDS}|${VITAL})`,
];

export function medicationGapSignals(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  const gap = (h: Parameters<typeof capForRecentPast>[1]) =>
    capForRecentPast({ urgency: "high" as const, health: "medication gap", topics: ["medication"] }, h);
  // "running low on insulin, I'll order more": seen, and deliberately not a gap (the learned floor may not raise it)
  if (SOON.test(text) && new RegExp(`\\b(?:${VITAL})\\b`).test(text)) countScopeVeto();
  if (!SOON.test(text)) {
    for (const src of [`(?:${OUT}) (?:\\w+ ){0,3}?(?:${VITAL})`, `(?:${VITAL}) (?:(?:\\w+|\\|) ){0,8}?(?:${OUT})`]) {
      for (const h of liveHits(text, src, { negatable: false })) out.push(gap(h));
    }
  }
  for (const src of GAP) for (const h of liveHits(text, src, { negatable: false })) out.push(gap(h));
  return out;
}
