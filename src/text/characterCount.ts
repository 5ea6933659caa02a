// Counting characters as each network counts them: graphemes (what a person sees as one character),
// links replaced by a fixed length where the network shortens them, and X's weighted count.
import { findLinks } from "./tokens.js";

export interface CountingRule {
  /** "grapheme": user-perceived characters (Mastodon, Bluesky, website); "weighted": X's rule (CJK and emoji count 2). */
  unit: "grapheme" | "weighted";
  /** Every link counts as this many characters; null = as typed. */
  linkLength: number | null;
}

const segmenter = new Intl.Segmenter("de", { granularity: "grapheme" });

export function countCharacters(text: string, rule: CountingRule): number {
  let count = 0;
  let cursor = 0;
  for (const link of findLinks(text)) {
    count += countPlain(text.slice(cursor, link.start), rule.unit);
    count += rule.linkLength ?? countPlain(link.text, rule.unit);
    cursor = link.end;
  }
  return count + countPlain(text.slice(cursor), rule.unit);
}

function countPlain(text: string, unit: CountingRule["unit"]): number {
  let count = 0;
  for (const { segment } of segmenter.segment(text)) count += unit === "weighted" ? weightOf(segment) : 1;
  return count;
}

// X's weighting: code points in these ranges (Latin, general punctuation) weigh 1, all others 2;
// an emoji sequence (one grapheme) weighs 2 however many code points it has.
const LIGHT_RANGES: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

function weightOf(grapheme: string): number {
  if (/\p{Extended_Pictographic}/u.test(grapheme)) return 2;
  const codePoint = grapheme.codePointAt(0) ?? 0;
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}
