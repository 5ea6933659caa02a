// How alike two short texts are, for "asked again" detection: the Dice coefficient of their
// character trigrams after case, punctuation and spacing are ignored (robust to small rewordings).
import { duplicateKey } from "./citizenText.js";

function trigrams(text: string): Map<string, number> {
  const padded = ` ${duplicateKey(text)} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** 1 for the same text, 0 for nothing in common. */
export function textSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, n] of left) {
    shared += Math.min(n, right.get(gram) ?? 0);
    total += n;
  }
  for (const n of right.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}
