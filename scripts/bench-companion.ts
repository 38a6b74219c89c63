/**
 * `npm run bench -- companion`: the offline analyzer's time per utterance (it runs on every voice turn), on every
 * labelled utterance outside the frozen split, after a warm-up. Per utterance, the best of 5 runs (what the code
 * costs, not the machine's other work); then the mean over all runs, and one 5,000-character message (the longest
 * the API accepts). Prints a markdown table for docs/benchmarks.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeOffline } from "../lib/companion/offline-analyzer";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../lib/companion/fixtures");
const sets = ["utterances", "dev-split", "dev-split-3", "tuning-nurse", "tuning-family", "tuning-transcripts"];
const texts: string[] = sets.flatMap((s) => (JSON.parse(readFileSync(path.join(dir, `${s}.json`), "utf8")) as { text: string }[]).map((r) => r.text));
for (let r = 0; r < 3; r++) for (const t of texts) analyzeOffline(t);

const best: number[] = [];
let total = 0;
for (const t of texts) {
  let b = Infinity;
  for (let r = 0; r < 5; r++) {
    const s = performance.now();
    analyzeOffline(t);
    const d = performance.now() - s;
    total += d;
    b = Math.min(b, d);
  }
  best.push(b);
}
best.sort((a, b) => a - b);
const q = (p: number) => best[Math.floor(p * (best.length - 1))].toFixed(2);
const long = texts.join(" ").slice(0, 5000);
let longBest = Infinity;
for (let r = 0; r < 5; r++) {
  const s = performance.now();
  analyzeOffline(long);
  longBest = Math.min(longBest, performance.now() - s);
}
console.log(`| utterances | p50 ms | p95 ms | p99 ms | max ms | mean ms (all runs) | 5,000 characters ms |`);
console.log(`|---|---|---|---|---|---|---|`);
console.log(`| ${texts.length} | ${q(0.5)} | ${q(0.95)} | ${q(0.99)} | ${q(1)} | ${(total / (texts.length * 5)).toFixed(2)} | ${longBest.toFixed(1)} |`);
