/**
 * Dose anomalies (issue 11): a dose taken twice or three times, double, extra, instead of one, by mistake,
 * the wrong pills or someone else's, composed with how the person feels now.
 *
 *   anomaly alone                  high    ("I took my water tablets twice")
 *   anomaly + a symptom now        critical ("... and now I feel really strange", "y me siento rara")
 *   a count of three or more + a symptom   critical ("me tomé tres pastillas de la tensión y me siento rara")
 *
 * What the doctor prescribed ("the doctor doubled my dose", "I'm taking two now, the doctor said so"), questions
 * and hypotheticals ("what would happen if I took them twice?") and other people's doses are not anomalies.
 */
import { capForRecentPast, liveHits, type Hit } from "./match";
import type { Finding, Utterance } from "./types";

const MED =
  "(?:pills?|tablets?|capsules?|medicines?|medications?|meds|doses?|insulin|units|injections?|jabs?|puffs?|drops|pastillas?|capsulas?|medicinas?|medicamentos?|dosis|insulina|unidades|inyecciones?|pinchazos?|gotas|comprimidos?|grageas?)";
const TOOK = "(?:took|taken|take|swallowed|injected|gave myself|given myself|tome|he tomado|tomo|puse|he puesto|inyecte|he inyectado|meti)";
const WHAT = `(?:${MED}|it|them|ones|my \\w+(?: \\w+)?|the \\w+ ones|la|las|lo|los|mis \\w+|la \\w+|las \\w+|el \\w+)`;
const TWICE =
  "(?:twice|two times|three times|four times|again(?! (?:today|this morning|this evening|tonight|as usual|like always))|a second time|a third time|by mistake|accidentally|by accident|too many|too much|more than (?:i should|i am supposed to|prescribed|usual)|dos veces|tres veces|otra vez|de nuevo|de mas|demasiad[ao]s?|sin querer|por error|por equivocacion|por duplicado)(?! a day| daily| a week| al dia| por dia| a la semana| diarias)";
const STRONG = [
  `(?:took|had|taken|tome|tomado) (?:them|it|las|los|la|lo) (?:again|twice|dos veces|otra vez|de nuevo)`,
  `${TOOK} ${TWICE}(?! a day| daily| al dia| por dia)`,
  // a week's pills at once: an overdose whatever the words around it
  `${TOOK} (?:\\w+ ){0,2}?(?:todas las|all (?:of )?(?:my|the)|a week s|the whole week s|the week s) (?:\\w+ ){0,3}?${MED} (?:\\w+ ){0,4}?(?:de golpe|de una vez|juntas|a la vez|at once|all at once|in one go|together|de la semana|for the week|of the week)`,
  `${TOOK} (?:\\w+ ){0,3}?${WHAT} (?:\\w+ ){0,3}?${TWICE}`,
  `(?:la|las|lo|los) ${TOOK} (?:\\w+ )?${TWICE}`,
  `${TOOK} (?:\\w+ )?(?:too many|too much|a few too many|more than i should|an extra|extra|a double|double|two doses|two lots|dos dosis|de mas|demasiad[ao]s?)`,
  `(?:accidentally|by mistake|sin querer|por error) ${TOOK}`,
  `(?:had|used|done|did|given myself|gave myself) (?:\\w+ ){0,3}?(?:double|triple|twice|extra|too much|too many|two lots|two doses|twice the) (?:of )?(?:my |the )?(?:\\w+ )?${MED}`,
  `(?:had|used|done|did) (?:my |the )?(?:\\w+ )?${MED} (?:\\w+ ){0,2}(?:twice|two times|again)(?! a day| daily| today| this morning| tonight)`,
  `${TOOK} (?:\\w+ ){0,3}?${MED} (?:as well as|and|along with|together with|on top of|plus) (?:\\w+ ){0,2}?(?:morning|tonight|evening|night|lunchtime|yesterday|afternoon|bedtime|manana|noche|tarde|mediodia)\\w*|both (?:doses|lots|sets)|(?:las|la) (?:de la )?(?:manana|noche) y (?:las|la) de la (?:noche|manana) (?:juntas|a la vez)`,
  `(?:double|triple|extra|doble|triple) (?:\\w+ )?(?:dose|dosis|lot of (?:pills|tablets)|shot)`,
  `${TOOK} (?:el |la |a |the )?(?:doble|double|triple|twice the|el triple)`,
  `(?:instead of|rather than|en vez de|en lugar de) (?:one|1|una|un|the one|half|my usual)`,
  `(?:wrong|somebody else|someone else|other person|equivocad[ao]s?) ${MED}|${MED} (?:equivocad[ao]s?|de otra persona|que no (?:son|eran) mi[as])`,
  `${TOOK} (?:my |the )?(?:husband|wife|sister|brother|friend|neighbou?r|son|daughter|partner|mother|mum|dad|father|roommate) ${MED}`,
  `(?:las |la |los |el )?${MED} (?:\\w+ ){0,3}de (?:mi|otra|la|el) (?:hermana|hermano|marido|esposo|esposa|vecin[ao]|hij[ao]|amig[ao]|madre|padre|persona|companer[ao])`,
];
const COUNT = `${TOOK} (?:\\d+|three|four|five|six|seven|eight|ten|tres|cuatro|cinco|seis|siete|ocho|diez) (?:of )?(?:my |the |mis |las |de las )?(?:\\w+ ){0,2}?(?:${MED}|sleeping)`;
const SYMPTOM =
  "(?:feel|feeling|felt|feels|i am|am|gone|going|went) (?:\\w+ ){0,2}?(?:strange|weird|funny|odd|peculiar|off|not right|wrong|bad|awful|terrible)|(?:me siento|me noto|me encuentro|estoy|siento) (?:\\w+ )?(?:rar[ao]|extran[ao]|mal|fatal|malit[ao])|woozy|dizzy|light ?headed|faint|sleepy|drowsy|groggy|(?:can not|could not) (?:keep my eyes open|stay awake|wake up)|heart (?:is |keeps |has been )?(?:racing|pounding|fluttering|thumping|galloping|jumping|going (?:like|fast|funny|mad|crazy)|beating (?:fast|funny|hard))|racing heart|palpitations|shaky|shaking|trembling|trembly|sweating|sweaty|clammy|confused|sick|nauseous|queasy|vomiting|throwing up|wobbly|weak|blurry|blurred|maread[ao]|temblando|tiemblo|sudando|somnolient[ao]|adormilad[ao]|con (?:mucho )?sueno|confundid[ao]|nauseas?|taquicardia|palpitaciones|debil|el corazon (?:me )?(?:late|va) (?:muy )?(?:rapido|fuerte|deprisa)";
