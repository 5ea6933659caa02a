// The trained threat model: a logistic regression over the named features of threatFeatures.ts (the
// rules are its features, not its verdict) and the offensive-language score. Its file (models/threat.json)
// is written by `npm run train:threat`; pure: the file's content is a parameter.
import { z } from "zod";

export const ZThreatModel = z.object({
  name: z.string(),
  /** Weight per feature name; a name the model does not know weighs nothing. */
  weights: z.record(z.string(), z.number()),
  /** Weight of the offensive-language score (0 … 1). */
  offenseWeight: z.number(),
  training: z.record(z.string(), z.unknown()).optional(),
  attribution: z.string().optional(),
});
export type TThreatModel = z.output<typeof ZThreatModel>;

export interface ThreatScorer {
  /** 0 … 1; 0 without features (a text without violence or intimidation). */
  score(names: readonly string[], offense: number): number;
  /** The features that pushed most towards "threat", strongest first. */
  strongest(names: readonly string[], limit: number): { feature: string; weight: number }[];
}

export function createThreatScorer(file: unknown): ThreatScorer {
  const model = ZThreatModel.parse(file);
  const weights = new Map(Object.entries(model.weights));
  return {
    score(names, offense) {
      if (names.length === 0) return 0;
      let z = model.offenseWeight * offense;
      for (const name of names) z += weights.get(name) ?? 0;
      return 1 / (1 + Math.exp(-z));
    },
    strongest(names, limit) {
      return names
        .map((feature) => ({ feature, weight: weights.get(feature) ?? 0 }))
        .filter((f) => f.weight > 0 && f.feature !== "bias")
        .sort((a, b) => b.weight - a.weight)
        .slice(0, limit);
    },
  };
}
