// `npm run eval`: the committed analyser on the GermEval 2018 test set (coarse and fine) and on draht's
// own labelled municipal examples (test/fixtures/municipal-examples.tsv: also threats and intents):
// per-class precision/recall/F1, the official GermEval score and the mean of the per-class F1.
// An optional argument names another labelled file instead.
import { readFileSync } from "node:fs";
import path from "node:path";
import { evaluateAnalyser, parseLabelledTsv } from "../evaluation.js";
import { createTextAnalyser } from "../textAnalyser.js";
import { GERMEVAL_DIR } from "./germeval.js";
import { printAnalyserEvaluation } from "./report.js";

const model = JSON.parse(
  readFileSync(process.env.MODEL ?? path.join(import.meta.dirname, "..", "models", "offense.json"), "utf8"),
) as { coarse: unknown; fine: unknown };
const analyser = createTextAnalyser(model);
const files = process.argv[2]
  ? [process.argv[2]]
  : [
      path.join(GERMEVAL_DIR, "test.tsv"),
      path.join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "municipal-examples.tsv"),
    ];
for (const file of files) {
  const rows = parseLabelledTsv(readFileSync(file, "utf8"), file);
  console.log(`\n=== ${path.basename(file)}: ${rows.length} texts`);
  printAnalyserEvaluation(evaluateAnalyser(analyser.analyse, rows, () => performance.now()));
}
