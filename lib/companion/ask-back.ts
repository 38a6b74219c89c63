/**
 * Asking back (SPEC §6, decision 018): when the analysis sees distress it cannot place, the companion asks one
 * direct safety question ("Are you hurt? Shall I tell Sarah?") and the next turn's answer is judged here,
 * deterministically, whatever a model says about it.
 *
 *   nothing pending ── distress not placed, below high ──▶ ask (attempt 1)
 *   asked ── yes / a call for help / worse / an emergency ──▶ raise critical (both turns as evidence)
 *   asked ── a clear no ("no, I'm fine", "estoy bien") ──▶ close, no alert
 *   asked ── anything else, attempt 1 ──▶ ask once more (attempt 2: "Do you need help? Please say yes or no.")
 *   asked ── anything else, attempt 2 ──▶ raise high
 *
 *   asked ── no turn on that phone within the window ──▶ raise high when it ends (expire-ask-back.ts, a job)
 *
 * The question is stored on the turn that asked it and lives as long as its conversation (interact.ts): the next
 * turn on the same phone within that time is its answer.
 */
import { isNegated, precedingTokens } from "./analyzer/scope";
import { normalize } from "./analyzer/normalize";
import { RANK, type Urgency } from "./analyzer/types";
import { analyzeOffline } from "./offline-analyzer";

export type Answer = "yes" | "help" | "worse" | "no" | "unclear" | "emergency";

/** Turns within this long of each other belong to one conversation (interact.ts). */
export const CONVERSATION_GAP_MS = 10 * 60_000;

/** A safety question waits for its answer as long as its conversation lasts (decision 018); then it is unanswered. */
export const ASK_BACK_TTL_MS = CONVERSATION_GAP_MS;

/** One earlier turn of the exchange: what the patient said and what the companion answered. */
export interface ThreadTurn {
  turn_id: string;
  patient: string;
  companion: string;
  at: string;
}

export interface PendingQuestion {
  attempt: 1 | 2;
  /** the turns so far, oldest first, the one that asked last */
  thread: ThreadTurn[];
}

/** What a turn records about the exchange (in its stored analysis, `ask_back`). */
export type AskBackRecord =
  | { state: "asked"; attempt: 1 | 2; thread: ThreadTurn[] }
  | { state: "raised"; answer: Answer; urgency: "high" | "critical"; thread: ThreadTurn[] }
  | { state: "closed"; answer: "no"; thread: ThreadTurn[] }
  /** nobody answered within the window: raised as high by the sweep (expire-ask-back.ts) */
  | { state: "unanswered"; attempt: 1 | 2; thread: ThreadTurn[]; expired_at: string };

export type AskBackStep =
  { step: "none" } | { step: "ask"; attempt: 1 | 2 } | { step: "raise"; urgency: "high" | "critical"; answer: Answer } | { step: "close" };

const HELP =
  /\b(?:help|ayuda|ayudame|ayudenme|socorro|auxilio|please come|come (?:quick|quickly|now|please|here|over)|send (?:someone|somebody|help|an ambulance)|get (?:someone|somebody|help)|call (?:911|999|112|an ambulance|the ambulance|someone|somebody|for help|a doctor)|(?:vengan?|ven) (?:rapido|ya|pronto|por favor|enseguida)|que venga alguien|llama (?:a alguien|a una ambulancia|al 911|al 112)|una ambulancia)\b/;
const WORSE =
  /\b(?:worse|getting worse|more pain|hurts more|(?:really|so|very) bad|bad|terrible|awful|horrible|unbearable|peor|empeor\w*|cada vez (?:mas|peor)|muy mal|fatal|mas fuerte|me duele mas|insoportable)\b/;
const TELL =
  /\b(?:tell (?:her|him|them|someone|somebody|my \w+)|call (?:her|him|them|my \w+)|let (?:her|him|them) know|please do|do it|yes please|avisale|avisala|avisalo|avisales|dile|digale|diles|llamala|llamalo|llamales|llama a mi|avisa a|por favor avis\w*)\b/;
