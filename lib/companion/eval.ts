/**
 * Evaluates the offline analyzer on labelled utterances (`npm run eval`).
 *
 *   npx tsx lib/companion/eval.ts
 *
 * Three sets, reported apart (decision 018):
 *   - fixtures/utterances.json, the tuned fixtures: the rules were written against them. Full report with the
 *     misclassified utterances. The bar (exit code 1 when missed): critical recall 1.0, false critical under 5%.
 *   - fixtures/dev-split*.json, the development splits, never tuned on: dev-split.json (round 1) written before the
 *     analyzer changes of issue 11 by the same hand as the signals, so optimistic; dev-split-3.json (round 3) written
 *     after them and measured once (round 2 was measured once, then joined the tuned fixtures). Aggregates, plus
 *     misses counted by kind (their notes name kinds), never their texts.
 *   - fixtures/tuning-*.json, the independent tuning corpora (three styles by another hand; fixtures/README.md):
 *     tuning data, so aggregates and misses counted by kind by default, and their texts with `--show tuning`
 *     (or `--show tuning-nurse` for one); `--hold-out tuning-transcripts` reports one as aggregates only while it is
 *     the held-out author (leave-one-author-out, docs/benchmarks.md).
 *   - fixtures/frozen-split.json, the frozen split: written by someone else, committed before any analyzer change,
 *     never read while building. Aggregates only (no texts, no notes), so nobody tunes on it by accident; skipped
 *     with a note when absent. Its aims (critical recall >= 0.95, high recall >= 0.75, false critical < 5%) are
 *     printed as met or not met and do not change the exit code.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeOffline, URGENCY_ORDER, type Urgency } from "./offline-analyzer";

export interface Fixture {
  text: string;
  language: "en" | "es";
  urgency: Urgency;
  reminder_completed: boolean;
  note?: string;
}

export interface Miss {
  text: string;
  language: string;
  expected: Urgency;
  got: Urgency;
  expectedReminder: boolean;
  gotReminder: boolean;
  note?: string;
}

export interface Evaluation {
  total: number;
  accuracy: number;
  perUrgency: Record<Urgency, { precision: number; recall: number; support: number; predicted: number; correct: number }>;
  criticalRecall: number;
  highRecall: number;
  /** labelled high, rated high or critical: an alert is raised either way */
  highAlertRecall: number;
  falseCriticalRate: number;
  falseCriticals: number;
  nonCritical: number;
  reminder: { precision: number; recall: number };
  languageAccuracy: number;
  misclassified: Miss[];
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);
const RANK: Record<Urgency, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

export function loadFixtures(file = path.join(FIXTURES_DIR, "utterances.json")): Fixture[] {
  return JSON.parse(readFileSync(file, "utf8")) as Fixture[];
}

export function evaluate(fixtures: Fixture[]): Evaluation {
  const results = fixtures.map((f) => ({ f, a: analyzeOffline(f.text) }));
  const perUrgency = {} as Evaluation["perUrgency"];
  for (const level of URGENCY_ORDER) {
    const correct = results.filter(({ f, a }) => f.urgency === level && a.urgency === level).length;
    const predicted = results.filter(({ a }) => a.urgency === level).length;
    const actual = results.filter(({ f }) => f.urgency === level).length;
    perUrgency[level] = { precision: ratio(correct, predicted), recall: ratio(correct, actual), support: actual, predicted, correct };
  }
  const nonCritical = results.filter(({ f }) => f.urgency !== "critical");
  const falseCriticals = nonCritical.filter(({ a }) => a.urgency === "critical").length;
  const high = results.filter(({ f }) => f.urgency === "high");
  const remTp = results.filter(({ f, a }) => f.reminder_completed && a.reminder_completed).length;
  const remPred = results.filter(({ a }) => a.reminder_completed).length;
  const remActual = results.filter(({ f }) => f.reminder_completed).length;
  const misclassified: Miss[] = results
    .filter(({ f, a }) => f.urgency !== a.urgency || f.reminder_completed !== a.reminder_completed)
    .map(({ f, a }) => ({
      text: f.text,
      language: f.language,
      expected: f.urgency,
      got: a.urgency,
      expectedReminder: f.reminder_completed,
      gotReminder: a.reminder_completed,
      note: f.note,
    }));
  return {
    total: fixtures.length,
    accuracy: ratio(results.filter(({ f, a }) => f.urgency === a.urgency).length, results.length),
    perUrgency,
    criticalRecall: perUrgency.critical.recall,
    highRecall: perUrgency.high.recall,
    highAlertRecall: ratio(high.filter(({ a }) => RANK[a.urgency] >= RANK.high).length, high.length),
    falseCriticalRate: ratio(falseCriticals, nonCritical.length),
    falseCriticals,
    nonCritical: nonCritical.length,
    reminder: { precision: ratio(remTp, remPred), recall: ratio(remTp, remActual) },
    languageAccuracy: ratio(results.filter(({ f, a }) => f.language === a.language).length, results.length),
    misclassified,
  };
}

