// Reading regular expressions as written in draht's word lists: their top-level alternatives, where a group
// closes, and the words a match can start with. The gates in front of the long expressions (cueWords.ts,
// violenceLexicon.ts) are derived from the expressions themselves this way, so a pattern added later is gated
// too, and one the reader does not understand is refused or left ungated, never silently missed.

/**
 * A pattern's source cut where `separator` stands outside groups and character classes (escapes respected):
 * "|" gives its alternatives (without the bars), " " the parts between its words (each keeps its space; an
 * optional space, " ?", does not cut).
 */
export function splitTopLevel(source: string, separator: "|" | " "): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === separator && depth === 0 && !(separator === " " && source[i + 1] === "?")) {
      parts.push(source.slice(start, separator === " " ? i + 1 : i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The top-level alternatives of a pattern's source. */
export function topLevelAlternatives(source: string): string[] {
  return splitTopLevel(source, "|");
}

/** Where the group opening at `open` closes. */
export function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in ${source}`);
}

/**
 * The patterns of the words an alternative of a phrase can start with, each to be tested against a whole word:
 * "wer nicht hoeren will" → "wer$"; "sorg\\w* dafuer" → "sorg" (a prefix); "(?:du bist|bist du) …" → "du$",
 * "bist$"; an optional group at the start adds the words after it. Throws where an alternative starts with
 * anything else than a word or a group, so the gate cannot silently miss a phrase.
 */
export function phraseStartWords(alternative: string): string[] {
  if (alternative.startsWith("(?:")) {
    const close = closingParen(alternative, 0);
    const inner = alternative.slice(3, close);
    const after = alternative.slice(close + 1);
    const optional = /^(?:\?|\{0,\d+\}|\*)/.exec(after);
    if (optional)
      return [
        ...topLevelAlternatives(inner).flatMap((a) => phraseStartWords(a)),
        ...phraseStartWords(after.slice(optional[0].length).trimStart()),
      ];
    return topLevelAlternatives(inner).flatMap((a) => phraseStartWords(a + after));
  }
  const literal = leadingLiteral(alternative);
  if (!literal) throw new Error(`a phrase must start with a word or a group: ${alternative}`);
  const rest = alternative.slice(literal.length);
  // A word followed by a space or a boundary ends there; one at the end of the phrase may go on ("anfang" in "anfangs").
  // A word followed by an optional space ("kalt ?gemacht") may go on as one word ("kaltgemacht").
  const ends = (rest.startsWith(" ") && !rest.startsWith(" ?")) || rest.startsWith("\\b");
  return [ends ? `${literal}$` : literal];
}

/**
 * The letters an expression starts with, "?" after a letter included ("schlae?g"); where a quantifier follows
 * that may leave out the last of them ("ab*", "a2?", "ab{0,2}"), without that one. Null where there are none.
 */
function leadingLiteral(source: string): string | null {
  const literal = /^[a-z0-9](?:[a-z0-9]|(?<=[a-z])\?)*/.exec(source)?.[0];
  if (!literal) return null;
  if (/^(?:[?*]|\{0,)/.test(source.slice(literal.length))) return literal.length > 1 ? literal.slice(0, -1) : null;
  return literal;
}

/**
 * The words a match of an expression can start with, for each of its top-level alternatives (a leading "\\b"
 * read away), as patterns to test against a whole word; a word part "\\w*(?:messer|…)" stands for the words
 * that hold it. Null where an alternative starts with anything else: an expression that cannot be gated.
 */
export function startWordsOf(source: string): string[] | null {
  const words: string[] = [];
  for (let alternative of topLevelAlternatives(source)) {
    alternative = alternative.replace(/^\\b/, "");
    if (alternative.startsWith("\\w*")) {
      const part = alternative.startsWith("(?:", 3)
        ? alternative.slice(3, closingParen(alternative, 3) + 1)
        : leadingLiteral(alternative.slice(3));
      if (!part) return null;
      words.push(`\\w*${part}`);
      continue;
    }
    try {
      words.push(...phraseStartWords(alternative));
    } catch {
      return null;
    }
  }
  return [...new Set(words)];
}
