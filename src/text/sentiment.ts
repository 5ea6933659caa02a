// Sentiment of a German text, -1 (negative) … 1 (positive): word polarities from the German SentiCon
// lexicon as @nlpjs/lang-de ships it (MIT; stems of its Snowball stemmer), overridden by a small
// lexicon of what citizens write to their administration, flipped by a negation just before, plus
// emoji. Explainable: the words that weighed most come back as reasons.
import senticon from "@nlpjs/lang-de/src/sentiment/senticon_de.json" with { type: "json" };
import { stemGerman } from "./stem.js";
import type { NormalisedText } from "./normalise.js";
import type { WordFacts } from "./wordFacts.js";

// Maps, not plain objects: a citizen's word such as "constructor" must not find Object.prototype.
const LEXICON = new Map<string, number>(Object.entries(senticon as Record<string, number>));

/** Municipal dialogue words (folded): what the general lexicon misses or weighs wrongly. */
const OWN = new Map<string, number>(
  Object.entries({
    danke: 1,
    dank: 1,
    vielen: 0.2,
    super: 1,
    toll: 1,
    klasse: 1,
    prima: 1,
    spitze: 1,
    bravo: 1,
    lob: 0.8,
    freue: 0.8,
    freuen: 0.8,
    gerne: 0.5,
    gern: 0.5,
    hilfreich: 0.8,
    schnell: 0.4,
    freundlich: 0.8,
    kompetent: 0.8,
    sauber: 0.5,
    gelungen: 0.8,
    weiter: 0.1,
    leider: -0.6,
    schade: -0.6,
    nie: -0.3,
    kaputt: -0.8,
    defekt: -0.8,
    dreckig: -0.8,
    laerm: -0.6,
    zumutung: -1,
    skandal: -1,
    unverschaemt: -1,
    frechheit: -1,
    katastrophe: -1,
    katastrophal: -1,
    miserabel: -1,
    enttaeuscht: -0.9,
    aergerlich: -0.8,
    wuetend: -0.9,
    sauer: -0.6,
    nervig: -0.7,
    beschwerde: -0.6,
    mangel: -0.5,
    gefaehrlich: -0.7,
    unfreundlich: -0.8,
    langsam: -0.4,
    scheisse: -1,
    mist: -0.7,
    idiot: -1,
    versagt: -0.9,
    versager: -1,
    peinlich: -0.8,
    stinkt: -0.7,
    vermuellt: -0.8,
    chaos: -0.7,
    warten: -0.2,
    wartezeit: -0.3,
    problem: -0.3,
    probleme: -0.3,
    schlecht: -0.8,
    schlimm: -0.8,
    gut: 0.6,
    schoen: 0.7,
    sinnvoll: 0.5,
  }),
);
const NEGATORS = new Set(["nicht", "kein", "keine", "keinen", "keiner", "keinem", "nie", "niemals", "kaum"]);
const POSITIVE_EMOJI = /[😀😃😄😁😊🙂😍🥰👍👏🙏❤💚💙🎉🌞☺]/u;
const NEGATIVE_EMOJI = /[😡😠🤬👎💩🙄😒😤😢😭🤮🖕]/u;

export interface SentimentResult {
  score: number;
  label: "negative" | "neutral" | "positive";
  reasons: string[];
}

function lookUpPolarity(word: string): number {
  const own = OWN.get(word);
  if (own !== undefined) return own;
  if (word.length < 4) return 0;
  // The lexicon's stems have umlauts without dots ("unverschamt"); fold ours the same way.
  const value = LEXICON.get(stemGerman(word.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u")));
  // Tiny values are the lexicon's noise floor; only clear polarities count.
  return value !== undefined && Math.abs(value) >= 0.1 ? value : 0;
}

/** Sentiment of a normalised text; polarities are remembered in the word table (words repeat). */
export function detectSentiment(
  normalised: Pick<NormalisedText, "words" | "wordFacts" | "signals">,
  penalty = 0,
): SentimentResult {
  let sum = -penalty;
  const weighed: { word: string; value: number }[] = [];
  const { words, wordFacts: facts } = normalised;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const known = facts[i] as WordFacts;
    if (Number.isNaN(known.polarity)) known.polarity = lookUpPolarity(word);
    let value = known.polarity;
    if (value === 0) continue;
    for (let j = Math.max(0, i - 3); j < i; j++) {
      if (NEGATORS.has(words[j] as string)) {
        value = -value * 0.8;
        break;
      }
    }
    sum += value;
    weighed.push({ word, value });
  }
  for (const e of normalised.signals.emoji) sum += POSITIVE_EMOJI.test(e) ? 0.8 : NEGATIVE_EMOJI.test(e) ? -0.8 : 0;
  const score = Math.round(Math.tanh(sum / 1.5) * 100) / 100;
  const reasons = weighed
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 3)
    .map((w) => `sentiment:${w.word}${w.value > 0 ? "+" : "-"}`);
  return { score, label: score <= -0.2 ? "negative" : score >= 0.2 ? "positive" : "neutral", reasons };
}
