// Normalisation of German social-media text for analysis: Unicode NFKC, URLs and @mentions masked,
// emoji kept as signals, case folded, leetspeak and masking undone inside words ("Vollidi0t",
// "A*schl0ch"), spaced-out words joined ("a r s c h"), letter runs shortened ("sooooo"), umlaut and ß
// spellings folded. Pure; what counts as a known word for unmasking is a parameter.

export interface NormalisedText {
  /** Lower-case text with URLs as "<url>", mentions as "<user>", obfuscations undone. */
  text: string;
  /** The same with ä/ö/ü/ß folded to ae/oe/ue/ss, for matching word lists whatever the spelling. */
  folded: string;
  /** Words, "<url>", "<user>" and emoji, in order. */
  tokens: string[];
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

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const MENTION_PATTERN = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]{2,}/gu;
const EMOJI_PATTERN = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "€": "e", "!": "i" };
const MASK = /[*#_+.-]/;
const STRONG_MASK = /[*#_+]/;

export function foldUmlauts(text: string): string {
  return text.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
}

/** Lower case, umlauts and ß folded, so "Müll", "muell" and "MÜLL" meet (keywords, word lists). */
export function foldGerman(text: string): string {
  return foldUmlauts(text.normalize("NFKC").toLocaleLowerCase("de-DE"));
}

export function normaliseText(input: string, options: { vocabulary?: readonly string[] } = {}): NormalisedText {
  let urls = 0;
  let mentions = 0;
  let text = input.normalize("NFKC").replace(/\|LBR\|/g, " ");
  text = text.replace(URL_PATTERN, () => (urls++, " <url> "));
  text = text.replace(MENTION_PATTERN, (_m, before: string) => (mentions++, `${before} <user> `));
  const emoji = text.match(EMOJI_PATTERN) ?? [];
  text = text.replace(EMOJI_PATTERN, (e) => ` ${e} `);
  const letters = text.replace(/<url>|<user>/g, "").match(/\p{L}/gu) ?? [];
  const upper = letters.filter((l) => l !== l.toLowerCase()).length;
  const exclamations = (text.match(/!/g) ?? []).length;
  const questionMarks = (text.match(/\?/g) ?? []).length;
  text = text.toLocaleLowerCase("de-DE");
  const counters = { elongated: 0, deobfuscated: 0 };
  text = joinSpacedLetters(text, counters);
  const vocabulary = (options.vocabulary ?? []).map((w) => w.toLocaleLowerCase("de-DE"));
  const words = text.split(/\s+/).filter(Boolean).map((word) => cleanWord(word, vocabulary, counters));
  text = words.join(" ");
  const tokens = text.match(/<url>|<user>|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*|[\p{L}\p{N}]+/gu) ?? [];
  return {
    text,
    folded: foldUmlauts(text),
    tokens,
    signals: {
      emoji,
      urls,
      mentions,
      shouting: letters.length >= 8 ? Math.round((upper / letters.length) * 100) / 100 : 0,
      exclamations,
      questionMarks,
      elongated: counters.elongated,
      deobfuscated: counters.deobfuscated,
    },
  };
}

/** "a r s c h" and "A.r.s.c.h" (three or more single letters in a row) become one word. */
function joinSpacedLetters(text: string, counters: { deobfuscated: number }): string {
  return text.replace(/(?<![\p{L}\p{N}])\p{L}(?:[ .·*_-]\p{L}){2,}(?![\p{L}\p{N}])/gu, (run) => {
    counters.deobfuscated++;
    return run.replace(/[ .·*_-]/g, "");
  });
}

function cleanWord(word: string, vocabulary: readonly string[], counters: { elongated: number; deobfuscated: number }): string {
  if (word === "<url>" || word === "<user>") return word;
  // Keep punctuation around the word; work on its core.
  const match = /^([^\p{L}\p{N}*@$€]*)(.*?)([^\p{L}\p{N}*@$€]*)$/u.exec(word);
  const [, before = "", rawCore = "", after = ""] = match ?? [];
  let core = rawCore;
  const hasLetters = /\p{L}/u.test(core);
  // Leetspeak only where a digit or sign stands between letters ("vollidi0t"), not in "A7" or "B52".
  if (/\p{L}[013457@$€!]+\p{L}/u.test(core)) {
    const unleeted = [...core].map((ch, i, all) => (ch === "!" && i === all.length - 1 ? ch : (LEET[ch] ?? ch))).join("");
    if (unleeted !== core) counters.deobfuscated++;
    core = unleeted;
  }
  // Asterisks and the like always mask; dots and hyphens only when a known word fits ("z.B.", "E-Mail" stay).
  if (hasLetters && (STRONG_MASK.test(core) || (MASK.test(core) && knownFor(core, vocabulary)))) {
    const restored = unmask(core, vocabulary);
    if (restored !== core) counters.deobfuscated++;
    core = restored;
  }
  const shortened = core.replace(/(\p{L})\1{2,}/gu, "$1$1");
  if (shortened !== core) counters.elongated++;
  return `${before}${shortened}${after}`;
}

/**
 * A word with masking characters inside ("a*schloch", "idi#t"): a known word it can stand for (each mask
 * character for one to three letters), else the word with the masks removed.
 */
function unmask(core: string, vocabulary: readonly string[]): string {
  const inner = /^(\p{L}[\p{L}*#_+.-]*\p{L}|\p{L}[*#_+.-]+)$/u;
  if (!inner.test(core)) return core;
  return knownFor(core, vocabulary) ?? core.replace(/[*#_+.-]/g, "");
}

function knownFor(core: string, vocabulary: readonly string[]): string | undefined {
  if (vocabulary.length === 0) return undefined;
  const pattern = new RegExp(`^${core.replace(/[.+\-#_]/g, "*").replace(/[\\^$|?()[\]{}]/g, "\\$&").replace(/\*+/g, "\\p{L}{1,3}")}$`, "u");
  return vocabulary.find((w) => pattern.test(w));
}
