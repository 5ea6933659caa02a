// The offensive-language classifier as the analysis uses it: both models (coarse OFFENSE/OTHER, fine
// ABUSE/INSULT/PROFANITY/OTHER) over the same features, with the n-grams that weighed most. Pure:
// the model file's content is a parameter.
import { featuresOf } from "./features.js";
import { type LinearModel, scoresOf, topContributions } from "./linearModel.js";
import { fromModelFile } from "./modelFile.js";

export interface OffenseResult {
  offense: number;
  fine: Record<string, number>;
  coarseLabel: string;
  fineLabel: string;
  /** The features that pushed most towards "offensive" (for the moderator's "why"). */
  evidence: { feature: string; weight: number }[];
}

export interface OffenseClassifier {
  classify(text: string): OffenseResult;
}

export function createOffenseClassifier(file: { coarse: unknown; fine: unknown }, options: { vocabulary?: readonly string[] } = {}): OffenseClassifier {
  const coarse: LinearModel = fromModelFile(file.coarse);
  const fine: LinearModel = fromModelFile(file.fine);
  return {
    classify(text) {
      const x = featuresOf(text, { keepNames: true, vocabulary: options.vocabulary });
      const c = scoresOf(coarse, x);
      const f = scoresOf(fine, x);
      const best = (labels: readonly string[], p: number[]) => labels[p.indexOf(Math.max(...p))] as string;
      return {
        offense: c[coarse.labels.indexOf("OFFENSE")] ?? 0,
        fine: Object.fromEntries(fine.labels.map((label, k) => [label, f[k] ?? 0])),
        coarseLabel: best(coarse.labels, c),
        fineLabel: best(fine.labels, f),
        evidence: topContributions(coarse, x, "OFFENSE", 5).filter((e) => e.weight > 0),
      };
    },
  };
}
