// `tsx src/text/train/eval-key-terms.ts --draw-sample`: draws, with a fixed seed, 200 key terms that
// keyTerms.ts took from the opening word of a sentence in GermEval 2018's test tweets (never used to build
// anything), for labelling by hand as noun / not noun into test/fixtures/key-terms/sentence-openers.tsv.
// The labels are written before the rule for sentence openers is measured and are not changed after.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../classifier/linearModel.js";
import { keyTermsOf } from "../keyTerms.js";
import { sentenceOpenings } from "../sentenceOpenings.js";
import { findHashtags, findWords } from "../tokens.js";
import { GERMEVAL_DIR, readGermEval } from "./germeval.js";

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

/** GermEval writes a line break as |LBR|. */
export function germEvalText(text: string): string {
  return text.replaceAll("|LBR|", "\n");
}

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

function drawSample(): void {
  if (existsSync(SAMPLE_PATH)) throw new Error(`${SAMPLE_PATH} exists: the labelled sample is frozen`);
  const all = readTestTexts().flatMap((text, i) =>
    openerTerms(text, (t) => keyTermsOf(t)).map((term) => ({ ...term, line: i + 1 })),
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

if (process.argv.includes("--draw-sample")) drawSample();
