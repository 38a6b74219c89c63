/**
 * Whether something the analyzer found is happening to the speaker, now: the scope checks every signal shares.
 *
 *   negated       "I did not fall", "no chest pain", "ya no tengo la mano dormida"
 *   hypothetical  "what if I fell", "in case someone breaks in", "si alguna vez me caigo", "afraid I'll fall"
 *   remote past   "last year", "in 2019", "years ago", "when I was young", "used to", "hace años" (unless "again")
 *   recent past   "last week", "a few days ago", "la semana pasada": still worth telling, not an emergency now
 *   reported      "on the news", "in the film", "the book", "en la tele": a story, not the speaker
 *   third party   the nearest subject before the phrase is someone else ("my neighbour fell", "she collapsed")
 */
import { BOUNDARY, clauseAround } from "./normalize";

export interface Scope {
  negated: boolean;
  hypothetical: boolean;
  remotePast: boolean;
  recentPast: boolean;
  reported: boolean;
  thirdParty: boolean;
}

const NEGATORS = new Set(["not", "never", "without", "nunca", "sin", "ni", "jamas", "tampoco", "nobody", "nothing", "nadie", "nada", "no one"]);
const NEGATION_STOPS = new Set([
  BOUNDARY,
  "but",
  "pero",
  "and",
  "y",
  "so",
  "because",
  "porque",
  "then",
  "luego",
  "though",
  "although",
  "aunque",
  "sino",
  "now",
  "ahora",
]);
const NEGATION_WINDOW = 4;

/** The few tokens before a position, stopping at a clause boundary or a conjunction. */
export function precedingTokens(text: string, index: number, size = NEGATION_WINDOW): string[] {
  const before = text.slice(0, index).trim();
  if (!before) return [];
  const tokens = before.split(" ");
  const out: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && out.length < size; i--) {
    if (NEGATION_STOPS.has(tokens[i])) break;
    out.unshift(tokens[i]);
  }
  return out;
}

export function isNegated(window: string[], following = ""): boolean {
  return window.some((t, i) => {
    if (NEGATORS.has(t)) return true;
    if (t !== "no") return false;
    // "oh no i fell": "no" as an interjection before the subject does not negate
    const next = window[i + 1] ?? following;
    return !(next === "i" || next === "my" || next === "no");
  });
}

const HYPOTHETICAL =
  /\b(?:if|what if|in case|suppose|supposing|imagine|whether|(?:afraid|scared|worried|frightened|terrified|worry|fear|fears) (?:that )?(?:i|someone|somebody|they|he|she|it) (?:will|would|might|could|may)|(?:afraid|scared|frightened|terrified|worried) (?:of|about)|worry about|fear of|in the event|what would happen|what (?:do|would|should|will) i do if|que hago si|que haria si|que voy a hacer si|en caso de|por si|y si|que pasa(?:ria)? si|(?:miedo|temor) (?:de|a) que|me da miedo|me preocupa que|si (?:alguna vez|algun dia|un dia|me|te|se|le|no|tomo|tomara|tuviera|tengo|pasa|entra|alguien))\b/;
const REMOTE_PAST =
  /\b(?:last (?:year|month|winter|summer|spring|autumn|christmas|easter)|(?:\d+|a|one|two|three|four|five|few|several|many|some) (?:years|months|decades) ago|years ago|months ago|ages ago|long ago|a long time ago|years back|in (?:19|20)\d\d|back in|when i was (?:young|younger|little|a (?:girl|boy|child|kid|teenager)|at school|working|in my)|as a (?:child|girl|boy)|used to|before my (?:bypass|operation|surgery|stroke|hip|knee)|el (?:ano|mes|invierno|verano|otono) pasado|hace (?:\w+ )?(?:anos|meses|mucho tiempo|mucho)|en (?:19|20)\d\d|de (?:joven|nina|nino|pequena|pequeno|chica|chico)|cuando era (?:joven|nina|nino|pequena|pequeno)|antes de (?:mi|la) operacion|solia)\b/;
const RECENT_PAST =
  /\b(?:last week|the other (?:day|week)|a (?:few|couple of) (?:days|weeks) ago|(?:\d+|two|three|four|five|six|several|few) (?:days|weeks) ago|la semana pasada|el otro dia|hace (?:unos|un par de|\d+|dos|tres|cuatro|cinco|varios|unas) (?:dias|semanas))\b/;
