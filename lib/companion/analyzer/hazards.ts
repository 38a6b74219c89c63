/**
 * Hazards at home with the person in them (issue 11, round 2), composed from the hazard and what it is doing to them.
 *
 *   cold       a cold house (heating broke, furnace quit, se cortó el gas, hace un frío bárbaro, no me puedo calentar)
 *              + confusion ("can't think straight", "muddled", "confundida"): critical; cold + shivering
 *              that will not stop: high
 *   water      water or a leak reaching electrics (the light fitting, sockets, enchufes, sparks, chispas): critical
 *   airway     a throat, tongue or lips swelling or closing, not being able to swallow; a face swelling after a sting
 *              or a food: critical (anaphylaxis)
 */
import { liveHits } from "./match";
import type { Finding, Utterance } from "./types";

const COLD =
  "(?:heating|heater|furnace|boiler|heat|radiators?) (?:\\w+ ){0,2}?(?:broke|broken|quit|is off|went off|gone off|stopped|not working|packed up|died|out)|(?:house|flat|home|room|place|it) is (?:\\w+ )?(?:freezing|so cold|ice cold|like ice)|(?:so|very|really|freezing) cold in (?:the|my|here)|no heat(?:ing)?|can not (?:get|keep) warm|(?:hace un|que) frio(?: (?:barbaro|terrible|horrible|tremendo|bestial))?|(?:calefaccion|estufa|calentador|caldera) (?:\\w+ ){0,2}?(?:no funciona|se rompio|se apago|esta apagada|no prende|no anda)|no me (?:puedo )?caliento|(?:se corto|se fue|no hay|sin) (?:el gas|la calefaccion|calefaccion|la luz)|no me puedo calentar|(?:la casa|aqui) esta (?:helada|congelada)|frio barbaro|me estoy congelando";
const SHIVER = "(?:can not|could not) stop (?:shivering|shaking)|shivering|shaking all over|temblando|tiritando|no paro de temblar";
const CONFUSED =
  "(?:can not|could not) think (?:straight|clearly|properly)|confused|muddled|mixed up|do not know what (?:day|time)|confundid[ao]|desorientad[ao]|no puedo pensar|no se (?:ni )?(?:que dia|que hora|donde)|drowsy|somnolient[ao]";
const WATER = "water|leak|leaking|flood\\w*|dripping|pouring|agua|gotera|inund\\w*|gotea";
const ELECTRIC =
  "light fittings?|lights? (?:are |is |keep )?flicker\\w*|electrics?|electricity|sockets?|outlets?|plugs?|fuse ?box|wires|wiring|sparks?|sparking|enchufes?|chispas?|cables|la luz (?:parpadea|se va)|cuadro electrico";
/** the airway itself closing: critical on its own */
const AIRWAY =
  "(?:throat|tongue|garganta|lengua) (?:\\w+ |\\| ){0,3}?(?:is |are |feels |feel )?(?:closing|swelling|swollen|swell\\w*|puffing up|hinchad[ao]s?|hinchando|cerrando|se cierra)|(?:se me (?:esta )?(?:hinchando|hincha|cierra|cerrando|inflando)) (?:\\w+ ){0,4}?(?:la garganta|la lengua)|(?:throat|garganta) (?:is |feels )?(?:closing|tight|cerrada|cerrandose)";
/** swelling of the face or lips, or not swallowing: critical after a sting, a food or a new medicine */
const FACE_SWELL =
  "(?:face|eyes|lips?|cara|ojos|labios?) (?:\\w+ ){0,3}?(?:swelling|swollen|puffing up|hinchad[ao]s?|hinchando)|se me (?:esta )?(?:hinchando|hincha) (?:toda )?(?:la cara|los labios|los ojos)|(?:can not|could not) swallow|no (?:puedo|podia) tragar";
const TRIGGER =
  /\b(?:sting|stung|bee|wasp|hornet|ate|eaten|eating|shrimp|prawns|nuts|peanuts?|shellfish|allerg\w*|pico|picadura|abeja|avispa|comi|camarones|gambas|mariscos|cacahuetes?|mani|alergi\w*|new (?:pill|tablet|medicine)|pastilla nueva)\b/;

export function hazardSignals(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  if (liveHits(text, COLD, { negatable: false, anySubject: true }).length > 0) {
    const shiver = liveHits(text, SHIVER, { negatable: false }).length > 0;
    const confused = liveHits(text, CONFUSED).length > 0;
    if (confused) out.push({ urgency: "critical", reason: "safety", health: "hypothermia" });
    else if (shiver) out.push({ urgency: "high", health: "hypothermia" });
  }
  const water = liveHits(text, WATER, { anySubject: true });
  if (water.length > 0 && liveHits(text, ELECTRIC, { anySubject: true }).length > 0 && !/\b(?:bill|factura|recibo)\b/.test(text))
    out.push({ urgency: "critical", reason: "safety", topics: ["safety"] });
  const airway = liveHits(text, AIRWAY, { negatable: false }).filter(
    () => !/\b(?:sore|dolor|raspy|dry|seca|irritad\w*|glands|ganglios|anginas|cold|flu|gripe|resfriad\w*)\b/.test(text),
  );
  if (airway.length > 0 || (liveHits(text, FACE_SWELL).length > 0 && TRIGGER.test(text)))
    out.push({ urgency: "critical", reason: "breathing", health: "allergic reaction" });
  return out;
}
