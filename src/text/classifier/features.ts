// Features for the linear text classifiers: hashed word unigrams and bigrams, word stems (German
// Snowball stemmer), character 2–5-grams of each word (with word boundaries), hits of the insult and
// profanity lexicons, emoji and a few surface signals (shouting, exclamation marks, obfuscation).
// Hashes are computed while walking the characters (no substrings), so extraction is cheap; the
// feature names are built only when an explanation asks for them (explainFeatures).
import { normaliseText, type NormalisedText } from "../normalise.js";
import { type LexiconHit, lexiconHits } from "../lexicon.js";
import { stemGerman } from "../stem.js";

export const FEATURE_BITS = 17;
export const FEATURE_DIMENSIONS = 1 << FEATURE_BITS;
const MASK = FEATURE_DIMENSIONS - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mixString(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a over the UTF-16 code units, folded to the feature space. */
export function hashFeature(name: string): number {
  return (mixString(FNV_OFFSET, name) >>> 0) & MASK;
}

export interface FeatureVector {
  /**
   * Feature indices with their values (counts scaled by 1/√n, n = all feature occurrences), no repeats.
   * Being linear in the counts, a text's dot product is the sum of its words' dot products: the fast
   * scorer (offenseClassifier.ts) caches those per word.
   */
  indices: Uint32Array;
  values: Float32Array;
}

/** Receives every feature occurrence: its hashed index and, only for the wanted indices, its name. */
type Emit = (index: number, name: string) => void;
/** Which indices need their names built (explanations); null: none (the fast path). */
type Wanted = ReadonlySet<number> | null;

const WORD = mixString(FNV_OFFSET, "w:");
const BIGRAM = mixString(FNV_OFFSET, "b:");
const CHARS = mixString(FNV_OFFSET, "c:");
const STEM = mixString(FNV_OFFSET, "s:");
/** The feature index of the word pair (previous, word). */
export function bigramIndex(previous: string, word: string): number {
  return (mixString(mixString(mixString(BIGRAM, previous), " "), word) >>> 0) & MASK;
}

// The names of the extra features repeat from text to text: each is hashed once.
const extraHashes = new Map<string, number>();
function extraHash(name: string): number {
  let index = extraHashes.get(name);
  if (index === undefined) {
    if (extraHashes.size >= 10_000) extraHashes.clear();
    extraHashes.set(name, (index = hashFeature(name)));
  }
  return index;
}

/** The features that are not about single words or pairs: lexicon hits, emoji, surface signals, bias. */
function walkExtras(normalised: NormalisedText, emit: Emit, hits: readonly LexiconHit[]): void {
  for (const hit of hits) emit(extraHash(`l:${hit.list}`), `l:${hit.list}`);
  for (const emoji of normalised.signals.emoji) emit(extraHash(`e:${emoji}`), `e:${emoji}`);
  if (normalised.signals.shouting >= 0.6) emit(extraHash("x:shouting"), "x:shouting");
  if (normalised.signals.exclamations >= 2) emit(extraHash("x:exclamations"), "x:exclamations");
  if (normalised.signals.deobfuscated > 0) emit(extraHash("x:obfuscated"), "x:obfuscated");
  emit(extraHash("bias"), "bias");
}

/** The extra features of a text (lexicon hits, emoji, surface signals, bias) with their names. */
export function extraFeatures(
  normalised: NormalisedText,
  hits: readonly LexiconHit[],
): { indices: number[]; names: string[] } {
  const indices: number[] = [];
  const names: string[] = [];
  walkExtras(normalised, (index, name) => (indices.push(index), names.push(name)), hits);
  return { indices, names };
}

/** Counts every feature occurrence of a text (see featuresOfNormalised). */
function countFeatures(normalised: NormalisedText, hits: readonly LexiconHit[]): void {
  const words = normalised.words;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (i > 0) countFeature(bigramIndex(words[i - 1] as string, word));
    const indices = wordFeatures(word);
    for (let j = 0; j < indices.length; j++) countFeature(indices[j] as number);
  }
  walkExtras(normalised, countFeature, hits);
}

