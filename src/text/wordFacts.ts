// What the analysers know about a word (its lexicon lists, its sentiment polarity, its classifier
// weights), remembered in one table: words repeat (Zipf), and one lookup per word and text is much
// cheaper than one per word, text and analyser. Each analyser fills its own slot the first time it
// meets the word.

export interface WordFacts {
  /** Lexicon lists as bits (lexicon.ts); -1 until known. */
  lists: number;
  /** Which cue lists the word belongs to, as bits (cueWords.ts); -1 until known. */
  cues: number;
  /** Which of the threat detector's constructions, targets and contexts can hold the word (cueWords.ts); -1 until known. */
  gates: number;
  /** Which intent phrase expressions can hold the word (intent.ts); -1 until known. */
  intents: number;
  /** Sentiment polarity (sentiment.ts); NaN until known. */
  polarity: number;
  /** The word's place in a classifier's pool of per-word weights, and which pool it is (offenseClassifier.ts). */
  scoreSlot: number;
  scoreOwner: unknown;
}

const table = new Map<string, WordFacts>();
const TABLE_LIMIT = 100_000;

export function factsOf(word: string): WordFacts {
  let facts = table.get(word);
  if (facts === undefined) {
    if (table.size >= TABLE_LIMIT) table.clear();
    facts = { lists: -1, cues: -1, gates: -1, intents: -1, polarity: Number.NaN, scoreSlot: -1, scoreOwner: null };
    table.set(word, facts);
  }
  return facts;
}

/** The facts of each word of a list, one lookup per word (a normalised text keeps its list: normalised.wordFacts). */
export function factsOfWords(words: readonly string[]): WordFacts[] {
  const facts = new Array<WordFacts>(words.length);
  for (let i = 0; i < words.length; i++) facts[i] = factsOf(words[i] as string);
  return facts;
}

/** A word's bit fields: which cue lists, gates or expressions it belongs to, -1 until decided. */
type BitField = "cues" | "gates" | "intents";

/** The OR over a text's words of one bit field, each word's bits decided once (`decide`) and remembered. */
export function bitsOfWords(
  words: readonly string[],
  facts: readonly WordFacts[],
  field: BitField,
  decide: (word: string) => number,
): number {
  let bits = 0;
  for (let i = 0; i < words.length; i++) {
    const f = facts[i] as WordFacts;
    if (f[field] < 0) f[field] = decide(words[i] as string);
    bits |= f[field];
  }
  return bits;
}
