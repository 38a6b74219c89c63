/**
 * Illness that needs a call today (issue 11, round 2): a symptom composed with how long or how much, rather than
 * each sentence. All `high`.
 *
 *   persistent   vomiting or diarrhoea + a span (since last night, all day, for three days, desde ayer, toda la
 *                noche), a count (three times), not keeping anything down, or weakness with it
 *   not eating   no food or no drink + a span of a day or more (since Tuesday, today or yesterday, desde anteayer,
 *                hace dos días que no como)
 *   confusion    a fever or temperature + losing track (muddled, mixed up, don't know what time it is, perdida)
 *   wounds       a wound gone red and hot, with pus or a smell; a burn that blistered
 *   reaction     a rash, hives, itching or swelling since a new medicine (pastilla nueva, desde que empecé)
 *   lost         out and cannot find the way home, nothing looks familiar, no sé cómo regresar
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const GI =
  "vomit\\w*|been sick|being sick|keep being sick|threw up|throwing up|thrown up|the runs|diarrh?o?ea|diarrhea|vomitando|vomite|vomito|he vomitado|devolviendo|diarrea|cagalera|chorrillo";
const PERSIST =
  "(?:ever )?since \\w+|all (?:day|night|morning|afternoon)|for (?:\\w+ ){0,2}(?:days|hours|a day|a week|weeks|nights)|(?:\\d+|two|three|four|five|six|several|a few|a couple of|couple) (?:days|times|nights|hours)|(?:can not|could not|can t) (?:keep|hold) (?:anything|nothing|it|water|food|fluids|any) down|will not stop|keeps? (?:on )?(?:coming|going)|desde \\w+|toda la (?:noche|manana|tarde)|todo el dia|(?:hace|llevo) (?:\\w+ ){0,2}(?:dias|horas|noches)|(?:dos|tres|cuatro|cinco|varias|muchas) veces|no (?:me )?para|no retengo|(?:very |so |muy )?(?:weak|debil)";
const NO_INTAKE =
  "(?:have not|has not|had not|not|nothing|no|never|did not|barely) (?:\\w+ ){0,2}?(?:eaten|eat|ate|had anything to eat|had a bite|had anything to drink|had a drink|drunk|drank|drink|had any water|touched (?:my )?food|food|water)(?: \\w+){0,3}? (?:since (?:\\w+)|for (?:\\w+ )?(?:days|a day|two days|a week)|(?:today|yesterday)(?: \\|)? or (?:today|yesterday)|in (?:\\w+ )?days)|(?:no|nada) (?:he |hemos )?(?:comido|bebido|tomado agua|probado bocado)(?: \\w+){0,3}? (?:desde|en) (?:ayer|anteayer|antier|el \\w+|hace)|hace (?:\\w+ ){0,2}(?:dias|un dia) que no (?:como|bebo|pruebo)|llevo (?:\\w+ ){0,2}(?:dias|un dia) sin (?:comer|beber|tomar agua)";
const FEVER = /\b(?:fever|temperature|feverish|temp|fiebre|calentura)\b/;
const LOSING_TRACK =
  /\b(?:(?:keep|keeps|kept|am) forgetting (?:what|where)|forget what i am doing|seeing things|no se (?:ni )?(?:lo que|que) estoy haciendo|se me olvida (?:lo que|que) (?:estoy|estaba) haciendo|veo cosas|confused|confusion|muddled|mixed up|losing track|lose track|lost track|can not think (?:straight|clearly)|(?:do not|can not) (?:know|tell|remember) (?:what|which) (?:day|time)|do not know what time it is|not making sense|confundid[ao]|desorientad[ao]|(?:como |medio )?perdid[ao]|no se (?:ni |bien )?(?:que|en que) (?:dia|hora)|no se que hora es|no se ni que dia es)\b/;
const WOUND = "(?:cut|wound|sore|graze|scratch|ulcer|leg|shin|foot|herida|corte|llaga|raspon|ulcera)";
const INFECTED = "(?:red|hot|angry|pus|yellow stuff|green stuff|oozing|weeping|smells?|stinks?|throbbing|roja|caliente|pus|supura\\w*|huele|hinchada)";
/** a burn (or something hot) and a blister anywhere in what was said */
const BURN =
  /\b(?:burn(?:ed|t|s)?|scald(?:ed)?|oven|stove|hob|iron|kettle|boiling|hot (?:water|oil|pan|fat)|queme|quemado|quemadura|quemo|aceite|comal|estufa|plancha|horno|hirviendo)\b/;
