/**
 * Falls by what they leave behind (issue 11): a body on the floor that cannot get up, and for how long.
 *
 * A "long lie" is a position on the floor (floor, ground, carpet, tiles, "down here", "en el suelo") together with
 * time (since this morning, all night, for hours, desde anoche, llevo horas), "still" or not being able to get
 * up, anywhere in what was said. Also the ways of going down nobody says with "fall": slipped and landed, legs
 * gave way, toppled over, went flying, "se me doblaron las piernas", "me fui de bruces".
 * Voluntary time on the floor (playing with the grandchildren, looking for the cat's toy) and getting back up
 * fine are not emergencies.
 */
import { capForRecentPast, liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const FLOOR =
  "(?:on|off|onto|across) (?:the|my|this) (?:\\w+ )?(?:floor|ground|carpet|rug|tiles|grass|lawn|lino|linoleum|pavement|path|patio|stairs|landing|doormat|mat)|down here|down there|stuck (?:here|down here|down)|en el (?:suelo|piso)|(?:en|sobre) (?:la alfombra|las baldosas|las escaleras|la escalera|el cesped|la hierba)|aqui abajo|tirad[ao]";
const DURATION =
  "since (?:about |around |roughly |maybe |before |after )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midday|noon)|since (?:this |last |early )?(?:morning|breakfast|lunch|lunchtime|dinner|teatime|tea|last night|yesterday|the night|night|\\d+|early|then|dawn|midnight|bedtime)|for (?:hours|ages|a long time|a while|the night|most of the night|\\d+ hours|(?:a few|two|three|four|several|many|some) hours|an hour|over an hour)|(?:\\d+|two|three|four|five|six|several|a few|many|some) hours|an hour|half an hour|(?:all|the whole) (?:night|day|morning|afternoon|evening)|overnight|hours ago|desde (?:anoche|ayer|la manana|esta manana|la noche|hace|las \\d+|el mediodia|la madrugada)|(?:llevo|lleva|llevamos) (?:\\w+ )?(?:horas|rato|tiempo|toda la noche|la noche|mucho)|toda la (?:noche|manana|tarde)|un buen rato|(?:varias|muchas|dos|tres|unas) horas";
const STILL = "still|sigo|todavia|aun";
const UNABLE_UP =
  "(?:can not|could not|unable to|can not seem to|have not been able to|will not let me|would not let me|am not able to) (?:get up|get back up|stand|stand up|get myself up|get myself off|pull myself up|push myself up|lift myself|haul myself|get off|get back on my feet|get to my feet)|no (?:me )?(?:puedo|pude|consigo|logro|podia) (?:levantar(?:me)?|incorporar(?:me)?|parar(?:me)?|poner(?:me)? de pie)|no tengo fuerzas? (?:para|de) (?:levantarme|incorporarme|pararme|ponerme de pie)|(?:can not|could not|unable to) (?:get|climb|pull myself) out of the (?:bath|bathtub|tub)|stuck in the (?:bath|bathtub|tub)|no (?:puedo|consigo) salir de la (?:banera|tina)";
/** in the bath after slipping: stuck there is a long lie too */
const BATH = "(?:still|stuck|sigo|todavia) (?:\\w+ )?(?:in the (?:bath|bathtub|tub|shower)|en la (?:banera|tina|ducha))";
const SLIPPED = /\b(?:slipped|slid|fell|tripped|resbale|me cai|tropece)\b/;
const VOLUNTARY =
  /\b(?:playing|play|to find|to look|to get|to pick|to fetch|looking for|yoga|exercises?|stretch(?:es|ing)?|to clean|cleaning|scrubbing|sat down to|to play|picnic|jugar|jugando|para (?:jugar|buscar|limpiar|coger|recoger)|me sente para)\b/;
const RESOLVED = /\b(?:got (?:back )?up(?! the)|managed to get up|back up fine|back on my feet|until it passed|me (?:pude )?levante|pude levantarme|ya me levante|ya estoy (?:bien|de pie))\b/;
const DOWN =
  "(?:slipped|slid|skidded)(?: \\w+){0,4} (?:and|then) (?:fell|went down|landed|ended up|hit|banged)|(?:legs?|knees?) (?:just )?(?:gave way|gave out|buckled|went from under me|collapsed|went)|toppled(?: over)?|keeled over|i (?:just )?went (?:flying|down(?! to| the road| the street| town| the shop| the stairs| for)|over(?! to| there| the)|head first|headfirst|backwards)|took a (?:tumble|header|spill)|ended up (?:on|in a heap on) the (?:floor|ground)|landed on (?:the (?:floor|ground)|my (?:hip|back|bottom|bum|side|head|face|wrist|knees?))|came a cropper|(?:resbale|tropece)(?: \\w+){0,4} y (?:me )?(?:cai|fui al (?:suelo|piso))|se me doblaron las (?:piernas|rodillas)|me fui (?:de bruces|al suelo|de espaldas|de boca|de lado|al piso)|acabe en el (?:suelo|piso)";

export function fallSignals(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  for (const h of liveHits(text, DOWN, { objectsCount: true })) {
    if (/\b(?:almost|nearly|just about|casi|por poco)\b/.test(text.slice(Math.max(0, h.index - 20), h.index))) continue;
    out.push(capForRecentPast({ urgency: "critical", reason: "fall", health: "fall" }, h));
  }
  for (const h of liveHits(text, BATH, { negatable: false })) if (SLIPPED.test(text)) out.push(capForRecentPast({ urgency: "critical", reason: "fall", health: "fall" }, h));
  const floor = liveHits(text, FLOOR);
  const unable = liveHits(text, UNABLE_UP, { negatable: false }).length > 0;
  // on the floor on purpose ("to sort the photos", "playing"), unless they cannot get up again
  const onPurpose = (h: { end: number }) => /^ (?:to|para|a) [a-z]+/.test(text.slice(h.end)) || VOLUNTARY.test(text);
  const lying = floor.filter((h) => unable || !onPurpose(h));
  if (lying.length > 0 && !RESOLVED.test(text)) {
    const time = liveHits(text, DURATION, { negatable: false, anySubject: true }).length > 0;
    const still = liveHits(text, STILL, { negatable: false }).length > 0;
    if (time || still || unable) out.push(capForRecentPast({ urgency: "critical", reason: "fall", health: "fall" }, lying[0]));
  }
  return out;
}
