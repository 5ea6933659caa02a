// `npm run eval:keyterms`: how well the key terms taken from a sentence's opening word are nouns, without and with
// the rule for sentence openers (keyTerms.ts, models/lowercase-words.json), on GermEval 2018's test tweets (never
// used to build the word list): precision on a frozen sample labelled by hand, how many nouns the rule drops,
// and how many opening-word key terms it removes in the whole test set.
// `--draw-sample` drew that sample (once, with a fixed seed, from the key terms without the rule): 200 key terms
// from the opening word of a sentence, labelled noun / other by hand into test/fixtures/key-terms/
// sentence-openers.tsv before anything was measured, and not changed after.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../classifier/linearModel.js";
import { keyTermsOf, MAX_KEY_TERMS } from "../keyTerms.js";
import { sentenceOpenings } from "../sentenceOpenings.js";
import { findHashtags, findWords } from "../tokens.js";
import { GERMEVAL_DIR, germEvalText, readGermEval } from "./germeval.js";

const SEED = 20_261_218;
const SAMPLE_SIZE = 200;
export const SAMPLE_PATH = path.join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "test",
  "fixtures",
  "key-terms",
  "sentence-openers.tsv",
);

export interface OpenerTerm {
  /** Line of test.tsv (1-based). */
  line: number;
  surface: string;
  /** The sentence it opens, shortened. */
  context: string;
}

/** The key terms of a text that are the opening word of a sentence (not a hashtag), by `extract`. */
export function openerTerms(text: string, extract: (text: string) => { surface: string }[]): OpenerTerm[] {
  const words = findWords(text);
  const openings = sentenceOpenings(text, words);
  const hashtags = findHashtags(text);
  const found: OpenerTerm[] = [];
  for (const { surface } of extract(text)) {
    // A term's surface is how its first occurrence was written: a word, unless a hashtag came first.
    const word = words.find((w) => w.text === surface);
    const tag = hashtags.find((t) => t.text.slice(1) === surface);
    if (!word || (tag && tag.start < word.start) || !openings.has(word.start)) continue;
    const context = text.slice(word.start, word.start + 70).split(/[.!?\n]/)[0] ?? "";
    found.push({ line: 0, surface, context: context.replaceAll(/\s+/g, " ").trim() });
  }
  return found;
}

export function readTestTexts(): string[] {
  return readGermEval(path.join(GERMEVAL_DIR, "test.tsv")).map((row) => germEvalText(row.text));
}

const withoutRule = (text: string) =>
  keyTermsOf(text, MAX_KEY_TERMS, { lowercaseWords: new Set(), alsoNouns: new Set() });
const withRule = (text: string) => keyTermsOf(text);

function drawSample(): void {
  if (existsSync(SAMPLE_PATH)) throw new Error(`${SAMPLE_PATH} exists: the labelled sample is frozen`);
  const all = readTestTexts().flatMap((text, i) =>
    openerTerms(text, withoutRule).map((term) => ({ ...term, line: i + 1 })),
  );
  const random = seededRandom(SEED);
  const pool = [...all];
  const sample: OpenerTerm[] = [];
  while (sample.length < SAMPLE_SIZE && pool.length > 0) {
    sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as OpenerTerm);
  }
  sample.sort((a, b) => a.line - b.line);
  const header = [
    `# ${SAMPLE_SIZE} of the ${all.length} key terms keyTerms.ts (before the sentence-opener rule) took from the`,
    "# opening word of a sentence in GermEval 2018 test.tsv, drawn with a fixed seed by",
    "# `tsx src/text/train/eval-key-terms.ts --draw-sample`; labelled by hand before measuring, then frozen.",
    "# label: noun (a noun or proper name as used there, nominalisations included) or other (verb, adjective,",
    "# adverb, pronoun, interjection, …). Texts from GermEval 2018 (CC BY 4.0): Michael Wiegand, Melanie Siegel,",
    '# Josef Ruppenhofer, "Overview of the GermEval 2018 Shared Task on the Identification of Offensive Language",',
    "# Proceedings of GermEval 2018, Vienna; data: uds-lsv/GermEval-2018-Data.",
    "line\tword\tlabel\tcontext",
  ];
  const rows = sample.map((t) => `${t.line}\t${t.surface}\t\t${t.context}`);
  writeFileSync(SAMPLE_PATH, `${[...header, ...rows].join("\n")}\n`);
  process.stdout.write(`${all.length} sentence-opening key terms in the test texts; ${sample.length} drawn\n`);
}

interface LabelledOpener {
  word: string;
  noun: boolean;
  /** The sentence it opens, shortened: what follows the word decides for nouns spelt like verbs. */
  context: string;
}

function readSample(): LabelledOpener[] {
  return readFileSync(SAMPLE_PATH, "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("line\t"))
    .map((line) => {
      const [, word, label, context] = line.split("\t");
      if (!word || (label !== "noun" && label !== "other")) throw new Error(`${SAMPLE_PATH}: bad row "${line}"`);
      return { word, noun: label === "noun", context: context ?? word };
    });
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

function measure(): void {
  const sample = readSample();
  // Every sampled word opens its context, so the rule keeps it exactly when it is the context's first key term.
  const keeps = (term: LabelledOpener) => withRule(term.context)[0]?.surface === term.word;
  const kept = sample.filter(keeps);
  const dropped = sample.filter((term) => !keeps(term));
  const nouns = (terms: LabelledOpener[]) => terms.filter((term) => term.noun);
  const others = (terms: LabelledOpener[]) => terms.filter((term) => !term.noun);
  const lines = [
    `Frozen sample: ${sample.length} key terms from a sentence's opening word (GermEval 2018 test), labelled by hand`,
    `  without the rule: precision (nouns) ${percent(nouns(sample).length, sample.length)} (${nouns(sample).length}/${sample.length})`,
    `  with the rule:    precision (nouns) ${percent(nouns(kept).length, kept.length)} (${nouns(kept).length}/${kept.length})`,
    `  dropped: ${dropped.length} — ${others(dropped).length} of ${others(sample).length} non-nouns (${percent(others(dropped).length, others(sample).length)}), ${nouns(dropped).length} of ${nouns(sample).length} nouns (${percent(nouns(dropped).length, nouns(sample).length)})`,
    `  nouns dropped: ${
      nouns(dropped)
        .map((t) => t.word)
        .join(", ") || "none"
    }`,
    `  non-nouns kept: ${others(kept)
      .map((t) => t.word)
      .join(", ")}`,
  ];
  const texts = readTestTexts();
  const count = (extract: (text: string) => { surface: string }[]) => {
    let all = 0;
    let openers = 0;
    for (const text of texts) {
      all += extract(text).length;
      openers += openerTerms(text, extract).length;
    }
    return { all, openers };
  };
  const before = count(withoutRule);
  const after = count(withRule);
  lines.push(
    `All ${texts.length} test texts: key terms ${before.all} → ${after.all}; from a sentence's opening word ${before.openers} → ${after.openers}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

if (process.argv.includes("--draw-sample")) drawSample();
else measure();
