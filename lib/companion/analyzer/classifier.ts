/**
 * A learned floor under the rules (decision 019): logistic regression over hashed features of the normalized text
 * (word unigrams and bigrams within a clause, character 3-5-grams), one model for "critical" and one for "high or
 * critical", trained by `scripts/train-companion-classifier.ts` on every labelled utterance outside the frozen split
 * and committed as `classifier-weights.json` (sparse: feature index → weight). Nothing is fetched at run time.
 *
 * It may only raise what the rules decided (offline-analyzer.ts), never lower it, at the threshold chosen by
 * leave-one-author-out cross-validation (false criticals under 5% on every held-out author).
 */
import weights from "./classifier-weights.json";

export const BITS = 18;
const SIZE = 1 << BITS;
/** p(critical) or p(high or critical) at or above this raises the turn (decision 019's cross-validation) */
export const RAISE_THRESHOLD = 0.95;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (SIZE - 1);
}

/** Hashed feature indices of an already normalized text (binary features). */
export function features(text: string): number[] {
  const out = new Set<number>();
  for (const clause of text.split(" | ")) {
    const tokens = clause.split(" ").filter(Boolean);
    for (let i = 0; i < tokens.length; i++) {
      out.add(hash(`w:${tokens[i]}`));
      if (i > 0) out.add(hash(`b:${tokens[i - 1]}_${tokens[i]}`));
    }
  }
  const padded = ` ${text.replace(/ \| /g, " ")} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) out.add(hash(`c:${padded.slice(i, i + n)}`));
  return [...out];
}

/** A model as trained: a weight per feature (dense while training) and a bias. */
export interface Model {
  w: Float64Array | Map<number, number>;
  bias: number;
}

export function probability(model: Model, x: number[]): number {
  if (x.length === 0) return 0;
  const scale = 1 / Math.sqrt(x.length);
  let z = model.bias;
  const w = model.w;
  if (w instanceof Map) for (const f of x) z += (w.get(f) ?? 0) * scale;
  else for (const f of x) z += w[f] * scale;
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression with AdaGrad and L2 (deterministic shuffling), for the training script. */
export function train(xs: number[][], ys: number[], epochs = 25, lr = 0.5, l2 = 1e-5): Model {
  const w = new Float64Array(SIZE);
  const g2 = new Float64Array(SIZE).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  const order = xs.map((_, i) => i);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const x = xs[k];
      const err = probability({ w, bias }, x) - ys[k];
      const scale = 1 / Math.sqrt(x.length);
      for (const f of x) {
        const g = err * scale + l2 * w[f];
        g2[f] += g * g;
        w[f] -= (lr * g) / Math.sqrt(g2[f]);
      }
      gb += err * err;
      bias -= (lr * err) / Math.sqrt(gb);
    }
  }
  return { w, bias };
}

/** The committed models: `{ critical: { bias, w: { index: weight } }, high: ... }`. */
interface StoredModel {
  bias: number;
  w: Record<string, number>;
}
const load = (m: StoredModel): Model => ({ bias: m.bias, w: new Map(Object.entries(m.w).map(([k, v]) => [Number(k), v])) });
const stored = weights as unknown as { critical: StoredModel; high: StoredModel };
const MODELS = { critical: load(stored.critical), high: load(stored.high) };

/** p(critical) and p(high or critical) of a normalized text, from the committed models. */
export function classify(text: string): { critical: number; high: number } {
  const x = features(text);
  return { critical: probability(MODELS.critical, x), high: probability(MODELS.high, x) };
}

/** A trained model as stored: weights below `prune` in size are dropped, the rest rounded. */
export function toStored(model: Model, prune = 0.03): StoredModel {
  const w: Record<string, number> = {};
  const dense = model.w as Float64Array;
  for (let i = 0; i < dense.length; i++) if (Math.abs(dense[i]) >= prune) w[i] = Math.round(dense[i] * 1e4) / 1e4;
  return { bias: Math.round(model.bias * 1e4) / 1e4, w };
}