/** A word's own features: the word, its stem and its character n-grams. */
function walkWord(word: string, emit: Emit, wanted: Wanted): void {
  const index = (mixString(WORD, word) >>> 0) & MASK;
  emit(index, wanted?.has(index) ? `w:${word}` : "");
  if (word.charCodeAt(0) === 60 /* "<" */) return;
  if (word.length > 3) {
    const stem = stemGerman(word);
    const stemIndex = (mixString(STEM, stem) >>> 0) & MASK;
    emit(stemIndex, wanted?.has(stemIndex) ? `s:${stem}` : "");
  }
  walkCharacterGrams(word, emit, wanted);
}

// Words repeat (Zipf): a word's feature indices are computed once and remembered, up to a bound.
const wordCache = new Map<string, Uint32Array>();
const WORD_CACHE_LIMIT = 50_000;

/** A word's own feature indices (word, stem, character n-grams), computed once per word and remembered. */
export function wordFeatures(word: string): Uint32Array {
  const known = wordCache.get(word);
  if (known) return known;
  const indices: number[] = [];
  walkWord(word, (index) => indices.push(index), null);
  const result = Uint32Array.from(indices);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, result);
  return result;
}

/** Character 2–5-grams of "<word>": one pass per start position, extending the hash by one character. */
function walkCharacterGrams(word: string, emit: Emit, wanted: Wanted): void {
  const padded = `<${word}>`;
  const length = padded.length;
  for (let start = 0; start < length - 1; start++) {
    let h = CHARS;
    const end = Math.min(length, start + 5);
    for (let k = start; k < end; k++) {
      h = Math.imul(h ^ padded.charCodeAt(k), FNV_PRIME);
      if (k > start) {
        const index = (h >>> 0) & MASK;
        emit(index, wanted?.has(index) ? `c:${padded.slice(start, k + 1)}` : "");
      }
    }
  }
}

/** 1/√n over all feature occurrences of a text: long and short texts weigh alike. */
export function featureScale(occurrences: number): number {
  return 1 / Math.sqrt(Math.max(1, occurrences));
}

// Counting happens in a dense array over the feature space (reset after each text), so no sorting or
// map is needed; the indices come out in order of first occurrence.
const denseCounts = new Uint16Array(FEATURE_DIMENSIONS);
let touched = new Uint32Array(4096);
let touchedSize = 0;
function countFeature(index: number): void {
  if (denseCounts[index] === 0) {
    if (touchedSize === touched.length) {
      const grown = new Uint32Array(touched.length * 2);
      grown.set(touched);
      touched = grown;
    }
    touched[touchedSize++] = index;
  }
  if ((denseCounts[index] as number) < 65_535) denseCounts[index] = (denseCounts[index] as number) + 1;
}

/** The features of a normalised text; the lexicon hits may be passed when the caller has them already. */
export function featuresOfNormalised(
  normalised: NormalisedText,
  hits: readonly LexiconHit[] = lexiconHits(normalised),
): FeatureVector {
  touchedSize = 0;
  countFeatures(normalised, hits);
  const indices = touched.slice(0, touchedSize);
  const values = new Float32Array(touchedSize);
  let occurrences = 0;
  for (let i = 0; i < touchedSize; i++) occurrences += denseCounts[indices[i] as number] as number;
  const scale = featureScale(occurrences);
  for (let i = 0; i < touchedSize; i++) {
    const index = indices[i] as number;
    values[i] = (denseCounts[index] as number) * scale;
    denseCounts[index] = 0;
  }
  return { indices, values };
}

export function featuresOf(text: string, options: { vocabulary?: readonly string[] } = {}): FeatureVector {
  return featuresOfNormalised(normaliseText(text, { vocabulary: options.vocabulary }));
}

/** The names of the wanted indices among a word's own features (word, stem, character n-grams); the first name that hashes to each. */
export function wordFeatureNames(word: string, wanted: ReadonlySet<number>): Map<number, string> {
  const names = new Map<number, string>();
  walkWord(
    word,
    (index, name) => {
      if (name !== "" && !names.has(index)) names.set(index, name);
    },
    wanted,
  );
  return names;
}
