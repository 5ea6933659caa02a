// The offensive-language classifier as the analysis uses it: both models (coarse OFFENSE/OTHER, fine
// ABUSE/INSULT/PROFANITY/OTHER) over the same features, and on request the n-grams that weighed most
// towards "offensive". Pure: the model file's content is a parameter.
import { normaliseText, type NormalisedText } from "../normalise.js";
import { type LexiconHit, lexiconHits, MASKABLE_WORDS } from "../lexicon.js";
import { bigramIndex, extraFeatures, featureScale, wordFeatureNames, wordFeatures } from "./features.js";
import type { WordFacts } from "../wordFacts.js";
import { type PackedModels, packModelFiles } from "./packedModels.js";
import { applyStacker, stackFeatures, ZStacker } from "./stacker.js";

export interface OffenseResult {
  offense: number;
  /** The n-gram model's score of hate against a group (0 without a hate model). */
  hate: number;
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
  /** The hate-against-groups n-gram model (same features), packed with the others: one pass for all. */
  hate?: unknown;
}

/** Per word: how many of a word's strongest features towards "offensive" are kept for explanations. */
const WORD_EVIDENCE = 3;

interface WordEntry {
  /** The word's strongest features towards "offensive": index, weight, index, weight, … */
  evidence: number[];
  /** Their names, once an explanation needed them. */
  names?: string[];
}

/** Per remembered word in the pool: Σ of its own feature weights per packed label (8), then its feature count. */
const WIDTH = 9;
/** Words remembered at most; then the pool starts over (every word is summed again when next met). */
const POOL_WORDS = 60_000;

/**
 * The per-word sums of the packed models, side by side in one pool (the word table holds each word's place in
 * it), so a text reads them with one memory access per word; with each word's strongest features towards
 * "offensive" for explanations. A word's sums are computed the first time it is met.
 */
function createWordPool(packed: PackedModels, evidenceColumn: number) {
  const scratch = new Float64Array(8);
  let owner = {};
  let pool = new Float64Array(4096 * WIDTH);
  let used = 0;
  const entries: WordEntry[] = [];
  return {
    /** The pool as it is now (it grows: read it after placeOf). */
    sums: () => pool,
    entryAt: (place: number) => entries[place / WIDTH] as WordEntry,
    /** The word's place in the pool (× WIDTH). */
    placeOf(word: string, facts: WordFacts): number {
      if (facts.scoreOwner === owner) return facts.scoreSlot * WIDTH;
      if (used === POOL_WORDS) {
        // Start over: the words met from now on are summed again.
        owner = {};
        used = 0;
        entries.length = 0;
      }
      if ((used + 1) * WIDTH > pool.length) {
        const grown = new Float64Array(Math.min(POOL_WORDS, used * 2) * WIDTH);
        grown.set(pool.subarray(0, used * WIDTH));
        pool = grown;
      }
      const indices = wordFeatures(word);
      const weights = new Map<number, number>();
      scratch.fill(0);
      for (let j = 0; j < indices.length; j++) {
        const index = indices[j] as number;
        packed.accumulate(index, 1, scratch);
        weights.set(index, (weights.get(index) ?? 0) + packed.weightAt(index, evidenceColumn));
      }
      const place = used * WIDTH;
      pool.set(scratch, place);
      pool[place + 8] = indices.length;
      entries[used] = {
        evidence: [...weights]
          .filter(([, weight]) => weight > 0)
          .sort((a, b) => b[1] - a[1])
          .slice(0, WORD_EVIDENCE)
          .flat(),
      };
      facts.scoreSlot = used++;
      facts.scoreOwner = owner;
      return place;
    },
  };
}

/**
 * The features an explanation weighs, gathered in a small open-addressing table sized for the text (it stays in
 * the processor's cache, unlike one slot per feature of the whole space): each with its summed weight and where
 * it came from (its first occurrence).
 */
