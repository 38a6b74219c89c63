/**
 * Evaluates the offline analyzer against the labelled utterances in fixtures/utterances.json.
 *
 *   npx tsx lib/companion/eval.ts
 *
 * Prints precision and recall per urgency level, overall accuracy, critical recall, the false-critical rate and
 * reminder-completion precision/recall, then lists the misclassified utterances. Exits 1 when critical recall is
 * below 1.0 or the false-critical rate is 5% or more.
 */
import { readFileSync } from "node:fs";
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
  perUrgency: Record<Urgency, { precision: number; recall: number; support: number }>;
  criticalRecall: number;
  falseCriticalRate: number;
  reminder: { precision: number; recall: number };
  languageAccuracy: number;
  misclassified: Miss[];
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

export function loadFixtures(file = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "utterances.json")): Fixture[] {
  return JSON.parse(readFileSync(file, "utf8")) as Fixture[];
}

export function evaluate(fixtures: Fixture[]): Evaluation {
  const results = fixtures.map((f) => ({ f, a: analyzeOffline(f.text) }));
  const perUrgency = {} as Evaluation["perUrgency"];
  for (const level of URGENCY_ORDER) {
    const tp = results.filter(({ f, a }) => f.urgency === level && a.urgency === level).length;
    const predicted = results.filter(({ a }) => a.urgency === level).length;
    const actual = results.filter(({ f }) => f.urgency === level).length;
    perUrgency[level] = { precision: ratio(tp, predicted), recall: ratio(tp, actual), support: actual };
  }
  const nonCritical = results.filter(({ f }) => f.urgency !== "critical");
  const falseCritical = nonCritical.filter(({ a }) => a.urgency === "critical").length;
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
    falseCriticalRate: ratio(falseCritical, nonCritical.length),
    reminder: { precision: ratio(remTp, remPred), recall: ratio(remTp, remActual) },
    languageAccuracy: ratio(results.filter(({ f, a }) => f.language === a.language).length, results.length),
    misclassified,
  };
}

export function passes(e: Evaluation): boolean {
  return e.criticalRecall >= 1 && e.falseCriticalRate < 0.05;
}

export function formatReport(e: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [`Offline analyzer on ${e.total} labelled utterances`, "", "urgency    precision  recall  support"];
  for (const level of URGENCY_ORDER) {
    const u = e.perUrgency[level];
    lines.push(`${level.padEnd(10)} ${pct(u.precision).padStart(9)} ${pct(u.recall).padStart(7)} ${String(u.support).padStart(8)}`);
  }
  lines.push(
    "",
    `overall accuracy      ${pct(e.accuracy)}`,
    `critical recall       ${pct(e.criticalRecall)}`,
    `false-critical rate   ${pct(e.falseCriticalRate)}`,
    `reminder precision    ${pct(e.reminder.precision)}`,
    `reminder recall       ${pct(e.reminder.recall)}`,
    `language accuracy     ${pct(e.languageAccuracy)}`,
    "",
    `misclassified (${e.misclassified.length}):`,
  );
  for (const m of e.misclassified) {
    const rem = m.expectedReminder !== m.gotReminder ? ` reminder ${m.expectedReminder}→${m.gotReminder}` : "";
    lines.push(`  [${m.language}] expected ${m.expected}, got ${m.got}${rem}: ${JSON.stringify(m.text)}${m.note ? ` (${m.note})` : ""}`);
  }
  return lines.join("\n");
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const result = evaluate(loadFixtures());
  process.stdout.write(`${formatReport(result)}\n`);
  if (!passes(result)) {
    process.stdout.write("\nFAIL: critical recall must be 1.0 and the false-critical rate under 5%\n");
    process.exitCode = 1;
  }
}
