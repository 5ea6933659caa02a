// `npm run train`: trains the offensive-language classifier on GermEval 2018 training data (coarse:
// OFFENSE/OTHER; fine: ABUSE/INSULT/PROFANITY/OTHER) with a fixed seed, in two levels:
//  1. hashed n-gram logistic regressions (coarse and fine); five-fold cross-validation gives out-of-fold
//     predictions for every training tweet, and the final models are trained on all training data;
//  2. a stacker over the out-of-fold scores plus lexicon hits, length and shouting (stacker.ts), itself
//     cross-validated on those predictions for honest figures; its decision threshold (and the fine
//     model's offsets) are tuned on out-of-fold predictions only.
// Writes src/text/models/offense.json. The test set is never used here.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { FEATURE_BITS, FEATURE_DIMENSIONS, type FeatureVector, featuresOfNormalised } from "../classifier/features.js";
import { type LinearModel, scoresOf, seededRandom, trainLinearModel } from "../classifier/linearModel.js";
import { evaluate } from "../classifier/metrics.js";
import { toModelFile } from "../classifier/modelFile.js";
import { applyStacker, stackFeatures, trainStacker } from "../classifier/stacker.js";
import { MASKABLE_WORDS } from "../lexicon.js";
import { normaliseText } from "../normalise.js";
import { GERMEVAL_ATTRIBUTION, GERMEVAL_DIR, type LabelledText, progressBar, readGermEval } from "./germeval.js";
import { tuneOffsets } from "./offsets.js";
import { printEvaluation } from "./report.js";

const SEED = 20_181_021;
const FOLDS = 5;
const SETTINGS = { epochs: 10, learningRate: 0.2, l2: 2e-6, seed: SEED };
const STACKER = { iterations: 2000, learningRate: 0.3, l2: 1e-3 };
const COARSE = ["OFFENSE", "OTHER"];
const FINE = ["ABUSE", "INSULT", "PROFANITY", "OTHER"];
export const MODEL_PATH = path.join(import.meta.dirname, "..", "models", "offense.json");

type Example = { x: FeatureVector; y: number };

function fit(task: string, labels: readonly string[], examples: Example[], seed: number): LinearModel {
  // Rare classes (PROFANITY has 71 examples) count more, by the square root of their rarity.
  const counts = labels.map((_, k) => examples.filter((e) => e.y === k).length);
  const classWeights = counts.map((n) => Math.sqrt(examples.length / labels.length / Math.max(1, n)));
  return trainLinearModel({
    labels,
    dimensions: FEATURE_DIMENSIONS,
    examples,
    options: {
      ...SETTINGS,
      seed,
      classWeights,
      onEpoch: (epoch, loss) => progressBar(`${task}`, epoch, SETTINGS.epochs, `loss ${loss.toFixed(4)}`),
    },
  });
}

/** Out-of-fold probabilities for every row (each predicted by a model that never saw it). */
function outOfFold(
  task: "coarse" | "fine",
  labels: readonly string[],
  examples: Example[],
  fold: readonly number[],
): number[][] {
  const predictions: number[][] = examples.map(() => []);
  for (let f = 0; f < FOLDS; f++) {
    const model = fit(
      `${task}: fold ${f + 1}/${FOLDS}`,
      labels,
      examples.filter((_, i) => fold[i] !== f),
      SEED + f,
    );
    examples.forEach((e, i) => {
      if (fold[i] === f) predictions[i] = scoresOf(model, e.x);
    });
  }
  return predictions;
}

function decide(labels: readonly string[], p: readonly number[], shift: readonly number[]): string {
  const logits = p.map((v, k) => Math.log(Math.max(1e-12, v)) + (shift[k] ?? 0));
  return labels[logits.indexOf(Math.max(...logits))] as string;
}