const UNSURE = /\b(?:i do not know|do not know|not sure|maybe|perhaps|i think so maybe|no se|no estoy segur[ao]|quizas|quiza|a lo mejor|tal vez|puede ser)\b/;
const NO =
  /^(?:no|nope|nah|not really|no thanks|no thank you|no gracias)(?= \||$)|\b(?:i am (?:fine|ok|okay|alright|all right|good|not hurt|better|well|grand)|not hurt|all good|all fine|it (?:is )?passed|it went away|(?:i )?feel(?:ing)? (?:better|fine|ok|okay)|better now|do not (?:tell|call|bother|worry)|no need|estoy bien|ya estoy bien|ya (?:se me )?paso|no hace falta|no te preocupes|no se preocupe|no (?:le|la|lo|les) (?:avises|llames|digas)|todo bien|me siento mejor|ya (?:estoy )?mejor|no me (?:hice|he hecho) dano|no estoy herid[ao]|nothing is wrong|i am all right)\b/;
/** a yes at the start ("yes", "sí, por favor"), or an answer that is only a yes ("I think so", "a little") */
const YES_LEAD = /^(?:yes|yeah|yep|yup|aye|yea|si|claro|sure)\b/;
const YES_ONLY = /^(?:please|por favor|i think so|i think i am|i am|a little|a bit|un poco|hurt|i did|de acuerdo|yes please|si por favor)$/;
/** a leading "no" is a no unless what follows is itself distress ("no me siento bien") */
const NO_LEAD = /^(?:no|nope|nah)\b/;
const HURT = /\b(?:i am hurt|i hurt myself|i have hurt myself|it hurts|i am injured|me hice dano|me he hecho dano|estoy herid[ao]|me lastime|me duele)\b/;

/** true when a phrase is found and not negated just before it ("not worse", "don't tell her") */
function said(text: string, re: RegExp): boolean {
  const m = re.exec(text);
  if (!m) return false;
  return !isNegated(precedingTokens(text, m.index), m[0].split(" ")[0]) && !/\b(?:no|not) $/.test(text.slice(0, m.index));
}

/** The answer to "Are you hurt? Shall I tell Sarah?", in English or Spanish. */
export function classifyAnswer(message: string): Exclude<Answer, "emergency"> {
  const text = normalize(message);
  const firstClause = text.split(" | ")[0];
  if (said(text, HELP)) return "help";
  if (said(text, WORSE)) return "worse";
  if (said(text, TELL)) return "yes";
  if (said(text, HURT)) return "yes";
  if (UNSURE.test(text)) return "unclear";
  const yes = YES_LEAD.test(firstClause) || YES_ONLY.test(firstClause);
  const no = NO.test(text) || (NO_LEAD.test(text) && RANK[analyzeOffline(message).urgency] < RANK.medium);
  if (no && !yes) return "no";
  if (yes && !no) return "yes";
  return "unclear";
}

/**
 * The next step, from the pending question (if any), what was just said and the turn's analysis (the offline
 * analyzer's floor merged with the model's, which can raise but never lower what is decided here).
 */
export function decideAskBack(pending: PendingQuestion | null, message: string, analysis: { urgency: Urgency; unplaced_distress: boolean }): AskBackStep {
  if (!pending) return analysis.unplaced_distress && RANK[analysis.urgency] < RANK.high ? { step: "ask", attempt: 1 } : { step: "none" };
  const answer = classifyAnswer(message);
  if (answer === "yes" || answer === "help" || answer === "worse") return { step: "raise", urgency: "critical", answer };
  if (analysis.urgency === "critical") return { step: "raise", urgency: "critical", answer: "emergency" };
  if (answer === "no") return { step: "close" };
  if (RANK[analysis.urgency] >= RANK.high || pending.attempt === 2) return { step: "raise", urgency: "high", answer };
  return { step: "ask", attempt: 2 };
}
