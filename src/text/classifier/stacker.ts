// The second level of the offensive-language classifier (stacking): a small logistic regression over the
// first level's scores and the views it cannot see well on its own — insult, slur and profanity lexicon
// hits with obfuscation-robust matching, text length, shouting. Trained on out-of-fold predictions of the
// training data, so it learns how far to trust the n-gram model (which is overconfident on short texts).
import { z } from "zod";
import { type LexiconHit, lexiconHits } from "../lexicon.js";
import type { NormalisedText } from "../normalise.js";

export const STACK_FEATURES = [
  "offenseLogit",
  "abuseLogit",
  "insultLogit",
  "profanityLogit",
  "insultWord",
  "slurWord",
  "profanityWord",
  "violenceWord",
  "shortText",
  "logWords",
  "shouting",
  "obfuscated",
] as const;

export const ZStacker = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Added to the log-odds of OFFENSE at decision time (tuned on out-of-fold predictions). */
  offset: z.number().default(0),
});
export type TStacker = z.output<typeof ZStacker>;

/** Log-odds, clipped to ±6: the n-gram model is overconfident, and unbounded inputs keep the stacker from converging. */
const logit = (p: number) => Math.max(-6, Math.min(6, Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p))));

export function stackFeatures(
  normalised: NormalisedText,
  coarse: { offense: number },
  fine: Record<string, number>,
  hits: readonly LexiconHit[] = lexiconHits(normalised),
): number[] {
  let insult = 0;
  let slur = 0;
  let profanity = 0;
  let violence = 0;
  for (const hit of hits) {
    if (hit.list === "insult") insult = 1;
    else if (hit.list === "slur") slur = 1;
    else if (hit.list === "profanity") profanity = 1;
    else violence = 1;
  }
  let words = normalised.folded.length > 0 ? 1 : 0;
  for (let i = 0; i < normalised.folded.length; i++) if (normalised.folded.charCodeAt(i) === 32) words++;
  return [
    logit(coarse.offense),
    logit(fine.ABUSE ?? 0),
    logit(fine.INSULT ?? 0),
    logit(fine.PROFANITY ?? 0),
    insult,
    slur,
    profanity,
    violence,
    words <= 8 ? 1 : 0,
    Math.log(1 + words),
    normalised.signals.shouting,
    normalised.signals.deobfuscated > 0 ? 1 : 0,
  ];
}

export function applyStacker(stacker: TStacker, x: readonly number[]): number {
  let z = stacker.bias + stacker.offset;
  for (let i = 0; i < x.length; i++) z += (stacker.weights[i] ?? 0) * (x[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Full-batch gradient descent on the logistic loss with L2; deterministic. y: 1 = offensive. */
export function trainStacker(
  rows: readonly number[][],
  y: readonly number[],
  options: { iterations: number; learningRate: number; l2: number; features?: readonly string[] },
): TStacker {
  const features = options.features ?? STACK_FEATURES;
  // Standardising is left out on purpose: the features are logits, 0/1 flags and small logs.
  const n = rows.length;
  const d = features.length;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let it = 0; it < options.iterations; it++) {
    const gradient = new Array<number>(d).fill(0);
    let gradientBias = 0;
    for (let i = 0; i < n; i++) {
      const x = rows[i] as number[];
      const error = applyStacker({ features: [], weights, bias, offset: 0 }, x) - (y[i] as number);
      for (let j = 0; j < d; j++) gradient[j] = (gradient[j] as number) + error * (x[j] as number);
      gradientBias += error;
    }
    for (let j = 0; j < d; j++)
      weights[j] =
        (weights[j] as number) -
        options.learningRate * ((gradient[j] as number) / n + options.l2 * (weights[j] as number));
    bias -= options.learningRate * (gradientBias / n);
  }
  return {
    features: [...features],
    weights: weights.map((w) => Math.round(w * 1e6) / 1e6),
    bias: Math.round(bias * 1e6) / 1e6,
    offset: 0,
  };
}
