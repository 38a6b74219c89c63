/**
 * Near-fainting (issue 11): sight going dark, grey or blurred, nearly passing out, "se me nubló la vista".
 * `high` when it passed (nearly, for a second, until it passed); `critical` while it is happening ("everything
 * is going black", "I'm about to pass out", "me voy a desmayar"): the person may be going down now.
 * An actual faint ("I passed out", "me desmayé") is the fainting rule's critical.
 */
import { capForRecentPast, liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const VISION =
  "(?:everything|it all|my vision|my sight|my eyes|vision|sight) (?:\\w+ ){0,2}?(?:went|goes|go|going|turned|turning|turns|gone|got|getting|went all|started going|started to go) (?:all |a bit |really )?(?:dark|black|grey|gray|white|dim|blurry|fuzzy|blank|foggy|misty|hazy|spotty)|(?:greyed|grayed|whited) out|(?:saw|seeing|see) (?:stars|spots|black spots|sparkles)|tunnel vision|se me (?:nublo|nubla|ha nublado|esta nublando|fue|va|iba|ha ido) la vista|(?:todo|lo vi todo) (?:se (?:puso|pone|volvio|me puso|me pone|me volvio) |se me (?:puso|fue|va) a |se me puso |me (?:fue|iba|va) a )?(?:negro|oscuro|blanco|gris)|vi (?:todo )?(?:negro|borroso|estrellas|puntos|lucecitas)|se me (?:oscurecio|oscurece|esta oscureciendo) (?:todo|la vista)|se me fue todo a negro|(?:un )?vahido";
const NEAR =
  "(?:had|have|having|took) (?:a |one of my |another )?(?:funny|dizzy|queer|peculiar|giddy|fainting) (?:turn|spell|do|episode)|went all (?:dizzy|giddy|wobbly|funny)|i (?:went|go|going|turned|came over|came) (?:all |very |really |a bit )?(?:grey|gray|white|pale|faint|funny|woozy|peculiar|queer)|(?:almost|nearly|about to|going to|thought i would|thought i was going to|felt like i was going to|like i would|could have|very nearly|close to) (?:faint|fainted|pass out|passed out|black out|blacked out|collapse|collapsed|keel over|go down)|came over (?:all )?(?:faint|funny|dizzy|woozy|queer|peculiar)|(?:feel|feeling|felt) (?:\\w+ )?(?:faint|like fainting|like passing out|like i might faint|like i am going to faint)|(?:casi|por poco) (?:me desmayo|me desmaye|me desvanezco|me desvaneci|pierdo el conocimiento|perdi el conocimiento|pierdo el sentido|perdi el sentido)|me (?:iba|voy) a desmayar|(?:sensacion|ganas) de desmayo|me (?:siento|senti) (?:\\w+ )?desmayar|(?:me dio|tuve) un (?:vahido|mareo fuerte|desvanecimiento)";
const ONGOING =
  "(?:everything|it all|my vision|my sight|my eyes|vision|sight) (?:is|are|keeps?|keep on) (?:going|getting|turning) (?:\\w+ )?(?:dark|black|grey|gray|dim|blurry)|(?:i am|i feel like i am|i think i am|i am going) (?:going to|about to|gonna) (?:faint|pass out|black out|collapse)|(?:right )?now (?:everything|my vision|it) (?:is|goes)|me (?:estoy|voy a) desmay(?:ando|ar)|se me esta (?:nublando|yendo) la vista|(?:se esta|esta) poniendo todo (?:negro|oscuro)|se me (?:esta )?oscureciendo";
const PASSED =
  /\b(?:for a (?:second|moment|minute|few seconds|bit)|a few seconds|then it passed|until it passed|it passed|went away|it is gone|better now|fine now|ok now|had to (?:sit|grab|hold|lean)|sat down|unos segundos|un momento|se me paso|ya (?:se me )?paso|ya estoy bien|almost|nearly|casi|por poco|was going|earlier|this morning|yesterday|esta manana|ayer)\b/;

const NOT_SIGHT =
  /\b(?:power|lights?|electricity|bulb|fuse|lamp|screen|tv|telly|outside|sunset|night|evening|clouds?|sky|luz|luces|apagon|afuera|anochece|anochecer|cielo|pantalla|tele)\b/;

export function nearFaintingSignals(u: Utterance): Finding[] {
  const { text } = u;
  if (NOT_SIGHT.test(text) && !/\b(?:faint|pass(?:ed)? out|desmay)/.test(text)) return [];
  if (/\b(?:laugh\w*|laughter|giggl\w*|risa|reir)\b/.test(text)) return []; // "I nearly passed out laughing"
  const ongoing = liveHits(text, ONGOING, { negatable: false });
  if (ongoing.length > 0 && !PASSED.test(text)) return [capForRecentPast({ urgency: "critical", reason: "fainting", health: "near fainting" }, ongoing[0])];
  const near = [...liveHits(text, VISION), ...liveHits(text, NEAR), ...ongoing];
  // went black and found themselves on the floor, or it keeps happening: they fainted
  if (
    near.length > 0 &&
    /\b(?:on the floor|on the ground|en el suelo|en el piso|woke up|came to|came round|keeps happening|keep blacking out|sigue pasando)\b/.test(text) &&
    !/\b(?:almost|nearly|casi|por poco)\b/.test(text)
  )
    return [capForRecentPast({ urgency: "critical", reason: "fainting", health: "fainting" }, near[0])];
  return near.length > 0 ? [capForRecentPast({ urgency: "high", health: "near fainting" }, near[0])] : [];
}
