// Counting, inside sentences (not at their opening word, where German capitalises every word), how often each
// word form is written in lower case and how often with a capital: nouns and names come capitalised, verbs,
// adjectives and adverbs in lower case. Texts that never capitalise a word inside a sentence carry no such
// signal ("fröhlicher gruß aus der stadt") and are skipped, as are words in capitals, with digits or inner
// capitals ("BVerfG", "iPhone").
import { sentenceOpenings } from "../sentenceOpenings.js";
import { findWords } from "../tokens.js";

export interface CaseCounts {
  lower: number;
  capitalised: number;
}

const LETTERS = /^\p{L}+(?:[-'’]\p{L}+)*$/u;

function caseOf(word: string): "lower" | "capitalised" | undefined {
  if (!LETTERS.test(word) || word.length < 2) return undefined;
  const lower = word.toLowerCase();
  if (word === lower) return "lower";
  if (word === lower.charAt(0).toUpperCase() + lower.slice(1)) return "capitalised";
  return undefined;
}

/** Per lower-case word form, how often it was written in lower case and how often capitalised. */
export function countCases(texts: Iterable<string>): Map<string, CaseCounts> {
  const counts = new Map<string, CaseCounts>();
  for (const text of texts) {
    const words = findWords(text);
    const openings = sentenceOpenings(text, words);
    const inside = words
      .filter((word) => !openings.has(word.start))
      .map((word) => ({ form: word.text.toLowerCase(), kind: caseOf(word.text) }));
    if (!inside.some((word) => word.kind === "capitalised")) continue;
    for (const { form, kind } of inside) {
      if (!kind) continue;
      const count = counts.get(form) ?? { lower: 0, capitalised: 0 };
      count[kind] += 1;
      counts.set(form, count);
    }
  }
  return counts;
}
