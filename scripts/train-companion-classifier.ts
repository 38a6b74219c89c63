/**
 * Trains the companion's learned floor (lib/companion/analyzer/classifier.ts, decision 019) and cross-validates it.
 *
 *   npx tsx scripts/train-companion-classifier.ts          train on every labelled utterance outside the frozen
 *                                                          split and write lib/companion/analyzer/classifier-weights.json
 *   npx tsx scripts/train-companion-classifier.ts --cv     leave-one-author-out: for each held-out author (each
 *                                                          tuning corpus, and development round 3), train on the rest
 *                                                          and print rules alone against rules + classifier
 *
 * fixtures/frozen-split.json is never read. Deterministic: the same data gives the same weights.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalize } from "../lib/companion/analyzer/normalize";
import { features, probability, RAISE_THRESHOLD, toStored, train } from "../lib/companion/analyzer/classifier";
import { analyzeOffline, rulesWereBlind, type Urgency } from "../lib/companion/offline-analyzer";

interface Row {
  text: string;
  urgency: Urgency;
}

const RANK: Record<Urgency, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIR = path.join(ROOT, "lib/companion/fixtures");
/** every labelled set except the frozen split */
export const SETS = ["utterances", "dev-split", "dev-split-3", "tuning-nurse", "tuning-family", "tuning-transcripts"] as const;
export const HELD_OUT = ["tuning-nurse", "tuning-family", "tuning-transcripts", "dev-split-3"] as const;

const load = (name: string): (Row & { x: number[] })[] =>
  (JSON.parse(readFileSync(path.join(DIR, `${name}.json`), "utf8")) as Row[]).map((r) => ({ ...r, x: features(normalize(r.text)) }));
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

function fit(rows: (Row & { x: number[] })[]) {
  const xs = rows.map((r) => r.x);
  return {
    critical: train(
      xs,
      rows.map((r) => (r.urgency === "critical" ? 1 : 0)),
    ),
    high: train(
      xs,
      rows.map((r) => (RANK[r.urgency] >= RANK.high ? 1 : 0)),
    ),
  };
}

function score(rows: Row[], got: Urgency[]) {
  const crit = rows.filter((r) => r.urgency === "critical").length;
  const high = rows.filter((r) => r.urgency === "high").length;
  const caught = rows.filter((r, i) => r.urgency === "critical" && got[i] === "critical").length;
  const highCaught = rows.filter((r, i) => r.urgency === "high" && RANK[got[i]] >= RANK.high).length;
  const fc = rows.filter((r, i) => r.urgency !== "critical" && got[i] === "critical").length;
  const lowRaised = rows.filter((r, i) => RANK[r.urgency] <= RANK.medium && RANK[got[i]] >= RANK.high).length;
  const low = rows.filter((r) => RANK[r.urgency] <= RANK.medium).length;
  return `critical ${pct(caught, crit)} (${caught}/${crit})  high+ ${pct(highCaught, high)} (${highCaught}/${high})  false critical ${pct(fc, rows.length - crit)} (${fc})  medium-or-less rated high+ ${lowRaised}/${low}`;
}

/**
 * Leave-one-author-out. `rules` is the rule-based urgency alone (the analyzer without its classifier), so a fold
 * can also be run against an older analyzer that never saw the held-out author.
 */
export function crossValidate(
  rules: (text: string) => { urgency: Urgency; vetoed: boolean },
  heldOut: readonly string[] = HELD_OUT,
  thresholds = [0.7, 0.9, 0.95, 0.98],
) {
  const data = Object.fromEntries(SETS.map((s) => [s, load(s)]));
  const lines: string[] = [];
  for (const fold of heldOut) {
    const models = fit(SETS.filter((s) => s !== fold).flatMap((s) => data[s]));
    const test = data[fold];
    const ruled = test.map((r) => rules(r.text));
    const base = ruled.map((r) => r.urgency);
    const pc = test.map((r) => probability(models.critical, r.x));
    const ph = test.map((r) => probability(models.high, r.x));
    lines.push(`held out ${fold} (${test.length})`, `  rules alone             ${score(test, base)}`);
    for (const t of thresholds) {
      const raised = base.map((u, i): Urgency => (pc[i] >= t ? "critical" : ph[i] >= t && RANK[u] < RANK.high ? "high" : u));
      lines.push(
        `  ungated, ${t.toFixed(2)}          ${score(
          test,
          raised.map((u, i) => (RANK[u] >= RANK[base[i]] ? u : base[i])),
        )}`,
      );
      // as used: only where the rules are blind (see offline-analyzer.ts)
      const gated = base.map((u, i): Urgency => (RANK[u] >= RANK.high || ruled[i].vetoed ? u : raised[i]));
      lines.push(`  gated, ${t.toFixed(2)}            ${score(test, gated)}`);
    }
  }
  return lines.join("\n");
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  if (process.argv.includes("--cv")) {
    const rules = (t: string) => ({ urgency: analyzeOffline(t, { classifier: false }).urgency, vetoed: !rulesWereBlind() });
    process.stdout.write(`${crossValidate(rules)}\n(threshold in use: ${RAISE_THRESHOLD})\n`);
  } else {
    const models = fit(SETS.flatMap((s) => load(s)));
    const out = path.join(ROOT, "lib/companion/analyzer/classifier-weights.json");
    const stored = { critical: toStored(models.critical), high: toStored(models.high) };
    writeFileSync(out, `${JSON.stringify(stored)}\n`);
    process.stdout.write(`wrote ${path.relative(ROOT, out)}: ${Object.keys(stored.critical.w).length} + ${Object.keys(stored.high.w).length} weights\n`);
  }
}
