/**
 * Self-harm (issue 11, round 2): what someone who means to die says, composed from intent, means and farewell rather
 * than one sentence each, and hopelessness without intent apart.
 *
 *   intent       going to end it, don't want to be here (anymore / no more), me quiero matar, no quiero seguir viviendo
 *   means        saving up / hoarding my tablets, a gun, a rope, the pills here on the table, juntando las pastillas
 *   farewell     a letter for when they find me, you won't need to visit, la carta para cuando me encuentren
 *   hopelessness what's the point of anything, a burden, nothing to look forward to, ya no le veo sentido, una carga
 *
 * Intent, means or farewell: critical. Hopelessness alone: high (a caregiver calls today). The phrase rules keep
 * the usual wordings ("I want to die", "kill myself"); negation, hypotheticals and other people apply as everywhere.
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const INTENT =
  "(?:going to|gonna|want to|ready to|will) end (?:it|things|my life)(?: all)?|(?:do not|dont) want to (?:be here|be around|live|go on)(?: \\w+){0,2}? (?:no more|anymore|any more|any longer)|(?:do not|dont) want to be (?:here|around|alive)(?= \\||$)|(?:me )?(?:quiero|voy a) matar(?:me)?|me voy a (?:quitar la vida|matar)|no quiero (?:seguir )?(?:viviendo|vivir)(?= \\||$| ya| mas| asi)|ya no quiero (?:seguir|vivir|estar aqui|estar en este mundo)|quiero (?:irme|desaparecer) (?:de este mundo|para siempre)|(?:i am |i have )?(?:done|finished) with (?:living|life|it all)";
const MEANS =
  "(?:saving|saved|stockpiling|hoarding|collecting|keeping|put aside|putting aside) (?:up )?(?:all )?(?:my |the |some )?(?:\\w+ )?(?:tablets|pills|medicines|sleeping pills)|(?:got|have|took|taken|get|sacado|tengo) (?:\\w+ ){0,3}?(?:gun|pistol|rifle|shotgun|rope|pistola|escopeta|soga|cuerda) (?:out|ready|here|loaded|aqui|lista)|(?:got|taken|took|sacado|saque) (?:my |his |her |mi |la |el |the )?(?:\\w+ )?(?:gun|pistol|rifle|shotgun|pistola|escopeta|revolver)|(?:juntando|guardando|ahorrando) (?:\\w+ )?(?:las |mis )?(?:pastillas|medicinas|pildoras)|tengo (?:todas )?las pastillas (?:aqui|preparadas|listas|en la mesa)";
const FAREWELL =
  "(?:will not|would not|won't) be (?:a nuisance|a bother|a burden|around|here|troubling you|bothering anyone) (?:much |for )?(?:longer|long)|ya no (?:voy a )?(?:molestar|ser una carga) (?:por )?mucho (?:tiempo|mas)|(?:letter|note|carta|nota) (?:\\w+ ){0,4}?(?:for when (?:they|you|someone) find|para cuando me (?:encuentren|encuentres|encuentre))|(?:when|para cuando) (?:they|you|someone|me) (?:find|encuentren|encuentres) me(?: \\w+)? (?:gone|dead)?|(?:will not|do not think i will|won't) (?:be )?(?:needing|need) you (?:to visit|to come|anymore|any more)|no (?:me )?(?:van|vas) a (?:tener que|necesitar) (?:visitar|venir)|(?:carta|cartas) de despedida|(?:said|saying|say) (?:my )?goodbyes? to (?:everyone|you all|the family)|me (?:estoy )?despidiendo de (?:todos|ustedes)";
const HOPELESS =
  "what is the point (?:of|in) (?:anything|it|any of it|me|getting up)|there is no point (?:anymore|any more|in anything|to anything)|no point (?:in )?(?:anything|going on) ?(?:anymore)?|(?:such|just|only) a burden|a burden (?:to|on) (?:everyone|you all|my family|them)|nothing (?:left )?to look forward to|nothing (?:is )?(?:ever )?(?:going to|gonna|will) (?:get|be) better|(?:so|feel|feeling|completely|totally|utterly) hopeless(?! at)|no le veo (?:el )?sentido a (?:nada|la vida|seguir)|nada tiene sentido|ya no (?:sirvo|valgo) para nada|(?:soy|nomas soy|solo soy) una carga|no tengo (?:nada|por que|para que) (?:por que |para que )?vivir|para que (?:sigo|seguir)|no vale la pena (?:nada|seguir)|what is the point(?= \\||$)|(?:nobody|no one) needs me|(?:no|not) (?:any )?use to anyone|nadie me necesita|no tengo ganas de nada|(?:^|\\| )para que(?= \\||$)";

export function selfHarmSignals(u: Utterance): Finding[] {
  const { text } = u;
  const critical = [INTENT, MEANS, FAREWELL].flatMap((src) => liveHits(text, src, { negatable: src !== INTENT }));
  if (critical.length > 0) return [{ urgency: "critical", reason: "self_harm", health: "self-harm thoughts", sentiment: "distressed" }];
  if (liveHits(text, HOPELESS).length > 0) return [{ urgency: "high", health: "hopelessness", sentiment: "concerned" }];
  return [];
}
