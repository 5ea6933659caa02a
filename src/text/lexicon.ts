// Lexicons of German insults, slurs, profanity and violence words, matched on the normalised, folded
// text (so "A*schl0ch", "IDIOOOT" and "a r s c h" meet them), with compounds: a long, unambiguous stem
// counts anywhere in a word ("Vollidiot", "Idiotenpartei"), a short one only as a whole word with its
// endings ("Depp", "Deppen", not "Depot"). Written for draht from common usage; no external list.
import { CUE, cueBitsOfText } from "./cueWords.js";
import { LETTER } from "./letters.js";
import { VIOLENCE_WORD_FORMS } from "./threat/violenceWordForms.js";
import { foldUmlauts, type NormalisedText } from "./normalise.js";
import { factsOf, type WordFacts } from "./wordFacts.js";

export type LexiconList = "insult" | "slur" | "profanity" | "violence";

/** Matched anywhere inside a word (compounds). */
const ANYWHERE: Record<LexiconList, string[]> = {
  insult: [
    "idiot",
    "arschloch",
    "arschgeige",
    "wichser",
    "hurensohn",
    "missgeburt",
    "schwachkopf",
    "vollpfosten",
    "trottel",
    "drecksau",
    "drecksack",
    "dreckspack",
    "dreckschwein",
    "drecksvolk",
    "abschaum",
    "gesindel",
    "schmarotzer",
    "vollhonk",
    "spacko",
    "spasti",
    "bastard",
    "schlampe",
    "dummkopf",
    "hohlkopf",
    "knallkopf",
    "hirnlos",
    "hirnverbrannt",
    "hirnamputiert",
    "geisteskrank",
    "vollspast",
    "pissnelke",
    "dumpfbacke",
    "witzfigur",
    "versager",
    "luegenpresse",
    "volksverraeter",
    "schwachmat",
    "pfosten",
    "armleuchter",
    "blindgaenger",
    "mistkerl",
    "mistgeburt",
    "drecksfotze",
    "wixer",
    "wixxer",
    "gutmensch",
    "bonzen",
    "heuchler",
    "kasperle",
    "lackaffe",
    "vollpfeife",
    "hackfresse",
    "dummschwaetzer",
    "schwachsinn",
  ],
  slur: [
    "kanake",
    "kanacke",
    "schwuchtel",
    "kinderficker",
    "volksschaedling",
    "untermensch",
    "musel",
    "kopftuchmaedchen",
    "asylant",
    "ziegenficker",
    "zigeuner",
    "judensau",
    "negerkind",
    "nafri",
    "rapefugee",
    "messermann",
    "goldstueck",
  ],
  profanity: [
    "scheiss",
    "scheiß",
    "kacke",
    "fick",
    "fuck",
    "verdammt",
    "kotz",
    "pisse",
    "titten",
    "arschkriecher",
    "shit",
  ],
  violence: [
    "erschiess",
    "erschoss",
    "abknall",
    "abstech",
    "umbring",
    "umgebracht",
    "aufhaeng",
    "aufgehaengt",
    "erhaeng",
    "vergas",
    "abfackel",
    "anzuend",
    "abschlacht",
    "massaker",
    "lynch",
    "galgen",
    "guillotine",
    "gaskammer",
    "sprengstoff",
    "bombe",
    "totschlag",
    "totschlaeg",
    "erstech",
    "erwuerg",
    "kopfschuss",
    "hinricht",
    "verpruegel",
    "pruegel",
    "zusammenschlag",
  ],
};

/** Whole words, with common endings (-e, -en, -n, -s, -er, -es). */
const WHOLE_WORD: Record<LexiconList, string[]> = {
  insult: [
    "depp",
    "arsch",
    "penner",
    "spast",
    "pisser",
    "fotze",
    "sau",
    "schwein",
    "ratte",
    "zecke",
    "dumm",
    "bloed",
    "doof",
    "asozial",
    "asi",
    "assi",
    "clown",
    "affe",
    "pack",
    "pfeife",
    "lauch",
    "honk",
    "opfer",
    "flachpfeife",
    "nazi",
    "faschist",
    "verbrecher",
    "luegner",
    "dreck",
    "kasper",
    "vogel",
    "trulla",
    "tussi",
    "lutscher",
  ],
  slur: ["neger", "nigger", "kuffnucke", "schlitzauge", "tunte"],
  profanity: [
    "mist",
    "arsch",
    "wtf",
    "scheisse",
    "scheiße",
    "kacke",
    "kack",
    "fuck",
    "fucking",
    "verfickt",
    "verdammte",
  ],
  violence: [
    "toeten",
    "toete",
    "mord",
    "morde",
    "ermorden",
    "waffe",
    "waffen",
    "knarre",
    "messer",
    "kugel",
    "strick",
    "blut",
    "krepieren",
    "verrecken",
    "verreck",
    "abmurksen",
  ],
};

