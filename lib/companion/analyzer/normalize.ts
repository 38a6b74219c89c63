/**
 * Text normalisation for the offline analyzer: one canonical form that every signal reads.
 *
 * Lower case; English contractions expanded (with or without the apostrophe: speech-to-text often drops it);
 * accents stripped, ñ included (speech-to-text often drops the tilde, so every pattern is written without it); decimals kept ("40.2", "36,8" → "36.8"); a fraction of two numbers read as a
 * blood pressure ("128/80" → "128 over 80"); number words made digits when they name a number of ten or more
 * ("forty five" → "45", "ciento ochenta" → "180", "treinta y ocho y medio" → "38.5"); letters stretched in
 * speech squeezed ("heeelp" → "help"); fillers ("um", "uh") dropped; clause boundaries marked with "|".
 */

export const BOUNDARY = "|";

const CONTRACTIONS: Record<string, string> = {
  "can't": "can not",
  cant: "can not",
  cannot: "can not",
  "won't": "will not",
  wont: "will not",
  "didn't": "did not",
  didnt: "did not",
  "don't": "do not",
  dont: "do not",
  "doesn't": "does not",
  doesnt: "does not",
  "isn't": "is not",
  isnt: "is not",
  "wasn't": "was not",
  wasnt: "was not",
  "aren't": "are not",
  arent: "are not",
  "weren't": "were not",
  werent: "were not",
  "haven't": "have not",
  havent: "have not",
  "hasn't": "has not",
  hasnt: "has not",
  "hadn't": "had not",
  hadnt: "had not",
  "couldn't": "could not",
  couldnt: "could not",
  "wouldn't": "would not",
  wouldnt: "would not",
  "shouldn't": "should not",
  shouldnt: "should not",
  "ain't": "am not",
  "i'm": "i am",
  im: "i am",
  "i've": "i have",
  ive: "i have",
  "i'll": "i will",
  "i'd": "i would",
  "you're": "you are",
  "we're": "we are",
  "they're": "they are",
  "it's": "it is",
  "that's": "that is",
  "there's": "there is",
  "he's": "he is",
  "she's": "she is",
  "what's": "what is",
  "where's": "where is",
  "who's": "who is",
  "here's": "here is",
  "let's": "let us",
  "something's": "something is",
  "nothing's": "nothing is",
  "everything's": "everything is",
  "someone's": "someone is",
  "somebody's": "somebody is",
  "sugar's": "sugar is",
  "he'll": "he will",
  "she'll": "she will",
  "they'll": "they will",
  "he'd": "he would",
  "she'd": "she would",
  whats: "what is",
  thats: "that is",
  theres: "there is",
  hes: "he is",
  shes: "she is",
  wanna: "want to",
  gonna: "going to",
  gotta: "got to",
};

const FILLERS = new Set(["um", "umm", "uh", "uhh", "uhm", "erm", "ehm"]);

/**
 * Speech-to-text splits and mishearings of words the signals read (round 2): a medicine or a measure heard as two
 * words ("in sulin", "sin trom", "war for in", "a su car"). Applied to whole words after accents are folded.
 */
const HEARD_AS: [RegExp, string][] = [
  [/\b(?:in|en) ?sul+in[ae]?\b/g, "insulin"],
  [/\bin ?sul+ina\b/g, "insulina"],
  [/\bsin ?trom\b/g, "sintrom"],
  [/\b(?:war ?for ?in|war ?fa ?rin|wore ?for ?in|war ?far ?in)\b/g, "warfarin"],
  [/\b(?:a ?su ?car|a ?zu ?car|asucar|azu car)\b/g, "azucar"],
  [/\bglu ?co ?sa\b/g, "glucosa"],
  [/\b(?:nitro ?glycerin|nitro glicerina)\b/g, "nitro"],
];

const EN_UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ES_SMALL: Record<string, number> = {
  cero: 0,
  uno: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiun: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};
const ES_TENS: Record<string, number> = { treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90 };
const ES_HUNDREDS: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  seiscientos: 600,
  setecientos: 700,
};

/** Replace runs of number words by digits when the run names 10 or more (small counts stay words: "one side"). */
function numberWords(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let total = 0;
    let current = 0;
    let big = false;
    let used = 0;
    while (j < tokens.length) {
      const t = tokens[j];
      const next = tokens[j + 1];
      if (t in EN_UNITS && !(t === "one" && used === 0 && !(next && (next in EN_TENS || next === "hundred")))) {
        current += EN_UNITS[t];
        if (EN_UNITS[t] >= 10) big = true;
      } else if (t in EN_TENS) {
        current += EN_TENS[t];
        big = true;
      } else if (t === "hundred" && (used > 0 || tokens[j - 1] === "a")) {
        current = (current || 1) * 100;
        big = true;
      } else if (t in ES_SMALL && !(ES_SMALL[t] < 10 && used === 0 && !(next && (next in ES_TENS || next in ES_HUNDREDS)))) {
        current += ES_SMALL[t];
        if (ES_SMALL[t] >= 10) big = true;
      } else if (t in ES_TENS) {
        current += ES_TENS[t];
        big = true;
      } else if (t in ES_HUNDREDS) {
        current += ES_HUNDREDS[t];
        big = true;
      } else if ((t === "and" || t === "y") && used > 0 && next && (next in EN_UNITS || next in EN_TENS || next in ES_SMALL)) {
        // "two hundred and ten", "treinta y ocho"
      } else break;
      used += 1;
      j += 1;
    }
    if (used > 0 && big) {
      total += current;
      if (out.at(-1) === "a" && tokens[i] === "hundred") out.pop();
      out.push(String(total));
      i = j;
    } else {
      out.push(tokens[i]);
      i += 1;
    }
  }
  // "36 y medio" → "36.5"; "two point five", "dos coma cinco" → "2.5"
  const digit = (t: string | undefined): number | null => {
    if (t === undefined) return null;
    if (/^\d+$/.test(t)) return Number(t);
    if (t in EN_UNITS && EN_UNITS[t] < 10) return EN_UNITS[t];
    if (t in ES_SMALL && ES_SMALL[t] < 10) return ES_SMALL[t];
    return null;
  };
  const merged: string[] = [];
  for (let k = 0; k < out.length; k++) {
    const whole = digit(out[k]);
    if (whole !== null && /^\d+$/.test(out[k]) && out[k + 1] === "y" && out[k + 2] === "medio") {
      merged.push(`${out[k]}.5`);
      k += 2;
    } else if (whole !== null && (out[k + 1] === "point" || out[k + 1] === "punto" || out[k + 1] === "coma") && digit(out[k + 2]) !== null) {
      merged.push(`${whole}.${digit(out[k + 2])}`);
      k += 2;
    } else merged.push(out[k]);
  }
  return merged;
}

