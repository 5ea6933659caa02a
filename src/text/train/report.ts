// Prints an evaluation as a small table (shared by training and `npm run eval`).
import type { Evaluation } from "../classifier/metrics.js";

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);

export function printEvaluation(result: Evaluation): void {
  console.log(`  ${"class".padEnd(10)} precision   recall       F1  support`);
  for (const c of result.classes) console.log(`  ${c.label.padEnd(10)} ${pct(c.precision)}   ${pct(c.recall)}   ${pct(c.f1)}  ${String(c.support).padStart(7)}`);
  console.log(`  official GermEval F1 (harmonic mean of macro P ${pct(result.macroPrecision)} and macro R ${pct(result.macroRecall)}): ${pct(result.officialF1)}`);
  console.log(`  mean of per-class F1: ${pct(result.meanF1)}   accuracy: ${pct(result.accuracy)}`);
}
