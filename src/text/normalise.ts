// Normalisation of German social-media text for analysis: Unicode NFKC, URLs and @mentions masked,
// emoji kept as signals, case folded, leetspeak and masking undone inside words ("Vollidi0t",
// "A*schl0ch"), spaced-out words joined ("a r s c h"), letter runs shortened ("sooooo"), umlaut and ß
// spellings folded. Pure; what counts as a known word for unmasking is a parameter.

export interface NormalisedText {
  /** Lower-case text with URLs as "<url>", mentions as "<user>", obfuscations undone. */
  readonly text: string;
  /** The same with ä/ö/ü/ß folded to ae/oe/ue/ss, for matching word lists whatever the spelling. */
  readonly folded: string;
  /** Words, "<url>", "<user>" and emoji, in order. */
  readonly tokens: string[];
  /** The words of the folded text (letters and digits) with "<url>" and "<user>", in order: what the classifiers, lexicons and sentiment read. */
  readonly words: string[];
  /** What the analysers know of each of those words (wordFacts.ts), looked up once per text. */
  readonly wordFacts: WordFacts[];
  signals: {
    emoji: string[];
    urls: number;
    mentions: number;
    /** Share of upper-case letters among the letters (0 … 1), counted before folding. */
    shouting: number;
    exclamations: number;
    questionMarks: number;
    /** Words whose letter runs were shortened ("neiiiin"). */
    elongated: number;
    /** Words that were unmasked, de-leeted or joined. */
    deobfuscated: number;
  };
}

import { LETTER, LETTER_OR_DIGIT } from "./letters.js";
import { factsOfWords, type WordFacts } from "./wordFacts.js";

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const MENTION_PATTERN = new RegExp(`(^|[^${LETTER_OR_DIGIT}_])@[${LETTER_OR_DIGIT}_.]{2,}`, "g");
const EMOJI_PATTERN = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "€": "e",
  "!": "i",
};
const MASK = /[*#_+.-]/;
const STRONG_MASK = /[*#_+]/;

const UMLAUT = /[äöüß]/g;
const FOLDED: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

const HAS_UMLAUT = /[äöüß]/;
export function foldUmlauts(text: string): string {
  return HAS_UMLAUT.test(text) ? text.replace(UMLAUT, (ch) => FOLDED[ch] ?? ch) : text;
}

/** Lower case, umlauts and ß folded, so "Müll", "muell" and "MÜLL" meet (keywords, word lists). */
export function foldGerman(text: string): string {
  return foldUmlauts(text.normalize("NFKC").toLocaleLowerCase("de-DE"));
}

// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: "anything above U+2000"
const HAS_NON_ASCII_SYMBOLS = /[^\x00-\u2000]/;
/** A digit, sign or mask character between letters: only then does a word need cleaning word by word. */
const NEEDS_WORD_CLEANING = new RegExp(`[${LETTER}][013457@$€!*#_+.-]+[${LETTER}]|[*#_+][${LETTER}]|[${LETTER}][*#_+]`);
const TOKEN = new RegExp(
  `<url>|<user>|\\p{Extended_Pictographic}(?:\\uFE0F|\\u200D\\p{Extended_Pictographic})*|[${LETTER_OR_DIGIT}]+`,
  "gu",
);
const SPACED_LETTERS = new RegExp(
  `(?<![${LETTER_OR_DIGIT}])[${LETTER}](?:[ .·*_-][${LETTER}]){2,}(?![${LETTER_OR_DIGIT}])`,
  "g",
);
const WORD_CORE = new RegExp(`^([^${LETTER_OR_DIGIT}*@$€]*)(.*?)([^${LETTER_OR_DIGIT}*@$€]*)$`);
const ANY_LETTER = new RegExp(`[${LETTER}]`);
const LEET_INSIDE = new RegExp(`[${LETTER}][013457@$€!]+[${LETTER}]`);
const MASKED_WORD = new RegExp(`^([${LETTER}][${LETTER}*#_+.-]*[${LETTER}]|[${LETTER}][*#_+.-]+)$`);
/** ASCII and the Latin-1 letters (À–ÿ): NFKC changes none of them, so the (costly) normalisation is skipped. */
// eslint-disable-next-line no-control-regex -- all of ASCII, control characters included
const NFKC_STABLE = /^[\x00-\x7f\u00c0-\u00ff]*$/;
const LETTER_RUN = new RegExp(`([${LETTER}])\\1{2,}`, "g");

/** Letters with case and upper-case letters among them ("Ä" counts, "ß" and digits do not), with "!" and "?". */
function countSurface(text: string): { letters: number; upper: number; exclamations: number; questionMarks: number } {
  let letters = 0;
  let upper = 0;
  let exclamations = 0;
  let questionMarks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) letters++;
    else if (code >= 65 && code <= 90) {
      letters++;
      upper++;
    } else if (code === 33) exclamations++;
    else if (code === 63) questionMarks++;
    else if (code >= 0xc0) {
      const ch = text[i] as string;
      const lower = ch.toLowerCase();
      if (lower !== ch.toUpperCase()) {
        letters++;
        if (lower !== ch) upper++;
      }
    }
  }
  return { letters, upper, exclamations, questionMarks };
}

