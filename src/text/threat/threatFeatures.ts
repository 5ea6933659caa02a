// The threat model's view of a text: per sentence, which violence concepts, constructions and targets
// stand together (and their pairs), whether the violence is negated in its own part of the sentence or
// inside quotation marks; for the whole text, the contexts (report, counter-speech, question, idiom,
// history, fiction, cooking, sports, civic notice). The features are names, so a person can read why.
import {
  compiledConstructions,
  compiledContexts,
  compiledTargets,
  CONTEXT_BIT,
  CUE_GATE,
  NEGATION,
  NOT_A_NEGATION,
  TARGET_BIT,
} from "./threatCues.js";
import type { Construction, Context, TargetKind } from "./threatCues.js";

/** The constructions that make a threat without a word of violence. */
const STANDALONE_CONSTRUCTIONS = new Set<Construction>(["intimidation", "veiled", "legalise"]);
import { conceptsIn, CUE, cueBitsOf, gatesOf, phraseIn, readWords } from "../cueWords.js";
import type { NormalisedText } from "../normalise.js";
import {
  type ConceptHit,
  type ViolenceConcept,
  violenceConcepts,
  WEAPON_EMOJI,
  withoutZuInfix,
} from "./violenceLexicon.js";

export interface SentenceFinding {
  sentence: string;
  concepts: ConceptHit[];
  constructions: Construction[];
  targets: TargetKind[];
  negated: boolean;
  quoted: boolean;
  question: boolean;
}

export interface ThreatFeatures {
  /** Feature names, no repeats; empty when the text holds nothing of violence or intimidation. */
  names: string[];
  /** Weapon, bomb, fire and death emoji and what they stand for. */
  emoji: { emoji: string; concept: ViolenceConcept }[];
  sentences: SentenceFinding[];
  contexts: Context[];
}

/** The constructions that make a threat without a word of violence, by their place in compiledConstructions. */
const STANDALONE = compiledConstructions.flatMap(([name], k) => (STANDALONE_CONSTRUCTIONS.has(name) ? [k] : []));