const ENDINGS = ["innen", "ern", "en", "er", "es", "in", "e", "n", "s"];
const LISTS = ["insult", "slur", "profanity", "violence"] as const;
const RUN = new RegExp(`([${LETTER}])\\1+`, "g");
const collapseRuns = (text: string) => text.replace(RUN, "$1");
/** The compound stems indexed by their first three letters, so a word is scanned once per position. */
const STEM_INDEX = new Map<string, { stem: string; list: LexiconList }[]>();
for (const list of LISTS) {
  for (const word of ANYWHERE[list]) {
    for (const stem of new Set([word, collapseRuns(word)])) {
      const key = stem.slice(0, 3);
      STEM_INDEX.set(key, [...(STEM_INDEX.get(key) ?? []), { stem, list }]);
    }
  }
}

function compoundLists(word: string): number {
  let found = 0;
  for (let i = 0; i + 3 <= word.length; i++) {
    const candidates = STEM_INDEX.get(word.slice(i, i + 3));
    if (candidates) for (const c of candidates) if (word.startsWith(c.stem, i)) found |= BIT[c.list];
  }
  return found;
}

function hasDoubleLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}
/** Whole words → the lists they are on (bits). */
const WHOLE = new Map<string, number>();
const BIT: Record<LexiconList, number> = { insult: 1, slur: 2, profanity: 4, violence: 8 };
for (const list of LISTS) for (const word of WHOLE_WORD[list]) WHOLE.set(word, (WHOLE.get(word) ?? 0) | BIT[list]);
const WORD = new RegExp(`[${LETTER}]+`, "g");

export interface LexiconHit {
  list: LexiconList;
  word: string;
}

function wholeWordLists(word: string): number {
  let found = WHOLE.get(word) ?? 0;
  for (const ending of ENDINGS)
    if (word.length > ending.length + 2 && word.endsWith(ending))
      found |= WHOLE.get(word.slice(0, -ending.length)) ?? 0;
  return found;
}

function listsOfWord(word: string): number {
  const collapsed = hasDoubleLetter(word) ? collapseRuns(word) : word;
  let found = compoundLists(word) | wholeWordLists(word);
  if (collapsed !== word) found |= compoundLists(collapsed) | wholeWordLists(collapsed);
  return found;
}

/** What lists a word is on, remembered in the word table (words repeat). */
function listsOf(word: string, facts: WordFacts): number {
  if (facts.lists < 0) facts.lists = listsOfWord(word);
  return facts.lists;
}

/**
 * Every lexicon word in the text, per word; elongations ("IDIOOOT") are found by collapsing letter runs.
 * Reads the normalised text's words when it has them, else splits the folded text.
 */
export function lexiconHits(
  normalised: Pick<NormalisedText, "folded"> & Partial<Pick<NormalisedText, "words" | "wordFacts">>,
): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const words = normalised.words ?? normalised.folded.match(WORD) ?? [];
  const facts = normalised.words ? normalised.wordFacts : undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.length < 3 || word.charCodeAt(0) === 60 /* "<url>", "<user>" */) continue;
    const found = listsOf(word, facts ? (facts[i] as WordFacts) : factsOf(word));
    if (found !== 0) for (const list of LISTS) if (found & BIT[list]) hits.push({ list, word });
  }
  return hits;
}

/** Words that masked spellings ("A*schl0ch", "Id#ot") are restored to before matching. */
export const MASKABLE_WORDS: readonly string[] = [
  ...ANYWHERE.insult.filter((w) => w.length >= 5),
  ...WHOLE_WORD.insult.filter((w) => w.length >= 4),
  ...ANYWHERE.slur,
  ...ANYWHERE.profanity,
  "scheisse",
  "arsch",
  "fotze",
  "vollidiot",
  // Last, so a mask that fits an insult is read as before: "abgest*chen", "ver.ge.wal.tigt". Only words of violence
  // (the threat detector's word gate) of nine letters or more: a short mask of an everyday word ("Sch***e",
  // "ver***t", "K***en", "J**en", "N***er") must not be guessed to be violence ("schände", "vergast", "köpfen").
  ...VIOLENCE_WORD_FORMS.filter((w) => w.length >= 9 && (cueBitsOfText(foldUmlauts(w)) & CUE.violence) !== 0),
];
