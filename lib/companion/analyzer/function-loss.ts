/**
 * Sudden loss of function by body part (stroke signs, issue 11): what a part will not do, how it feels, speech and
 * sight, composed rather than listed.
 *
 *   part       arm, hand, leg, foot, face, side, fingers, mouth, tongue, eye; brazo, mano, pierna, cara, lado...
 *   inability  can't move / lift / feel / grip / use + part; part + won't move / work / hold me; no puedo mover + part
 *   state      part + numb / dead / limp / heavy / weak / useless / drooping / crooked; dormido / entumecido / torcido
 *   speech     slurred, words won't come out, tongue feels thick, no me salen las palabras, se me traba la lengua
 *   sight      can't see out of one eye, lost the sight in, no veo por un ojo
 *
 * Critical when it is new: a face, mouth, side or half of the body, one side named (left/right), "suddenly",
 * a part that is dead, limp or will not move, speech, or two signs together. Benign context lowers it: the cold,
 * sitting on it, pins and needles, neuropathy, arthritis, "a bit" (fingers a bit numb from the cold is low).
 */
import { capForRecentPast, liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const PART_EN =
  "(?:arms?|hands?|legs?|foot|feet|face|side|fingers?|toes?|mouth|lips?|smile|tongue|half of my (?:body|face)|one side|left side|right side|whole side)";
const PART_ES = "(?:brazos?|manos?|piernas?|pies?|cara|lado|dedos|boca|labios?|lengua|medio cuerpo|la mitad del cuerpo|la mitad de la cara)";
const SIDE_WORD = "(?:left|right|izquierd[ao]|derech[ao])";

const INABILITY = [
  `(?:can not|could not|unable to|can barely|can hardly|can not seem to|am not able to|having trouble to) (?:move|lift|raise|feel|use|grip|hold|squeeze|open|close|bend|straighten|control|stand on|walk on|put weight on)(?: \\w+){0,4}? (?:my |the |with my )?(?:${SIDE_WORD} )?${PART_EN}`,
  `(?:my |the )?(?:${SIDE_WORD} )?${PART_EN} (?:\\w+ ){0,4}(?:will not|would not|does not|do not|can not|is not|are not|just will not|has stopped|have stopped|stopped|suddenly stopped|no) (?:move|moving|work|working|respond|responding|grip|hold(?: me| my weight| me up)?|do (?:what|anything)|obey|cooperate|listen|lift|go up|bend|stay up|take my weight)`,
  `no (?:puedo|consigo|logro|podia) (?:mover|levantar|sentir|alzar|apretar|agarrar|usar|doblar|cerrar|abrir)(?: \\w+){0,3}? (?:el |la |los |las |mi |mis )?${PART_ES}`,
  `no (?:siento|noto)(?: \\w+){0,2}? (?:el |la |mi |los |las |mis |del |de la |de mi |de mis )${PART_ES}`,
  `(?:el |la |mi )${PART_ES} (?:\\w+ )?no (?:me )?(?:responde|funciona|se mueve|obedece|sostiene|aguanta)`,
  `(?:me )?(?:quede|quedo|he quedado) sin fuerzas? en (?:el|la|mi|los|las) ${PART_ES}`,
];
const STATE_EN =
  "(?:numb|dead|limp|heavy|weak|useless|floppy|paralysed|paralyzed|not working|tingly|tingling|tingles|tingle|droopy|drooping|lopsided|crooked|twisted|sagging|pulling(?: to one side| down)?|fallen|dropped|dragging|melting|sliding|slipping|gave up|given up|gone useless|like (?:jelly|cotton wool|rubber|wood|a dead weight|a lump|it is not mine|it belongs to someone else|someone else))";
const STATE = [
  `${PART_EN} (?:(?!not |no |never )\\w+ ){0,4}?${STATE_EN}`,
  `(?:numb(?:ness)?|weakness|heaviness|no feeling|no strength) (?:\\w+ ){0,2}(?:in|on|down|of|along) (?:my |the )?(?:${SIDE_WORD} |whole |one )?${PART_EN}`,
  `(?:drooping|droopy|crooked|lopsided|twisted) (?:face|mouth|eye|eyelid|smile|lip)`,
  `(?:eye|eyelid) (?:is |has |feels |went |gone |just |suddenly ){0,3}(?:drooping|droopy|dropped|fallen|closing by itself)`,
  `(?:tengo |siento |noto )?(?:el |la |mi |los |las )?${PART_ES} (?:${SIDE_WORD} )?(?:\\w+ ){0,2}(?:dormid[ao]s?|entumid[ao]s?|entumecid[ao]s?|adormecid[ao]s?|adormilad[ao]s?|muert[ao]s?|debil(?:es)?|floj[ao]s?|pesad[ao]s?|paralizad[ao]s?|torcid[ao]s?|chuec[ao]s?|caid[ao]s?|sin fuerzas?|trabad[ao]s?|colgando)`,
  `se me (?:durmio|duerme|ha dormido|durmieron|cae|cayo|tuerce|torcio|ha torcido|traba|trabo|paraliza|paralizo|quedo (?:dormid[ao]|muert[ao]|torcid[ao])|adormecio|entumecio) (?:el |la |los |las |medio |un |mi )?(?:\\w+ )?${PART_ES}`,
  `se me cae (?:la cara|la boca|el parpado|un lado)`,
  `(?:la boca|la cara|el labio) se me (?:va|fue|esta yendo|tuerce|torcio|cae|cayo)|se me (?:va|fue) (?:la boca|la cara) (?:de lado|para un lado|chuec[ao]|torcid[ao])`,
  `(?:face|mouth|smile|lips?|tongue|one side|left side|right side|half of my (?:body|face)) (?:\\w+ ){0,2}?(?:feels?|felt|is|went|gone|has gone|has gone all|went all) (?:\\w+ )?(?:funny|strange|weird|odd|wrong|tingly|fuzzy)`,
  `(?:suddenly|all of a sudden) (?:feel |felt |went |gone |became |got )?(?:numb|weak|paralysed|paralyzed|limp)|(?:de repente|de golpe) (?:me (?:siento|quede|noto) )?(?:debil|sin fuerzas?|paralizad[ao])`,
  `(?:la cara|la boca|un lado|el lado (?:izquierdo|derecho)|medio cuerpo) (?:\\w+ ){0,2}?(?:rar[ao]|extran[ao]|dormid[ao]|distint[ao])`,
];
const SPEECH =
  "slurr(?:ed|ing)|(?:sound|sounding|talking|speaking|speak|talk) (?:like i am |as if i am |like i have been |as if i was )?(?:drunk|drinking)|hablo como (?:si estuviera )?borrach[ao]|como si estuviera borrach[ao]|(?:came|comes|coming|come) out (?:as |all )?(?:nonsense|gibberish|wrong|jumbled|garbled|funny|muddled|mixed up|backwards)|(?:words?|speech) (?:\\w+ ){0,2}(?:will not|would not|do not|does not|can not|are not|is not) (?:come|coming)(?: out)?(?: right)?|(?:can not|could not) (?:get|find) (?:my|the) words(?: out)?|(?:can not|could not) (?:speak|talk|say (?:words|anything)|get (?:a|my) words? out)(?: (?:properly|right|clearly|well|normally|straight))?|tongue (?:\\w+ ){0,2}(?:thick|heavy|numb|twisted|swollen|tied|funny|big)|(?:speech|voice|words|talking) (?:\\w+ ){0,2}(?:funny|strange|weird|slurred|wrong|off|jumbled|garbled|muddled|mixed up)|(?:talking|speaking) (?:funny|strange|weird|gibberish|nonsense)|no me salen (?:las )?palabras|(?:se me traba|se me trabo|se me enreda|se me enredo|se me pega) la lengua|lengua (?:trabada|pesada|dormida|torpe)|me cuesta (?:mucho )?hablar|hablo (?:raro|mal|arrastrando|torpe|rara)|no puedo hablar(?: bien)?|no (?:me )?(?:entiendo|entienden) (?:lo que digo|cuando hablo)|arrastro las palabras";
const SIGHT =
  "(?:can not|could not) see (?:out of|with|from|on) (?:one|my left|my right|my|the left|the right) (?:eye|side)|lost (?:the |my )?(?:sight|vision) in|(?:went|gone|going) blind|sudden(?:ly)? (?:double|blurred|blurry) vision|no veo (?:nada )?(?:de|por|con) un ojo|(?:perdi|he perdido) la vista (?:de|en) un ojo|me quede ciego|me quede ciega|(?:deje de|dejo de|he dejado de|no|no puedo) ver (?:nada )?(?:por|de|con) (?:un|el|mi) ojo|no veo(?: \\w+){0,3} (?:por|de|con) (?:el|mi|este|un) ojo|half (?:of )?(?:everything|my vision|my sight|what i see|the world|the picture)(?: \\w+){0,3}? (?:gone|went|is|going|has gone) (?:\\w+ )?(?:dark|black|blank|missing|grey|gray)|(?:no veo|perdi|se me fue) (?:la )?mitad (?:de (?:todo|la vista|lo que veo))?|(?:se me )?(?:apago|fue) la (?:vista|luz) (?:de|del|en) (?:un|el) ojo";
/** "can't lift it" after naming the part ("my leg's given up on me, I can't lift it") */
const INABILITY_IT =
  "(?:can not|could not|unable to|can barely|can hardly) (?:move|lift|raise|feel|use|grip|bend|straighten) (?:it|them)|no (?:puedo|consigo) (?:moverl[ao]|levantarl[ao]|sentirl[ao])";
const PART_NAMED = /\b(?:arm|hand|leg|foot|face|side|brazo|mano|pierna|pie|cara|lado)\b/;
/** dropping things with one hand: weak on its own, a sign with a side or another sign */
const CLUMSY = "(?:keep|keeps|kept|keep on) dropping (?:things|stuff|everything|my \\w+|the \\w+)|se me caen las cosas";
const HAVING_STROKE =
  "(?:having|had|have|think i am having|think i had|might be having|this is) a stroke|(?:me esta dando|tengo|creo que (?:tengo|me dio|me da|es)|me dio) (?:un )?(?:derrame|ictus|infarto cerebral|embolia)";

const SUDDEN =
  /\b(?:suddenly|sudden|all of a sudden|out of nowhere|just now|just happened|just went|came on|a minute ago|minutes ago|a moment ago|this minute|de repente|de golpe|de pronto|hace un (?:momento|rato|minuto)|acaba de|it just)\b/;
const SIDE = /\b(?:left|right|one side|half|izquierd[ao]|derech[ao]|un lado|medio cuerpo|mitad)\b/;
const CENTRAL = /\b(?:face|mouth|smile|lip|lips|tongue|side|half|body|cara|boca|labios?|lengua|lado|cuerpo|mitad)\b/;
const SEVERE_STATE =
  /\b(?:dead|limp|useless|paralysed|paralyzed|floppy|muert[ao]|paralizad[ao]|not working|will not|would not|can not|does not|no (?:puedo|consigo|siento|noto|responde|funciona|se mueve))\b/;
const BENIGN =
  /\b(?:from|because of|after) (?:the cold|sitting|kneeling|lying|sleeping|the injection|the dentist|the anaesthetic|the anesthetic|gardening|typing|knitting)|slept on it|sleeping on it|pins and needles|went to sleep|gone to sleep|cold weather|cold outside|the cold|when it is cold|it is cold|in the cold|hace frio|con el frio|neuropathy|arthritis|carpal tunnel|sciatica|always|as usual|for (?:weeks|months|years)|dentist|injection|these gloves|slippers|shoes|socks|boots|frio|neuropatia|artritis|dentista|anestesia|como siempre|siempre|hormigueo de siempre|since my stroke|sometimes|often|every now and then|now and again|a veces|de vez en cuando|de estar (?:sentad[ao]|acostad[ao]|tumbad[ao])\b/;
const MILD = /\b(?:a bit|a little|slightly|bit|un poco|algo|un poquito)\b/;
const ASLEEP =
  /\b(?:dormid[ao]s?|durmi[oe]|durmieron|duerme|adormecid[ao]s?|adormec\w*|adormilad[ao]s?|entumecid[ao]s?|entumid[ao]s?|entumecio|tingly|tingling)\b/;
const PLURAL_PERIPHERAL = /\b(?:fingers|toes|feet|hands|legs|arms|dedos|pies|manos|piernas|brazos)\b/;

export function functionLossSignals(u: Utterance): Finding[] {
  const { text } = u;
  const stroke = (h: Parameters<typeof capForRecentPast>[1]) =>
    capForRecentPast({ urgency: "critical" as const, reason: "stroke_signs", health: "stroke signs" }, h);
  const out: Finding[] = [];
  const speech = liveHits(text, SPEECH, { negatable: false });
  const having = liveHits(text, HAVING_STROKE);
  const inability = INABILITY.flatMap((src) => liveHits(text, src, { negatable: false }));
  const state = STATE.flatMap((src) => liveHits(text, src));
  const sight = liveHits(text, SIGHT, { negatable: false });
  if (PART_NAMED.test(text)) inability.push(...liveHits(text, INABILITY_IT, { negatable: false }));
  const clumsy = liveHits(text, CLUMSY);
  for (const h of [...speech, ...having]) out.push(stroke(h));
  const signs = [...inability, ...state];
  const benign = BENIGN.test(text);
  for (const h of signs) {
    const t = h.text;
    const peripheral = PLURAL_PERIPHERAL.test(t) && !CENTRAL.test(t);
    const strong =
      CENTRAL.test(t) ||
      SIDE.test(t) ||
      SIDE.test(text) ||
      SUDDEN.test(text) ||
      (SEVERE_STATE.test(t) && !peripheral) ||
      signs.length + speech.length + sight.length + clumsy.length > 1;
    if (benign || (MILD.test(text) && !SUDDEN.test(text) && !CENTRAL.test(t))) {
      out.push({ urgency: "low", health: "numbness" });
    } else if (strong || !(PLURAL_PERIPHERAL.test(t) || ASLEEP.test(t))) {
      out.push(stroke(h));
    } else {
      out.push({ urgency: "medium", health: "numbness" });
    }
  }
  for (const h of clumsy) out.push(SIDE.test(text) || signs.length > 0 || speech.length > 0 ? stroke(h) : { urgency: "medium", health: "clumsiness" });
  for (const h of sight) out.push(signs.length > 0 || speech.length > 0 || SUDDEN.test(text) ? stroke(h) : { urgency: "high", health: "vision loss" });
  return out;
}