/** The names of the expressions (of a list that starts at `first` in CUE_GATE) that match, tried where `gates` open them. */
function matching<Name>(
  list: readonly (readonly [Name, RegExp])[],
  first: number,
  gates: number,
  text: string,
): Name[] {
  const open = gates | CUE_GATE.ungated;
  const names: Name[] = [];
  for (let k = 0; k < list.length; k++) {
    const [name, pattern] = list[k] as readonly [Name, RegExp];
    if ((open & (1 << (first + k))) !== 0 && pattern.test(text)) names.push(name);
  }
  return names;
}
const HARMLESS_TOPICS = new Set<Context>(["fiction", "history", "cooking", "sports", "idiom_self"]);
const QUOTE_CHARS = /["„“”»«‚‘']/;
const QUOTED = /["„“”»«‚‘](?<inner>[^"„“”»«‚‘]{3,})["„“”»«‚‘]|(?:^|\s)'(?<single>[^']{3,})'(?=\s|$|[.,!?:;])/g;

/** Sentences (and lines) of the folded text; a colon before a quotation keeps it with its sentence. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function negatedBefore(sentence: string, index: number): boolean {
  // The part of the sentence the violence stands in: from the last comma or conjunction before it.
  const before = sentence.slice(0, index);
  const start = Math.max(
    before.lastIndexOf(","),
    before.search(/\b(?:aber|sondern|doch|jedoch)\b(?!.*\b(?:aber|sondern|doch|jedoch)\b)/),
  );
  const part = sentence.slice(Math.max(0, start), index + 12).replace(NOT_A_NEGATION, " ");
  return NEGATION.test(part);
}

/** True when the text's only violence is inside quotation marks. */
function quotedSpans(text: string): string[] {
  if (!QUOTE_CHARS.test(text)) return [];
  return [...text.matchAll(QUOTED)].map((m) => m.groups?.inner ?? m.groups?.single ?? "").filter(Boolean);
}

export function threatFeatures(
  normalised: Pick<NormalisedText, "folded" | "signals" | "words" | "wordFacts">,
): ThreatFeatures {
  const original = normalised.folded;
  const emoji = normalised.signals.emoji.flatMap((e) => {
    const concept = WEAPON_EMOJI[e];
    return concept ? [{ emoji: e, concept }] : [];
  });
  const emojiConcepts = emoji.map((e) => e.concept);
  // Most texts hold no word of violence or intimidation: then nothing else needs to run. The phrases have no
  // anchors or lookarounds, so a sentence can only hold one where the whole text does.
  const textBits = cueBitsOf(normalised);
  const wordBits = textBits & (CUE.violence | CUE.intimidation);
  // A phrase needs one of its anchor words (cueWords.ts): most texts hold none. "einen Besuch abzustatten" holds
  // its phrase only once the zu-infix is read away.
  // "umzubringen" read as "umbringen" (the lexicon's forms), only for the texts that may be read closely.
  const mayBeRead = wordBits !== 0 || emojiConcepts.length > 0 || (textBits & CUE.phrase) !== 0;
  const folded = mayBeRead ? withoutZuInfix(original) : original;
  const phrase =
    (textBits & CUE.phrase) !== 0 &&
    (phraseIn(original, textBits) || (folded !== original && phraseIn(folded, textBits)));
  if (wordBits === 0 && emojiConcepts.length === 0 && !phrase)
    return { names: [], emoji: [], sentences: [], contexts: [] };
  const quotes = quotedSpans(folded);
  const sentences: SentenceFinding[] = [];
  for (const sentence of sentencesOf(folded)) {
    // Only sentences with a word of violence or intimidation are read closely; the violence lexicon only where
    // a word of violence stands (the word gate holds every lexicon entry's words: threat.test.ts checks it).
    const { cues: bits, gates } = readWords(sentence);
    // A sentence can hold a phrase only where its text does, unless reading away a zu-infix made one
    // ("einen Besuch abzustatten").
    const mayHoldPhrase = phrase || folded !== original;
    if ((bits & (CUE.violence | CUE.intimidation)) === 0 && !(mayHoldPhrase && phraseIn(sentence, bits))) continue;
    const concepts = (bits & CUE.violence) !== 0 ? violenceConcepts(sentence, conceptsIn(bits)) : [];
    // Without a word of violence a sentence counts only as intimidation, a veiled hint or a demand to allow
    // violence: those three are tested first, the rest only when one of them (or a concept) is there.
    const open = gates | CUE_GATE.ungated;
    const standalone = (k: number) =>
      (open & (1 << k)) !== 0 && (compiledConstructions[k]?.[1] as RegExp).test(sentence);
    if (concepts.length === 0 && !STANDALONE.some(standalone)) continue;
    const constructions = matching(compiledConstructions, 0, gates, sentence);
    const first = concepts.reduce((min, c) => Math.min(min, c.index), sentence.length);
    sentences.push({
      sentence,
      concepts,
      constructions,
      targets: matching(compiledTargets, TARGET_BIT, gates, sentence),
      negated: concepts.length > 0 && negatedBefore(sentence, first),
      quoted: concepts.length > 0 && quotes.some((q) => concepts.some((c) => q.includes(c.text))),
      question: /\?\s*$/.test(sentence),
    });
  }
  if (sentences.length === 0 && emojiConcepts.length === 0) return { names: [], emoji: [], sentences, contexts: [] };
  const contexts = matching(compiledContexts, CONTEXT_BIT, gatesOf(normalised), folded);
  // In a harmless topic (a film, history, the kitchen, a match, oneself) the same words weigh differently:
  // the sentence's features get their own weights there, so one context can outweigh many construction pairs.
  const topic = contexts.some((x) => HARMLESS_TOPICS.has(x)) ? "topic:" : "";
  const names = new Set<string>(["bias"]);
  for (const c of emojiConcepts) names.add(`emoji:${c}`);
  for (const s of sentences) {
    const concepts = [...new Set(s.concepts.map((c) => c.concept))];
    const mode = s.negated ? "neg:" : s.quoted ? "quoted:" : s.question ? "q:" : topic;
    if (s.negated) names.add("negated");
    if (s.quoted) names.add("quoted");
    if (s.question) names.add("question");
    if (concepts.length === 0) names.add(`${mode}noviolence`);
    if (concepts.length >= 2) names.add(`${mode}concepts2`);
    for (const c of concepts) {
      names.add(`${mode}c:${c}`);
      for (const k of s.constructions) names.add(`${mode}ck:${c}|${k}`);
      for (const t of s.targets) names.add(`${mode}ct:${c}|${t}`);
    }
    for (const k of s.constructions) {
      names.add(`${mode}k:${k}`);
      for (const t of s.targets) names.add(`${mode}kt:${k}|${t}`);
    }
    for (const t of s.targets) names.add(`${mode}t:${t}`);
    for (let i = 0; i < s.constructions.length; i++)
      for (let j = i + 1; j < s.constructions.length; j++)
        names.add(`${mode}kk:${s.constructions[i]}|${s.constructions[j]}`);
  }
  for (const x of contexts) {
    names.add(`x:${x}`);
    if (sentences.some((s) => s.constructions.includes("first_person"))) names.add(`x:${x}|first_person`);
  }
  return { names: [...names], emoji, sentences, contexts };
}
