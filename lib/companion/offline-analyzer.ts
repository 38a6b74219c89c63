/**
 * Deterministic offline analyzer for what a patient says to the companion (SPEC §6, issue 6).
 *
 * Used with no AI key, on provider error or timeout, and always as a safety net: the higher urgency of the model
 * and of this analyzer wins. Pure TypeScript, no dependencies, English and Spanish.
 *
 * Layout:
 *   1. types and urgency helpers
 *   2. normalisation and tokenising (lower-case, contractions, accents, clause boundaries)
 *   3. language detection
 *   4. rule tables (critical, high, medium, low, reminder completion, lexicons for topics and sentiment)
 *   5. rule evaluation (negation window, third-party subjects, severity modifiers)
 *   6. templated replies
 */

// ───────────────────────────── 1. types ─────────────────────────────

export type Sentiment = "positive" | "neutral" | "concerned" | "distressed";
export type Urgency = "none" | "low" | "medium" | "high" | "critical";
export type Intent = "chat" | "health_complaint" | "emergency" | "reminder_done" | "question" | "greeting" | "farewell" | "other";

export interface OfflineAnalysis {
  language: "en" | "es";
  intent: Intent;
  sentiment: Sentiment;
  urgency: Urgency;
  /** normalized English labels, e.g. "fall", "chest pain", "knee pain", "dizziness", "missed medication" */
  health_mentions: string[];
  /** e.g. "family", "garden", "food", "weather", "sleep", "health", "medication", "loneliness", "pets" */
  topics: string[];
  /** the patient says they did the task ("I took my pills", "ya me tomé la pastilla") */
  reminder_completed: boolean;
  /** why it is critical: "fall", "chest_pain", "breathing", "help", "disorientation", "self_harm", ... */
  emergency_reasons: string[];
}

export const URGENCY_ORDER: Urgency[] = ["none", "low", "medium", "high", "critical"];

export function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return URGENCY_ORDER.indexOf(a) >= URGENCY_ORDER.indexOf(b) ? a : b;
}

// ───────────────────────────── 2. normalisation ─────────────────────────────

const BOUNDARY = "|";

/** English contractions, with and without the apostrophe (speech-to-text often drops it). */
const CONTRACTIONS: Record<string, string> = {
  "can't": "can not", cant: "can not", cannot: "can not", "won't": "will not", wont: "will not",
  "didn't": "did not", didnt: "did not", "don't": "do not", dont: "do not", "doesn't": "does not", doesnt: "does not",
  "isn't": "is not", isnt: "is not", "wasn't": "was not", wasnt: "was not", "aren't": "are not", arent: "are not",
  "weren't": "were not", werent: "were not", "haven't": "have not", havent: "have not", "hasn't": "has not",
  hasnt: "has not", "hadn't": "had not", hadnt: "had not", "couldn't": "could not", couldnt: "could not",
  "wouldn't": "would not", wouldnt: "would not", "shouldn't": "should not", shouldnt: "should not",
  "ain't": "am not", "i'm": "i am", im: "i am", "i've": "i have", ive: "i have", "i'll": "i will", "i'd": "i would",
  "you're": "you are", "we're": "we are", "they're": "they are", "it's": "it is", "that's": "that is",
  "there's": "there is", "he's": "he is", "she's": "she is", "what's": "what is", "where's": "where is",
  "who's": "who is", "here's": "here is", "let's": "let us", whats: "what is", thats: "that is", theres: "there is", hes: "he is", shes: "she is", wanna: "want to", gonna: "going to", gotta: "got to",
};