const WEEK =
  /\b(?:monday to sunday|lunes a domingo|the whole (?:week|box|packet|bottle)|a whole (?:week|box|bottle)|toda la semana|la caja entera|el frasco entero|todo el pastillero|all (?:of )?them at once|all the (?:days|week)|todas de golpe|todas juntas)\b/;
const PRESCRIBED =
  /\b(?:doctor|nurse|pharmacist|gp|consultant|medico|doctora|enfermera|farmaceutic[ao]) (?:\w+ ){0,3}(?:said|says|told|wants|doubled|increased|changed|upped|put me on|dijo|me dijo|subio|aumento|cambio|doblo|receto)|prescribed|as prescribed|recetad[ao]|me (?:lo|la|las|los) (?:receto|mando)|(?:doctor|medico|doctora) (?:said|told|me dijo|dijo)\b/;

export function doseSignals(u: Utterance): Finding[] {
  const { text } = u;
  if (PRESCRIBED.test(text)) return [];
  const strong = STRONG.flatMap((src) => liveHits(text, src, { negatable: true }));
  // a week's or a box's worth at once, said any way ("the box, the pills, Monday to Sunday, all of them")
  if (WEEK.test(text) && new RegExp(`\\b${TOOK}\\b`).test(text) && new RegExp(`\\b${MED}\\b`).test(text)) strong.push(...liveHits(text, TOOK));
  const count = liveHits(text, COUNT);
  if (strong.length === 0 && count.length === 0) return [];
  const symptom = liveHits(text, SYMPTOM).filter((h) => !/\b(?:fine|ok|okay|alright|bien)\b/.test(text.slice(h.index, h.end + 10)));
  const finding = (urgency: "high" | "critical", h: Hit) =>
    capForRecentPast({ urgency, reason: urgency === "critical" ? "overdose" : undefined, health: "double dose", topics: ["medication"] }, h);
  if (symptom.length > 0) return [finding("critical", strong[0] ?? count[0])];
  return strong.length > 0 ? [finding("high", strong[0])] : [];
}
