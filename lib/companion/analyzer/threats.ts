/**
 * Threats at home (issue 11): a stranger inside or trying to get in, steps in the house of someone who lives alone,
 * being threatened or hurt by someone. Composed from who (someone, a man, a stranger, alguien, un hombre) and what
 * (trying the door, in my kitchen, broke the window, won't leave, banging on the door, intentando entrar).
 * Someone known (the postman, the plumber, my grandson, it was the cat), a story on TV, a fear of what might happen
 * ("I'm scared someone will break in") and the long past are not emergencies.
 */
import { capForRecentPast, hits, live, liveHits, type Hit } from "./match";
import type { Finding, Utterance } from "./types";

const UNKNOWN =
  "someone|somebody|some one|an? (?:\\w+ )?(?:man|woman|stranger|person|guy|bloke|lad|fella|fellow|chap|figure|youth|youngster)|strangers|two men|some men|three men|some lads|some youths|alguien|un hombre|una mujer|un desconocido|una desconocida|unos desconocidos|un tipo|unos tipos|un senor|una senora|un chico|unos hombres|unos chicos|gente|una persona";
const INTRUDE =
  "(?:trying|tried|try|wants?|attempting|tries) to (?:get|break|come|force (?:\\w+ )?way|climb) in(?:to| through)?|trying (?:the|my) (?:\\w+ )?(?:door|handle|door handle|window|windows|lock)|trying to (?:open|force|unlock|get through|pick|jimmy|prise|prize|kick (?:in|down)) (?:the|my) (?:\\w+ )?(?:door|window|windows|lock|gate)|broke (?:in|into|the (?:\\w+ )?(?:window|door|lock|glass))|breaking (?:in|into|the (?:\\w+ )?(?:window|door|lock))|break in|forced (?:the|my) (?:\\w+ )?(?:door|lock|window)|forcing (?:the|my) (?:\\w+ )?(?:door|lock|window)|pushed (?:his|her|their) way in|(?:is|are|was|were|got) (?:in|inside|into) (?:my|the) (?:house|home|flat|kitchen|bedroom|hall|hallway|living room|lounge|bathroom|garage|shed|back garden)|(?:walking|moving|creeping|wandering|going) (?:about |around )?(?:downstairs|upstairs|in the house|in my house|inside)|standing in (?:my|the) (?:kitchen|house|hall|hallway|bedroom|living room|garden|doorway)|will not (?:leave|go away|go)|(?:banging|hammering|pounding|kicking|rattling) (?:on|at) (?:my|the) (?:\\w+ )?(?:door|window)|looking (?:in|through) (?:my|the) windows?|peering (?:in|through)|following me|watching (?:me|the house)|at (?:my|the) (?:bedroom )?window at night|climbing (?:over|in|through)|(?:in|inside) (?:my|the) (?:house|home|flat|kitchen|bedroom|hall|hallway|living room|lounge|sitting room|front room|bathroom|attic|loft|garage)|(?:rattling|banging|hammering|pounding|kicking|shaking|forcing|trying) (?:on |at )?(?:my|the) (?:\\w+ )?(?:door|doors|window|windows|lock|handle|letterbox|gate)|climb(?:ed|ing|s)? (?:over|in|through|up) (?:the|my) (?:\\w+ )?(?:fence|wall|gate|window|balcony|hedge)|(?:hiding|lurking|crouching|creeping|waiting|skulking) (?:in|inside|behind|under|round|around) (?:my|the) \\w+|(?:is|are|was|were|got) (?:in|inside|into) (?:my|the) (?:\\w+ )?(?:room|house|home|flat|kitchen|bedroom|cellar|basement|loft|attic|garage|shed)";
const INTRUDE_ES =
  "(?:intenta|intentan|intentando|quiere|quieren|trata de|tratan de|tratando de|queria) (?:entrar|abrir la puerta|abrir la ventana|forzar)|(?:entro|entraron|se metio|se metieron|ha entrado|han entrado|se ha metido|se han metido) (?:a |en )?(?:mi |la )?casa|(?:esta|estan|hay \\w+|hay \\w+ \\w+) (?:dentro de|en) (?:mi|la) (?:casa|cocina|habitacion|cuarto|salon|pasillo|dormitorio)|(?:forzaron|forzado|han forzado|ha forzado|forzando|rompieron|han roto|ha roto|rompio|roto) (?:el|la|mi|una|un) (?:\\w+ )?(?:cerradura|puerta|ventana|cristal|vidrio|reja|candado)|no se (?:quiere|quieren) ir|(?:golpeando|aporreando|pateando) (?:la|mi) (?:puerta|ventana)|mirando por (?:la|mi|las) ventanas?|me (?:esta|estan) (?:siguiendo|vigilando)";
const STEPS =
  "(?:hear|heard|hearing|can hear) (?:someone|somebody|footsteps|steps|noises|voices|people|a man)(?: \\w+){0,4}? (?:downstairs|upstairs|in the house|inside|in the kitchen|in the next room|in the hall|in my house)|footsteps (?:downstairs|upstairs|in the house|inside)|(?:glass|a window|the window|the door) (?:break|breaking|smash|smashing|shatter|shattering|being forced|forced)(?: \\w+){0,2}? (?:downstairs|upstairs|in the house|inside|at the back|in the kitchen)|(?:an? |there is an? )?(?:intruders?|burglars?|prowlers?)|(?:hay |un )?(?:ladron|ladrones|intrus[ao]s?)|(?:escucho|oigo|se oyen|se escuchan|hay) (?:pasos|ruidos|voces|a alguien)(?: \\w+){0,2}? (?:dentro|en la casa|abajo|arriba|en la cocina|en el pasillo)";