const rows: LabelledText[] = readGermEval(path.join(GERMEVAL_DIR, "training.tsv"));
console.log(`GermEval 2018 training data: ${rows.length} tweets, ${FOLDS}-fold cross-validation (seed ${SEED})`);
const normalised = rows.map((row, i) => {
  if (i % 250 === 0 || i === rows.length - 1) progressBar("features", i + 1, rows.length);
  return normaliseText(row.text, { vocabulary: MASKABLE_WORDS });
});
const features = normalised.map((n) => featuresOfNormalised(n));
const random = seededRandom(SEED);
const fold = rows.map(() => Math.floor(random() * FOLDS));
const coarseExamples = rows.map((row, i) => ({ x: features[i] as FeatureVector, y: COARSE.indexOf(row.coarse) }));
const fineExamples = rows.map((row, i) => ({ x: features[i] as FeatureVector, y: FINE.indexOf(row.fine) }));
const coarseOof = outOfFold("coarse", COARSE, coarseExamples, fold);
const fineOof = outOfFold("fine", FINE, fineExamples, fold);

// Level 1 alone, for comparison.
const coarseGold = rows.map((r) => r.coarse);
const level1 = evaluate(
  COARSE,
  coarseGold,
  coarseOof.map((p) => decide(COARSE, p, [0, 0])),
);
console.log(`\ncoarse, level 1 (n-gram model) out of fold: official ${(level1.officialF1 * 100).toFixed(2)}`);

// Level 2: the stacker, cross-validated on the out-of-fold rows with the same folds.
const meta = rows.map((_, i) =>
  stackFeatures(
    normalised[i] as ReturnType<typeof normaliseText>,
    { offense: coarseOof[i]?.[0] ?? 0 },
    Object.fromEntries(FINE.map((l, k) => [l, fineOof[i]?.[k] ?? 0])),
  ),
);
const y = rows.map((r) => (r.coarse === "OFFENSE" ? 1 : 0));
const stackedOof = new Array<number>(rows.length).fill(0);
for (let f = 0; f < FOLDS; f++) {
  const stacker = trainStacker(
    meta.filter((_, i) => fold[i] !== f),
    y.filter((_, i) => fold[i] !== f),
    STACKER,
  );
  meta.forEach((m, i) => {
    if (fold[i] === f) stackedOof[i] = applyStacker(stacker, m);
  });
  progressBar("coarse: stacker folds", f + 1, FOLDS);
}
const coarseOffsets = tuneOffsets(
  COARSE,
  stackedOof.map((p) => [p, 1 - p]),
  coarseGold,
);
const stacked = evaluate(
  COARSE,
  coarseGold,
  stackedOof.map((p) => decide(COARSE, [p, 1 - p], coarseOffsets)),
);
console.log(`coarse, level 2 (stacked) out of fold, threshold offset ${coarseOffsets[0]?.toFixed(2)}:`);
printEvaluation(stacked);
const stacker = { ...trainStacker(meta, y, STACKER), offset: coarseOffsets[0] ?? 0 };
// The stacker's own offset shifts OFFENSE's log-odds; the pair [p, 1 - p] above shifted log p only,
// which for two labels is the same decision.
console.log(`stacker weights: ${stacker.features.map((f, j) => `${f} ${stacker.weights[j]?.toFixed(2)}`).join(", ")}`);

const fineOffsets = tuneOffsets(
  FINE,
  fineOof,
  rows.map((r) => r.fine),
);
const fineResult = evaluate(
  FINE,
  rows.map((r) => r.fine),
  fineOof.map((p) => decide(FINE, p, fineOffsets)),
);
console.log(`\nfine, out of fold, offsets tuned on it (${fineOffsets.map((o) => o.toFixed(2)).join(", ")}):`);
printEvaluation(fineResult);

const coarseModel = fit("coarse: all training data", COARSE, coarseExamples, SEED);
const fineModel = { ...fit("fine: all training data", FINE, fineExamples, SEED), offsets: fineOffsets };
const metaOf = (name: string, figures: Record<string, number>) => ({
  name,
  featureBits: FEATURE_BITS,
  training: { ...SETTINGS, folds: FOLDS, examples: rows.length, ...figures },
  attribution: GERMEVAL_ATTRIBUTION,
});
const file = {
  coarse: toModelFile(
    coarseModel,
    metaOf("offense-coarse", { level1OfficialF1: level1.officialF1, stackedOfficialF1: stacked.officialF1 }),
  ),
  fine: toModelFile(
    fineModel,
    metaOf("offense-fine", { officialF1: fineResult.officialF1, meanF1: fineResult.meanF1 }),
  ),
  stacker,
};
writeFileSync(MODEL_PATH, `${JSON.stringify(file)}\n`);
console.log(`\nwritten ${path.relative(process.cwd(), MODEL_PATH)}`);
