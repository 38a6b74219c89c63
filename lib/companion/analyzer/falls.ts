/**
 * Falls by what they leave behind (issue 11): a body on the floor that cannot get up, and for how long.
 *
 * A "long lie" is a position on the ground (on the floor, carpet, tiles, lino, "down here", lying by the shed,
 * wedged between the toilet and the wall, "en el suelo", "tirada") together with time ("since" anything, all night,
 * for hours, "desde anoche", "llevo horas"), "still", or not being able to get up, anywhere in what was said.
 * Not being able to get up ("can't find the strength to get up", "no consigo levantarme") is critical on its
 * own; so are the ways of going down nobody says with "fall": slipped and landed, legs or hips gave way, toppled
 * over, went flying, "se me doblaron las piernas", "me fui de bruces".
 * Voluntary time on the floor (playing with the grandchildren, doing exercises, "to sort the photos") and getting
 * back up fine are not emergencies.
 */
import { capForRecentPast, liveHits, type Hit } from "./match";
import type { Finding, Utterance } from "./types";

const NOT_GROUND =
  "bed|sofa|settee|couch|sun|beach|hammock|lounger|sunlounger|chair|recliner|armchair|deckchair|pillow|cushion|table|desk|bench|phone|side of caution|cama|sofa|sillon|hamaca|silla";
const FLOOR = [
  "(?:on|off|onto|across|along) (?:the|my|this) (?:\\w+ )?(?:floor|ground|carpet|rug|tiles|grass|lawn|lino|linoleum|pavement|path|patio|stairs|landing|doormat|mat|floorboards|decking|driveway|gravel)",
  "(?:at|to) the (?:bottom|foot) of the stairs",
  "down here|down there|stuck (?:here|down here|down|where i am)",
  `(?:lying|laying|lay|sprawled|slumped|flat on my back|crumpled) (?:\\w+ ){0,2}?(?:on|by|next to|beside|near|at|across|under|behind|against) (?:the|my) (?!(?:${NOT_GROUND})\\b)\\w+`,
  "(?:wedged|stuck|trapped|pinned|jammed) (?:\\w+ )?(?:between|under|behind|beside|against|down the side of)",
  "(?:en|del|al) (?:el )?(?:suelo|piso)|(?:en|sobre) (?:la alfombra|las baldosas|las escaleras|la escalera|el cesped|la hierba)|aqui abajo|tirad[ao]|atrapad[ao]|encajad[ao] entre",
];
/** time on the ground: any "since ...", hours, all night, "desde ...", "llevo horas" */
const DURATION =
  "(?:ever )?since(?: \\w+){1,4}|for (?:about |around |nearly |almost |over |more than )?(?:hours|ages|a long time|a while|the night|most of the night|\\d+ hours|(?:a few|two|three|four|several|many|some) hours|an hour|half an hour|over an hour|ten minutes|\\d+ minutes)|(?:\\d+|two|three|four|five|six|several|a few|many|some) hours|an hour|half an hour|(?:all|the whole) (?:night|day|morning|afternoon|evening)|overnight|hours ago|(?:have|has) been (?:\\w+ )?for (?:hours|ages|a while)|desde (?:\\w+ ){1,3}|(?:llevo|lleva|llevamos) (?:\\w+ ){0,4}?(?:horas|rato|tiempo|la noche|mucho|asi)|toda la (?:noche|manana|tarde)|un buen rato|(?:varias|muchas|dos|tres|unas) horas";
const STILL = "still|sigo|todavia|aun";
const UNABLE_UP =
  "(?:can not|could not|unable to|can not seem to|have not been able to|will not let me|would not let me|am not able to|too weak to|no strength to|not strong enough to)(?: (?:find|muster|summon|get) the (?:strength|energy|power) to| seem to| manage to| quite| even)? (?:get up|get back up|stand up|get myself up|get myself off|get off|pull myself up|push myself up|lift myself|haul myself|get back on my feet|get to my feet|get onto my feet|get out of (?:the )?(?:bath|bathtub|tub))|stuck in the (?:bath|bathtub|tub)|no (?:me )?(?:puedo|pude|consigo|logro|podia)(?: \\w+){0,2}? (?:levantar(?:me)?|incorporar(?:me)?|parar(?:me)?|poner(?:me)? de pie|salir de la (?:banera|tina))|no tengo fuerzas? (?:para|de) (?:levantarme|incorporarme|pararme|ponerme de pie)";
/** getting up from somewhere that is not the floor is not a long lie ("can't get up the stairs", "out of bed") */
const UNABLE_UP_ELSEWHERE =
  /^ (?:straight|properly without|the stairs|those stairs|early|in the morning|out of bed|from (?:the |my )?(?:bed|chair|sofa|settee|armchair|table)|on time|de la cama|del sofa|de la silla|temprano)/;
