// Which words of a text open a sentence: German writes every such word with a capital letter, so there the
// capital says nothing about the part of speech (keyTerms.ts needs to know). A word opens a sentence when it is
// the text's first word, or when the stretch since the previous word holds . ! ? : … or a line break, or ends
// right before it in an opening quote or bracket, or in a dash standing on its own. Links and @mentions in that
// stretch are read as blanks (their dots and colons end nothing). Pure.
import { findLinks, findMentions, findWords, type Span } from "./tokens.js";

const SENTENCE_END = /[.!?:…\n\r]/u;
const OPENING_MARK = /["'„“”‚‘’»«([]$/u;
const LONE_DASH = /(?:^|\s)[-–—]\s*$/u;

/** The start positions (UTF-16) of the words that open a sentence; `words` are the text's findWords. */
export function sentenceOpenings(text: string, words: Span[] = findWords(text)): Set<number> {
  const blanks = [...findLinks(text), ...findMentions(text)];
  const gapBefore = (from: number, to: number) => {
    let gap = text.slice(from, to);
    for (const span of blanks) {
      if (span.end <= from || span.start >= to) continue;
      const start = Math.max(span.start, from) - from;
      const end = Math.min(span.end, to) - from;
      gap = gap.slice(0, start) + " ".repeat(end - start) + gap.slice(end);
    }
    return gap;
  };
  const openings = new Set<number>();
  let previousEnd: number | undefined;
  for (const word of [...words].sort((a, b) => a.start - b.start)) {
    if (previousEnd === undefined) openings.add(word.start);
    else {
      const gap = gapBefore(previousEnd, word.start);
      if (SENTENCE_END.test(gap) || OPENING_MARK.test(gap) || LONE_DASH.test(gap)) openings.add(word.start);
    }
    previousEnd = word.end;
  }
  return openings;
}
