/**
 * Vital signs with numbers (issue 11): blood sugar, blood pressure, oxygen saturation, pulse and temperature,
 * read from what the patient says their meter shows, and judged against fixed thresholds.
 *
 *   blood sugar   <= 54 or >= 400 mg/dL critical; <= 69 or >= 300 high (mmol/L below 35 are converted; a meter
 *                 that says "HI" or "LO" is critical)
 *   pressure      systolic >= 200, diastolic >= 120 or systolic <= 80 critical; systolic >= 180, diastolic >= 110
 *                 or systolic <= 90 high, critical with symptoms (headache, chest, sight, weakness, faintness);
 *                 Spanish centimetres ("18 con 10", "22 de máxima") are read as 180/100 and 220
 *   oxygen        <= 88% critical; <= 92% high
 *   pulse         <= 40 or >= 140 critical; <= 50 or >= 120 high
 *   temperature   >= 41 °C critical; >= 39.5 °C high, critical with confusion; <= 35 °C high (°F converted)
 *
 * A reading from a device nobody names the measure of ("the machine says 220 over 125", "the meter's reading 2.4",
 * "the watch says 175", "la maquinita dice 520") is given a measure by its form and what else was said: two numbers
 * are a pressure; a heart, a pulse or racing make it a pulse; a watch is a pulse; oxygen words make it oxygen;
 * otherwise a meter is a blood-sugar meter. "X over Y" with a plausible pressure is a pressure anywhere.
 *
 * Normal numbers ("sugar 105", "presión 128/80", "oxygen 97 percent") raise nothing. A number is taken from
 * a few words after the measure's name (or "40 de fiebre" before it), never a time ("at 8") or a duration.
 */
import { capForRecentPast, hits, live, liveHits, type Hit } from "./match";
import type { Finding, Urgency, Utterance } from "./types";

type Kind = "glucose" | "pressure" | "oxygen" | "pulse" | "temperature";

const KINDS: [Kind, string][] = [
  [
    "oxygen",
    "oxygen(?: level| levels| saturation| sats| reading)?|o2|sats|saturation|pulse ?ox(?:imeter)?|oximeter|finger (?:thing|monitor|clip|gadget)|(?:clip|thing|gadget|monitor|peg)(?: \\w+){0,2} (?:on|in) my finger|(?:la )?pinza del dedo|aparatito del dedo|lo del dedo|oxigeno|saturacion|saturometro|oximetro|pulsioximetro",
  ],
  [
    "glucose",
    "(?:blood )?sugars?(?: level| levels| reading| machine| meter| monitor| thing| test)?|(?:blood )?glucose(?: level| levels| reading| meter| monitor)?|glucometer|bg|azucar|glucosa|glucemia|glicemia|glucometro",
  ],
  ["pressure", "blood pressure(?: monitor| machine| reading| cuff)?|bp|pressure|presion(?: arterial)?|tension(?: arterial)?|maxima|minima"],
  ["pulse", "pulse|heart ?rate|heartbeat|bpm|pulso|pulsaciones|frecuencia cardiaca|latidos"],
  ["temperature", "temperature|temp|fever|temperatura|fiebre|calentura|thermometer|termometro"],
];

/** a token that names a measure: the reading before it belongs to that one, not the next */
const KIND_TOKEN = new RegExp(`^(?:${KINDS.map(([, src]) => src).join("|")})$`);
const NOT_A_READING =
  /^(?:pills?|tablets?|medicines?|medications?|meds|appointment|check|clinic|nurse|pastillas?|medicinas?|medicamentos?|cita|control|strips?|tiras)\b/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const SKIP_BEFORE_NUMBER = new Set(["at", "by", "until", "till", "in", "for", "every", "each", "cada", "las", "los", "hasta", "durante", "around", "about"]);
const STOP = new Set(["|"]);
const HI_LO = /\b(?:says|reads|read|shows|showing|displays|display|just says|marca|pone|dice|sale)(?: just)? (hi|lo)\b/;
const SYMPTOMS_HIGH_PRESSURE =
  /\b(?:headache|head (?:is |was )?(?:pounding|throbbing|splitting|bursting)|pounding head|chest|blurred|blurry|vision|can not see|confused|weak|numb|dizzy|faint|nose ?bleed|dolor de cabeza|me duele (?:mucho )?la cabeza|la cabeza me (?:va a )?(?:estalla|explota|late)|pecho|vista|borros[ao]|confundid[ao]|debil|mareada?o?|desmay)\b/;