const BLISTER = "blister\\w*|ampollas?|skin (?:came|come|peeled) off|se me (?:levanto|pelo) la piel";
const NEW_MED =
  /\b(?:new (?:\w+ )?(?:pills?|tablets?|medicines?|medication|tablet|prescription|cream|antibiotics?)|since i (?:started|began)|started (?:the|my|on) (?:new )?(?:\w+ )?(?:pills?|tablets?|medicines?)|(?:pastilla|medicina|medicamento|remedio|tratamiento) nuev[ao]|(?:nueva|nuevo) (?:pastilla|medicina|medicamento|remedio)|desde que (?:empece|empeze|tomo|comence|empezo)|the new one)\b/;
const REACTION =
  /\b(?:rash|hives|itch\w*|swell\w*|swollen|puffy|welts|blotch\w*|bumps|sick to my stomach|ronchas|sarpullido|salpullido|me pica\w*|picazon|comezon|granitos|hinchad[ao]s?|ampollas)\b/;
const LOST_OUT =
  "(?:can not|could not|did not) (?:remember|find|know) (?:the |my )?way (?:home|back)|(?:nothing|none of it) looks (?:familiar|right)|(?:not sure|do not know) (?:which|what) (?:street|road|way) this is|got lost (?:on the way|going|coming|walking|driving)|no (?:se|sabia|supe|recuerdo) (?:como|por donde) (?:regresar|volver|llegar a (?:mi )?casa)|todo se ve (?:diferente|distinto|raro)|no reconozco (?:la calle|las calles|el barrio)|me (?:perdi|he perdido) (?:en la calle|volviendo|yendo|caminando)|(?:getting|got|get) lost in my own (?:house|home|flat)|me pierdo en mi (?:propia )?casa|(?:could not|can not) find the (?:bathroom|toilet|kitchen|bedroom)(?: \\w+){0,3}? (?:in my own|last night|at night)|(?:went out|going out|looking|out) (?:to find|to look for|for) my (?:mother|mum|mom|father|dad|husband)|(?:sali|voy|fui) a buscar a mi (?:mama|madre|papa|padre)|(?:it is|getting) dark(?: \\w+){0,4}? (?:do not know|lost|which way)";

export function illnessSignals(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  const high = (health: string): Finding => ({ urgency: "high", health });
  if (liveHits(text, GI).length > 0 && liveHits(text, PERSIST, { negatable: false, anySubject: true }).length > 0) out.push(high("nausea"));
  const noIntake = liveHits(text, NO_INTAKE, { negatable: false }).filter((h) => !/\b(?:these days|lately|much|mucho|ultimamente)\b/.test(h.text));
  if (noIntake.length > 0) out.push(high("not eating"));
  if (FEVER.test(text) && LOSING_TRACK.test(text) && liveHits(text, "fever|temperature|feverish|temp|fiebre|calentura").length > 0) out.push(high("fever"));
  if (
    liveHits(text, `${WOUND}(?: \\w+){0,6}? ${INFECTED}(?: \\w+){0,4}? ${INFECTED}|${WOUND}(?: \\w+){0,6}? (?:pus|yellow stuff|green stuff|supura\\w*)`)
      .length > 0
  )
    out.push(high("infected wound"));
  if (BURN.test(text) && liveHits(text, BLISTER).length > 0) out.push(high("burn"));
  if (NEW_MED.test(text) && REACTION.test(text)) out.push(high("medication reaction"));
  if (liveHits(text, LOST_OUT, { negatable: false }).length > 0) out.push(high("confusion"));
  return out;
}
