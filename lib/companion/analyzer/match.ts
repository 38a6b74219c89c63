/**
 * Finding phrases in normalized text, each with its scope (scope.ts), so every signal applies the same
 * checks: negation, hypotheticals, remote past, stories on TV, and other people.
 */
import { scopeAt, type Scope } from "./scope";

export interface Hit {
  index: number;
  end: number;
  text: string;
  scope: Scope;
}

const compiled = new Map<string, RegExp>();

/** A phrase pattern over normalized text, bounded by word edges on both sides. */
export function phrase(src: string): RegExp {
  let re = compiled.get(src);
  if (!re) {
    re = new RegExp(`(?<![a-z0-9.])(?:${src})(?![a-z0-9])`, "g");
    compiled.set(src, re);
  }
  re.lastIndex = 0;
  return re;
}

export function hits(text: string, src: string, opts: { objectsCount?: boolean } = {}): Hit[] {
  return [...text.matchAll(phrase(src))].map((m) => ({
    index: m.index,
    end: m.index + m[0].length,
    text: m[0],
    scope: scopeAt(text, m.index, m.index + m[0].length, opts),
  }));
}

export interface LiveOptions {
  /** false when the phrase carries its own negation ("can not breathe", "llevo tres días sin") */
  negatable?: boolean;
  /** true when the subject may be anyone ("someone is trying to get in", "somebody help") */
  anySubject?: boolean;
}

/**
 * How many phrases the analysis of the current utterance found and then set aside for their scope (negated,
 * hypothetical, long past, a story, someone else). The learned floor (classifier.ts) may not raise an utterance
 * the rules read and rejected this way: a bag of n-grams cannot tell "no chest pain" from "chest pain".
 * Reset by analyzeOffline() at the start of each utterance (analysis is synchronous).
 */
let scopeVetoes = 0;
export const resetScopeVetoes = () => {
  scopeVetoes = 0;
};
export const countScopeVeto = () => {
  scopeVetoes += 1;
};
export const scopeVetoCount = () => scopeVetoes;

/** Said about the speaker, now or lately, as a fact: not negated, hypothetical, long past, a story, or about someone else. */
export function live(h: Hit, opts: LiveOptions = {}): boolean {
  const s = h.scope;
  const rejected = (opts.negatable !== false && s.negated) || s.hypothetical || s.remotePast || s.reported || (!opts.anySubject && s.thirdParty);
  if (rejected) countScopeVeto();
  return !rejected;
}

/** The live hits of a pattern. */
export function liveHits(text: string, src: string, opts: LiveOptions & { objectsCount?: boolean } = {}): Hit[] {
  return hits(text, src, opts).filter((h) => live(h, opts));
}

/** A critical finding said of the recent past ("last week") is worth telling today, not an emergency now. */
export function capForRecentPast<T extends { urgency: string }>(finding: T, h: Hit): T {
  return h.scope.recentPast && finding.urgency === "critical" ? { ...finding, urgency: "high" } : finding;
}