const BATH = "(?:still|stuck|sigo|todavia) (?:\\w+ )?(?:in the (?:bath|bathtub|tub|shower)|en la (?:banera|tina|ducha))";
const SLIPPED = /\b(?:slipped|slid|fell|tripped|resbale|me cai|tropece)\b/;
const VOLUNTARY =
  /\b(?:playing|to find|to look|to get|to pick|to fetch|looking for|yoga|exercises?|exercising|physio|stretch(?:es|ing)?|to clean|cleaning|scrubbing|sat down to|to play|picnic|sunbathing|rolling|laughing|reading|relaxing|enjoying|lovely|sunshine|napping|jugar|jugando|para (?:jugar|buscar|limpiar|coger|recoger)|me sente para|haciendo (?:los )?ejercicios)\b/;
const RESOLVED =
  /\b(?:got (?:back )?up(?! the)|got myself (?:back )?up|managed to get (?:myself )?(?:back )?up|back up fine|back on my feet|until it passed|me (?:pude )?levante|pude levantarme|me pude (?:levantar|parar)|me he levantado|ya me levante|me pare sol[ao]|(?:logre|consegui) (?:levantarme|pararme)|ya estoy (?:bien|de pie)|i am (?:walking|up and about|back on my feet)|not hurt|estoy caminando|no me hice (?:nada|dano))\b/;

/**
 * The person got up again by themselves ("managed to get up", "me pude levantar", "me he levantado sola"): a fall
 * without a long lie is worth a call today (`high`), not an ambulance, unless something else is wrong.
 */
export function fallResolved(text: string): boolean {
  const m = RESOLVED.exec(text);
  return !!m && !/\b(?:not|no|never|nunca|could not|can not)(?: \w+)?\s*$/.test(text.slice(Math.max(0, m.index - 14), m.index));
}
const DOWN =
  "(?:slipped|slid|skidded)(?: \\w+){0,4} (?:and|then) (?:fell|went down|landed|ended up|hit|banged)|(?:legs?|knees?|hips?|ankles?|body) (?:just )?(?:gave way|gave out|gave up|buckled|went from under me|collapsed|folded)|toppled(?: over)?|keeled over|(?:^|\\| |i )(?:just )?went (?:flying|down(?! to| the road| the street| town| the shop| the stairs| for| well)|over(?! to| there| the| it| my| that| this)|head first|headfirst|backwards)|took a (?:tumble|header|spill)|ended up (?:on|in a heap on) the (?:floor|ground)|landed on (?:the (?:floor|ground)|my (?:hip|back|bottom|bum|side|head|face|wrist|knees?))|came a cropper|(?:resbale|tropece)(?: \\w+){0,4} y (?:me )?(?:cai|fui al (?:suelo|piso))|se me doblaron las (?:piernas|rodillas)|me fui (?:de bruces|al suelo|de espaldas|de boca|de lado|al piso)|acabe en el (?:suelo|piso)";

/** negated only right before the position ("I'm not on the floor"), not by "can't get off the floor" */
const notRightBefore = (text: string, h: Hit) => !/(?:^|\s)(?:not|never|nunca|no estoy|no)$/.test(text.slice(0, h.index).trimEnd());

export function fallSignals(u: Utterance): Finding[] {
  const { text } = u;
  const fall = (h: Hit) => capForRecentPast({ urgency: "critical" as const, reason: "fall", health: "fall" }, h);
  const out: Finding[] = [];
  const resolved = fallResolved(text);
  for (const h of liveHits(text, DOWN, { objectsCount: true })) {
    if (/\b(?:almost|nearly|just about|casi|por poco)\b/.test(text.slice(Math.max(0, h.index - 20), h.index))) continue;
    out.push(resolved ? { urgency: "high", health: "fall" } : fall(h));
  }
  for (const h of liveHits(text, BATH, { negatable: false })) if (SLIPPED.test(text)) out.push(fall(h));
  const unable = liveHits(text, UNABLE_UP, { negatable: false }).filter((h) => !UNABLE_UP_ELSEWHERE.test(text.slice(h.end)));
  for (const h of unable) out.push(fall(h));
  // on the floor on purpose ("to sort the photos", "playing"), unless they cannot get up again
  const onPurpose = (h: Hit) => /^ (?:to|para|a) [a-z]+/.test(text.slice(h.end)) || VOLUNTARY.test(text.slice(Math.max(0, h.index - 30), h.end + 50));
  // things seen or left on the floor are not a person lying there ("seeing little people on the carpet")
  const notAPerson = (h: Hit) =>
    !/\b(?:see|seeing|saw|seen|things|people|spilled|spilt|dropped|left|put|veo|viendo|cosas|gente|tire|deje)\b/.test(
      text.slice(Math.max(0, h.index - 40), h.index),
    );
  const lying = FLOOR.flatMap((src) => liveHits(text, src, { negatable: false }))
    .filter((h) => notRightBefore(text, h) && notAPerson(h))
    .filter((h) => unable.length > 0 || !onPurpose(h));
  if (lying.length > 0 && !resolved) {
    const time = liveHits(text, DURATION, { negatable: false, anySubject: true }).length > 0;
    const still = liveHits(text, STILL, { negatable: false }).length > 0;
    const trapped = /wedged|stuck|trapped|pinned|jammed|atrapad|encajad/.test(lying[0].text);
    if (time || still || trapped) out.push(fall(lying[0]));
  }
  return out;
}
