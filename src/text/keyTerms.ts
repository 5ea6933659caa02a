// What a message is about, as a few key terms: German nouns are written with a capital letter, so the
// capitalised words that are not function words, greetings or general nouns — and hashtags — are the
// candidates; each is keyed by its Snowball stem (hyphenated compounds part by part: "Kita-Plätze" and
// "Kita-Platz" are one term), the first few in the order they appear. A sentence's opening word is capitalised
// whatever it is ("Gilt das auch am Wochenende?", "Spannend, was Sie machen."): there a word counts only when
// its lower-case form is not one that writers put in lower case inside sentences (models/lowercase-words.json,
// counted from GermEval 2018 and GAHD by train/build-lowercase-words.ts), or when it is spelt like a noun that
// verbs share ("Arbeiten an der Hauptstraße", "Parken in der Altstadt") and no subject follows it as one would a
// verb opening a question or request ("Arbeiten Sie auch samstags?"). Pure.
import lowercaseWordsFile from "./models/lowercase-words.json" with { type: "json" };
import { sentenceOpenings } from "./sentenceOpenings.js";
import { stemGerman } from "./stem.js";
import { findHashtags, findWords, type Span } from "./tokens.js";

export interface KeyTerm {
  /** The term's key: its stem in lower case ("kita-platz"). */
  key: string;
  /** How the text wrote it ("Kita-Plätze"). */
  surface: string;
}

export const MAX_KEY_TERMS = 3;

// Words that open German sentences, greet, or are too general to say what a message is about.
const NOT_TOPICS = new Set(
  `aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bereits bis bitte bin bist
  da dabei dadurch dafür daher damit dann darum das dass davon dazu dein deine dem den denn der deren des deshalb
  dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines
  einfach er es etwas euch euer eure für ganz gar gegen genau gerade gern gerne gibt habe haben hat hatte hätte
  heute hier hin ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer in ist ja jede jeden jeder jedes jemand
  jetzt kann kein keine keinen können könnte leider man manche mehr mein meine meinem meinen meiner mich mir mit
  morgen muss müssen nach nein nicht nichts noch nun nur ob oder ohne schon sehr sein seine seit sich sie sind so
  solche soll sollte sonst sowie statt über um und uns unser unsere unter viel viele vielen vielleicht vom von vor
  während wann war waren warum was weil welche welcher wenn wer werden wie wieder wieso will wir wird wo wurde
  wurden zu zum zur zwar zwischen hallo danke dank vielen liebe lieber liebes sehr geehrte geehrter geehrtes guten
  gute guter tag morgen abend grüße gruß freundliche freundlichen beste besten herzliche herzlichen toll super
  schön schade klasse prima echt wirklich endlich eigentlich bestimmt sicher natürlich warum weshalb gestern
  ihnen sie ihr euch frage fragen antwort info hinweis herr frau leute bürger bürgerin bürgerinnen stadt
  stadtverwaltung verwaltung team vielleicht übrigens ok okay ah oh na naja jahr jahre jahren tag tage tagen
  woche wochen monat monate monaten zeit mal seite ende anfang sache sachen problem probleme beteiligten menschen
  leute dinge ding grund art weise fall`.split(/\s+/),
);

// Words that can open a verb's subject or object right after it: pronouns, articles, determiners, possessives.
const SUBJECT_OPENERS = new Set(
  `ich du er sie es wir ihr man mich dich sich uns euch mir dir ihm ihn ihnen jemand niemand jemanden niemanden
  der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines dies diese
  dieser dieses diesen diesem jene jener jenes jenen jenem alle allen aller jeder jede jedes jeden jedem`.split(/\s+/),
);
const POSSESSIVE = /^(?:mein|dein|sein|ihr|unser|euer|eur)(?:e|en|em|er|es)?$/u;

const CAPITALISED = /^\p{Lu}/u;
const LOWER_CASE = /^\p{Ll}/u;
// Nouns spelt like a verb's infinitive or plural: "Arbeiten", "Parken", "Wandern".
const INFINITIVE_LIKE = /n$/u;

/** Word forms written in lower case inside sentences: verbs, adjectives, adverbs ("gilt", "spannend"). */
export const LOWERCASE_WORDS: ReadonlySet<string> = new Set(lowercaseWordsFile.words);
/** Those of them that writers also capitalise inside sentences, as nouns ("das Sagen", "die Arbeiten"). */
export const ALSO_NOUNS: ReadonlySet<string> = new Set(lowercaseWordsFile.alsoNouns);

export interface OpenerLists {
  lowercaseWords: ReadonlySet<string>;
  alsoNouns: ReadonlySet<string>;
}

const OPENER_LISTS: OpenerLists = { lowercaseWords: LOWERCASE_WORDS, alsoNouns: ALSO_NOUNS };

/** Whether a sentence's opening word, capitalised as every opening word is, is a noun here by its spelling and
 *  what follows: a verb opening a question or request has its subject or object next ("Arbeiten Sie …"). */
function openerIsNoun(text: string, words: Span[], index: number, lists: OpenerLists): boolean {
  const word = words[index];
  const next = words[index + 1];
  if (!word) return false;
  const lower = word.text.toLowerCase();
  if (!lists.lowercaseWords.has(lower)) return true;
  if (!lists.alsoNouns.has(lower) || !INFINITIVE_LIKE.test(lower) || !next) return false;
  if (!/^\s+$/u.test(text.slice(word.end, next.start)) || !LOWER_CASE.test(next.text)) return false;
  const following = next.text.toLowerCase();
  return !SUBJECT_OPENERS.has(following) && !POSSESSIVE.test(following);
}

function keyOf(word: string): string {
  return word
    .split(/[-'’]/)
    .map((part) => stemGerman(part.toLowerCase()))
    .join("-");
}

/** `lists` is a parameter for measuring the rule (eval-key-terms.ts compares with empty sets). */
export function keyTermsOf(text: string, limit = MAX_KEY_TERMS, lists: OpenerLists = OPENER_LISTS): KeyTerm[] {
  const candidates: { at: number; surface: string }[] = [];
  for (const tag of findHashtags(text)) candidates.push({ at: tag.start, surface: tag.text.replace(/^#/, "") });
  const words = findWords(text);
  let openings: Set<number> | undefined; // found only when needed: most capitalised words are in no list
  for (const [index, word] of words.entries()) {
    if (word.text.length < 3 || !CAPITALISED.test(word.text) || /^\p{N}/u.test(word.text)) continue;
    const lower = word.text.toLowerCase();
    if (NOT_TOPICS.has(lower)) continue;
    if (
      lists.lowercaseWords.has(lower) &&
      (openings ??= sentenceOpenings(text, words)).has(word.start) &&
      !openerIsNoun(text, words, index, lists)
    )
      continue;
    candidates.push({ at: word.start, surface: word.text });
  }
  candidates.sort((a, b) => a.at - b.at);
  const terms: KeyTerm[] = [];
  const seen = new Set<string>();
  for (const { surface } of candidates) {
    const key = keyOf(surface);
    if (key.length < 3 || seen.has(key)) continue;
    seen.add(key);
    terms.push({ key, surface });
    if (terms.length >= limit) break;
  }
  return terms;
}

/** A message's key terms as the columns hold them: keys and, in the same order, how the text wrote them. */
export function topicsOf(text: string): { topics: string[]; topicLabels: string[] } {
  const terms = keyTermsOf(text);
  return { topics: terms.map((t) => t.key), topicLabels: terms.map((t) => t.surface) };
}