const SYMPTOMS_LOW = /\b(?:faint|dizzy|light ?headed|woozy|weak|confused|cold and clammy|clammy|desmay\w*|mareada?o?|debil|confundid[ao]|sudando)\b/;
const CONFUSION =
  /\b(?:confused|confusion|muddled|(?:do not|can not) (?:know|remember|tell) (?:what day|where|who|what time|what year)|not making sense|can not think (?:straight|clearly)|delirious|seeing things|confundid[ao]|desorientad[ao]|no se (?:que dia|donde|quien|en que)|no (?:puedo pensar|pienso) (?:bien|con claridad)|delirando)\b/;
const AMBIENT =
  /\b(?:outside|outdoors|room|weather|water|bath|oven|house|flat|out there|heating|thermostat|fridge|freezer|forecast|afuera|fuera|ambiente|agua|casa|calefaccion|horno|nevera|pronostico|tiempo)\b/;
const RESOLVED_NOW =
  /\b(?:now (?:it is|its|i am|back)|back to normal|came back up|went back up|fine now|better now|it is \d+ now|ya (?:esta|estoy) bien|ahora (?:esta|tengo|me da|marca))\b/;

/** The first number within a few words after the measure's name, skipping times and durations. */
function numbersAfter(text: string, h: Hit, span = 8): number[] {
  const tokens = text.slice(h.end).trim().split(" ").slice(0, span);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (STOP.has(t) && out.length === 0 && i > 2) break;
    if (i === 0 && NOT_A_READING.test(tokens.slice(0, 2).join(" "))) return [];
    if (KIND_TOKEN.test(t) && out.length === 0 && i > 0) break;
    if (NUMBER.test(t)) {
      if (
        SKIP_BEFORE_NUMBER.has(tokens[i - 1] ?? "") ||
        /^(?:hours?|minutes?|days?|weeks?|horas?|minutos?|dias?|semanas?|o|am|pm|years?|anos|spoons?|spoonfuls?|teaspoons?|cups?|lumps?|grams?|g|kg|kilos?|pounds?|lbs|cucharadas?|cucharaditas?|terrones|gramos|tazas?|dollars?|euros?|pesos?|times|veces|pills?|tablets?|pastillas?)$/.test(
          tokens[i + 1] ?? "",
        )
      )
        continue;
      out.push(Number(t));
      // a second number after "over", "con", "sobre", "by", "x": a blood pressure
      if (/^(?:over|con|sobre|by|x|de)$/.test(tokens[i + 1] ?? "") && NUMBER.test(tokens[i + 2] ?? "")) out.push(Number(tokens[i + 2]));
      break;
    }
  }
  return out;
}

function numberBefore(text: string, h: Hit, kind: Kind): number | null {
  const before = text.slice(Math.max(0, h.index - 40), h.index);
  const m = /(\d+(?:\.\d+)?) (?:(?:de|of|degrees?|grados|degrees? of) )?$/.exec(before);
  if (m && kind === "temperature") return Number(m[1]);
  // "my reading says 39 on the sugar thing", "marca 45 el azúcar"
  const r = /(?:says|reads|read|reading|shows|showing|is|was|at|marca|marco|da|dio|dice|pone|sale|salio|tengo|tiene) (\d+(?:\.\d+)?)(?: \w+){0,3} $/.exec(
    before,
  );
  return r && !before.includes("|", r.index) ? Number(r[1]) : null;
}

