// Features for the linear text classifier: hashed word unigrams and bigrams and character 2–5-grams of
// each word (with word boundaries), taken from the normalised text, plus a few surface signals
// (shouting, exclamation marks, emoji). Hashing keeps the model a fixed-size array of weights.

import { normaliseText } from "../normalise.js";

export const FEATURE_BITS = 16;
const DIMENSIONS = 1 << FEATURE_BITS;

/** FNV-1a over the UTF-16 code units, folded to the feature space. */
export function hashFeature(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (DIMENSIONS - 1);
}

export interface FeatureVector {
  /** Feature indices with their values (counts scaled by 1/√n), sorted by index, no repeats. */
  indices: Uint32Array;
  values: Float32Array;
  /** The feature names by index, for explanations (only kept when asked for). */
  names?: Map<number, string>;
}

export function featuresOf(text: string, options: { keepNames?: boolean; vocabulary?: readonly string[] } = {}): FeatureVector {
  const normalised = normaliseText(text, { vocabulary: options.vocabulary });
  const counts = new Map<number, number>();
  const names = options.keepNames ? new Map<number, string>() : undefined;
  const add = (name: string) => {
    const index = hashFeature(name);
    counts.set(index, (counts.get(index) ?? 0) + 1);
    if (names && !names.has(index)) names.set(index, name);
  };
  const words = normalised.folded.match(/<url>|<user>|[\p{L}\p{N}]+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    add(`w:${word}`);
    if (i > 0) add(`b:${words[i - 1]} ${word}`);
    if (word.startsWith("<")) continue;
    const padded = `<${word}>`;
    for (let n = 2; n <= 5; n++) for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`);
  }
  for (const emoji of normalised.signals.emoji) add(`e:${emoji}`);
  if (normalised.signals.shouting >= 0.6) add("s:shouting");
  if (normalised.signals.exclamations >= 2) add("s:exclamations");
  if (normalised.signals.deobfuscated > 0) add("s:obfuscated");
  add("bias");
  const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const scale = 1 / Math.sqrt(Math.max(1, sorted.length));
  return {
    indices: Uint32Array.from(sorted.map(([i]) => i)),
    values: Float32Array.from(sorted.map(([, c]) => Math.min(3, c) * scale)),
    names,
  };
}

export const FEATURE_DIMENSIONS = DIMENSIONS;