function createCandidates() {
  let table = new Int32Array(256);
  let mask = 0;
  let count = 0;
  const indices: number[] = [];
  const weights: number[] = [];
  const origins: number[] = [];
  return {
    /** Empties the table for a text of at most `most` candidates. */
    reset(most: number): void {
      let size = 64;
      while (size < 2 * most) size *= 2;
      if (table.length < size) table = new Int32Array(size);
      table.fill(0, 0, size);
      mask = size - 1;
      count = 0;
    },
    add(index: number, weight: number, origin: number): void {
      let slot = Math.imul(index, 0x9e3779b1) >>> 0;
      for (;;) {
        slot &= mask;
        const at = table[slot] as number;
        if (at === 0) {
          indices[count] = index;
          weights[count] = weight;
          origins[count] = origin;
          table[slot] = ++count;
          return;
        }
        if (indices[at - 1] === index) {
          weights[at - 1] = (weights[at - 1] as number) + weight;
          return;
        }
        slot++;
      }
    },
    /** The `limit` heaviest with a positive weight, heaviest first; of equal weights the one met first. */
    best(limit: number): { weight: number; origin: number }[] {
      const top: number[] = [];
      if (limit <= 0) return [];
      for (let k = 0; k < count; k++) {
        const weight = weights[k] as number;
        if (weight <= 0 || (top.length === limit && weight <= (weights[top[limit - 1] as number] as number))) continue;
        let at = top.length === limit ? limit - 1 : top.length;
        while (at > 0 && (weights[top[at - 1] as number] as number) < weight) {
          top[at] = top[at - 1] as number;
          at--;
        }
        top[at] = k;
        if (top.length > limit) top.length = limit;
      }
      return top.map((k) => ({ weight: weights[k] as number, origin: origins[k] as number }));
    },
  };
}

/**
 * Scores a text word by word: the dot product is linear in the feature counts, so each word's own
 * features (word, stem, character n-grams) are summed once per word and remembered (createWordPool); a text
 * then costs one lookup per word plus its word pairs and extras, instead of one weight row per feature
 * occurrence. Explanations work the same way: each word remembers its few strongest features towards
 * "offensive", and a text's strongest are picked among those of its words, its word pairs and extras.
 */
function createWordScorer(packed: PackedModels, evidenceColumn: number) {
  const totals = new Float64Array(8);
  let rows = new Uint32Array(256);
  const pooled = createWordPool(packed, evidenceColumn);
  const placeOf = pooled.placeOf;
  /** The text whose word pairs `rows` holds. */
  let rowsOf: NormalisedText | null = null;
  const found = createCandidates();
  /** The word's entry for explanations. */
  const wordEntry = (word: string, facts: WordFacts): WordEntry => pooled.entryAt(placeOf(word, facts));
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
      const words = normalised.words;
      const facts = normalised.wordFacts;
      if (rows.length < words.length) rows = new Uint32Array(2 * words.length);
      let count = 0;
      let occurrences = 0;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0,
        s4 = 0,
        s5 = 0,
        s6 = 0,
        s7 = 0;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as string;
        if (i > 0) rows[count++] = bigramIndex(words[i - 1] as string, word);
        const place = placeOf(word, facts[i] as WordFacts);
        const sums = pooled.sums();
        s0 += sums[place] as number;
        s1 += sums[place + 1] as number;
        s2 += sums[place + 2] as number;
        s3 += sums[place + 3] as number;
        s4 += sums[place + 4] as number;
        s5 += sums[place + 5] as number;
        s6 += sums[place + 6] as number;
        s7 += sums[place + 7] as number;
        occurrences += sums[place + 8] as number;
      }
      totals[0] = s0;
      totals[1] = s1;
      totals[2] = s2;
      totals[3] = s3;
      totals[4] = s4;
      totals[5] = s5;
      totals[6] = s6;
      totals[7] = s7;
      packed.addRows(rows, count, totals);
      rowsOf = normalised;
      const extras = extraFeatures(normalised, hits).indices;
      for (const index of extras) packed.accumulate(index, 1, totals);
      occurrences += count + extras.length;
      const scale = featureScale(occurrences);
      for (let c = 0; c < 8; c++) totals[c] = (totals[c] as number) * scale;
      return totals;
    },
    /**
     * The features that pushed most towards "offensive" (weight × count × scale), named, best first.
     * Candidates are gathered with where they came from; only the winners get names.
     */
    evidence(
      normalised: NormalisedText,
      hits: readonly LexiconHit[],
      limit: number,
    ): { feature: string; weight: number }[] {
      const words = normalised.words;
      const facts = normalised.wordFacts;
      const extras = extraFeatures(normalised, hits);
      // The word pairs' indices as the scores just computed them, when they were for this text.
      const pairs = rowsOf === normalised ? rows : null;
      let occurrences = 0;
      found.reset(words.length * (WORD_EVIDENCE + 1) + extras.indices.length);
      for (let i = 0; i < words.length; i++) {
        const place = placeOf(words[i] as string, facts[i] as WordFacts);
        const entry = pooled.entryAt(place);
        occurrences += pooled.sums()[place + 8] as number;
        for (let j = 0; j < entry.evidence.length; j += 2)
          found.add(entry.evidence[j] as number, entry.evidence[j + 1] as number, i * 8 + j / 2);
        if (i > 0) {
          const index = pairs ? (pairs[i - 1] as number) : bigramIndex(words[i - 1] as string, words[i] as string);
          const weight = packed.weightAt(index, evidenceColumn);
          if (weight > 0) found.add(index, weight, -1 - i);
          occurrences++;
        }
      }
      occurrences += extras.indices.length;
      for (let k = 0; k < extras.indices.length; k++) {
        const index = extras.indices[k] as number;
        const weight = packed.weightAt(index, evidenceColumn);
        if (weight > 0 && extras.names[k] !== "bias") found.add(index, weight, -1e6 - k);
      }
      const nameOf = (origin: number): string => {
        if (origin <= -1e6) return extras.names[-1e6 - origin] as string;
        if (origin < 0) return `b:${words[-2 - origin]} ${words[-1 - origin]}`;
        const i = Math.floor(origin / 8);
        const word = words[i] as string;
        return evidenceNames(word, wordEntry(word, facts[i] as WordFacts))[origin % 8] as string;
      };
      const scale = featureScale(occurrences);
      return found.best(limit).map(({ weight, origin }) => ({
        feature: nameOf(origin),
        weight: Math.round(weight * scale * 1000) / 1000,
      }));
    },
  };
}