const AGAIN = /\b(?:again|otra vez|de nuevo|nuevamente)\b/;
const FRAME =
  /\b(?:news|tv|television|telly|radio|film|movie|show|programme|program|series|soap|novel|newspaper|documentary|noticias|tele|television|pelicula|novela|telenovela|serie|programa|periodico)\b/;
const FIRST_PERSON = new Set(["i", "me", "my", "myself", "mine", "yo", "mi", "mis", "estoy", "tengo", "llevo", "sigo", "siento", "noto", "puedo"]);
/** people and animals that can be the subject of what happened */
const OTHERS = new Set(
  (
    "he she they someone somebody everyone people neighbor neighbour neighbors neighbours husband wife friend sister brother son daughter " +
    "man woman lady guy cat dog mother mom mum dad father grandson granddaughter grandma grandpa aunt uncle cousin nephew niece " +
    "patient character actor protagonist him her his their vecino vecina vecinos hermano hermana esposo esposa marido amigo amiga hijo hija " +
    "kids children grandkids grandchildren baby boy girl lad family we " +
    "mama papa madre padre nieto nieta nietos abuelo abuela tio tia primo prima alguien senor senora ella ellos ellas tuvo protagonista actor actriz ninos"
  ).split(" "),
);
/** things that fall (for the fall rules: "the vase fell") */
const OBJECTS = new Set(
  "it that things leaves tree trees snow rain prices glass cup plate picture vase book phone shelf branch pot jar bottle lamp".split(" "),
);

/** The nearest subject before the phrase inside its clause: the speaker, someone else, or unknown. */
function nearestSubject(before: string[], objectsCount: boolean): "self" | "other" | "unknown" {
  for (let i = before.length - 1; i >= 0 && i >= before.length - 10; i--) {
    const t = before[i];
    if (FIRST_PERSON.has(t)) return "self";
    // Spanish "he" is "I have" before a participle ("he visto sangre", "me he caído"), not "he"
    if (t === "he" && /(?:ado|ido|ada|ida|isto|echo|to|cho)$/.test(before[i + 1] ?? "")) return "self";
    if (OTHERS.has(t) || (objectsCount && OBJECTS.has(t))) return "other";
  }
  return "unknown";
}

/** The clause after `end` when it only dates what came before ("but that was long ago", "pero eso fue hace años"). */
function datingClause(text: string, end: number): string {
  const m = /^\s*\|\s*((?:but |pero )?(?:that|it|this|eso|esto) (?:was|is|were|fue|era|paso) [^|]*)/.exec(text.slice(end));
  return m ? m[1] : "";
}

export function scopeAt(text: string, start: number, end: number, opts: { objectsCount?: boolean } = {}): Scope {
  const clause = clauseAround(text, start, end);
  const beforeText = text.slice(clause.start, start).trim();
  const before = beforeText ? beforeText.split(" ") : [];
  const matched = text.slice(start, end);
  const window = precedingTokens(text, start);
  const frame = FRAME.exec(beforeText);
  const afterFrame = frame ? beforeText.slice(frame.index + frame[0].length).split(" ") : [];
  const again = AGAIN.test(clause.text);
  const subject = /^(?:i|me|my|yo|mi)\b/.test(matched) ? "self" : nearestSubject(before, opts.objectsCount ?? false);
  return {
    negated: isNegated(window, matched.split(" ")[0]),
    hypothetical:
      HYPOTHETICAL.test(beforeText) || /^(?:what (?:would|will) happen|is it (?:bad|dangerous|ok|okay|normal)|should i|can i|que pasa(?:ria)? si)\b/.test(text),
    // "blood everywhere | but that was long ago": a clause that only dates the one before it
    remotePast: (REMOTE_PAST.test(clause.text) || REMOTE_PAST.test(datingClause(text, clause.start + clause.text.length))) && !again,
    recentPast: RECENT_PAST.test(clause.text) && !again,
    reported: !!frame && !afterFrame.some((t) => t === "i" || t === "yo"),
    thirdParty: subject === "other",
  };
}
