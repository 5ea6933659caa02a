// `npm run eval`: the committed classifier on the GermEval 2018 test set, coarse and fine: per-class
// precision/recall/F1, the official GermEval score and the mean of the per-class F1.
import { readFileSync } from "node:fs";
import path from "node:path";
import { INSULT_VOCABULARY } from "../baselineAnalysis.js";
import { createOffenseClassifier } from "../classifier/offenseClassifier.js";
import { evaluate } from "../classifier/metrics.js";
import { GERMEVAL_DIR, readGermEval } from "./germeval.js";
import { printEvaluation } from "./report.js";

const file = process.argv[2] ?? path.join(GERMEVAL_DIR, "test.tsv");
const model = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "models", "offense.json"), "utf8")) as { coarse: unknown; fine: unknown };
const classifier = createOffenseClassifier(model, { vocabulary: INSULT_VOCABULARY });
const rows = readGermEval(file);
const started = performance.now();
const results = rows.map((row) => classifier.classify(row.text));
const seconds = (performance.now() - started) / 1000;
console.log(`${path.basename(file)}: ${rows.length} texts, classified in ${seconds.toFixed(2)} s (${(rows.length / seconds).toFixed(0)} texts/s on one core)`);
console.log("\ncoarse (OFFENSE / OTHER):");
printEvaluation(evaluate(["OFFENSE", "OTHER"], rows.map((r) => r.coarse), results.map((r) => r.coarseLabel)));
console.log("\nfine (ABUSE / INSULT / PROFANITY / OTHER):");
printEvaluation(evaluate(["ABUSE", "INSULT", "PROFANITY", "OTHER"], rows.map((r) => r.fine), results.map((r) => r.fineLabel)));