const THREAT =
  "(?:say|says|said|saying|shouting|shouted|yelling|yelled|screaming|dicen|dice|dijeron|dijo|gritan|gritando) (?:that )?(?:que )?(?:they|he|she|they are|he is)? ?(?:are |is )?(?:going to|gonna|will|would|me (?:van|va) a|me iban a|me iba a) (?:kill|hurt|get|beat|matar|pegar|hacer dano|lastimar)(?: me)?|(?:saying|says|said|shouting|threatening|dice|dicen|gritando) (?:that )?(?:que )?(?:he|they|she)? ?(?:will|would|is going to|are going to|gonna|va a|van a) (?:break|kick|smash|tirar|romper|derribar) (?:it|the door|the window|la puerta|la ventana)(?: down| in)?|threaten(?:ed|ing|s) (?:me|to)|(?:said|says|shouting|shouted|yelling|yelled|screaming) (?:that )?(?:he|she|they) (?:would|will|is going to|was going to|are going to) (?:hurt|kill|break|get|hit|smash|burn)|(?:hit|hitting|punched|slapped|pushed|shoved|grabbed|attacked|robbed|mugged|assaulted|beat|beating|kicked|hurt) me|me (?:amenazo|amenazaron|amenaza|amenazan|pego|pegaron|pega|empujo|empujaron|robo|robaron|ataco|atacaron|asaltaron|golpeo|golpearon)|me (?:quiere|quieren) (?:pegar|hacer dano|matar|robar)|me (?:han|ha) (?:amenazado|pegado|robado|atacado|empujado|golpeado|asaltado)";
const AT_THE_DOOR =
  "(?:at|outside|by) (?:my|the) (?:\\w+ )?(?:door|window|gate)|(?:en|a) la (?:puerta|ventana)|en el (?:patio|jardin)|in (?:my|the) (?:back |front )?(?:garden|yard)";
const UNKNOWN_CUE =
  /\b(?:(?:do not|did not|can not) (?:know|recogni[sz]e)|never seen|no (?:lo |la |los |las )?conozco|desconocid[ao]s?|stranger|at night|in the dark|scared|frightened|terrified|miedo|asustad[ao]|de noche)\b/;
/** the person is known ("the postman", "my grandson"), or it turned out to be nothing */
const KNOWN_ROLE =
  /\b(?:postman|postwoman|postie|mailman|delivery|courier|plumber|electrician|builder|nurse|carer|caregiver|doctor|gardener|window cleaner|neighbou?rs?|grandson|granddaughter|grandkids|grandchildren|son|daughter|husband|wife|brother|sister|friend|engineer|meter|cartero|repartidor|fontanero|electricista|albanil|enfermera|cuidadora|medico|jardinero|vecin[ao]s?|nieto|nieta|nietos|hijo|hija|marido|esposo|hermano|hermana|amig[ao])\b/;
const FALSE_ALARM =
  /\b(?:it (?:was|is) (?:just |only )?(?:the|my|our)|turned out to be|false alarm|it was nothing|(?:es|era) (?:solo |solamente )?(?:el|la|mi)|no era nadie|the cat|the wind|el gato|el viento)\b/;

export function threatSignals(u: Utterance): Finding[] {
  const { text } = u;
  if (FALSE_ALARM.test(text)) return [];
  const threat = (h: Hit) => capForRecentPast({ urgency: "critical" as const, reason: "threat", health: undefined, topics: ["safety"] }, h);
  const byOthers = { anySubject: true } as const;
  // not something the speaker or someone they know did ("I broke the window", "my grandson broke the window")
  const notMe = (h: Hit) => {
    const before = text.slice(Math.max(0, h.index - 40), h.index);
    return !/(?:^|\s)i (?:\w+ )?$/.test(before) && !/^i /.test(h.text) && !KNOWN_ROLE.test(before.split(" ").slice(-5).join(" "));
  };
  const out: Finding[] = [];
  // being threatened or hurt counts whoever does it (a carer, a relative)
  for (const h of liveHits(text, THREAT, byOthers)) out.push(threat(h));
  for (const h of liveHits(text, STEPS, byOthers)) out.push(threat(h));
  const unknown = hits(text, UNKNOWN).filter((h) => live(h, byOthers));
  const intrude = [...liveHits(text, INTRUDE, byOthers), ...liveHits(text, INTRUDE_ES, byOthers)].filter(notMe);
  // a break-in needs no named stranger ("they broke the back window", "me han forzado la cerradura")
  // someone else's car, shop or house is not this patient's home ("tried to break into her car")
  const elsewhere = (h: Hit) =>
    /^ (?:her|his|their|a|an|the neighbou?r|next door|the shop|the car|de (?:la|el|su) (?:vecin\w*|tienda|coche))\b/.test(text.slice(h.end)) ||
    /\b(?:car|van|shop|bank|coche|tienda)\b/.test(h.text);
  for (const h of intrude.filter((x) => !elsewhere(x))) {
    if (unknown.length > 0 || /broke|break|forc|pushed|forzar|forza|rompi|roto|entr|metio|metieron/.test(h.text)) out.push(threat(h));
  }
  if (unknown.length > 0 && !KNOWN_ROLE.test(text) && liveHits(text, AT_THE_DOOR, byOthers).length > 0 && UNKNOWN_CUE.test(text)) out.push(threat(unknown[0]));
  return out;
}