function judge(kind: Kind, nums: number[], text: string, h: Hit): Urgency {
  const [a, b] = nums;
  switch (kind) {
    case "glucose": {
      const mg = a < 35 ? a * 18 : a;
      if (mg <= 54 || mg >= 400) return "critical";
      if (mg <= 69 || mg >= 300) return "high";
      return "none";
    }
    case "pressure": {
      const diastolicOnly = /minima|diastolic|bottom number/.test(h.text);
      let sys = diastolicOnly ? null : a;
      let dia = diastolicOnly ? a : b;
      if (sys !== null && sys < 30) sys *= 10; // "18 con 10", "22 de máxima": centimetres of mercury
      if (dia !== undefined && dia !== null && dia < 20) dia *= 10;
      if (sys !== null && (sys < 40 || sys > 320)) return "none";
      if ((sys !== null && (sys >= 200 || sys <= 80)) || (dia != null && dia >= 120)) return "critical";
      if ((sys !== null && sys >= 180) || (dia != null && dia >= 110)) return SYMPTOMS_HIGH_PRESSURE.test(text) ? "critical" : "high";
      if (sys !== null && sys <= 90) return SYMPTOMS_LOW.test(text) ? "critical" : "high";
      return "none";
    }
    case "oxygen":
      if (a > 100 || a < 40) return "none";
      return a <= 88 ? "critical" : a <= 92 ? "high" : "none";
    case "pulse":
      if (a < 20 || a > 250) return "none";
      return a <= 40 || a >= 140 ? "critical" : a <= 50 || a >= 120 ? "high" : "none";
    case "temperature": {
      const c = a > 50 ? ((a - 32) * 5) / 9 : a;
      const near = text.slice(Math.max(0, h.index - 30), h.end + 40);
      if (c < 34 || c > 44 || AMBIENT.test(near)) return "none"; // a body temperature, not the weather
      if (c >= 41) return "critical";
      if (c >= 39.4) return CONFUSION.test(text) ? "critical" : "high"; // 39.5 °C, 103 °F
      if (c <= 35) return "high";
      return "none";
    }
  }
}

const LABEL: Record<Kind, [string, string]> = {
  glucose: ["low blood sugar", "high blood sugar"],
  pressure: ["low blood pressure", "high blood pressure"],
  oxygen: ["low oxygen", "low oxygen"],
  pulse: ["slow pulse", "fast pulse"],
  temperature: ["low temperature", "high temperature"],
};
const LOW_SIDE: Record<Kind, number> = { glucose: 100, pressure: 100, oxygen: 101, pulse: 60, temperature: 36 };

export function vitalSigns(u: Utterance): Finding[] {
  const { text } = u;
  const out: Finding[] = [];
  const taken: [number, number][] = [];
  for (const [kind, src] of KINDS) {
    for (const h of hits(text, src)) {
      if (taken.some(([s, e]) => h.index < e && h.end > s)) continue; // "pulse ox" is oxygen, not pulse
      taken.push([h.index, h.end]);
      if (!live(h, { negatable: false })) continue;
      let nums = numbersAfter(text, h);
      if (nums.length === 0) {
        const before = numberBefore(text, h, kind);
        if (before !== null) nums = [before];
      }
      let urgency: Urgency = "none";
      let low = false;
      if (nums.length > 0) {
        urgency = judge(kind, nums, text, h);
        const value = kind === "glucose" && nums[0] < 35 ? nums[0] * 18 : kind === "pressure" && nums[0] < 30 ? nums[0] * 10 : nums[0];
        low = value < LOW_SIDE[kind];
      } else if (kind === "glucose") {
        const m = HI_LO.exec(text.slice(h.end, h.end + 40));
        if (m) {
          urgency = "critical";
          low = m[1] === "lo";
        }
      }
      if (urgency === "none") continue;
      if (RESOLVED_NOW.test(text.slice(h.end)) && urgency === "critical") urgency = "high";
      out.push(capForRecentPast({ urgency, reason: "vital_sign", health: LABEL[kind][low ? 0 : 1], topics: ["health"] }, h));
    }
  }
  if (!out.some((f) => f.reason === "vital_sign")) out.push(...deviceReadings(text, taken));
  // "it says HI" with a blood-sugar context and no meter named
  if (!out.some((f) => f.reason === "vital_sign") && /\b(?:thirsty|drinking|sugar|insulin|diabet\w*|600|sed|azucar|insulina|glucosa)\b/.test(text)) {
    const m = liveHits(text, "(?:says|reads|shows|showing|marca|pone|dice) (?:just )?(?:hi|lo)(?= |$)", { negatable: false })[0];
    if (m)
      out.push(
        capForRecentPast(
          { urgency: "critical", reason: "vital_sign", health: /lo$/.test(m.text) ? "low blood sugar" : "high blood sugar", topics: ["health"] },
          m,
        ),
      );
  }
  // a meter that cannot show the number: "HI" above its range, "LO" below it
  for (const h of liveHits(
    text,
    "(?:meter|machine|monitor|glucometer|glucometro|aparato)(?: just| only)? (?:says|reads|shows|is showing|marca|pone|dice) (?:just )?(?:hi|lo)",
    { negatable: false },
  )) {
    if (!out.some((f) => f.reason === "vital_sign"))
      out.push(
        capForRecentPast(
          { urgency: "critical", reason: "vital_sign", health: /lo$/.test(h.text) ? "low blood sugar" : "high blood sugar", topics: ["health"] },
          h,
        ),
      );
  }
  return out;
}

