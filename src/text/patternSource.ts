// Reading regular expressions as written in draht's word lists: their top-level alternatives, where a group
// closes, and the words a match can start with. The gates in front of the long expressions (cueWords.ts,
// violenceLexicon.ts) are derived from the expressions themselves this way, so a pattern added later is gated
// too, and one the reader does not understand is refused or left ungated, never silently missed.

/** A quantifier that lets what stands before it be left out: "?", "??", "*", "{0,2}", "{0,}". */
const QUANTIFIER = /^(?:[?*]|\{0,)/;
/** The same, as the readers of optional groups cut it off. */
const OPTIONAL = /^(?:\?\??|\*\??|\{0,\d*\}\??)/;

/**
 * A pattern's source cut where `separator` stands outside groups and character classes (escapes respected):
 * "|" gives its alternatives (without the bars), " " the parts between its words (each keeps its space or
 * apostrophe, which parts words as well; an optional space or apostrophe, " ?" or "'?", does not cut).
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
    else if (c === separator && depth === 0 && !(separator === " " && QUANTIFIER.test(source.slice(i + 1)))) {
      parts.push(source.slice(start, separator === " " ? i + 1 : i));
      start = i + 1;
    } else if (separator === " " && c === "'" && depth === 0 && !QUANTIFIER.test(source.slice(i + 1))) {
      // An apostrophe parts words as a space does ("d'luft": "d", "luft").
      parts.push(source.slice(start, i + 1));
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
    const optional = OPTIONAL.exec(after);
    if (optional)
      return [
        ...topLevelAlternatives(inner).flatMap((a) => phraseStartWords(a)),
        ...phraseStartWords(after.slice(optional[0].length).trimStart()),
      ];
    return topLevelAlternatives(inner).flatMap((a) => phraseStartWords(a + after));
  }
  const literal = leadingLiteral(alternative);
  if (!literal) throw new Error(`a phrase must start with a word or a group: ${alternative}`);
  // Groups of letters that go on inside the word belong to it: "um(?:ge|zu)?(?:bring|brach)" starts "umbringen", not
  // every word with "um"; "(?:der|da)(?:schlag|stech)" the Bavarian "derschlagn", not "der".
  let word = literal;
  let rest = alternative.slice(literal.length);
  for (let group = LETTER_GROUP.exec(rest); group && !/^(?:[?*]|\{0,)/.test(rest.slice(group[0].length));) {
    word += group[0];
    rest = rest.slice(group[0].length);
    group = LETTER_GROUP.exec(rest);
  }
  // A word followed by a space or a boundary ends there; one at the end of the phrase may go on ("anfang" in "anfangs").
  // A word followed by an optional space ("kalt ?gemacht") may go on as one word ("kaltgemacht").
  const ends = (rest.startsWith(" ") && !QUANTIFIER.test(rest.slice(1))) || rest.startsWith("\\b");
  return [ends ? `${word}$` : word];
}

/** A group of letters alone inside a word ("(?:ge|zu)?", "(?:schlag|stech)"), with a "?" after it or none. */
const LETTER_GROUP = /^\(\?:(?:[a-z0-9|]|(?<=[a-z])\?)+\)\??/;

/** Words too common to gate on: an anchor made of them would let nearly every text through. */
const COMMON =
  /^(?:der|die|das|den|dem|des|ein|eine?[mnr]?|und|oder|aber|ich|i|du|er|sie|es|wir|mir|ihr|dir|mich|dich|uns|euch|ihm|ihn|ihnen|ihre?[mnrs]?|dein|deine?[mnrs]?|sein|seine?[mnrs]?|eue?r|eure?[mnrs]?|nicht|net|ned|nie|nimmer|kein|keine?[mnrs]?|ist|bin|bist|sind|seid|sei|seien|hab|habe|haben|han|hamm|ham|hat|in|im|ins|an|am|auf|aus|bei|mit|nach|von|vor|zu|zum|zur|um|fuer|was|wos|etwas|wie|wer|wo|wenn|dass|dann|doch|ja|so|noch|mal|man|auch|nur|schon|mehr|wird|werden|werdet|wirst|kann|koe?nnte|als|ganz|gut|genau|zwei|drei|jeden|eines|wieder|nichts|nix|immer|lassen|gibt|macht|ohne|da)$/;

/** Roughly how many texts a word pattern of phraseStartWords lets through. */
function wordCost(pattern: string): number {
  const exact = pattern.endsWith("$");
  const letters = pattern.replace(/.\?|\$$/g, "").length;
  if (COMMON.test(pattern.replace(/\$$/, ""))) return 100;
  // A prefix of one letter ("u" of "u ?m") starts as many words as a common one, one of two ("tu") half as many.
  if (!exact && letters <= 2) return letters === 1 ? 100 : 50;
  return letters <= (exact ? 3 : 5) ? 10 : 1;
}

/** Where a chunk goes on after an optional group of whole words at its start ("(?:ja )?", "(?:\\w+ ){0,2}"), or null. */
function optionalWordsAtStart(chunk: string): number | null {
  if (!chunk.startsWith("(?:")) return null;
  const close = closingParen(chunk, 0);
  const quantifier = OPTIONAL.exec(chunk.slice(close + 1));
  return quantifier && chunk[close - 1] === " " ? close + 1 + quantifier[0].length : null;
}

/** The chunks of an alternative between its top-level spaces: each starts where a word starts. */
function topLevelChunks(alternative: string): string[] {
  return splitTopLevel(alternative, " ").filter((chunk) => chunk.trim() !== "");
}

/**
 * The words one of which every match of an alternative holds, as whole-word patterns (phraseStartWords): those
 * of one part every match must pass through, the part with the fewest common words ("der anfang" → "anfang",
 * "(?:wenn|dass) … passiert" → "passiert"). Parts that may be skipped or start with a wildcard are not used.
 * Throws where no part will do, so the gate cannot silently miss a phrase.
 */
export function phraseAnchorWords(alternative: string): string[] {
  let best: string[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let chunk of topLevelChunks(alternative)) {
    // A group of whole words that may be skipped ("(?:\\w+ ){0,2}", "(?:ja )?") is no anchor: what follows it may be.
    let optional = optionalWordsAtStart(chunk);
    while (optional !== null) {
      chunk = chunk.slice(optional);
      optional = optionalWordsAtStart(chunk);
    }
    if (chunk.trim() === "") continue;
    let words: string[];
    try {
      const close = chunk.startsWith("(?:") ? closingParen(chunk, 0) : -1;
      const after = chunk.slice(close + 1);
      if (close > 0 && !/^(?:[?*]|\{0,)/.test(after)) {
        // A group every match passes through: one of its alternatives, each with its own anchor.
        words = topLevelAlternatives(chunk.slice(3, close)).flatMap((a) => phraseAnchorWords(a + after));
      } else {
        // A word, or one that may begin with an optional part ("(?:ge)?jag…"): the words it starts with.
        words = phraseStartWords(chunk);
      }
    } catch {
      continue;
    }
    // How many texts the part would let through, roughly: a common word costs most, then short words and short
    // prefixes ("ab", "merk" in "Merkel"); on a tie the later part, which is mostly the more telling one.
    const cost = words.reduce((sum, w) => sum + wordCost(w), 0);
    if (cost <= bestCost) {
      best = words;
      bestCost = cost;
    }
  }
  if (!best) throw new Error(`no part of the phrase can anchor it: ${alternative}`);
  return best;
}

/**
 * The letters an expression starts with, "?" after a letter included ("schlae?g"); where a quantifier follows
 * that may leave out the last of them ("ab*", "a2?", "ab{0,2}"), without that one. Null where there are none.
 */
function leadingLiteral(source: string): string | null {
  let literal = /^[a-z0-9](?:[a-z0-9]|(?<=[a-z])\?(?!\?))*/.exec(source)?.[0];
  if (!literal) return null;
  if (QUANTIFIER.test(source.slice(literal.length))) literal = literal.slice(0, -1);
  // A literal all of whose letters may be left out ("e?") holds no letter a match must have.
  return literal.replace(/.\?/g, "") === "" ? null : literal;
}

/**
 * Per top-level alternative of an expression (a leading "\\b" read away), words one of which every match holds,
 * as patterns to test against a whole word: its anchor words (phraseAnchorWords), else the words it starts with;
 * a word part "\\w*(?:messer|…)" stands for the words that hold it. Null where an alternative has neither: an
 * expression that cannot be gated.
 */
export function anchorWordsOf(source: string, bounded = false): string[] | null {
  const words: string[] = [];
  for (let alternative of topLevelAlternatives(source)) {
    // Without a "\\b" in front (its own, or the expression's: `bounded`), a match may begin inside a word: its
    // first word is then a part of one ("kratz" in "zerkratz").
    if (!bounded && !alternative.startsWith("\\b")) alternative = `\\w*${alternative}`;
    alternative = alternative.replace(/^\\b/, "");
    try {
      words.push(...phraseAnchorWords(alternative));
      continue;
    } catch {
      // No part to anchor on: the word it starts with will do.
    }
    if (alternative.startsWith("\\w*")) {
      // A group of letters that every match holds ("\\w*(?:messer|knarren?)"), or a literal.
      const group = LETTER_GROUP.exec(alternative.slice(3))?.[0];
      const part =
        group !== undefined
          ? group.endsWith("?") || QUANTIFIER.test(alternative.slice(3 + group.length))
            ? null
            : group
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

/** Expressions gated on their anchor words (anchorWordsOf): which of them a match can hold a word of. */
export interface AnchorGate {
  /**
   * Bit k: a match of expression k can hold this word (folded), or start at one of its ASCII parts ("\\b" knows
   * only ASCII letters, so a match may start after a "é" inside a word).
   */
  bitsOf(word: string): number;
  /** The expressions that cannot be gated: always to be tried. */
  ungated: number;
}

/**
 * The gate of up to 30 expressions, each given as its alternatives' source ("a|b c|…"); `bounded`: each stands
 * behind a "\\b" of its own ("\\b(?:a|b c|…)").
 */
export function anchorGate(sources: readonly string[], bounded = false): AnchorGate {
  if (sources.length > 30) throw new Error("an anchor gate holds at most 30 expressions");
  const anchors = sources.map((source) => {
    const words = anchorWordsOf(source, bounded);
    return words && new RegExp(`^(?:${words.join("|")})`);
  });
  return {
    ungated: anchors.reduce((mask, anchor, k) => (anchor ? mask : mask | (1 << k)), 0),
    bitsOf(word) {
      const parts = /[^a-z0-9_]/.test(word) ? [word, ...word.split(/[^a-z0-9_]+/).filter((p) => p !== "")] : [word];
      let bits = 0;
      anchors.forEach((anchor, k) => {
        if (anchor && parts.some((part) => anchor.test(part))) bits |= 1 << k;
      });
      return bits;
    },
  };
}
