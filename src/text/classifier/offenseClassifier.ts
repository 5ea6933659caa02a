// The offensive-language classifier as the analysis uses it: both models (coarse OFFENSE/OTHER, fine
// ABUSE/INSULT/PROFANITY/OTHER) over the same features, and on request the n-grams that weighed most
// towards "offensive". Pure: the model file's content is a parameter.
import { normaliseText, type NormalisedText } from "../normalise.js";
import { MASKABLE_WORDS } from "../lexicon.js";
import { explainFeatures, featuresOfNormalised } from "./features.js";
import { packModelFiles } from "./packedModels.js";
import { applyStacker, stackFeatures, ZStacker } from "./stacker.js";

export interface OffenseResult {
  offense: number;
  fine: Record<string, number>;
  coarseLabel: string;
  fineLabel: string;
  /** The features that pushed most towards "offensive" (for the moderator's "why"); empty unless explained. */
  evidence: { feature: string; weight: number }[];
}

export interface OffenseClassifier {
  classifyNormalised(normalised: NormalisedText, options?: { explain?: boolean }): OffenseResult;
  classify(text: string, options?: { explain?: boolean }): OffenseResult;
}

export interface OffenseModelFile {
  coarse: unknown;
  fine: unknown;
  /** The second level (stacker.ts); without it, the n-gram model's coarse score is used as it is. */
  stacker?: unknown;
}

const best = (labels: readonly string[], p: number[]) => labels[p.indexOf(Math.max(...p))] as string;

export function createOffenseClassifier(file: OffenseModelFile): OffenseClassifier {
  const packed = packModelFiles([file.coarse, file.fine]);
  const [coarseLabels = [], fineLabels = []] = packed.labels;
  const offenseIndex = coarseLabels.indexOf("OFFENSE");
  const stacker = file.stacker === undefined ? null : ZStacker.parse(file.stacker);
  const classifyNormalised = (normalised: NormalisedText, options: { explain?: boolean } = {}): OffenseResult => {
    const x = featuresOfNormalised(normalised);
    const [c = [], f = []] = packed.score(x);
    let evidence: OffenseResult["evidence"] = [];
    if (options.explain) {
      const top = packed.topContributions(x, 0, "OFFENSE", 8);
      const names = explainFeatures(normalised, new Set(top.map((t) => t.index)));
      evidence = top
        .map((t) => ({ feature: names.get(t.index) ?? `#${t.index}`, weight: Math.round(t.weight * 1000) / 1000 }))
        .filter((e) => e.feature !== "bias")
        .slice(0, 5);
    }
    const fine = Object.fromEntries(fineLabels.map((label, k) => [label, f[k] ?? 0]));
    const ngramOffense = c[offenseIndex] ?? 0;
    const offense = stacker ? applyStacker(stacker, stackFeatures(normalised, { offense: ngramOffense }, fine)) : ngramOffense;
    return {
      offense,
      fine,
      coarseLabel: offense >= 0.5 ? "OFFENSE" : "OTHER",
      fineLabel: best(fineLabels, f),
      evidence,
    };
  };
  return {
    classifyNormalised,
    classify: (text, options = { explain: true }) => classifyNormalised(normaliseText(text, { vocabulary: MASKABLE_WORDS }), options),
  };
}
