// The offensive-language classifier as the analysis uses it: both models (coarse OFFENSE/OTHER, fine
// ABUSE/INSULT/PROFANITY/OTHER) over the same features, and on request the n-grams that weighed most
// towards "offensive". Pure: the model file's content is a parameter.
import { normaliseText, type NormalisedText } from "../normalise.js";
import { type LexiconHit, lexiconHits, MASKABLE_WORDS } from "../lexicon.js";
import { bigramIndex, extraFeatures, featureScale, wordFeatureNames, wordFeatures } from "./features.js";
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

/** Per word: how many of a word's strongest features towards "offensive" are kept for explanations. */
const WORD_EVIDENCE = 3;

interface WordEntry {
  /** Σ of the word's own feature weights, per packed label. */
  sums: Float64Array;
  occurrences: number;
  /** The word's strongest features towards "offensive": index, weight, index, weight, … */
  evidence: number[];
  /** Their names, once an explanation needed them. */
  names?: string[];
}

/**
 * Scores a text word by word: the dot product is linear in the feature counts, so each word's own
 * features (word, stem, character n-grams) are summed once per word and remembered; a text then costs
 * one lookup per word plus its word pairs and extras, instead of one weight row per feature occurrence.
 * Explanations work the same way: each word remembers its few strongest features towards "offensive",
 * and a text's strongest are picked among those of its words, its word pairs and extras.
 */
function createWordScorer(packed: PackedModels, evidenceColumn: number) {
  const cache = new Map<string, WordEntry>();
  const CACHE_LIMIT = 100_000;
  const totals = new Float64Array(8);
  let rows = new Uint32Array(256);
  const wordEntry = (word: string): WordEntry => {
    let entry = cache.get(word);
    if (!entry) {
      const indices = wordFeatures(word);
      const sums = new Float64Array(8);
      const weights = new Map<number, number>();
      for (let j = 0; j < indices.length; j++) {
        const index = indices[j] as number;
        packed.accumulate(index, 1, sums);
        weights.set(index, (weights.get(index) ?? 0) + packed.weightAt(index, evidenceColumn));
      }
      const evidence = [...weights]
        .filter(([, weight]) => weight > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, WORD_EVIDENCE)
        .flat();
      entry = { sums, occurrences: indices.length, evidence };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, entry);
    }
    return entry;
  };
  const evidenceNames = (word: string, entry: WordEntry): string[] => {
    if (!entry.names) {
      const indices = entry.evidence.filter((_, j) => j % 2 === 0);
      const named = wordFeatureNames(word, new Set(indices));
      entry.names = indices.map((index) => named.get(index) ?? `#${index}`);
    }
    return entry.names;
  };
  return {
    sums(normalised: NormalisedText, hits: readonly LexiconHit[]): Float64Array {
      totals.fill(0);
      const words = normalised.words;
      if (rows.length < words.length) rows = new Uint32Array(2 * words.length);
      let count = 0;
      let occurrences = 0;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as string;
        if (i > 0) rows[count++] = bigramIndex(words[i - 1] as string, word);
        const entry = wordEntry(word);
        for (let c = 0; c < 8; c++) totals[c] = (totals[c] as number) + (entry.sums[c] as number);
        occurrences += entry.occurrences;
      }
      packed.addRows(rows, count, totals);
      const extras = extraFeatures(normalised, hits).indices;
      for (const index of extras) packed.accumulate(index, 1, totals);
      occurrences += count + extras.length;
      const scale = featureScale(occurrences);
      for (let c = 0; c < 8; c++) totals[c] = (totals[c] as number) * scale;
      return totals;
    },
    /** The features that pushed most towards "offensive" (weight × count × scale), named, best first. */
    evidence(normalised: NormalisedText, hits: readonly LexiconHit[], limit: number): { feature: string; weight: number }[] {
      const weights = new Map<number, number>();
      const names = new Map<number, string>();
      const add = (index: number, weight: number, name: () => string) => {
        weights.set(index, (weights.get(index) ?? 0) + weight);
        if (!names.has(index)) names.set(index, name());
      };
      const words = normalised.words;
      let occurrences = 0;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as string;
        const entry = wordEntry(word);
        occurrences += entry.occurrences;
        for (let j = 0; j < entry.evidence.length; j += 2) add(entry.evidence[j] as number, entry.evidence[j + 1] as number, () => evidenceNames(word, entry)[j / 2] as string);
        if (i > 0) {
          const index = bigramIndex(words[i - 1] as string, word);
          const weight = packed.weightAt(index, evidenceColumn);
          if (weight > 0) add(index, weight, () => `b:${words[i - 1]} ${word}`);
          occurrences++;
        }
      }
      const extras = extraFeatures(normalised, hits);
      occurrences += extras.indices.length;
      extras.indices.forEach((index, k) => {
        const weight = packed.weightAt(index, evidenceColumn);
        if (weight > 0) add(index, weight, () => extras.names[k] as string);
      });
      const scale = featureScale(occurrences);
      return [...weights]
        .filter(([index, weight]) => weight > 0 && names.get(index) !== "bias")
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([index, weight]) => ({ feature: names.get(index) as string, weight: Math.round(weight * scale * 1000) / 1000 }));
    },
  };
}

const best = (labels: readonly string[], p: number[]) => labels[p.indexOf(Math.max(...p))] as string;

export function createOffenseClassifier(file: OffenseModelFile): OffenseClassifier {
  const packed = packModelFiles([file.coarse, file.fine]);
  const [coarseLabels = [], fineLabels = []] = packed.labels;
  const offenseIndex = coarseLabels.indexOf("OFFENSE");
  const stacker = file.stacker === undefined ? null : ZStacker.parse(file.stacker);
  const wordScorer = createWordScorer(packed, packed.column(0, "OFFENSE"));
  const classifyNormalised = (normalised: NormalisedText, options: ClassifyOptions = {}): OffenseResult => {
    const hits = options.hits ?? lexiconHits(normalised);
    const [c = [], f = []] = packed.probabilities(wordScorer.sums(normalised, hits));
    const fine = Object.fromEntries(fineLabels.map((label, k) => [label, f[k] ?? 0]));
    const ngramOffense = c[offenseIndex] ?? 0;
    const offense = stacker ? applyStacker(stacker, stackFeatures(normalised, { offense: ngramOffense }, fine, hits)) : ngramOffense;
    let evidence: OffenseResult["evidence"] = [];
    if (offense >= (options.explainFrom ?? Number.POSITIVE_INFINITY)) {
      evidence = wordScorer.evidence(normalised, hits, 5);
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
