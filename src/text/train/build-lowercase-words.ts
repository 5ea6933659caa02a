// `npm run train:keyterms`: builds models/lowercase-words.json, the word forms that German writers put in lower
// case far more often than with a capital when the word does not open a sentence — verbs, adjectives, adverbs
// ("gilt", "spannend", "stimmt"). keyTerms.ts drops a sentence's capitalised opening word when its lower-case
// form is one of them — unless the form is also among `alsoNouns`: those of them that writers capitalised inside a
// sentence at least MIN_CAPITALISED times, as nouns spelt like verbs are ("das Sagen", "die Arbeiten"), which
// keyTerms.ts keeps when no subject follows as it would a verb. Counted (lowercaseCounts.ts) on GermEval 2018's training.tsv and GAHD's train split only;
// never read: GermEval's test.tsv (the key terms are measured on it, eval-key-terms.ts), GAHD's dev and test.
// Deterministic: the same data give the same file.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { GAHD_ATTRIBUTION, readGahd } from "./gahd.js";
import { GERMEVAL_ATTRIBUTION, GERMEVAL_DIR, germEvalText, readGermEval } from "./germeval.js";
import { countCases } from "./lowercaseCounts.js";
import { MODELS_DIR } from "./modelFiles.js";

/** Seen in lower case at least this often inside sentences (once may be a slip)… */
const MIN_LOWER = 2;
/** …and in at least this share of its uses there: nine in ten. */
const MIN_LOWER_SHARE = 0.9;
/** A listed form capitalised inside sentences at least this often may be a noun too (chosen on a development set
 *  apart from the frozen sample: GAHD dev's and draht's municipal examples' sentence openers, see the README). */
const MIN_CAPITALISED = 2;

export const LOWERCASE_WORDS_PATH = path.join(MODELS_DIR, "lowercase-words.json");

const texts = [
  ...readGermEval(path.join(GERMEVAL_DIR, "training.tsv")).map((row) => germEvalText(row.text)),
  ...readGahd()
    .filter((row) => row.split === "train")
    .map((row) => row.text),
];
const counts = countCases(texts);
const words = [...counts]
  .filter(([, c]) => c.lower >= MIN_LOWER && c.lower / (c.lower + c.capitalised) >= MIN_LOWER_SHARE)
  .map(([form]) => form)
  .sort();
const alsoNouns = words.filter((form) => (counts.get(form)?.capitalised ?? 0) >= MIN_CAPITALISED);

const file = {
  format: "draht-word-forms-1",
  name: "lowercase-words",
  about:
    'Word forms written in lower case in at least 90 % of their uses inside a sentence (not as its opening word), seen so at least twice: verbs, adjectives, adverbs. alsoNouns: those of them capitalised inside a sentence at least minCapitalisedForNoun times (nouns spelt like verbs, "das Sagen"). Built by src/text/train/build-lowercase-words.ts.',
  attribution: `${GERMEVAL_ATTRIBUTION} ${GAHD_ATTRIBUTION}`.replaceAll("Trained on", "Counted on"),
  settings: {
    minLower: MIN_LOWER,
    minLowerShare: MIN_LOWER_SHARE,
    minCapitalisedForNoun: MIN_CAPITALISED,
    texts: texts.length,
  },
  words,
  alsoNouns,
};
writeFileSync(LOWERCASE_WORDS_PATH, `${JSON.stringify(file, null, 1)}\n`);
process.stdout.write(
  `${texts.length} texts, ${counts.size} word forms inside sentences, ${words.length} written in lower case (${alsoNouns.length} of them also nouns) → ${LOWERCASE_WORDS_PATH}\n`,
);
