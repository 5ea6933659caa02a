// `npm run train`: trains the offensive-language classifier on GermEval 2018 training data (coarse:
// OFFENSE/OTHER; fine: ABUSE/INSULT/PROFANITY/OTHER), with a fixed seed, a validation split of 10 %,
// progress bars and metrics, and writes src/text/models/offense.json. The test set is never used here.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { FEATURE_BITS, FEATURE_DIMENSIONS, featuresOf } from "../classifier/features.js";
import { type LinearModel, scoresOf, seededRandom, trainLinearModel } from "../classifier/linearModel.js";
import { evaluate } from "../classifier/metrics.js";
import { toModelFile } from "../classifier/modelFile.js";
import { GERMEVAL_ATTRIBUTION, GERMEVAL_DIR, type LabelledText, progressBar, readGermEval } from "./germeval.js";
import { INSULT_VOCABULARY } from "../baselineAnalysis.js";
import { printEvaluation } from "./report.js";

const SEED = 20_181_021;
const SETTINGS = { epochs: 12, learningRate: 0.2, l2: 1e-6, seed: SEED };
export const MODEL_PATH = path.join(import.meta.dirname, "..", "models", "offense.json");

function split(rows: LabelledText[]): { train: LabelledText[]; validation: LabelledText[] } {
  const random = seededRandom(SEED);
  const shuffled = [...rows].map((row) => ({ row, key: random() })).sort((a, b) => a.key - b.key).map((x) => x.row);
  const cut = Math.floor(shuffled.length * 0.9);
  return { train: shuffled.slice(0, cut), validation: shuffled.slice(cut) };
}

function trainTask(task: "coarse" | "fine", labels: string[], train: LabelledText[], validation: LabelledText[]): { model: LinearModel; figures: Record<string, number> } {
  const examples = train.map((row, i) => {
    if (i % 200 === 0 || i === train.length - 1) progressBar(`${task}: features`, i + 1, train.length);
    return { x: featuresOf(row.text, { vocabulary: INSULT_VOCABULARY }), y: labels.indexOf(row[task]) };
  });
  // Rare classes (PROFANITY has 71 examples) count more, by the square root of their rarity.
  const counts = labels.map((_, k) => examples.filter((e) => e.y === k).length);
  const classWeights = counts.map((n) => Math.sqrt(examples.length / labels.length / Math.max(1, n)));
  const model = trainLinearModel({
    labels,
    dimensions: FEATURE_DIMENSIONS,
    examples,
    options: { ...SETTINGS, classWeights, onEpoch: (epoch, loss) => progressBar(`${task}: training`, epoch, SETTINGS.epochs, `loss ${loss.toFixed(4)}`) },
  });
  const predicted = validation.map((row) => {
    const p = scoresOf(model, featuresOf(row.text, { vocabulary: INSULT_VOCABULARY }));
    return labels[p.indexOf(Math.max(...p))] as string;
  });
  const result = evaluate(labels, validation.map((row) => row[task]), predicted);
  console.log(`\n${task} on the validation split (${validation.length} tweets):`);
  printEvaluation(result);
  return { model, figures: { officialF1: result.officialF1, meanF1: result.meanF1, accuracy: result.accuracy } };
}

const rows = readGermEval(path.join(GERMEVAL_DIR, "training.tsv"));
const { train, validation } = split(rows);
console.log(`GermEval 2018 training data: ${rows.length} tweets → ${train.length} for training, ${validation.length} for validation (seed ${SEED})`);
const coarse = trainTask("coarse", ["OFFENSE", "OTHER"], train, validation);
const fine = trainTask("fine", ["ABUSE", "INSULT", "PROFANITY", "OTHER"], train, validation);
const file = {
  coarse: toModelFile(coarse.model, { name: "offense-coarse", featureBits: FEATURE_BITS, training: { ...SETTINGS, validation: coarse.figures, examples: train.length }, attribution: GERMEVAL_ATTRIBUTION }),
  fine: toModelFile(fine.model, { name: "offense-fine", featureBits: FEATURE_BITS, training: { ...SETTINGS, validation: fine.figures, examples: train.length }, attribution: GERMEVAL_ATTRIBUTION }),
};
writeFileSync(MODEL_PATH, `${JSON.stringify(file)}\n`);
console.log(`\nwritten ${path.relative(process.cwd(), MODEL_PATH)}`);