const best = (labels: readonly string[], p: number[]) => labels[p.indexOf(Math.max(...p))] as string;

export function createOffenseClassifier(file: OffenseModelFile): OffenseClassifier {
  const packed = packModelFiles(
    file.hate === undefined ? [file.coarse, file.fine] : [file.coarse, file.fine, file.hate],
  );
  const [coarseLabels = [], fineLabels = [], hateLabels = []] = packed.labels;
  const hateIndex = hateLabels.indexOf("HATE");
  const offenseIndex = coarseLabels.indexOf("OFFENSE");
  const stacker = file.stacker === undefined ? null : ZStacker.parse(file.stacker);
  const wordScorer = createWordScorer(packed, packed.column(0, "OFFENSE"));
  const classifyNormalised = (normalised: NormalisedText, options: ClassifyOptions = {}): OffenseResult => {
    const hits = options.hits ?? lexiconHits(normalised);
    const [c = [], f = [], h = []] = packed.probabilities(wordScorer.sums(normalised, hits));
    const fine: Record<string, number> = {};
    for (let k = 0; k < fineLabels.length; k++) fine[fineLabels[k] as string] = f[k] ?? 0;
    const ngramOffense = c[offenseIndex] ?? 0;
    const offense = stacker
      ? applyStacker(stacker, stackFeatures(normalised, { offense: ngramOffense }, fine, hits))
      : ngramOffense;
    let evidence: OffenseResult["evidence"] = [];
    if (offense >= (options.explainFrom ?? Number.POSITIVE_INFINITY)) {
      evidence = wordScorer.evidence(normalised, hits, 5);
    }
    return {
      offense,
      hate: hateIndex < 0 ? 0 : (h[hateIndex] ?? 0),
      fine,
      coarseLabel: offense >= 0.5 ? "OFFENSE" : "OTHER",
      fineLabel: best(fineLabels, f),
      evidence,
    };
  };
  return {
    classifyNormalised,
    classify: (text, options = { explainFrom: 0 }) =>
      classifyNormalised(normaliseText(text, { vocabulary: MASKABLE_WORDS }), options),
  };
}