/** Lower-case, expand contractions, strip accents (keeping ñ), and mark clause boundaries with "|". */
export function normalize(text: string): string {
  let s = text.toLowerCase().replace(/[’‘`´]/g, "'");
  s = s.normalize("NFD").replace(/n\u0303/g, "ñ").replace(/[\u0300-\u036f]/g, "");
  s = s.replace(/[a-zñ']+/g, (w) => {
    if (CONTRACTIONS[w]) return CONTRACTIONS[w];
    if (w.endsWith("n't")) return `${w.slice(0, -3)} not`;
    if (w.endsWith("'s")) return w.slice(0, -2); // possessive: "sarah's" → "sarah"
    if (w.endsWith("'re")) return `${w.slice(0, -3)} are`;
    if (w.endsWith("'ve")) return `${w.slice(0, -3)} have`;
    if (w.endsWith("'ll")) return `${w.slice(0, -3)} will`;
    return w;
  });
  s = s.replace(/[.,;:!?¡¿()"…\n\r\t]+/g, ` ${BOUNDARY} `);
  s = s.replace(/[^a-z0-9ñ| ]+/g, " ");
  s = s.replace(/\s+/g, " ").trim();
  s = s.replace(/(\| )+/g, "| ").replace(/^\| |( \|)+$/g, "");
  return s.replace(/^\|$/, "").trim();
}

// ───────────────────────────── 3. language ─────────────────────────────

const ES_MARKERS = new Set(
  ("el la los las que de del y me mi mis estoy tengo no es muy pero con por para una un hoy ya se hola gracias esta " +
    "yo tu usted su al lo le les como cuando donde porque pastilla nieta nieto hija hijo bien mal buenos buenas dias " +
    "noches tarde ayer manana siento duele caido cai ayuda estoy soy fue hace hay todo nada mucho poco en quiero " +
    "llama huele cocina listo lista casa ahora tambien ambulancia morir morirme pecho nadie puedo vivir auxilio socorro").split(" "),
);
const EN_MARKERS = new Set(
  ("the i you is am are my and to of it not have was today with a an this that what in on for just so very " +
    "feel feeling had been did do does he she they we your me hello hi good morning thanks thank please help fell " +
    "took pills yes can will would could about").split(" "),
);

function detectLanguage(raw: string, norm: string, hint?: string): "en" | "es" {
  const tokens = norm.split(" ").filter((t) => t !== BOUNDARY);
  let es = /[ñ¿¡áéíóú]/i.test(raw) ? 2 : 0;
  let en = 0;
  for (const t of tokens) {
    if (ES_MARKERS.has(t)) es += 1;
    if (EN_MARKERS.has(t)) en += 1;
  }
  const h = hint?.toLowerCase().startsWith("es") ? "es" : hint?.toLowerCase().startsWith("en") ? "en" : undefined;
  if (h && Math.abs(es - en) < 2) return h;
  if (es === en) return h ?? "en";
  return es > en ? "es" : "en";
}

// ───────────────────────────── 4. rule tables ─────────────────────────────

interface Rule {
  /** regular-expression source over the normalized text (single spaces, "|" between clauses) */
  re: string;
  urgency: Urgency;
  health?: string;
  reason?: string;
  topics?: string[];
  sentiment?: Sentiment;
  /** false when the phrase carries its own negation ("can not breathe"); the default is negation-aware */
  negatable?: boolean;
  /** blocked when another person or thing is the subject ("my neighbour fell", "on the news someone fell") */
  firstPerson?: boolean;
  /** blocked when this matches the few tokens before the phrase */
  blockedBy?: RegExp;
  /** severity words in the clause raise medium to high, softeners lower it to low */
  scaled?: boolean;
  /** a "pain" rule: the label is taken from the body part in the clause */
  pain?: boolean;
  reminderDone?: boolean;
}

const MEDS =
  "(?:pills?|medicines?|medications?|meds|tablets?|dose|doses|insulin|inhaler|drops|vitamins?|heart pills?|blood pressure pills?|water pills?|capsules?)";
const MEDS_ES =
  "(?:pastillas?|medicinas?|medicamentos?|remedios?|pildoras?|insulina|capsulas?|gotas|dosis|inhalador|vitaminas?)";
const NEAR_MISS = /\b(almost|nearly|just about|casi|por poco)\b/;
const ALMOST_BEFORE = { blockedBy: NEAR_MISS };

/** Emergencies: critical whatever else is said. */
const CRITICAL_RULES: Rule[] = [
  // falls
  { re: "(?:i )?(?:fell|have fallen|had fallen|fallen|falled|fel)(?! (?:asleep|for|in love|apart|through|behind|short|silent|ill|off the wagon|out with|about))", urgency: "critical", health: "fall", reason: "fall", firstPerson: true, ...ALMOST_BEFORE },
  { re: "(?:had|took) (?:a |another )?(?:bad |nasty |little |small )?(?:fall|tumble|spill)", urgency: "critical", health: "fall", reason: "fall", firstPerson: true, ...ALMOST_BEFORE },
  { re: "(?:fall|fallen|fell) (?:down|over|off)", urgency: "critical", health: "fall", reason: "fall", firstPerson: true, ...ALMOST_BEFORE },
  { re: "collapsed|went down (?:hard|in|on)|hit the (?:floor|ground|deck)|(?:been )?lying (?:here|there|on the (?:floor|ground)) (?:for|since|all)|can not reach (?:the|my) (?:phone|button|pendant)", urgency: "critical", health: "fall", reason: "fall", firstPerson: true },
  { re: "(?:can not|unable to|could not) (?:get|stand|getting) (?:up|back up)(?! (?:the stairs|those stairs|early|in the morning|out of bed|from bed|on time))|can not get off the (?:floor|ground)|(?:stuck|lying|laying) on the (?:floor|ground)|i am on the (?:floor|ground)", urgency: "critical", health: "fall", reason: "fall", negatable: false },
  { re: "me (?:he )?(?:cai|caido)(?! (?:de sueno|en la cuenta))|(?:tuve|sufri) una caida|me fui al (?:suelo|piso)|me di un (?:porrazo|costalazo)", urgency: "critical", health: "fall", reason: "fall", ...ALMOST_BEFORE },
  { re: "no (?:me )?puedo (?:levantar|levantarme|parar|pararme)(?! (?:de la cama|temprano))|estoy (?:tirad[ao] )?en el (?:suelo|piso)|(?:tirad[ao]|caid[ao]) en el (?:suelo|piso)", urgency: "critical", health: "fall", reason: "fall", negatable: false },
  // chest pain, heart attack
  { re: "(?:chest|chess) (?:pain|pains|hurts|is hurting|aches|ache|tightness|pressure|feels tight|is tight|feels heavy|is heavy|is killing me)|(?:pain|pains|pressure|tightness|squeezing|heaviness|ache|weight)(?: \\w+){0,3} (?:in|on) (?:my|the) (?:chest|chess)|tight chest|crushing (?:pain|feeling)", urgency: "critical", health: "chest pain", reason: "chest_pain" },
  { re: "(?:having|have|had) a heart attack|heart attack (?:now|right now)|think (?:it is|i am having|this is) a heart attack", urgency: "critical", health: "chest pain", reason: "chest_pain", firstPerson: true },
  { re: "(?:dolor|opresion|presion|apreton|peso|punzada)(?: \\w+){0,3} (?:en el|de|del) pecho|me duele (?:mucho )?el pecho|pecho apretado|me aprieta el pecho", urgency: "critical", health: "chest pain", reason: "chest_pain" },
  { re: "(?:me esta dando|tengo|estoy teniendo|creo que (?:es|tengo|me da)) (?:un )?(?:infarto|ataque al corazon|ataque cardiaco)", urgency: "critical", health: "chest pain", reason: "chest_pain" },
  // breathing
  { re: "(?:can not|could not|unable to|can barely|can hardly) (?:breathe|breath|breth|breate|get my breath|catch my breath|get air)|i am choking|choking", urgency: "critical", health: "breathing difficulty", reason: "breathing", negatable: false },
  { re: "(?:trouble|difficulty|hard|struggling|struggle|problems?|difficult) (?:to )?(?:breathe|breath|breathing)|short of breath|shortness of breath|gasping|not getting enough air", urgency: "critical", health: "breathing difficulty", reason: "breathing" },
  { re: "no (?:puedo|podia|puede) respirar|me estoy ahogando|me ahogo|no me entra (?:el )?aire", urgency: "critical", health: "breathing difficulty", reason: "breathing", negatable: false },
  { re: "me falta (?:el )?aire|falta de aire|me cuesta (?:mucho )?respirar|dificultad para respirar", urgency: "critical", health: "breathing difficulty", reason: "breathing" },
  // explicit calls for help
  { re: "help me(?! (?:to|with|find|look|get dressed|get ready|get the|remember|choose|pick|write|read|set|understand|open|turn|fix|figure|decide|make|cook|send|think|plan|call my|work|use|learn|spell|put|carry|move|sort|organi[sz]e|search|reach|change|pay|fill|order|book|hang|tidy|clean|finish|out|in the|with|wrap|bake|pick|choose|dial my|recall))", urgency: "critical", reason: "help", blockedBy: /\b(can|could|would|will|you|to|might|may|not|it|that|this|did|does)$/ },
  { re: "(?:please|somebody|someone|anyone|anybody|i need|need) help(?! (?:with|to|finding|find|me (?:find|with|to|look)|setting|getting|choosing|picking|writing|reading|planning|cooking))", urgency: "critical", reason: "help" },
  { re: "(?:^|\\| )help(?: help)*(?: please)?(?= \\||$)", urgency: "critical", reason: "help" },
  { re: "(?:call|dial|get|send|need|phone) (?:me )?(?:an? |the )?(?:911|nine one one|999|112|ambulance|paramedics|emergency services|fire brigade|police)|call for help|send (?:someone|somebody|help)|(?:someone|somebody) come(?: quick| quickly| now| please)?(?= \\||$)|come quick(?:ly)?|(?:this|it) is an emergency|medical emergency|(?:^|\\| )emergency(?= \\||$)", urgency: "critical", reason: "help" },
  { re: "auxilio|socorro|ayudenme|(?:^|\\| )ayuda(?: ayuda)*(?: por favor)?(?= \\||$)|ayudame(?= \\||$| por favor| porfa| rapido| ya)|necesito ayuda(?! (?:con|para|a ))|(?:llama|llame|llamen|llamar|llames|llamad|manda|manden|necesito) (?:a )?(?:una |la |al )?(?:ambulancia|emergencias|911|112|los bomberos|la policia|el 911)|es una emergencia|(?:^|\\| )emergencia(?= \\||$)", urgency: "critical", reason: "help" },
  // disorientation
  { re: "(?:do not|dont) know where i am(?! (?:going|supposed|at with|putting))|where am i(?! (?:supposed|going|meant|gonna|at with))|i am lost(?! (?:in|without|for words|my))|(?:do not|can not) recogni[sz]e (?:this|where|the house|my house|my home|anything|anyone|this place|my own)|how did i get here|(?:^|\\| )where is this(?: place)?(?= \\||$)|(?:do not|dont) know this place|this is not my (?:house|home)|what place is this", urgency: "critical", health: "confusion", reason: "disorientation", negatable: false },
  { re: "no se donde estoy|(?:^|\\| )donde estoy(?= \\||$)|estoy perdid[ao](?! (?:sin|con))|no reconozco (?:esta|este|mi|la|el|nada|a nadie|donde)|como llegue aqui|esta no es mi casa", urgency: "critical", health: "confusion", reason: "disorientation", negatable: false },
  // self-harm
  { re: "(?:want|wanting|wish|ready|going) to die|wish i (?:was|were) dead|kill myself|killing myself|end it all|end my life|take my (?:own )?life|better off dead|no reason to live|(?:rather|prefer to|hope i do) not wake up|what is the point (?:of|in) (?:going on|living|life|carrying on|it all|anything)|took (?:\\w+ ){0,4}on purpose|took all my sleeping pills|(?:taken|took|swallowed) (?:all (?:of )?the (?:pills|tablets) in the (?:bottle|box|packet|jar)|the whole (?:bottle|box|packet|jar|strip)|a whole (?:bottle|box|packet|jar))|sleep forever|(?:go to sleep|fall asleep) and (?:never|not) wake up|(?:me )?tome (?:todas las pastillas|el frasco entero|la caja entera)|dormir para siempre|(?:took|taken) an overdose|overdosed|(?:want|going) to hurt myself|i (?:think|feel like) i am dying|i am dying(?! (?:to|for|of (?:laughter|boredom|curiosity|thirst|hunger|embarrassment)|laughing))", urgency: "critical", health: "self-harm thoughts", reason: "self_harm" },
  { re: "(?:do not|dont) want to (?:live|be alive|be here anymore|go on|wake up)(?! (?:in|with|there|near|somewhere|anywhere|far|alone|on my own|by myself|here))", urgency: "critical", health: "self-harm thoughts", reason: "self_harm", negatable: false },
  { re: "(?:me )?quiero morir(?:me)?|no quiero (?:seguir )?vivir(?! (?:en|con|sol[ao]|alli|ahi|lejos|aqui))|matarme|quitarme la vida|acabar con todo|acabar con mi vida|mejor (?:estaria )?muert[ao]|ojala (?:estuviera muert[ao]|me muriera)|no vale la pena vivir|para que (?:seguir )?vivir|me estoy muriendo|no quiero despertar", urgency: "critical", health: "self-harm thoughts", reason: "self_harm" },
  // stroke signs
  { re: "(?:face|mouth|smile|lip) (?:is |feels |went |has gone |looks )?(?:drooping|droopy|lopsided|numb|crooked|twisted)|drooping|(?:can not|could not) (?:move|lift|feel|raise) my (?:arm|leg|hand|face|left|right)|slurred|slurring|(?:speech|voice|words|talking) (?:sounds?|is|are|seems?) (?:funny|strange|weird|slurred|wrong|off)|(?:arm|leg|face|hand|side) (?:is |feels |went |has gone )?(?:suddenly )?(?:numb|dead|limp|heavy)(?! (?:from|because|after|in the cold|when i sleep))|(?:words|speech) (?:are |is |come out |coming out )?(?:wrong|jumbled|funny|strange)|(?:can not|could not) (?:speak|talk) (?:properly|right|clearly)|(?:one side|left side|right side) (?:of my (?:body|face) )?(?:is |feels |went |has gone )?(?:numb|weak|dead|heavy)|suddenly (?:numb|weak)|numb(?:ness)? (?:on|in|down) (?:one|my left|my right) side", urgency: "critical", health: "stroke signs", reason: "stroke_signs", negatable: false },
  { re: "(?:cara|boca) (?:torcida|caida|dormida|chueca)|no puedo (?:mover|levantar|sentir) (?:el|la|mi) (?:brazo|pierna|mano|lado|cara)|no siento (?:el|la|mi) (?:brazo|pierna|cara|lado)|se me traba la lengua|hablo (?:raro|mal|arrastrando)|(?:lado|brazo|cara) (?:izquierd[ao] |derech[ao] )?(?:dormid[ao]|entumid[ao]|adormecid[ao])|no puedo hablar bien", urgency: "critical", health: "stroke signs", reason: "stroke_signs", negatable: false },
  // heavy bleeding
  { re: "bleeding (?:a lot|heavily|badly|so much|everywhere|all over|and it will not stop|like crazy)|will not stop bleeding|can not stop (?:the )?bleeding|(?:lots? of|so much|a lot of) blood|blood everywhere|(?:vomiting|throwing up|threw up|coughing up|coughed up|vomited|spitting) blood|bleeding from my (?:head|mouth|ear|ears)", urgency: "critical", health: "bleeding", reason: "bleeding" },
  { re: "sangr(?:o|ando|a) mucho|mucha sangre|no (?:para|deja) de sangrar|(?:vomite|vomito|vomitando|toso|tosiendo|escupo|escupiendo) sangre|sangre por todas partes", urgency: "critical", health: "bleeding", reason: "bleeding" },
  // fainting, seizures
  { re: "i (?:fainted|passed out|blacked out)|keep (?:fainting|passing out)|seizure|convulsion|me desmaye|me he desmayado|perdi el conocimiento|me desvaneci|convulsiones", urgency: "critical", health: "fainting", reason: "fainting", firstPerson: true },
  // hazards at home
  { re: "smell (?:of )?gas|gas leak|smoke (?:is )?(?:coming|pouring) (?:from|out|in)|(?:full of|filling with|filled with) smoke|there is smoke|hay humo|(?:sale|entra) humo|(?:house|kitchen|room) is on fire|there is a fire|something is on fire|smoke everywhere|someone (?:is )?(?:in|broke into) my (?:house|home)|broke into my|intruder|huele a gas|fuga de gas|incendio|hay fuego|alguien (?:entro|esta) en (?:mi|la) casa", urgency: "critical", reason: "safety", blockedBy: /\b(news|noticias|dijeron|said|hubo|tele|tv|show|movie|pelicula|film)\b/ },
];

/** Serious but not an emergency. */
const HIGH_RULES: Rule[] = [
  { re: "(?:almost|nearly|just about) (?:fell|fall|had a fall|fallen|tripped|went down)|tripped|lost my balance|lose my balance|keep falling|i fall(?! asleep)|(?:feel|feeling|felt) (?:\\w+ )?(?:faint|wobbly|unsteady)|unsteady on my feet|me siento (?:\\w+ )?(?:desmayar|debil y maread[ao])|a punto de desmayarme", urgency: "high", health: "near fall", negatable: true },
  { re: "(?:casi|por poco) me (?:caigo|cai|caia)|me (?:resbale|tropece|tropiezo)|perdi el equilibrio|me caigo(?! de sueno)", urgency: "high", health: "near fall" },
  { re: "worst (?:pain|headache)|(?:unbearable|excruciating|terrible|severe|horrible|agonizing) (?:pain|headache)|el peor dolor|dolor (?:terrible|horrible|insoportable|muy fuerte)", urgency: "high", health: "severe pain", pain: true },
  { re: "(?:almost|nearly) (?:fainted|passed out|blacked out)|casi me desmayo|casi me desmaye|(?:very|so|really|extremely|terribly|awfully) (?:dizzy|lightheaded|light headed)|(?:room|everything) (?:is )?spinning|muy maread[ao]|todo (?:me )?da vueltas", urgency: "high", health: "dizziness" },
  { re: "(?:hit|banged|bumped|knocked) my head|me (?:di|golpee)(?: un golpe)?(?: fuerte)? (?:en )?la cabeza", urgency: "high", health: "head injury" },
  { re: "(?:not|no) (?:he |have )?(?:eaten|eat|comido|como)(?: anything| nada)?(?: in| for| since| en| desde hace)? (?:\\w+ )?(?:days|dias)|llevo (?:\\w+ )?dias sin comer", urgency: "high", health: "not eating", negatable: false },
  { re: "(?:very|so|really|extremely) confused|muy confundid[ao]|muy desorientad[ao]", urgency: "high", health: "confusion", negatable: false },
  { re: "took (?:too many|a double|double|two doses|an extra|extra)|double dose|took (?:\\w+ ){0,3}twice|(?:taken|took) (?:\\w+ ){0,3}two times|(?:me )?tome (?:\\w+ ){0,3}(?:dos veces|de mas|demasiadas)|doble dosis|demasiadas pastillas", urgency: "high", health: "double dose", topics: ["medication"], negatable: false },
  { re: "high fever|fever of (?:39|40|41|102|103|104)|fiebre (?:muy )?alta|(?:can not|could not) (?:keep|hold) (?:anything|water|food|it|fluids) down|no retengo nada|(?:can not|could not) get out of bed|no (?:me )?puedo (?:levantar|levantarme|salir) de la cama|blood in (?:my )?(?:urine|stool|pee|poo)|sangre en (?:la orina|las heces)", urgency: "high", health: "feeling unwell", negatable: false },
];

/** Things a caregiver should hear about today. */
const MEDIUM_RULES: Rule[] = [
  // missed medication
  { re: `(?:forgot|forget|forgotten|missed|skipped|skip|miss|missing|skipping|forgetting) (?:to take )?(?:my |the |all my |both my |today |this morning |tonight )?(?:morning |evening |night |lunchtime )?${MEDS}|(?:forgot|forgotten) to take (?:it|them)|ran out of (?:my )?${MEDS}`, urgency: "medium", health: "missed medication", topics: ["medication"] },
  { re: `(?:did not|have not|has not|never|had not) (?:take|taken|took) (?:my |the |any |all my |today )?(?:morning |evening |night )?(?:${MEDS}|it|them)|not sure (?:if|whether) i (?:took|take|have taken)|(?:can not|do not|could not) remember (?:if|whether) i (?:took|take|have taken)`, urgency: "medium", health: "missed medication", topics: ["medication"], negatable: false },
  { re: `(?:se me (?:olvido|olvidaron|paso|pasaron)|olvide|me olvide(?: de)?) (?:tomar(?:me)?(?:la|las|lo|los)? )?(?:la |las |mi |mis |el |los )?(?:${MEDS_ES}|tomar)|se me acabaron (?:las |mis )?${MEDS_ES}`, urgency: "medium", health: "missed medication", topics: ["medication"] },
  { re: `no (?:me )?(?:la |las |lo |los )(?:he )?(?:tome|tomado)|no (?:me )?(?:he )?(?:tome|tomado) (?:la |las |mi |mis |el |los |ninguna )?${MEDS_ES}|no se si (?:me )?(?:la |las )?(?:tome|he tomado)|no (?:me acuerdo|recuerdo) si (?:me )?(?:la |las )?(?:tome|he tomado)`, urgency: "medium", health: "missed medication", topics: ["medication"], negatable: false },
  // pain (body part taken from the clause)
  { re: "pain|pains|painful|hurts|hurting|hurt|aches|ache|aching|achy|sore(?! throat)|headache|migraine|backache|toothache|stomachache|tummy ache|earache", urgency: "medium", pain: true, scaled: true },
  { re: "dolor(?:es)?|me duele(?:n)?|adolorid[ao]|jaqueca|migrana", urgency: "medium", pain: true, scaled: true },
  // dizziness, feeling unwell
  { re: "dizzy|dizziness|light ?headed|woozy|vertigo|maread[ao]|mareos?", urgency: "medium", health: "dizziness", scaled: true },
  { re: "(?:not|do not|did not) (?:feel|feeling) (?:well|good|great|right|myself|so good|too good|very well)|no me siento (?:bien|muy bien)|(?:not|no) (?:doing|estoy) (?:well|bien)", urgency: "medium", health: "feeling unwell", negatable: false },
  { re: "(?:feel|feeling|felt|am|been) (?:\\w+ )?(?:sick|ill|unwell|awful|terrible|poorly|rotten|weak|off)|fell ill|(?:me siento|estoy|me encuentro) (?:\\w+ )?(?:mal|enferm[ao]|fatal|debil|malit[ao])", urgency: "medium", health: "feeling unwell", scaled: true },
  { re: "nausea|nauseous|queasy|vomit(?:ing|ed)?|threw up|throwing up|diarrh?oea|diarrhea|nauseas|vomit[eo]|vomitando|diarrea", urgency: "medium", health: "nausea", scaled: true },
  { re: "fever|temperature|feverish|fiebre|calentura", urgency: "medium", health: "fever", scaled: true, blockedBy: /\b(the|outside|room|water)$/ },
  { re: "blood (?:pressure|sugar) (?:is |was )?(?:\\w+ )?(?:high|low|up|down)|sugar (?:is |was )?(?:very )?(?:low|high)|(?:azucar|presion|glucosa) (?:esta |muy )*(?:alta|baja)|swollen|swelling|hinchad[ao]s?|bleeding|bled|sangrando|sangro|me sangra|(?:keep|i am) forgetting things|confused|confusion|mixed up|confundid[ao]|desorientad[ao]", urgency: "medium", health: "feeling unwell", scaled: true },
  // sleep
  { re: "(?:can not|could not|have not been able to|unable to) sleep|have not slept|not sleeping|insomnia|barely slept|(?:did not|have not) sleep (?:at all|in days)|no (?:puedo|pude|he podido|consigo) dormir|no (?:he )?dormi(?:do)?(?: nada)?|no duermo|insomnio|up all night|awake all night|en vela|toda la noche despiert[ao]", urgency: "medium", health: "not sleeping", topics: ["sleep"], negatable: false },
  // loneliness, sadness, fear
  { re: "lonely|lonesome|(?:so|all|very|feel|feeling) alone|nobody (?:visits|calls|cares|comes)|no one (?:visits|calls|cares|comes)|sad|depressed|miserable|hopeless|down in the dumps|crying|cried|(?:me siento|estoy|tan|muy) (?:muy |tan )?sol[ao]|soledad|triste|tristeza|deprimid[ao]|nadie (?:me visita|me llama|viene|me quiere)|llor(?:o|ando|e)|desanimad[ao]", urgency: "medium", health: "low mood", topics: ["loneliness"], sentiment: "concerned", scaled: true },
  { re: "(?:scared|terrified|frightened|afraid|panicking|panic)(?! of (?:spiders|the dark|heights|dogs|mice))|asustad[ao]|tengo (?:mucho )?miedo|aterrad[ao]|panico", urgency: "medium", sentiment: "distressed" },
];

/** Mild complaints. */
const LOW_RULES: Rule[] = [
  { re: "tired|exhausted|worn out|fatigued|weary|cansad[ao]|agotad[ao]|sin energia|no energy", urgency: "low", health: "tiredness" },
  { re: "(?:have|got|caught|catching|getting|fighting|with|had) (?:a |the )?(?:little |bit of a |bad |slight |touch of a |touch of the )?(?:cold|flu|chill|sniffles)(?! (?:weather|outside|today|day|morning|out|wind|snap|drink|water))|head cold|runny nose|stuffy nose|sore throat|cough|coughing|sneezing|sneezy|resfriad[ao]|resfrio|catarro|gripe|tos(?= |$)|moquera|mocos|me duele la garganta|dolor de garganta", urgency: "low", health: "cold" },
  { re: "stiff|stiffness|itchy|itching|rash|picor|me pica(?:n)?|irritad[ao]|garganta|rigid[ao]|constipated|estrenid[ao]|heartburn|indigestion|acidez|not (?:very |really |that |too )?hungry|no appetite|sin hambre|no tengo (?:hambre|apetito)|(?:did not|not) sleep (?:very )?well|slept (?:badly|poorly)|dormi mal|worried|anxious|nervous|preocupad[ao]|ansios[ao]|nervios[ao]|miss my (?:late )?(?:husband|wife)|extrano a mi|echo de menos", urgency: "low", health: "mild complaint", sentiment: "concerned" },
];

const BODY_PARTS: Array<[RegExp, string]> = [
  [/\b(head|cabeza|headache|migraine|jaqueca|migrana)\b/, "headache"],
  [/\b(knee|knees|rodillas?)\b/, "knee pain"],
  [/\b(back|backache|lower back|espalda|lumbago)\b/, "back pain"],
  [/\b(hip|hips|cadera|caderas)\b/, "hip pain"],
  [/\b(stomach|tummy|belly|stomachache|abdomen|estomago|barriga|panza|tripa|vientre)\b/, "stomach pain"],
  [/\b(legs?|piernas?)\b/, "leg pain"],
  [/\b(arms?|brazos?)\b/, "arm pain"],
  [/\b(shoulders?|hombros?)\b/, "shoulder pain"],
  [/\b(foot|feet|pies?|toes?)\b/, "foot pain"],
  [/\b(hands?|wrists?|fingers?|manos?|munecas?|dedos?)\b/, "hand pain"],
  [/\b(neck|cuello)\b/, "neck pain"],
  [/\b(tooth|teeth|toothache|muelas?|dientes?)\b/, "tooth pain"],
  [/\b(joints?|bones|articulaciones|huesos|arthritis|artritis)\b/, "joint pain"],
  [/\b(ears?|earache|oidos?)\b/, "ear pain"],
  [/\b(eyes?|ojos?)\b/, "eye pain"],
  [/\b(chest|chess|pecho)\b/, "chest pain"],
];

/** Clauses that finish a reminder ("I took my pills", "ya me la tomé"). */
const REMINDER_RULES: Rule[] = [
  { re: `i (?:have )?(?:just |already |now )?(?:took|taken|had|done|finished|swallowed) (?:it|them|both|all of them|my (?:morning |evening |night |afternoon |lunchtime |heart |blood pressure )?(?:${MEDS}|lunch|breakfast|dinner|supper|water|walk|exercises?|stretches))`, urgency: "none", reminderDone: true },
  { re: `(?:already|just) (?:took|taken|did|done|ate|finished|swallowed)|(?:had|have had|just had|already had) my (?:morning |evening |night )?(?:lunch|breakfast|dinner|supper|tea|${MEDS})|(?:pills|medicines?|medications?|meds|tablets) (?:are |were )?(?:taken|done)|took (?:my|the|all my|both) (?:morning |evening |night )?${MEDS}|i (?:ate|have eaten|had) (?:my |some |a |a nice |a big |a good |the )?(?:lunch|breakfast|dinner|supper|meal|sandwich|soup)|did my (?:exercises|walk|stretches|exercise)|went for (?:my|a|our) walk|drank (?:my|a glass of|some|a bottle of) water|i did it|(?:^|\\| )(?:all )?done(?= \\||$)|(?:i am|it is|all|i have|i have already) done(?= \\||$| now| already| it| that)|taken care of it`, urgency: "none", reminderDone: true },
  { re: `ya (?:me )?(?:la |las |lo |los )?(?:tome|he tomado)|me (?:la|las|lo|los) (?:tome|he tomado)|me (?:tome|he tomado) (?:la|las|mi|mis|el|los) (?:\\w+ )?${MEDS_ES}|ya (?:comi|he comido|desayune|almorce|cene|termine|lo hice|esta hecho|hice|sali a caminar|camine|bebi)|(?:^|\\| )(?:ya )?(?:listo|lista|hecho)(?= \\||$)|(?:^|\\| )ya esta(?= \\||$)|(?:comi|desayune|almorce|cene) (?:bien|ya|todo)`, urgency: "none", reminderDone: true },
];

const TOPIC_LEXICON: Record<string, RegExp> = {
  family: /\b(daughters?|sons?|grand(?:children|kids?|sons?|daughters?|child)|husband|wife|sisters?|brothers?|family|kids|children|niece|nephew|hij[ao]s?|niet[ao]s?|familia|esposo|esposa|marido|herman[ao]s?|sobrin[ao]s?)\b/,
  garden: /\b(garden|gardening|flowers?|roses?|tomato(?:es)?|plants?|weeds|jardin|flores?|plantas?|huerto|rosas?|tomates?)\b/,
  food: /\b(lunch|dinner|breakfast|supper|soup|cake|cook(?:ing|ed)?|bak(?:e|ing|ed)|recipe|cookies|bread|meal|tea|coffee|comida|sopa|almuerzo|almorce|desayuno|desayune|cena|cene|cocinar|cocine|pastel|receta|pan|galletas|cafe)\b/,
  weather: /\b(weather|rain(?:ing|y)?|sunny|sunshine|snow(?:ing)?|windy|cold outside|hot today|lluvia|llueve|lloviendo|nieve|nevando|calor|frio|hace sol|viento)\b/,
  sleep: /\b(sleep|slept|sleeping|nap|insomnia|dormir|dormi|duermo|siesta|insomnio)\b/,
  health: /\b(doctor|nurse|hospital|clinic|appointment|pain|hurts?|dizzy|medico|doctora|enfermera|cita|dolor|duele)\b/,
  medication: /\b(pills?|medicines?|medications?|meds|tablets?|insulin|pastillas?|medicinas?|medicamentos?|remedios?|insulina)\b/,
  loneliness: /\b(lonely|alone|nobody|sola|solo me siento|soledad)\b/,
  pets: /\b(cat|cats|dog|dogs|kitten|puppy|bird|parrot|canary|fish|gat[ao]s?|perr[ao]s?|perrit[ao]|pajar(?:o|ito)s?|canario|loro)\b/,
  music: /\b(music|songs?|sing(?:ing)?|sang|radio|piano|choir|concert|musica|cancion(?:es)?|cantar|cante|coro)\b/,
  faith: /\b(church|pray(?:ed|ing)?|prayers?|god|mass|bible|iglesia|rezar|rece|rezo|misa|dios|virgen|biblia)\b/,
  tv: /\b(tv|television|telly|show|news|movie|film|series|telenovela|novela|noticias|pelicula|tele)\b/,
  friends: /\b(friends?|neighbou?rs?|amig[ao]s?|vecin[ao]s?)\b/,
  reading: /\b(book|books|reading|read|newspaper|crossword|puzzle|libro|leer|leyendo|periodico|crucigrama)\b/,
  exercise: /\b(walk|walked|walking|exercise|exercises|stretch(?:es|ing)?|caminar|camine|paseo|pasear|ejercicio)\b/,
};

const POSITIVE = /\b(happy|lovely|wonderful|glad|enjoy(?:ed|ing)?|great|nice|beautiful|delighted|love|loved|fun|excited|grateful|thankful|fantastic|marvellous|marvelous|good day|feliz|contenta?o?|alegre|maravillos[ao]|encant(?:a|o|ada|ado)|precios[ao]|bonit[ao]|disfrut(?:e|o|amos|ando)|estupend[ao]|genial|agradecid[ao])\b/;
const DISTRESS = /\b(scared|terrified|frightened|panic|panicking|asustad[ao]|aterrad[ao]|miedo|panico|desesperad[ao])\b/;
const CONCERN = /\b(worried|worry|anxious|sad|lonely|upset|preocupad[ao]|triste|sola|nervios[ao]|ansios[ao])\b/;

// ───────────────────────────── 5. rule evaluation ─────────────────────────────

const NEGATORS = new Set(["not", "never", "without", "nunca", "sin", "ni", "jamas", "tampoco", "nobody", "nothing", "nadie", "nada"]);
const NEGATION_STOPS = new Set([BOUNDARY, "but", "pero", "and", "y", "so", "because", "porque", "then", "luego", "though", "although", "aunque", "sino", "now", "ahora"]);
const NEGATION_WINDOW = 4;
const THIRD_PARTY = /\b(he|she|they|someone|somebody|everyone|people|neighbou?r|husband|wife|friend|sister|brother|son|daughter|man|woman|lady|guy|cat|dog|mother|mom|mum|dad|father|grandson|granddaughter|leaves|tree|snow|rain|prices|glass|cup|plate|picture|vase|book|phone|it|that|things|news|show|character|patient|her|him|his|vecin[ao]|herman[ao]|espos[ao]|marido|amig[ao]|hij[ao]|mama|papa|madre|padre|alguien|senor|senora|ella|el|tuvo)\b/;
const SEVERE = /\b(terrible|terribly|worst|unbearable|excruciating|severe|severely|agony|agonizing|awful|horrible|really bad|so bad|very bad|extremely|insoportable|muchisimo|fuertisimo|peor|muy fuerte|atroz)\b/;
const MILD = /\b(a little|a bit|little|slightly|slight|mild|minor|bit|somewhat|touch of|un poco|poquito|poquitin|leve|ligero|ligera|algo de|un pelin)\b/;

function precedingTokens(text: string, index: number): string[] {
  const before = text.slice(0, index).trim();
  if (!before) return [];
  const tokens = before.split(" ");
  const out: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && out.length < NEGATION_WINDOW; i--) {
    if (NEGATION_STOPS.has(tokens[i])) break;
    out.unshift(tokens[i]);
  }
  return out;
}

function isNegated(window: string[], following = ""): boolean {
  return window.some((t, i) => {
    if (NEGATORS.has(t)) return true;
    if (t !== "no") return false;
    // "oh no i fell": "no" as an interjection before the subject does not negate
    const next = window[i + 1] ?? following;
    return !(next === "i" || next === "my" || next === "no");
  });
}

function clauseAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf(BOUNDARY, start);
  const to = text.indexOf(BOUNDARY, end);
  return text.slice(from < 0 ? 0 : from + 1, to < 0 ? text.length : to);
}

interface Finding {
  rule: Rule;
  urgency: Urgency;
  health?: string;
}

const compiled = new Map<string, RegExp>();
function compile(src: string): RegExp {
  let re = compiled.get(src);
  if (!re) {
    re = new RegExp(`(?<![a-z0-9ñ])(?:${src})(?![a-z0-9ñ])`, "g");
    compiled.set(src, re);
  }
  re.lastIndex = 0;
  return re;
}

function evaluate(rule: Rule, text: string): Finding | null {
  for (const m of text.matchAll(compile(rule.re))) {
    const window = precedingTokens(text, m.index);
    const windowText = window.join(" ");
    if (rule.negatable !== false && isNegated(window, m[0].split(" ")[0])) continue;
    if (rule.blockedBy && rule.blockedBy.test(windowText)) continue;
    if (rule.firstPerson && !window.includes("i") && !/^i /.test(m[0]) && THIRD_PARTY.test(windowText)) continue;
    let urgency = rule.urgency;
    let health = rule.health;
    const clause = clauseAround(text, m.index, m.index + m[0].length);
    if (rule.scaled && urgency === "medium") {
      if (SEVERE.test(clause)) urgency = "high";
      else if (MILD.test(clause)) urgency = "low";
    }
    if (rule.pain) {
      const part = BODY_PARTS.find(([re]) => re.test(clause));
      health = part ? part[1] : health ?? "pain";
      if (part?.[1] === "chest pain") continue; // the chest-pain rule decides, negation included
    }
    return { rule, urgency, health };
  }
  return null;
}

const ALL_RULES: Rule[] = [...CRITICAL_RULES, ...HIGH_RULES, ...MEDIUM_RULES, ...LOW_RULES];

const GREETING = /^(?:(?:oh )?(?:hello|hi|hey|good (?:morning|afternoon|evening)|morning|hola|buenos dias|buenas tardes|buenas|buen dia)\b)/;
const FAREWELL = /\b(?:bye|goodbye|good night|goodnight|see you|talk (?:to you )?(?:later|tomorrow)|adios|hasta (?:luego|manana|pronto|la vista)|chao|chau|buenas noches|nos vemos)\b/;
const QUESTION_START = /^(?:what|where|when|who|why|how|which|can you|could you|would you|do you|did you|is it|are you|will you|que|donde|cuando|quien|por que|como|cual|puedes|me puedes|sabes)\b/;

export function analyzeOffline(message: string, opts?: { language?: string }): OfflineAnalysis {
  const raw = message ?? "";
  const text = normalize(raw);
  const language = detectLanguage(raw, text, opts?.language);

  let urgency: Urgency = "none";
  const health = new Set<string>();
  const reasons = new Set<string>();
  const topics = new Set<string>();
  let distress = false;
  let concern = false;

  for (const rule of ALL_RULES) {
    const f = evaluate(rule, text);
    if (!f) continue;
    urgency = maxUrgency(urgency, f.urgency);
    if (f.health) health.add(f.health);
    if (rule.reason) reasons.add(rule.reason);
    for (const t of rule.topics ?? []) topics.add(t);
    if (rule.sentiment === "distressed") distress = true;
    if (rule.sentiment === "concerned") concern = true;
  }
  // fever together with confusion is serious
  if (health.has("fever") && (health.has("confusion") || /\bconfus|confundid/.test(text))) urgency = maxUrgency(urgency, "high");

  const reminder_completed = REMINDER_RULES.some((r) => evaluate(r, text) !== null);

  for (const [topic, re] of Object.entries(TOPIC_LEXICON)) if (re.test(text)) topics.add(topic);
  if (health.size > 0) topics.add("health");
  if (health.has("missed medication") || health.has("double dose")) topics.add("medication");

  const positive = POSITIVE.test(text) && !isNegated(precedingTokens(text, text.search(POSITIVE)));
  let sentiment: Sentiment = "neutral";
  if (urgency === "critical" || distress || DISTRESS.test(text)) sentiment = "distressed";
  else if (urgency === "high" || urgency === "medium" || concern || CONCERN.test(text)) sentiment = "concerned";
  else if (positive) sentiment = "positive";
  else if (urgency === "low") sentiment = "concerned";

  let intent: Intent;
  if (urgency === "critical") intent = "emergency";
  else if (reminder_completed && URGENCY_ORDER.indexOf(urgency) < URGENCY_ORDER.indexOf("high")) intent = "reminder_done";
  else if (health.size > 0 && urgency !== "none") intent = "health_complaint";
  else if (GREETING.test(text)) intent = "greeting";
  else if (FAREWELL.test(text)) intent = "farewell";
  else if (/\?\s*$/.test(raw.trim()) || QUESTION_START.test(text)) intent = "question";
  else if (topics.size > 0 || text.split(" ").length > 3) intent = "chat";
  else intent = "other";

  return {
    language,
    intent,
    sentiment,
    urgency,
    health_mentions: [...health],
    topics: [...topics],
    reminder_completed,
    emergency_reasons: urgency === "critical" ? [...reasons] : [],
  };
}

// ───────────────────────────── 6. replies ─────────────────────────────

type Style = "friendly" | "formal" | "casual";

function pickLanguage(analysis: OfflineAnalysis, hint?: string): "en" | "es" {
  if (analysis.language) return analysis.language;
  return hint?.toLowerCase().startsWith("es") ? "es" : "en";
}

function replyEn(a: OfflineAnalysis, name: string, style: Style): string {
  const hi = style === "formal" ? `Hello, ${name}.` : style === "casual" ? `Hey ${name}!` : `Hello ${name}!`;
  if (a.urgency === "critical") {
    const extra = a.emergency_reasons.includes("self_harm")
      ? "You matter very much, and you are not alone."
      : "If you can, stay where you are and press your emergency button or call 911.";
    return `${name}, I'm here with you. I'm letting your caregiver know right away. ${extra}`;
  }
  if (a.urgency === "high") {
    return `I'm sorry you're going through this, ${name}. I'm letting your caregiver know right away. Please sit down and rest somewhere safe.`;
  }
  if (a.reminder_completed) {
    return style === "formal" ? `Thank you for letting me know, ${name}. Well done.` : `Thank you for letting me know, ${name}! Well done.`;
  }
  if (a.health_mentions.includes("missed medication")) {
    return `Thank you for telling me, ${name}. Please check your pill organizer, and if you're not sure what to do, ask your caregiver or pharmacist.`;
  }
  if (a.urgency === "medium" && a.topics.includes("loneliness")) {
    return `I'm sorry you're feeling this way, ${name}. I'm right here and I'd love to keep you company. Would you like to tell me about your day?`;
  }
  if (a.urgency === "medium" || a.urgency === "low") {
    return `I'm sorry to hear that, ${name}. Please take it easy and rest a little. Let me know if it gets worse.`;
  }
  if (a.intent === "greeting") return `${hi} It's lovely to hear from you. How are you feeling today?`;
  if (a.intent === "farewell") return `Goodbye, ${name}, take care. I'm here whenever you want to talk.`;
  if (a.sentiment === "positive") return style === "formal" ? `That sounds lovely, ${name}. Please tell me more.` : `That sounds lovely, ${name}! Tell me more.`;
  if (a.intent === "question") return `That's a good question, ${name}. Let's think about it together.`;
  return `Thank you for sharing that with me, ${name}. Tell me more.`;
}

function replyEs(a: OfflineAnalysis, name: string, style: Style): string {
  const usted = style === "formal";
  const su = usted ? "su" : "tu";
  if (a.urgency === "critical") {
    const extra = a.emergency_reasons.includes("self_harm")
      ? usted ? "Usted es muy importante y no está solo." : "Eres muy importante y no estás sola."
      : usted ? "Si puede, quédese donde está y pulse su botón de emergencia o llame al 911." : "Si puedes, quédate donde estás y pulsa tu botón de emergencia o llama al 911.";
    return `${name}, estoy aquí ${usted ? "con usted" : "contigo"}. Estoy avisando a ${su} cuidador ahora mismo. ${extra}`;
  }
  if (a.urgency === "high") {
    return `Siento mucho lo que ${usted ? "está pasando" : "estás pasando"}, ${name}. Estoy avisando a ${su} cuidador ahora mismo. ${usted ? "Siéntese y descanse" : "Siéntate y descansa"} en un lugar seguro.`;
  }
  if (a.reminder_completed) return `¡Gracias por ${usted ? "decírmelo" : "contármelo"}, ${name}! Muy bien hecho.`;
  if (a.health_mentions.includes("missed medication")) {
    return `Gracias por ${usted ? "decírmelo" : "contármelo"}, ${name}. ${usted ? "Revise su pastillero y, si tiene dudas, pregunte a su" : "Revisa tu pastillero y, si tienes dudas, pregunta a tu"} cuidador o farmacéutico.`;
  }
  if (a.urgency === "medium" && a.topics.includes("loneliness")) {
    return `Siento que ${usted ? "se sienta" : "te sientas"} así, ${name}. Estoy aquí ${usted ? "con usted" : "contigo"}. ¿Me ${usted ? "cuenta" : "cuentas"} cómo ha sido ${su} día?`;
  }
  if (a.urgency === "medium" || a.urgency === "low") {
    return `Siento oír eso, ${name}. ${usted ? "Tómeselo con calma y descanse" : "Tómatelo con calma y descansa"} un poco. ${usted ? "Avíseme" : "Avísame"} si empeora.`;
  }
  if (a.intent === "greeting") return `¡Hola, ${name}! Qué alegría ${usted ? "saludarle" : "oírte"}. ¿Cómo ${usted ? "se siente" : "te sientes"} hoy?`;
  if (a.intent === "farewell") return `Hasta luego, ${name}, ${usted ? "cuídese" : "cuídate"} mucho. Aquí estoy cuando ${usted ? "quiera" : "quieras"} hablar.`;
  if (a.sentiment === "positive") return `¡Qué bonito, ${name}! ${usted ? "Cuénteme" : "Cuéntame"} más.`;
  return `Gracias por ${usted ? "decírmelo" : "contármelo"}, ${name}. ${usted ? "Cuénteme" : "Cuéntame"} más.`;
}

export function offlineReply(
  analysis: OfflineAnalysis,
  ctx: { name: string; style?: "friendly" | "formal" | "casual"; language?: string },
): string {
  const name = ctx.name?.trim() || (pickLanguage(analysis, ctx.language) === "es" ? "amigo" : "friend");
  const style = ctx.style ?? "friendly";
  return pickLanguage(analysis, ctx.language) === "es" ? replyEs(analysis, name, style) : replyEn(analysis, name, style);
}
