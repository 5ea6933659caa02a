// A multinomial logistic regression over hashed sparse features, trained with AdaGrad and L2
// regularisation; deterministic for a given seed. Weights are one Float32Array per class.
import type { FeatureVector } from "./features.js";

export interface LinearModel {
  labels: readonly string[];
  dimensions: number;
  /** weights[k][i]: weight of feature i for label k. */
  weights: Float32Array[];
  /** Added to each label's logit: decision offsets tuned on the validation split (none: zeros). */
  offsets?: readonly number[];
}

export function scoresOf(model: LinearModel, x: FeatureVector): number[] {
  const logits = model.weights.map((w, k) => {
    let sum = model.offsets?.[k] ?? 0;
    for (let j = 0; j < x.indices.length; j++) sum += (w[x.indices[j] as number] as number) * (x.values[j] as number);
    return sum;
  });
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** A small deterministic generator (mulberry32) for shuffling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of each label's examples (e.g. inverse frequency for rare classes). */
  classWeights?: readonly number[];
  onEpoch?: (epoch: number, loss: number) => void;
}

export function trainLinearModel(args: {
  labels: readonly string[];
  dimensions: number;
  examples: readonly { x: FeatureVector; y: number }[];
  options: TrainingOptions;
}): LinearModel {
  const { labels, dimensions, examples, options } = args;
  const weights = labels.map(() => new Float32Array(dimensions));
  const squares = labels.map(() => new Float32Array(dimensions).fill(1e-8));
  const model: LinearModel = { labels, dimensions, weights };
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let loss = 0;
    for (const index of order) {
      const { x, y } = examples[index] as { x: FeatureVector; y: number };
      const p = scoresOf(model, x);
      const weight = options.classWeights?.[y] ?? 1;
      loss -= weight * Math.log(Math.max(1e-12, p[y] as number));
      for (let k = 0; k < labels.length; k++) {
        const error = weight * ((p[k] as number) - (k === y ? 1 : 0));
        const w = weights[k] as Float32Array;
        const g2 = squares[k] as Float32Array;
        for (let f = 0; f < x.indices.length; f++) {
          const feature = x.indices[f] as number;
          const gradient = error * (x.values[f] as number) + options.l2 * (w[feature] as number);
          g2[feature] = (g2[feature] as number) + gradient * gradient;
          w[feature] = (w[feature] as number) - (options.learningRate * gradient) / Math.sqrt(g2[feature] as number);
        }
      }
    }
    options.onEpoch?.(epoch, loss / examples.length);
  }
  return model;
}