const DEVICE =
  "(?:meter|machine|monitor|gadget|watch|cuff|reader|thing|maquinita|maquina|aparato|aparatito|reloj|medidor|cacharro)(?: \\w+)? (?:says|said|reads|read|reading|is reading|shows|showed|showing|is showing|displays|came up with|gave me|marca|marco|dice|dijo|pone|puso|sale|salio|da|dio)(?: me)?(?: just| only| like)?";

/** The measure a device reading is of, from its form and the words around it (see the header). */
function deviceKind(text: string, nums: number[], device: string): Kind | null {
  if (nums.length > 1 && nums[0] >= 60 && nums[0] <= 300 && nums[1] >= 30 && nums[1] <= 200) return "pressure";
  if (/\b(?:oxygen|sats|saturation|oxigeno|saturacion|finger|dedo)\b/.test(text)) return "oxygen";
  if (/\b(?:heart|pulse|racing|beating|beats|pounding|palpitations|corazon|pulso|latidos|late|taquicardia)\b/.test(text) || /watch|reloj/.test(device))
    return "pulse";
  if (/\b(?:temperature|fever|thermometer|fiebre|temperatura|termometro)\b/.test(text)) return "temperature";
  if (/\b(?:pressure|presion|tension|cuff)\b/.test(text) || /cuff/.test(device)) return "pressure";
  if (
    /meter|glucometer|maquinita|aparato|medidor|reader/.test(device) ||
    /\b(?:sugar|insulin|diabet\w*|glucose|azucar|insulina|glucosa|thirsty|sed|hypo)\b/.test(text)
  )
    return "glucose";
  return null;
}

/** Readings from an unnamed device, and "X over Y" pressures said without the word. */
function deviceReadings(text: string, taken: [number, number][]): Finding[] {
  const out: Finding[] = [];
  // "190 on the watch", "marca 40 en el aparato"
  for (const h of liveHits(text, "\\d+(?:\\.\\d+)? (?:on|in|en) (?:the|my|el|mi) (?:watch|meter|machine|monitor|reloj|aparato|maquinita)", {
    negatable: false,
  })) {
    const n = Number(h.text.split(" ")[0]);
    const kind = deviceKind(text, [n], h.text);
    if (!kind) continue;
    const urgency = judge(kind, [n], text, h);
    if (urgency !== "none")
      out.push(capForRecentPast({ urgency, reason: "vital_sign", health: LABEL[kind][n < LOW_SIDE[kind] ? 0 : 1], topics: ["health"] }, h));
  }
  for (const h of liveHits(text, DEVICE, { negatable: false })) {
    const nums = numbersAfter(text, h, 4);
    if (nums.length === 0) continue;
    const kind = deviceKind(text, nums, h.text);
    if (!kind) continue;
    const urgency = judge(kind, nums, text, h);
    if (urgency === "none") continue;
    const value = kind === "glucose" && nums[0] < 35 ? nums[0] * 18 : nums[0];
    out.push(capForRecentPast({ urgency, reason: "vital_sign", health: LABEL[kind][value < LOW_SIDE[kind] ? 0 : 1], topics: ["health"] }, h));
  }
  if (out.length === 0) {
    for (const h of liveHits(text, "\\d{2,3} (?:over|sobre|con) \\d{2,3}", { negatable: false })) {
      if (taken.some(([s, e]) => Math.abs(h.index - e) < 40 || (h.index >= s && h.index <= e))) continue;
      const [a, b] = h.text
        .split(" ")
        .filter((t) => /^\d+$/.test(t))
        .map(Number);
      if (a < 60 || a > 300 || b < 30 || b > 200 || b >= a) continue;
      const urgency = judge("pressure", [a, b], text, h);
      if (urgency !== "none")
        out.push(capForRecentPast({ urgency, reason: "vital_sign", health: LABEL.pressure[a < LOW_SIDE.pressure ? 0 : 1], topics: ["health"] }, h));
    }
  }
  return out;
}