/** Three equal characters in a row: only then can a letter run need shortening (most texts have none). */
function hasTripleCharacter(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** What \s matches in a JavaScript regular expression. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whitespace other than single spaces between words: only then is it collapsed. */
function needsWhitespaceCollapse(text: string): boolean {
  if (text.length === 0) return false;
  if (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1))) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 ? text.charCodeAt(i + 1) === 32 : isSpace(code)) return true;
  }
  return false;
}

const NEEDS_WORD_CLEANING_ALL = new RegExp(NEEDS_WORD_CLEANING.source, "g");
/** The words of a text as `words` cuts them (letters and digits), with "<url>" and "<user>"; global. */
export const WORD_TOKEN = new RegExp(`<url>|<user>|[${LETTER_OR_DIGIT}]+`, "g");

/**
 * The words that hold a digit, sign or mask between letters, cleaned one by one; the rest of the text is
 * copied as it is (one scan of the text, not one call per word).
 */
function cleanWords(
  text: string,
  vocabulary: readonly string[],
  counters: { elongated: number; deobfuscated: number },
): string {
  let result = "";
  let copied = 0;
  NEEDS_WORD_CLEANING_ALL.lastIndex = 0;
  for (let match = NEEDS_WORD_CLEANING_ALL.exec(text); match !== null; match = NEEDS_WORD_CLEANING_ALL.exec(text)) {
    let start = match.index;
    while (start > copied && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = match.index + match[0].length;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    result += text.slice(copied, start) + cleanWord(text.slice(start, end), vocabulary, counters);
    copied = end;
    NEEDS_WORD_CLEANING_ALL.lastIndex = end;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

export function normaliseText(input: string, options: { vocabulary?: readonly string[] } = {}): NormalisedText {
  let urls = 0;
  let mentions = 0;
  let text = NFKC_STABLE.test(input) ? input : input.normalize("NFKC");
  if (text.includes("|LBR|")) text = text.replace(/\|LBR\|/g, " ");
  if (/https?:|www\./i.test(text)) text = text.replace(URL_PATTERN, () => (urls++, " <url> "));
  if (text.includes("@"))
    text = text.replace(MENTION_PATTERN, (_m, before: string) => (mentions++, `${before} <user> `));
  let emoji: string[] = [];
  if (HAS_NON_ASCII_SYMBOLS.test(text)) {
    emoji = text.match(EMOJI_PATTERN) ?? [];
    if (emoji.length > 0) text = text.replace(EMOJI_PATTERN, (e) => ` ${e} `);
  }
  const surface = countSurface(text);
  // The placeholders' own lower-case letters ("<url>", "<user>") are not the writer's.
  const letters = surface.letters - 3 * urls - 4 * mentions;
  // German needs no locale-specific lower-casing (toLocaleLowerCase is many times slower).
  text = text.toLowerCase();
  const counters = { elongated: 0, deobfuscated: 0 };
  text = joinSpacedLetters(text, counters);
  if (NEEDS_WORD_CLEANING.test(text)) text = cleanWords(text, lowerCased(options.vocabulary ?? []), counters);
  if (hasTripleCharacter(text)) text = text.replace(LETTER_RUN, (run) => (counters.elongated++, run.slice(0, 2)));
  if (needsWhitespaceCollapse(text)) text = text.replace(/\s+/g, " ").trim();
  return new Normalised(text, foldUmlauts(text), {
    emoji,
    urls,
    mentions,
    shouting: letters >= 8 ? Math.round((surface.upper / letters) * 100) / 100 : 0,
    exclamations: surface.exclamations,
    questionMarks: surface.questionMarks,
    elongated: counters.elongated,
    deobfuscated: counters.deobfuscated,
  });
}

/** A normalised text; its token and word lists are computed when first asked for (not every reader needs them). */
class Normalised implements NormalisedText {
  #tokens: string[] | undefined;
  #words: string[] | undefined;
  #wordFacts: WordFacts[] | undefined;

  constructor(
    readonly text: string,
    readonly folded: string,
    readonly signals: NormalisedText["signals"],
  ) {}

  get tokens(): string[] {
    return (this.#tokens ??= this.text.match(this.signals.emoji.length > 0 ? TOKEN : WORD_TOKEN) ?? []);
  }

  get words(): string[] {
    return (this.#words ??= this.folded.match(WORD_TOKEN) ?? []);
  }

  get wordFacts(): WordFacts[] {
    return (this.#wordFacts ??= factsOfWords(this.words));
  }
}

const lowerCasedLists = new WeakMap<readonly string[], readonly string[]>();
function lowerCased(list: readonly string[]): readonly string[] {
  let lower = lowerCasedLists.get(list);
  if (!lower) lowerCasedLists.set(list, (lower = list.map((w) => w.toLocaleLowerCase("de-DE"))));
  return lower;
}

/** "a r s c h" and "A.r.s.c.h" (three or more single letters in a row) become one word. */
function joinSpacedLetters(text: string, counters: { deobfuscated: number }): string {
  return text.replace(SPACED_LETTERS, (run) => {
    counters.deobfuscated++;
    return run.replace(/[ .·*_-]/g, "");
  });
}

function cleanWord(
  word: string,
  vocabulary: readonly string[],
  counters: { elongated: number; deobfuscated: number },
): string {
  if (word === "<url>" || word === "<user>") return word;
  // Keep punctuation around the word; work on its core.
  const match = WORD_CORE.exec(word);
  const [, before = "", rawCore = "", after = ""] = match ?? [];
  let core = rawCore;
  const hasLetters = ANY_LETTER.test(core);
  // Leetspeak only where a digit or sign stands between letters ("vollidi0t"), not in "A7" or "B52".
  if (LEET_INSIDE.test(core)) {
    const unleeted = [...core]
      .map((ch, i, all) => (ch === "!" && i === all.length - 1 ? ch : (LEET[ch] ?? ch)))
      .join("");
    if (unleeted !== core) counters.deobfuscated++;
    core = unleeted;
  }
  // Asterisks and the like always mask; dots and hyphens only when a known word fits ("z.B.", "E-Mail" stay).
  if (hasLetters && (STRONG_MASK.test(core) || (MASK.test(core) && knownFor(core, vocabulary)))) {
    const restored = unmask(core, vocabulary);
    if (restored !== core) counters.deobfuscated++;
    core = restored;
  }
  const shortened = core.replace(LETTER_RUN, (run) => run.slice(0, 2));
  if (shortened !== core) counters.elongated++;
  return `${before}${shortened}${after}`;
}

/**
 * A word with masking characters inside ("a*schloch", "idi#t"): a known word it can stand for (each mask
 * character for one to three letters), else the word with the masks removed.
 */
function unmask(core: string, vocabulary: readonly string[]): string {
  const inner = MASKED_WORD;
  if (!inner.test(core)) return core;
  return knownFor(core, vocabulary) ?? core.replace(/[*#_+.-]/g, "");
}

const knownCache = new WeakMap<readonly string[], Map<string, string | undefined>>();

function knownFor(core: string, vocabulary: readonly string[]): string | undefined {
  if (vocabulary.length === 0) return undefined;
  let cache = knownCache.get(vocabulary);
  if (!cache) knownCache.set(vocabulary, (cache = new Map()));
  if (cache.has(core)) return cache.get(core);
  if (cache.size > 20_000) cache.clear();
  const found = searchVocabulary(core, vocabulary);
  cache.set(core, found);
  return found;
}

function searchVocabulary(core: string, vocabulary: readonly string[]): string | undefined {
  // An asterisk (or #, _, +) hides one to three letters; a dot or hyphen may also just part the word
  // ("ver.ge.wal.tigt", "abzu.fackeln").
  const pattern = new RegExp(
    `^${core
      .replace(/[\\^$|?()[\]{}]/g, "\\$&")
      .replace(/[*#_+.-]+/g, (run) => (/[*#_+]/.test(run) ? `[${LETTER}]{1,3}` : `[${LETTER}]{0,3}`))}$`,
  );
  return vocabulary.find((w) => pattern.test(w));
}
