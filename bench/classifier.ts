// Classifier benchmark: the whole text analysis (normalise, both classifier levels, lexicons, threat
// detector, intent, sentiment, and the n-gram explanation where the offense score asks for one) on the
// GermEval 2018 test tweets and draht's municipal examples, on one core. Prints comments per second and
// the latency per comment (p50, p99, max), and the same for the n-gram features alone as a reference
// measured in the same run. Each round over all texts is timed on its own and the median round counts:
// a shared machine's neighbours slow single rounds down, not the code. Target: ≥ 20,000 comments/s/core.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultTextAnalyser } from "../src/app/analysis/defaultAnalyser.js";
import { featuresOf } from "../src/text/classifier/features.js";
import { parseLabelledTsv } from "../src/text/evaluation.js";
import { GERMEVAL_DIR } from "../src/text/train/germeval.js";

const TARGET = 20_000;
const ROUNDS = 7;
const texts = [
  ...parseLabelledTsv(readFileSync(path.join(GERMEVAL_DIR, "test.tsv"), "utf8"), "test.tsv").map((r) => r.text),
  ...parseLabelledTsv(
    readFileSync(path.join(import.meta.dirname, "..", "test", "fixtures", "municipal-examples.tsv"), "utf8"),
    "municipal",
  ).map((r) => r.text),
];
const analyser = defaultTextAnalyser();

function measure(label: string, run: (text: string) => unknown): number {
  for (const text of texts) run(text); // warm-up: JIT and the word caches
  const latencies = new Float64Array(texts.length * ROUNDS);
  const rates: number[] = [];
  let k = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (const text of texts) {
      const t0 = process.hrtime.bigint();
      run(text);
      latencies[k++] = Number(process.hrtime.bigint() - t0) / 1000;
    }
    rates.push(texts.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  latencies.sort();
  rates.sort((a, b) => a - b);
  const at = (q: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
  const perSecond = rates[Math.floor(ROUNDS / 2)] as number;
  const spread = `rounds ${Math.round(rates[0] as number).toLocaleString("en")}–${Math.round(rates[ROUNDS - 1] as number).toLocaleString("en")}`;
  console.log(
    `${label.padEnd(34)} ${Math.round(perSecond).toLocaleString("en").padStart(8)} comments/s (median round; ${spread})   latency µs: p50 ${at(0.5)}, p99 ${at(0.99)}, max ${at(1)}`,
  );
  return perSecond;
}

console.log(
  `Text analysis on ${os.cpus()[0]?.model ?? "?"}, one core, node ${process.version}; ${texts.length} texts × ${ROUNDS} rounds`,
);
const reference = measure("n-gram features only (reference)", (text) => featuresOf(text));
const full = measure("whole analysis", (text) => analyser.analyse(text));
console.log(`ratio whole analysis / features only: ${(full / reference).toFixed(2)}`);
console.log(
  full >= TARGET
    ? `target ≥ ${TARGET.toLocaleString("en")}/s met`
    : `target ≥ ${TARGET.toLocaleString("en")}/s NOT met (${Math.round((full / TARGET) * 100)} %)`,
);
