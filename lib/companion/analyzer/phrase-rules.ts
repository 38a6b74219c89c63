/**
 * The phrase rules: emergencies and complaints by their usual wordings, in English and Spanish (issue 6 and the
 * held-out rounds since). Each rule is a regular expression over normalized text; evaluate() applies the shared
 * scope checks (scope.ts) to every critical and high rule, so "my neighbour fell", "what if I fell", "on the
 * news a man collapsed" and "I had chest pains years ago" raise nothing. The compositional signals (falls.ts,
 * function-loss.ts, vitals.ts, threats.ts, doses.ts, medication-gaps.ts, near-fainting.ts, distress.ts) sit
 * beside these and carry what no list of phrasings can.
 */
import { clauseAround } from "./normalize";
import { countScopeVeto, phrase } from "./match";
import { scopeAt, precedingTokens } from "./scope";
import { RANK, type Finding, type Sentiment, type Urgency } from "./types";

export interface Rule {
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
  /** critical and high rules are about the speaker unless this says anyone may be the subject ("somebody help") */
  anySubject?: boolean;
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
const MEDS_ES = "(?:pastillas?|medicinas?|medicamentos?|remedios?|pildoras?|insulina|capsulas?|gotas|dosis|inhalador|vitaminas?)";
const NEAR_MISS = /\b(almost|nearly|just about|casi|por poco)\b/;
const ALMOST_BEFORE = { blockedBy: NEAR_MISS };

/** Emergencies: critical whatever else is said. */
const CRITICAL_RULES: Rule[] = [
  // falls
  {
    re: "(?:i )?(?:fell|have fallen|had fallen|fallen|falled|fel)(?! (?:asleep|for|in love|apart|through|behind|short|silent|ill|off the wagon|out with|about))",
    urgency: "critical",
    health: "fall",
    reason: "fall",
    firstPerson: true,
    ...ALMOST_BEFORE,
  },
  {
    re: "(?:had|took) (?:a |another )?(?:bad |nasty |little |small )?(?:fall|tumble|spill)",
    urgency: "critical",
    health: "fall",
    reason: "fall",
    firstPerson: true,
    ...ALMOST_BEFORE,
  },
  { re: "(?:fall|fallen|fell) (?:down|over|off)", urgency: "critical", health: "fall", reason: "fall", firstPerson: true, ...ALMOST_BEFORE },
  {
    re: "collapsed|went down (?:hard|in|on)|hit the (?:floor|ground|deck)|(?:been )?lying (?:here|there|on the (?:floor|ground)) (?:for|since|all)|can not reach (?:the|my) (?:phone|button|pendant)",
    urgency: "critical",
    health: "fall",
    reason: "fall",
    firstPerson: true,
  },
  {
    re: "(?:can not|unable to|could not) (?:get|stand|getting) (?:up|back up)(?! (?:straight|the stairs|those stairs|early|in the morning|out of bed|from bed|on time))|can not get off the (?:floor|ground)|(?:stuck|lying|laying) on the (?:floor|ground)|i am on the (?:floor|ground)(?! (?:doing|playing|with|to|for|looking|exercising|stretching|sorting|cleaning))",
    urgency: "critical",
    health: "fall",
    reason: "fall",
    negatable: false,
  },
  {
    re: "me (?:he )?(?:cai|caido)(?! (?:de sueno|en la cuenta))|(?:tuve|sufri) una caida|me fui al (?:suelo|piso)|me di un (?:porrazo|costalazo)",
    urgency: "critical",
    health: "fall",
    reason: "fall",
    ...ALMOST_BEFORE,
  },
  {
    re: "no (?:me )?puedo (?:levantar|levantarme|parar|pararme)(?! (?:de la cama|temprano))|estoy (?:tirad[ao] )?en el (?:suelo|piso)|(?:tirad[ao]|caid[ao]) en el (?:suelo|piso)",
    urgency: "critical",
    health: "fall",
    reason: "fall",
    negatable: false,
  },
  // chest pain, heart attack
  {
    re: "(?:chest|chess) (?:pain|pains|hurts|is hurting|aches|ache|tightness|pressure|feels tight|is tight|feels heavy|is heavy|is killing me)|(?:pain|pains|pressure|tightness|squeezing|heaviness|ache|weight|band)(?: \\w+){0,3} (?:in|on|across|around|over|through|under) (?:my|the) (?:chest|chess)|tight chest|crushing (?:pain|feeling)|(?:elephant|weight|something heavy|someone) (?:is )?(?:sitting|standing|pressing) on (?:me|my chest)|(?:pain|pressure|ache|tightness|chest|chess)(?: \\w+){0,8} (?:going|goes|spreading|spreads|radiating|moving|shooting|travelling|traveling) (?:down|into|to|up|through) my (?:left )?(?:arm|jaw|neck)|(?:heart|chest) (?:is |keeps |has been )?(?:pounding|racing|thumping|hammering)(?: \\w+){0,8} (?:jaw|left arm|sweating|clammy|can not breathe|faint)",
    urgency: "critical",
    health: "chest pain",
    reason: "chest_pain",
  },
  {
    re: "(?:having|have|had) a heart attack|heart attack (?:now|right now)|think (?:it is|i am having|this is) a heart attack",
    urgency: "critical",
    health: "chest pain",
    reason: "chest_pain",
    firstPerson: true,
    ...ALMOST_BEFORE,
  },
  {
    re: "(?:dolor|opresion|presion|apreton|peso|punzada)(?: \\w+){0,3} (?:en el|de|del) pecho|me duele (?:mucho )?el pecho|pecho apretado|me aprieta (?:mucho )?el pecho|(?:pecho|dolor)(?: \\w+){0,6} (?:me )?(?:baja|sube|va|corre|pasa) (?:al|por el|hacia el) (?:brazo|cuello|mandibula)",
    urgency: "critical",
    health: "chest pain",
    reason: "chest_pain",
  },
  {
    re: "(?:me esta dando|tengo|estoy teniendo|creo que (?:es|tengo|me da)) (?:un )?(?:infarto|ataque al corazon|ataque cardiaco)",
    urgency: "critical",
    health: "chest pain",
    reason: "chest_pain",
  },
  // breathing
  {
    re: "lips (?:are |feel |look |went |turning |gone |have gone )?(?:\\w+ )?blue|(?:can not|could not|unable to|can barely|can hardly) (?:get (?:a|my|any) breath(?: in)?|breathe|breath|breth|breate|get my breath|catch my breath|get air)|i am choking|choking",
    urgency: "critical",
    health: "breathing difficulty",
    reason: "breathing",
    negatable: false,
  },
  {
    re: "(?:trouble|difficulty|hard|struggling|struggle|problems?|difficult) (?:to )?(?:breathe|breath|breathing)|short of breath|shortness of breath|gasping|not getting enough air",
    urgency: "critical",
    health: "breathing difficulty",
    reason: "breathing",
  },
  {
    re: "no (?:puedo|podia|puede) (?:respirar|coger aire|tomar aire|agarrar aire|jalar aire)|me estoy ahogando|me ahogo|no me entra (?:el )?aire",
    urgency: "critical",
    health: "breathing difficulty",
    reason: "breathing",
    negatable: false,
  },
  {
    re: "me falta (?:el )?aire|falta de aire|me cuesta (?:mucho )?respirar|dificultad para respirar",
    urgency: "critical",
    health: "breathing difficulty",
    reason: "breathing",
  },
  // explicit calls for help
  {
    re: "help me(?! (?:to|with|find|look|get dressed|get ready|get the|remember|choose|pick|write|read|set|understand|open|turn|fix|figure|decide|make|cook|send|think|plan|call my|work|use|learn|spell|put|carry|move|sort|organi[sz]e|search|reach|change|pay|fill|order|book|hang|tidy|clean|finish|out|in the|with|wrap|bake|pick|choose|dial my|recall))",
    urgency: "critical",
    reason: "help",
    blockedBy: /\b(can|could|would|will|you|to|might|may|not|it|that|this|did|does)$/,
  },
  {
    re: "(?:please|somebody|someone|anyone|anybody|i need|need) help(?! (?:with|to|finding|find|me (?:find|with|to|look)|setting|getting|choosing|picking|writing|reading|planning|cooking))",
    urgency: "critical",
    reason: "help",
    anySubject: true,
  },
  { re: "(?:^|\\| )help(?: help)*(?: please)?(?= \\||$)", urgency: "critical", reason: "help" },
  {
    re: "(?:call|dial|get|send|need|phone) (?:me )?(?:an? |the )?(?:911|nine one one|999|112|ambulance|paramedics|emergency services|fire brigade|police)|call for help|send (?:someone|somebody|help)|(?:someone|somebody) come(?: quick| quickly| now| please)?(?= \\||$)|come quick(?:ly)?|get (?:someone|somebody|help) (?:here|round|over|to me)|(?:this|it) is an emergency|medical emergency|(?:^|\\| )emergency(?= \\||$)",
    urgency: "critical",
    reason: "help",
    anySubject: true,
  },
  {
    re: "auxilio|socorro|ayudenme|(?:^|\\| )ayuda(?: ayuda)*(?: por favor)?(?= \\||$)|ayudame(?= \\||$| por favor| porfa| rapido| ya)|necesito ayuda(?! (?:con|para|a ))|(?:llama|llame|llamen|llamar|llames|llamad|manda|manden|necesito) (?:a )?(?:una |la |al )?(?:ambulancia|emergencias|911|112|los bomberos|la policia|el 911)|es una emergencia|(?:^|\\| )emergencia(?= \\||$)|(?:vengan?|ven) (?:rapido|ya|pronto|enseguida|corriendo)|que venga alguien|(?:manden|mandad|mande|envien) a alguien",
    urgency: "critical",
    reason: "help",
    anySubject: true,
  },
  // disorientation
  {
    re: "(?:do not|dont) know where i am(?! (?:going|supposed|at with|putting))|where am i(?! (?:supposed|going|meant|gonna|at with))|i am lost(?! (?:in|without|for words|my))|(?:do not|can not) recogni[sz]e (?:this|where|the house|my house|my home|anything|anyone|this place|my own)|how did i get here|(?:^|\\| )where is this(?: place)?(?= \\||$)|(?:do not|dont) know this place|this is not my (?:house|home)|what place is this",
    urgency: "critical",
    health: "confusion",
    reason: "disorientation",
    negatable: false,
  },
  {
    re: "no se donde estoy|(?:^|\\| )donde estoy(?= \\||$)|estoy perdid[ao](?! (?:sin|con))|no reconozco (?:esta|este|mi|la|el|nada|a nadie|donde)|como llegue aqui|esta no es mi casa",
    urgency: "critical",
    health: "confusion",
    reason: "disorientation",
    negatable: false,
  },
  // self-harm
  {
    re: "(?:want|wanting|wish|ready|going) to die|wish i (?:was|were) dead|kill myself|killing myself|end it all|end my life|take my (?:own )?life|better off dead|no reason to live|(?:rather|prefer to|hope i do) not wake up|what is the point (?:of|in) (?:going on|living|life|carrying on)|took (?:\\w+ ){0,4}on purpose|took all my sleeping pills|(?:taken|took|swallowed) (?:all (?:of )?the (?:pills|tablets) in the (?:bottle|box|packet|jar)|the whole (?:bottle|box|packet|jar|strip)|a whole (?:bottle|box|packet|jar))|sleep forever|(?:go to sleep|fall asleep) and (?:never|not) wake up|(?:me )?tome (?:todas las pastillas|el frasco entero|la caja entera)|dormir para siempre|(?:took|taken) an overdose|overdosed|(?:want|going) to hurt myself|i (?:think|feel like) i am dying|i am dying(?! (?:to|for|of (?:laughter|boredom|curiosity|thirst|hunger|embarrassment)|laughing))",
    urgency: "critical",
    health: "self-harm thoughts",
    reason: "self_harm",
  },
  {
    re: "(?:do not|dont) want to (?:live|be alive|be here anymore|go on|wake up)(?! (?:in|with|there|near|somewhere|anywhere|far|alone|on my own|by myself|here))",
    urgency: "critical",
    health: "self-harm thoughts",
    reason: "self_harm",
    negatable: false,
  },
  {
    re: "(?:me )?quiero morir(?:me)?|no quiero (?:seguir )?vivir(?! (?:en|con|sol[ao]|alli|ahi|lejos|aqui))|matarme|quitarme la vida|acabar con todo|acabar con mi vida|mejor (?:estaria )?muert[ao]|ojala (?:estuviera muert[ao]|me muriera)|no vale la pena vivir|para que (?:seguir )?vivir|me estoy muriendo|no quiero despertar",
    urgency: "critical",
    health: "self-harm thoughts",
    reason: "self_harm",
  },
  // heavy bleeding
  {
    re: "bleeding (?:a lot|heavily|badly|so much|everywhere|all over|and it will not stop|like crazy)|will not stop bleeding|can not stop (?:the )?bleeding|(?:lots? of|so much|a lot of) blood|blood everywhere|(?:vomiting|throwing up|threw up|coughing up|coughed up|vomited|spitting) blood|bleeding from my (?:head|mouth|ear|ears)|(?:the )?blood (?:will not|would not|does not|is not going to|just will not|keeps on|keeps) (?:stop|stopping|coming|pouring)|blood (?:is )?(?:pouring|gushing|pumping|spurting|streaming)",
    urgency: "critical",
    health: "bleeding",
    reason: "bleeding",
  },
  {
    re: "sangr(?:o|ando|a) mucho|mucha sangre|no (?:para|deja) de sangrar|(?:vomite|vomito|vomitando|toso|tosiendo|escupo|escupiendo) sangre|sangre por todas partes|la sangre no (?:para|se detiene|deja de salir)|no (?:para|deja) la sangre",
    urgency: "critical",
    health: "bleeding",
    reason: "bleeding",
  },
  // fainting, seizures
  {
    re: "i (?:fainted|passed out|blacked out)|keep (?:fainting|passing out|blacking out|losing consciousness)|seizure(?! (?:tablets?|pills?|medicines?|medication|meds|drugs?))|convulsion(?! (?:tablets?|pills?|medicines?|medication))|(?:just )?came (?:round|around)(?! (?:to|for|with|at|on|yesterday|today))|came (?:round|around|to) on the (?:settee|sofa|couch|floor|carpet|bed|chair|kitchen floor|bathroom floor)|(?:do not|did not) know how long i (?:was|had been) (?:gone|out|there)|no se cuanto (?:tiempo )?(?:estuve|estuvo) (?:inconsciente|desmayad[ao]|ahi)|(?:just )?came to (?:on|in|and|lying)|woke up (?:on|lying on) the (?:floor|ground)|me desmaye|me he desmayado|perdi el (?:conocimiento|sentido)|me desvaneci|convulsiones|me desperte (?:en el|tirad[ao] en el) (?:suelo|piso)|volvi en mi",
    urgency: "critical",
    health: "fainting",
    reason: "fainting",
    firstPerson: true,
  },
  // hazards at home
  {
    re: "smell (?:of )?gas|gas leak|smoke (?:is )?(?:coming|pouring) (?:from|out|in)|(?:full of|filling with|filled with) smoke|there is smoke|hay humo|(?:sale|entra) humo|(?:house|kitchen|room) is on fire|there is a fire|something is on fire|smoke everywhere|(?:gas|burning) smell|smells? (?:\\w+ ){0,2}(?:of|like) (?:gas|burning)|huele (?:\\w+ ){0,2}a (?:gas|quemado)|olor a gas|fuga de gas|incendio|hay fuego|(?:se esta|esta) quemando (?:la|el|mi)",
    urgency: "critical",
    reason: "safety",
    anySubject: true,
    blockedBy: /\b(news|noticias|dijeron|said|hubo|tele|tv|show|movie|pelicula|film)\b/,
  },
];

/** Serious but not an emergency. */
const HIGH_RULES: Rule[] = [
  {
    re: "(?:almost|nearly|just about|very nearly) (?:fell|fall|had a fall|fallen|tripped|went down|went over|went flying|toppled|slipped over|came a cropper|lost my footing|hit the deck)|tripped|slipped (?:on|in|over|off|and)|lost my balance|lose my balance|keep falling|i fall(?! asleep)|(?:feel|feeling|felt) (?:\\w+ )?(?:wobbly|unsteady)|unsteady on my feet|me siento (?:\\w+ )?debil y maread[ao]",
    urgency: "high",
    health: "near fall",
    negatable: true,
  },
  {
    re: "(?:casi|por poco) me (?:caigo|cai|caia)|me (?:resbale|tropece|tropiezo)|perdi el equilibrio|me caigo(?! de sueno)",
    urgency: "high",
    health: "near fall",
  },
  {
    re: "worst (?:pain|headache)|(?:unbearable|excruciating|terrible|severe|horrible|agonizing) (?:pain|headache)|el peor dolor|dolor (?:terrible|horrible|insoportable|muy fuerte)",
    urgency: "high",
    health: "severe pain",
    pain: true,
  },
  {
    re: "(?:very|so|really|extremely|terribly|awfully) (?:dizzy|lightheaded|light headed)|(?:room|everything) (?:is )?spinning|muy maread[ao]|todo (?:me )?da vueltas",
    urgency: "high",
    health: "dizziness",
  },
  {
    re: "(?:hit|banged|bumped|knocked|smacked|whacked|cracked|bashed|clonked|thumped|walloped|struck|clipped) my head|me (?:di|golpee)(?: un golpe)?(?: fuerte)? (?:en )?la cabeza",
    urgency: "high",
    health: "head injury",
  },
  {
    re: "(?:not|no) (?:he |have )?(?:eaten|eat|comido|como)(?: anything| nada)?(?: in| for| since| en| desde hace)? (?:\\w+ )?(?:days|dias)|(?:not|nothing|no) (?:\\w+ ){0,3}(?:to eat|eaten|food|a meal|a bite)(?: or drink)? (?:for|in|since) (?:about |nearly |over )?(?:\\d+|two|three|four|five|several|a few|a couple of) days|llevo (?:\\w+ )?dias sin comer",
    urgency: "high",
    health: "not eating",
    negatable: false,
  },
  { re: "(?:very|so|really|extremely) confused|muy confundid[ao]|muy desorientad[ao]", urgency: "high", health: "confusion", negatable: false },
  {
    re: "high fever|fever of (?:39|40|41|102|103|104)|fiebre (?:muy )?alta|(?:can not|could not) (?:keep|hold) (?:anything|water|food|it|fluids) down|no retengo nada|(?:can not|could not) get out of bed|no (?:me )?puedo (?:levantar|levantarme|salir) de la cama|blood in (?:my )?(?:urine|stool|pee|poo)|sangre en (?:la orina|las heces)",
    urgency: "high",
    health: "feeling unwell",
    negatable: false,
  },
];

/** Things a caregiver should hear about today. */
const MEDIUM_RULES: Rule[] = [
  // missed medication
  {
    re: `(?:forgot|forget|forgotten|missed|skipped|skip|miss|missing|skipping|forgetting) (?:to take )?(?:my |the |all my |both my |today |this morning |tonight )?(?:morning |evening |night |lunchtime )?${MEDS}|(?:forgot|forgotten) to take (?:it|them)|ran out of (?:my )?${MEDS}`,
    urgency: "medium",
    health: "missed medication",
    topics: ["medication"],
  },
  {
    re: `(?:did not|have not|has not|never|had not) (?:take|taken|took) (?:my |the |any |all my |today )?(?:morning |evening |night )?(?:${MEDS}|it|them)|not sure (?:if|whether) i (?:took|take|have taken)|(?:can not|do not|could not) remember (?:if|whether) i (?:took|take|have taken)`,
    urgency: "medium",
    health: "missed medication",
    topics: ["medication"],
    negatable: false,
  },
  {
    re: `(?:se me (?:olvido|olvidaron|paso|pasaron)|olvide|me olvide(?: de)?) (?:tomar(?:me)?(?:la|las|lo|los)? )?(?:la |las |mi |mis |el |los )?(?:${MEDS_ES}|tomar)|se me acabaron (?:las |mis )?${MEDS_ES}`,
    urgency: "medium",
    health: "missed medication",
    topics: ["medication"],
  },
  {
    re: `no (?:me )?(?:la |las |lo |los )(?:he )?(?:tome|tomado)|no (?:me )?(?:he )?(?:tome|tomado) (?:la |las |mi |mis |el |los |ninguna )?${MEDS_ES}|no se si (?:me )?(?:la |las )?(?:tome|he tomado)|no (?:me acuerdo|recuerdo) si (?:me )?(?:la |las )?(?:tome|he tomado)`,
    urgency: "medium",
    health: "missed medication",
    topics: ["medication"],
    negatable: false,
  },
  // pain (body part taken from the clause)
  {
    re: "pain|pains|painful|hurts|hurting|hurt|aches|ache|aching|achy|sore(?! throat)|headache|migraine|backache|toothache|stomachache|tummy ache|earache",
    urgency: "medium",
    pain: true,
    scaled: true,
  },
  { re: "dolor(?:es)?|me duele(?:n)?|adolorid[ao]|jaqueca|migrana", urgency: "medium", pain: true, scaled: true },
  {
    re: "(?:back|feet|foot|knees?|hips?|legs?|head|neck|shoulders?|hands?|arms?|joints|teeth|tooth|stomach|tummy) (?:is|are) (?:\\w+ )?killing me",
    urgency: "medium",
    pain: true,
    scaled: true,
  },
  // dizziness, feeling unwell
  { re: "dizzy|dizziness|light ?headed|woozy|vertigo|maread[ao]|mareos?", urgency: "medium", health: "dizziness", scaled: true },
  {
    re: "(?:not|do not|did not) (?:feel|feeling) (?:well|good|great|right|myself|so good|too good|very well)|no me siento (?:bien|muy bien)|(?:not|no) (?:doing|estoy) (?:well|bien)",
    urgency: "medium",
    health: "feeling unwell",
    negatable: false,
  },
  {
    re: "(?:feel|feeling|felt|am|been) (?:\\w+ )?(?:sick|ill|unwell|awful|terrible|poorly|rotten|weak|off)|fell ill|(?:me siento|estoy|me encuentro) (?:\\w+ )?(?:mal|enferm[ao]|fatal|debil|malit[ao])",
    urgency: "medium",
    health: "feeling unwell",
    scaled: true,
  },
  {
    re: "nausea|nauseous|queasy|vomit(?:ing|ed)?|threw up|throwing up|diarrh?oea|diarrhea|nauseas|vomit[eo]|vomitando|diarrea",
    urgency: "medium",
    health: "nausea",
    scaled: true,
  },
  { re: "fever|temperature|feverish|fiebre|calentura", urgency: "medium", health: "fever", scaled: true, blockedBy: /\b(the|outside|room|water)$/ },
  {
    re: "blood (?:pressure|sugar) (?:is |was )?(?:\\w+ )?(?:high|low|up|down)|sugar (?:is |was )?(?:very )?(?:low|high)|(?:azucar|presion|glucosa) (?:esta |muy )*(?:alta|baja)|swollen|swelling|hinchad[ao]s?|bleeding|bled|sangrando|sangro|me sangra|(?:keep|i am) forgetting things|confused|confusion|mixed up|confundid[ao]|desorientad[ao]",
    urgency: "medium",
    health: "feeling unwell",
    scaled: true,
  },
  // sleep
  {
    re: "(?:can not|could not|have not been able to|unable to) sleep|have not slept|not sleeping|insomnia|barely slept|(?:did not|have not) sleep (?:at all|in days)|no (?:puedo|pude|he podido|consigo) dormir|no (?:he )?dormi(?:do)?(?: nada)?|no duermo|insomnio|up all night|awake all night|en vela|toda la noche despiert[ao]",
    urgency: "medium",
    health: "not sleeping",
    topics: ["sleep"],
    negatable: false,
  },
  // loneliness, sadness, fear
  {
    re: "lonely|lonesome|(?:so|all|very|feel|feeling) alone|nobody (?:visits|calls|cares|comes)|no one (?:visits|calls|cares|comes)|sad|depressed|miserable|hopeless|down in the dumps|crying|cried|(?:me siento|estoy|tan|muy) (?:muy |tan )?sol[ao]|soledad|triste|tristeza|deprimid[ao]|nadie (?:me visita|me llama|viene|me quiere)|llor(?:o|ando|e)|desanimad[ao]",
    urgency: "medium",
    health: "low mood",
    topics: ["loneliness"],
    sentiment: "concerned",
    scaled: true,
  },
  {
    re: "(?:scared|terrified|frightened|afraid|panicking|panic)(?! of (?:spiders|the dark|heights|dogs|mice))|asustad[ao]|tengo (?:mucho )?miedo|aterrad[ao]|panico",
    urgency: "medium",
    sentiment: "distressed",
  },
];

/** Mild complaints. */
const LOW_RULES: Rule[] = [
  { re: "tired|exhausted|worn out|fatigued|weary|cansad[ao]|agotad[ao]|sin energia|no energy", urgency: "low", health: "tiredness" },
  {
    re: "(?:have|got|caught|catching|getting|fighting|with|had) (?:a |the )?(?:little |bit of a |bad |slight |touch of a |touch of the )?(?:cold|flu|chill|sniffles)(?! (?:weather|outside|today|day|morning|out|wind|snap|drink|water))|head cold|runny nose|stuffy nose|sore throat|cough|coughing|sneezing|sneezy|resfriad[ao]|resfrio|catarro|gripe|tos(?= |$)|moquera|mocos|me duele la garganta|dolor de garganta",
    urgency: "low",
    health: "cold",
  },
  {
    re: "stiff|stiffness|itchy|itching|rash|picor|me pica(?:n)?|irritad[ao]|garganta|rigid[ao]|constipated|estrenid[ao]|heartburn|indigestion|acidez|not (?:very |really |that |too )?hungry|no appetite|sin hambre|no tengo (?:hambre|apetito)|(?:did not|not) sleep (?:very )?well|slept (?:badly|poorly)|dormi mal|worried|anxious|nervous|preocupad[ao]|ansios[ao]|nervios[ao]|miss my (?:late )?(?:husband|wife)|extrano a mi|echo de menos",
    urgency: "low",
    health: "mild complaint",
    sentiment: "concerned",
  },
];

export const BODY_PARTS: Array<[RegExp, string]> = [
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
export const REMINDER_RULES: Rule[] = [
  {
    re: `i (?:have )?(?:just |already |now )?(?:took|taken|had|done|finished|swallowed) (?:it|them|both|all of them|my (?:morning |evening |night |afternoon |lunchtime |heart |blood pressure )?(?:${MEDS}|lunch|breakfast|dinner|supper|water|walk|exercises?|stretches))`,
    urgency: "none",
    reminderDone: true,
  },
  {
    re: `(?:already|just) (?:took|taken|did|done|ate|finished|swallowed)|(?:had|have had|just had|already had) my (?:morning |evening |night )?(?:lunch|breakfast|dinner|supper|tea|${MEDS})|(?:pills|medicines?|medications?|meds|tablets) (?:are |were )?(?:taken|done)|took (?:my|the|all my|both) (?:morning |evening |night )?${MEDS}|i (?:ate|have eaten|had) (?:my |some |a |a nice |a big |a good |the )?(?:lunch|breakfast|dinner|supper|meal|sandwich|soup)|did my (?:exercises|walk|stretches|exercise)|went for (?:my|a|our) walk|drank (?:my|a glass of|some|a bottle of) water|i did it|(?:^|\\| )(?:all )?done(?= \\||$)|(?:i am|it is|all|i have|i have already) done(?= \\||$| now| already| it| that)|taken care of it`,
    urgency: "none",
    reminderDone: true,
  },
  {
    re: `ya (?:me )?(?:la |las |lo |los )?(?:tome|he tomado)|me (?:la|las|lo|los) (?:tome|he tomado)|me (?:tome|he tomado) (?:la|las|mi|mis|el|los) (?:\\w+ )?${MEDS_ES}|ya (?:comi|he comido|desayune|almorce|cene|termine|lo hice|esta hecho|hice|sali a caminar|camine|bebi)|(?:^|\\| )(?:ya )?(?:listo|lista|hecho)(?= \\||$)|(?:^|\\| )ya esta(?= \\||$)|(?:comi|desayune|almorce|cene) (?:bien|ya|todo)`,
    urgency: "none",
    reminderDone: true,
  },
];

export const TOPIC_LEXICON: Record<string, RegExp> = {
  family:
    /\b(daughters?|sons?|grand(?:children|kids?|sons?|daughters?|child)|husband|wife|sisters?|brothers?|family|kids|children|niece|nephew|hij[ao]s?|niet[ao]s?|familia|esposo|esposa|marido|herman[ao]s?|sobrin[ao]s?)\b/,
  garden: /\b(garden|gardening|flowers?|roses?|tomato(?:es)?|plants?|weeds|jardin|flores?|plantas?|huerto|rosas?|tomates?)\b/,
  food: /\b(lunch|dinner|breakfast|supper|soup|cake|cook(?:ing|ed)?|bak(?:e|ing|ed)|recipe|cookies|bread|meal|tea|coffee|comida|sopa|almuerzo|almorce|desayuno|desayune|cena|cene|cocinar|cocine|pastel|receta|pan|galletas|cafe)\b/,
  weather:
    /\b(weather|rain(?:ing|y)?|sunny|sunshine|snow(?:ing)?|windy|cold outside|hot today|lluvia|llueve|lloviendo|nieve|nevando|calor|frio|hace sol|viento)\b/,
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

export const POSITIVE =
  /\b(happy|lovely|wonderful|glad|enjoy(?:ed|ing)?|great|nice|beautiful|delighted|love|loved|fun|excited|grateful|thankful|fantastic|marvellous|marvelous|good day|feliz|contenta?o?|alegre|maravillos[ao]|encant(?:a|o|ada|ado)|precios[ao]|bonit[ao]|disfrut(?:e|o|amos|ando)|estupend[ao]|genial|agradecid[ao])\b/;
export const DISTRESS = /\b(scared|terrified|frightened|panic|panicking|asustad[ao]|aterrad[ao]|miedo|panico|desesperad[ao])\b/;
export const CONCERN = /\b(worried|worry|anxious|sad|lonely|upset|preocupad[ao]|triste|sola|nervios[ao]|ansios[ao])\b/;

const SEVERE =
  /\b(like a knife|stabbing|knife|como un cuchillo|punzante|terrible|terribly|worst|unbearable|excruciating|severe|severely|agony|agonizing|awful|horrible|really bad|so bad|very bad|extremely|insoportable|muchisimo|fuertisimo|peor|muy fuerte|atroz)\b/;
const MILD = /\b(a little|a bit|little|slightly|slight|mild|minor|bit|somewhat|touch of|un poco|poquito|poquitin|leve|ligero|ligera|algo de|un pelin)\b/;

export const ALL_RULES: Rule[] = [...CRITICAL_RULES, ...HIGH_RULES, ...MEDIUM_RULES, ...LOW_RULES];

/**
 * The first match of a rule that is in scope, as a finding. Every critical and high rule is held to the shared
 * scope (not negated unless the phrase carries its own negation, not hypothetical, not long past, not a story,
 * about the speaker unless `anySubject`); said of last week, a critical finding is `high`. Medium and low rules
 * keep their own checks (negation, `firstPerson`, `blockedBy`).
 */
export function evaluateRule(rule: Rule, text: string): Finding | null {
  const event = RANK[rule.urgency] >= RANK.high;
  for (const m of text.matchAll(phrase(rule.re))) {
    const start = m.index;
    const end = start + m[0].length;
    const scope = scopeAt(text, start, end, { objectsCount: rule.reason === "fall" || rule.health === "near fall" });
    const outOfScope =
      (rule.negatable !== false && scope.negated) ||
      (event && (scope.hypothetical || scope.remotePast || scope.reported)) ||
      ((rule.firstPerson || (event && !rule.anySubject)) && scope.thirdParty);
    if (outOfScope) {
      if (event) countScopeVeto();
      continue;
    }
    if (rule.blockedBy && rule.blockedBy.test(precedingTokens(text, start).join(" "))) continue;
    let urgency = rule.urgency;
    let health = rule.health;
    const clause = clauseAround(text, start, end).text;
    if (rule.scaled && urgency === "medium") {
      if (SEVERE.test(clause)) urgency = "high";
      else if (MILD.test(clause)) urgency = "low";
    }
    if (rule.pain) {
      const part = BODY_PARTS.find(([re]) => re.test(clause));
      health = part ? part[1] : (health ?? "pain");
      if (part?.[1] === "chest pain") continue; // the chest-pain rule decides, negation included
    }
    if (event && scope.recentPast && urgency === "critical") urgency = "high";
    return { urgency, health, reason: rule.reason, topics: rule.topics, sentiment: rule.sentiment };
  }
  return null;
}

export function reminderDone(text: string): boolean {
  return REMINDER_RULES.some((r) => evaluateRule(r, text) !== null);
}
