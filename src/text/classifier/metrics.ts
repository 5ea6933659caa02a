// Evaluation as the GermEval 2018 scorer computes it: per-class precision, recall and F1; the official
// score is the harmonic mean of macro-averaged precision and macro-averaged recall; also the mean of
// the per-class F1 values.
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  classes: ClassMetrics[];
  accuracy: number;
  macroPrecision: number;
  macroRecall: number;
  /** Harmonic mean of macro precision and macro recall (the official GermEval 2018 figure). */
  officialF1: number;
  /** Mean of the per-class F1 values. */
  meanF1: number;
}

export function evaluate(labels: readonly string[], gold: readonly string[], predicted: readonly string[]): Evaluation {
  const classes = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: tp + fn };
  });
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const macroPrecision = mean(classes.map((c) => c.precision));
  const macroRecall = mean(classes.map((c) => c.recall));
  return {
    classes,
    accuracy: gold.filter((g, i) => g === predicted[i]).length / Math.max(1, gold.length),
    macroPrecision,
    macroRecall,
    officialF1:
      macroPrecision + macroRecall === 0 ? 0 : (2 * macroPrecision * macroRecall) / (macroPrecision + macroRecall),
    meanF1: mean(classes.map((c) => c.f1)),
  };
}
