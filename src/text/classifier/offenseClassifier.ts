// The offensive-language classifier as the analysis uses it: both models (coarse OFFENSE/OTHER, fine
// ABUSE/INSULT/PROFANITY/OTHER) over the same features, and on request the n-grams that weighed most
// towards "offensive". Pure: the model file's content is a parameter.
import { normaliseText, type NormalisedText } from "../normalise.js";
import { type LexiconHit, lexiconHits, MASKABLE_WORDS } from "../lexicon.js";
import { bigramIndex, explainFeatures, extraIndices, featureScale, featuresOfNormalised, textWords, wordFeatures } from "./features.js";
import { type PackedModels, packModelFiles } from "./packedModels.js";
import { applyStacker, stackFeatures, ZStacker } from "./stacker.js";

export interface OffenseResult {
  offense: number;
  fine: Record<string, number>;
  coarseLabel: string;
  fineLabel: string;
  /** The features that pushed most towards "offensive" (for the moderator's "why"); empty unless explained. */
  evidence: { feature: string; weight: number }[];
}

export interface ClassifyOptions {
  /** Name the n-grams that weighed most when the offense score reaches this (default: never). */
  explainFrom?: number;
  /** The text's lexicon hits, when the caller has them already. */
  hits?: readonly LexiconHit[];
}

export interface OffenseClassifier {
  classifyNormalised(normalised: NormalisedText, options?: ClassifyOptions): OffenseResult;
  classify(text: string, options?: ClassifyOptions): OffenseResult;
}

export interface OffenseModelFile {
  coarse: unknown;
  fine: unknown;
  /** The second level (stacker.ts); without it, the n-gram model's coarse score is used as it is. */
  stacker?: unknown;
}

/**
 * Scores a text word by word: the dot product is linear in the feature counts, so each word's own
 * features (word, stem, character n-grams) are summed once per word and remembered; a text then costs
 * one lookup per word plus its word pairs and extras, instead of one weight row per feature occurrence.
 */
function createWordScorer(packed: PackedModels) {
  const cache = new Map<string, { sums: Float64Array; occurrences: number }>();
  const CACHE_LIMIT = 100_000;
  const totals = new Float64Array(8);
  let rows = new Uint32Array(256);
  const wordEntry = (word: string) => {
    let entry = cache.get(word);
    if (!entry) {
      const indices = wordFeatures(word);
      const sums = new Float64Array(8);
      for (let j = 0; j < indices.length; j++) packed.accumulate(indices[j] as number, 1, sums);
      entry = { sums, occurrences: indices.length };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, entry);
    }
    return entry;
  };
  return {
    sums(normalised: NormalisedText, hits: readonly LexiconHit[]): Float64Array {
      totals.fill(0);
      let occurrences = 0;
      const words = textWords(normalised);
      const extras = extraIndices(normalised, hits);
      if (rows.length < words.length + extras.length) rows = new Uint32Array(2 * (words.length + extras.length));
      let count = 0;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as string;
        if (i > 0) rows[count++] = bigramIndex(words[i - 1] as string, word);
        const entry = wordEntry(word);
        for (let c = 0; c < 8; c++) totals[c] = (totals[c] as number) + (entry.sums[c] as number);
        occurrences += entry.occurrences;
      }
      for (const index of extras) rows[count++] = index;
      packed.addRows(rows, count, totals);
      occurrences += count;
      const scale = featureScale(occurrences);
      for (let c = 0; c < 8; c++) totals[c] = (totals[c] as number) * scale;
      return totals;
    },
  };
}

const best = (labels: readonly string[], p: number[]) => labels[p.indexOf(Math.max(...p))] as string;

export function createOffenseClassifier(file: OffenseModelFile): OffenseClassifier {
  const packed = packModelFiles([file.coarse, file.fine]);
  const [coarseLabels = [], fineLabels = []] = packed.labels;
  const offenseIndex = coarseLabels.indexOf("OFFENSE");
  const stacker = file.stacker === undefined ? null : ZStacker.parse(file.stacker);
  const wordScorer = createWordScorer(packed);
  const classifyNormalised = (normalised: NormalisedText, options: ClassifyOptions = {}): OffenseResult => {
    const hits = options.hits ?? lexiconHits(normalised);
    const [c = [], f = []] = packed.probabilities(wordScorer.sums(normalised, hits));
    const fine = Object.fromEntries(fineLabels.map((label, k) => [label, f[k] ?? 0]));
    const ngramOffense = c[offenseIndex] ?? 0;
    const offense = stacker ? applyStacker(stacker, stackFeatures(normalised, { offense: ngramOffense }, fine, hits)) : ngramOffense;
    let evidence: OffenseResult["evidence"] = [];
    if (offense >= (options.explainFrom ?? Number.POSITIVE_INFINITY)) {
      const x = featuresOfNormalised(normalised, hits);
      const top = packed.topContributions(x, 0, "OFFENSE", 8);
      const names = explainFeatures(normalised, new Set(top.map((t) => t.index)), hits);
      evidence = top
        .map((t) => ({ feature: names.get(t.index) ?? `#${t.index}`, weight: Math.round(t.weight * 1000) / 1000 }))
        .filter((e) => e.feature !== "bias")
        .slice(0, 5);
    }
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
    classify: (text, options = { explainFrom: 0 }) => classifyNormalised(normaliseText(text, { vocabulary: MASKABLE_WORDS }), options),
  };
}