/** The tuned fixtures' bar: every emergency caught, false criticals under 5%. */
export function passes(e: Evaluation): boolean {
  return e.criticalRecall >= 1 && e.falseCriticalRate < 0.05;
}

/** The held-out aims of issue 11 (frozen split; the development split is held to the same). */
export const HELD_OUT_AIMS = { criticalRecall: 0.95, highRecall: 0.75, falseCriticalRate: 0.05 } as const;

export function heldOutAims(e: Evaluation) {
  return [
    { aim: `critical recall >= ${HELD_OUT_AIMS.criticalRecall}`, value: e.criticalRecall, met: e.criticalRecall >= HELD_OUT_AIMS.criticalRecall },
    { aim: `high recall >= ${HELD_OUT_AIMS.highRecall}`, value: e.highRecall, met: e.highRecall >= HELD_OUT_AIMS.highRecall },
    {
      aim: `false critical < ${HELD_OUT_AIMS.falseCriticalRate * 100}%`,
      value: e.falseCriticalRate,
      met: e.falseCriticalRate < HELD_OUT_AIMS.falseCriticalRate,
    },
  ];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Per-urgency table and the headline figures: counts and rates only, never an utterance. */
export function formatAggregates(e: Evaluation, title: string): string {
  const lines = [title, "", "urgency    precision  recall  correct/labelled  predicted"];
  for (const level of URGENCY_ORDER) {
    const u = e.perUrgency[level];
    lines.push(
      `${level.padEnd(10)} ${pct(u.precision).padStart(9)} ${pct(u.recall).padStart(7)} ${`${u.correct}/${u.support}`.padStart(17)} ${String(u.predicted).padStart(10)}`,
    );
  }
  const crit = e.perUrgency.critical;
  const high = e.perUrgency.high;
  lines.push(
    "",
    `overall accuracy      ${pct(e.accuracy)} of ${e.total}`,
    `critical recall       ${pct(e.criticalRecall)} (${crit.correct} of ${crit.support} emergencies raised as critical)`,
    `high recall           ${pct(e.highRecall)} (${high.correct} of ${high.support}; ${pct(e.highAlertRecall)} rated high or critical)`,
    `false-critical rate   ${pct(e.falseCriticalRate)} (${e.falseCriticals} of ${e.nonCritical} non-critical)`,
    `reminder precision    ${pct(e.reminder.precision)}`,
    `reminder recall       ${pct(e.reminder.recall)}`,
    `language accuracy     ${pct(e.languageAccuracy)}`,
  );
  return lines.join("\n");
}

export function formatReport(e: Evaluation): string {
  const lines = [
    formatAggregates(e, `Tuned fixtures: ${e.total} labelled utterances (the rules were written against these)`),
    "",
    `misclassified (${e.misclassified.length}):`,
  ];
  for (const m of e.misclassified) {
    const rem = m.expectedReminder !== m.gotReminder ? ` reminder ${m.expectedReminder}→${m.gotReminder}` : "";
    lines.push(`  [${m.language}] expected ${m.expected}, got ${m.got}${rem}: ${JSON.stringify(m.text)}${m.note ? ` (${m.note})` : ""}`);
  }
  return lines.join("\n");
}

function formatAims(e: Evaluation): string {
  const aims = heldOutAims(e);
  const lines = aims.map((a) => `  ${a.met ? "met    " : "NOT MET"}  ${a.aim} (${pct(a.value)})`);
  lines.unshift(`aims (issue 11): ${aims.every((a) => a.met) ? "all met" : "not all met"}`);
  return lines.join("\n");
}

/** The development split: aggregates, the aims, and misses counted by kind (the split's notes), no texts. */
const DEV_SPLITS: Record<string, string> = {
  "dev-split.json": "round 1, written before the issue-11 changes by the same hand as the signals: optimistic; the learned floor is trained on it",
  "dev-split-3.json": "round 3, written after the issue-11 changes and measured once; the learned floor is trained on it",
};

export function formatDevReport(e: Evaluation, file = "dev-split.json"): string {
  return [
    formatAggregates(e, `Development split ${file}: ${e.total} held-out utterances (${DEV_SPLITS[file] ?? "never tuned on"}; texts not shown)`),
    "",
    formatAims(e),
    "",
    `urgency misses by kind (${e.misclassified.filter((m) => m.expected !== m.got).length}):`,
    ...missesByKind(e),
  ].join("\n");
}

/** The independent tuning corpora (fixtures/README.md): who wrote each, in which style. */
export const TUNING_SETS: Record<string, string> = {
  "tuning-nurse.json": "a community nurse's recollections: plain, understated; US and UK English, 30% Spanish",
  "tuning-family.json": "a Spanish-speaking family as speech-to-text hears it: regional forms, voseo, Spanglish; 35% English",
  "tuning-transcripts.json": "raw voice-assistant transcripts in their 80s: fillers, tangents, one worrying sentence; 25% Spanish",
};

function missesByKind(e: Evaluation): string[] {
  const byKind = new Map<string, number>();
  for (const m of e.misclassified) {
    if (m.expected === m.got) continue;
    const key = `${m.note ?? "?"}: ${m.expected}→${m.got}`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  }
  return [...byKind.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `  ${String(n).padStart(3)}  ${k}`);
}

/**
 * A tuning corpus: aggregates, the aims, misses by kind; with `show: "texts"`, every miss with its text; held out
 * (leave-one-author-out), the aggregates and the aims only.
 */
export function formatTuningReport(e: Evaluation, file: string, show: "kinds" | "texts" | "held-out" = "kinds"): string {
  const title = `Tuning corpus ${file}: ${e.total} utterances (${TUNING_SETS[file] ?? "tuning data"})${show === "held-out" ? "; held out: aggregates only" : ""}`;
  const parts = [formatAggregates(e, title), "", formatAims(e)];
  if (show === "held-out") return parts.join("\n");
  parts.push("", `urgency misses by kind (${e.misclassified.filter((m) => m.expected !== m.got).length}):`, ...missesByKind(e));
  const showTexts = show === "texts";
  if (showTexts) {
    parts.push("", `misclassified (${e.misclassified.length}):`);
    for (const m of e.misclassified) {
      const rem = m.expectedReminder !== m.gotReminder ? ` reminder ${m.expectedReminder}→${m.gotReminder}` : "";
      parts.push(`  [${m.language}] expected ${m.expected}, got ${m.got}${rem}: ${JSON.stringify(m.text)}${m.note ? ` (${m.note})` : ""}`);
    }
  }
  return parts.join("\n");
}

/** The frozen split: aggregates and the aims only. */
export function formatFrozenReport(e: Evaluation): string {
  return [formatAggregates(e, `Frozen split: ${e.total} held-out utterances written by someone else (aggregates only)`), "", formatAims(e)].join("\n");
}

export interface EvalOptions {
  /** tuning corpora whose misses are listed with their texts: "tuning" for all, or a file's stem ("tuning-nurse") */
  show?: string[];
  /** tuning corpora held out (leave-one-author-out): reported as aggregates only, like a development split */
  holdOut?: string[];
}

export function runEval(dir = FIXTURES_DIR, opts: EvalOptions = {}): { output: string; exitCode: number } {
  const tuned = evaluate(loadFixtures(path.join(dir, "utterances.json")));
  const parts = [formatReport(tuned)];
  const ok = passes(tuned);
  if (!ok) parts.push("FAIL: on the tuned fixtures critical recall must be 1.0 and the false-critical rate under 5%");
  const devSplits = readdirSync(dir)
    .filter((f) => /^dev-split.*\.json$/.test(f))
    .sort((a, b) => a.replace(".json", "").localeCompare(b.replace(".json", "")));
  for (const f of devSplits) parts.push(formatDevReport(evaluate(loadFixtures(path.join(dir, f))), f));
  const show = opts.show ?? [];
  for (const f of Object.keys(TUNING_SETS).filter((t) => existsSync(path.join(dir, t)))) {
    const stem = f.replace(/\.json$/, "");
    const mode = opts.holdOut?.includes(stem) ? "held-out" : show.includes("tuning") || show.includes(stem) ? "texts" : "kinds";
    parts.push(formatTuningReport(evaluate(loadFixtures(path.join(dir, f))), f, mode));
  }
  const frozen = path.join(dir, "frozen-split.json");
  parts.push(
    existsSync(frozen)
      ? formatFrozenReport(evaluate(loadFixtures(frozen)))
      : "Frozen split: fixtures/frozen-split.json is absent (it is merged separately); skipped.",
  );
  return { output: parts.join("\n\n────────────────────────────────────────\n\n"), exitCode: ok ? 0 : 1 };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const flag = (name: string) =>
    args.flatMap((a, i) => (a === name ? (args[i + 1] ?? "").split(",") : a.startsWith(`${name}=`) ? a.slice(name.length + 1).split(",") : []));
  const show = flag("--show");
  const holdOut = flag("--hold-out");
  if (show.some((s) => s.startsWith("frozen") || s.startsWith("dev"))) {
    process.stderr.write("--show lists only the tuning corpora's misses: the development and frozen splits are held out\n");
    process.exit(2);
  }
  const { output, exitCode } = runEval(FIXTURES_DIR, { show, holdOut });
  process.stdout.write(`${output}\n`);
  process.exitCode = exitCode;
}
