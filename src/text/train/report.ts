// Prints evaluations as small tables (shared by training, `npm run eval` and `draht eval`).
import type { Evaluation } from "../classifier/metrics.js";
import type { AnalyserEvaluation } from "../evaluation.js";

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);

export function formatEvaluation(result: Evaluation): string[] {
  return [
    `  ${"class".padEnd(10)} precision   recall       F1  support`,
    ...result.classes.map(
      (c) =>
        `  ${c.label.padEnd(10)} ${pct(c.precision)}   ${pct(c.recall)}   ${pct(c.f1)}  ${String(c.support).padStart(7)}`,
    ),
    `  official GermEval F1 (harmonic mean of macro P ${pct(result.macroPrecision)} and macro R ${pct(result.macroRecall)}): ${pct(result.officialF1)}`,
    `  macro-F1 (mean of per-class F1): ${pct(result.meanF1)}   accuracy: ${pct(result.accuracy)}`,
  ];
}

export function printEvaluation(result: Evaluation): void {
  for (const line of formatEvaluation(result)) console.log(line);
}

export function formatAnalyserEvaluation(result: AnalyserEvaluation): string[] {
  const lines = [
    `  (${result.textsPerSecond.toFixed(0)} texts/s on one core, whole analysis)`,
    "coarse (OFFENSE / OTHER):",
    ...formatEvaluation(result.coarse),
  ];
  lines.push("fine (ABUSE / INSULT / PROFANITY / OTHER):", ...formatEvaluation(result.fine));
  if (result.threat) lines.push("threat (THREAT / NONE):", ...formatEvaluation(result.threat));
  if (result.intent) lines.push("intent:", ...formatEvaluation(result.intent));
  return lines;
}

export function printAnalyserEvaluation(result: AnalyserEvaluation): void {
  for (const line of formatAnalyserEvaluation(result)) console.log(line);
}