const PAUSE = "~";
/** words that are hesitations when they stand next to a pause or a comma ("este...", "pues...", "you know,") */
const PAUSE_FILLERS = new Set(["este", "pues", "bueno", "oh", "hmm", "hm", "mmm", "ah", "eh", "well", "mija", "mijo", "ahorita"]);
const PAUSE_FILLER_PAIRS = new Set(["you know", "i mean", "o sea", "sabes que", "you see"]);

/**
 * Speech as it is said (round 2): pauses dropped, hesitation words beside a pause or a comma dropped, and a word
 * repeated ("the, the puzzle", "I... I can't", "35... 35") said once, so the signals read "i can not get my breath".
 */
function disfluent(tokens: string[]): string[] {
  const isBreak = (t: string | undefined) => t === PAUSE || t === BOUNDARY || t === undefined;
  let out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const pair = `${t} ${tokens[i + 1]}`;
    if (PAUSE_FILLER_PAIRS.has(pair) && (isBreak(out.at(-1)) || isBreak(tokens[i + 2]))) {
      i += 1;
      continue;
    }
    if (PAUSE_FILLERS.has(t) && (isBreak(out.at(-1)) || isBreak(tokens[i + 1])) && !(t === "oh" && tokens.every((x) => isBreak(x) || PAUSE_FILLERS.has(x))))
      continue;
    out.push(t);
  }
  out = out.filter((t, i) => t !== PAUSE && !(t === BOUNDARY && out[i - 1] === BOUNDARY));
  // a word said twice, with or without a comma between ("the the", "the | the", "since since")
  const once: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t !== BOUNDARY && once.at(-1) === t && t !== "no" && t !== "help" && t !== "ayuda") continue;
    if (t !== BOUNDARY && once.at(-1) === BOUNDARY && once.at(-2) === t && t !== "no" && t !== "help" && t !== "ayuda") {
      once.pop();
      continue;
    }
    once.push(t);
  }
  return once;
}

/** Lower-case, expand contractions, strip accents (ñ becomes n), read numbers, and mark clauses with "|". */
export function normalize(text: string): string {
  let s = (text ?? "").toLowerCase().replace(/[’‘`´]/g, "'");
  s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  // numbers: decimals, fractions (a blood pressure), percentages, degrees
  s = s.replace(/(\d)\s*[.,](\d)/g, "$1\u00b7$2");
  s = s.replace(/(\d)\s*\/\s*(\d)/g, "$1 over $2");
  s = s.replace(/%/g, " percent ").replace(/°\s*([cf])?\b/g, " degrees $1 ");
  s = s.replace(/([a-z])\1{2,}/g, "$1"); // "heeelp", "ayyy", "pleeease"
  s = s.replace(/[a-z']+/g, (w) => {
    if (CONTRACTIONS[w]) return CONTRACTIONS[w];
    if (w.endsWith("n't")) return `${w.slice(0, -3)} not`;
    if (w.endsWith("'s")) return w.slice(0, -2); // possessive: "sarah's" → "sarah"
    if (w.endsWith("'re")) return `${w.slice(0, -3)} are`;
    if (w.endsWith("'ve")) return `${w.slice(0, -3)} have`;
    if (w.endsWith("'ll")) return `${w.slice(0, -3)} will`;
    if (w.endsWith("'d")) return `${w.slice(0, -2)} would`;
    return w;
  });
  for (const [re, word] of HEARD_AS) s = s.replace(re, word);
  // a pause ("...", "…", "--") is a hesitation, not the end of a thought: "I... I can't... get my breath"
  s = s.replace(/(?:\.{2,}|…|\s-{1,2}\s)+/g, ` ${PAUSE} `);
  s = s.replace(/[.,;:!?¡¿()"\n\r\t]+/g, ` ${BOUNDARY} `);
  s = s.replace(/[^a-z0-9|~\u00b7 ]+/g, " ");
  const tokens = numberWords(disfluent(s.split(/\s+/).filter((t) => t && !FILLERS.has(t))));
  s = tokens.join(" ").replace(/\u00b7/g, ".");
  s = s.replace(/(\| )+/g, "| ").replace(/^\| |( \|)+$/g, "");
  return s.replace(/^\|$/, "").trim();
}

/** The clause (between "|" marks) around a span of normalized text. */
export function clauseAround(text: string, start: number, end: number): { text: string; start: number } {
  const from = text.lastIndexOf(BOUNDARY, start - 1);
  const to = text.indexOf(BOUNDARY, end);
  const s = from < 0 ? 0 : from + 1;
  return { text: text.slice(s, to < 0 ? text.length : to), start: s };
}
