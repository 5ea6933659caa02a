// German readability: Flesch reading ease as adapted by Toni Amstad (1978),
//   FRE = 180 − ASL − 58.5 × ASW
// with ASL the average sentence length in words and ASW the average syllables per word.
// 0–30 very hard (academic), 60–70 plain language for adults, 80+ easy. Links, hashtags and mentions are ignored.
import { findWords } from "./tokens.js";

export interface Readability {
  score: number;
  words: number;
  sentences: number;
  syllables: number;
}

// A syllable nucleus is a vowel, a diphthong (ei, ie, au, eu, äu, ai, ey, ay) or a doubled vowel (aa, ee, oo);
// other adjacent vowels belong to separate syllables ("Melde-amt").
const VOWEL_GROUP = /[aeiouyäöü]+/giu;
const ONE_NUCLEUS = new Set(["ei", "ie", "au", "eu", "äu", "ai", "ey", "ay", "aa", "ee", "oo"]);

export function countSyllables(word: string): number {
  let count = 0;
  for (const group of word.toLowerCase().match(VOWEL_GROUP) ?? []) {
    for (let i = 0; i < group.length; i++, count++) {
      if (ONE_NUCLEUS.has(group.slice(i, i + 2))) i++;
    }
  }
  return Math.max(1, count);
}

export function fleschAmstad(text: string): Readability {
  const words = findWords(text).filter((w) => /\p{L}/u.test(w.text));
  const sentences = Math.max(1, text.split(/[.!?]+(?=\s|$)|\n{2,}/u).filter((s) => /\p{L}/u.test(s)).length);
  const syllables = words.reduce((sum, w) => sum + countSyllables(w.text), 0);
  if (words.length === 0) return { score: 100, words: 0, sentences: 0, syllables: 0 };
  const score = 180 - words.length / sentences - 58.5 * (syllables / words.length);
  return { score: Math.round(Math.max(0, Math.min(100, score)) * 10) / 10, words: words.length, sentences, syllables };
}
