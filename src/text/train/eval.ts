// `npm run eval`: the committed analyser measured on text no one tuned it to —
//  1. draht's frozen challenge sets (test/fixtures/challenge/): threats and hard negatives per category,
//     hate against groups against counter-speech and neutral statements, and the robustness table (the
//     same threats disguised, negated, quoted and rejected);
//  2. GAHD's test split (hate against groups: held or not);
//  3. GermEval 2018's test set (coarse and fine) and draht's municipal examples (also threats and intents).
// MODELS_DIR names another directory of model files; an argument names one labelled file to measure instead.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  type ChallengeRow,
  figuresByCategory,
  MECHANICAL_VARIANTS,
  parseChallengeSet,
  precisionRecall,
} from "../challengeSet.js";
import { evaluate } from "../classifier/metrics.js";
import { evaluateAnalyser, parseLabelledTsv } from "../evaluation.js";
import { createTextAnalyser, type FullAnalysis } from "../textAnalyser.js";
import { readGahd } from "./gahd.js";
import { GERMEVAL_DIR } from "./germeval.js";
import { readTextModels } from "./modelFiles.js";
import { printAnalyserEvaluation, printEvaluation } from "./report.js";

export const CHALLENGE_DIR = path.join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "challenge");
const analyser = createTextAnalyser(readTextModels(process.env.MODELS_DIR));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
/** Detected as a threat: hidden, a case with evidence and an alert. */
const isThreat = (a: FullAnalysis) => a.labels.includes("THREAT");
/** At least held for a person as a possible threat (the default "holdThreat" of the moderation settings). */
const POSSIBLE_THREAT = 0.3;
const isPossibleThreat = (a: FullAnalysis) => a.scores.threat >= POSSIBLE_THREAT;
const isHeld = (a: FullAnalysis) => a.flagged;

/**
 * The threat challenge sets: the first (five constructions, eleven negative kinds), the second (the rest) and the
 * third (veiled, disguised, dialect; frozen unread after the rules were written). The development sets
 * (threats-dev.tsv, groups-dev.tsv) were tuned on and are not measured here.
 */
const THREAT_SETS = ["threats.tsv", "threats-2.tsv", "threats-3.tsv"].filter((f) =>
  existsSync(path.join(CHALLENGE_DIR, f)),
);

function challenge(files: readonly string[], title: string, caughtBy: (a: FullAnalysis) => boolean): void {
  const rows = files.flatMap((file) => parseChallengeSet(readFileSync(path.join(CHALLENGE_DIR, file), "utf8"), file));
  const caught = rows.map((r) => caughtBy(analyser.analyse(r.text)));
  const { precision, recall } = precisionRecall(rows, caught);
  console.log(
    `\n=== ${title} (${files.join(" + ")}: ${rows.length} texts): precision ${pct(precision)}, recall ${pct(recall)}`,
  );
  console.log(`  ${"label".padEnd(6)} ${"category".padEnd(24)} ${"texts".padStart(5)} ${"caught".padStart(7)}   rate`);
  for (const f of figuresByCategory(rows, caught))
    console.log(
      `  ${f.label.padEnd(6)} ${f.category.padEnd(24)} ${String(f.total).padStart(5)} ${String(f.caught).padStart(7)}   ${pct(f.caught / f.total)}${f.label === "NONE" ? " (false alarms)" : ""}`,
    );
}

function robustness(): void {
  const file = "robustness.tsv";
  const rows: ChallengeRow[] = parseChallengeSet(readFileSync(path.join(CHALLENGE_DIR, file), "utf8"), file);
  // A base sentence's kind is its original's label: a threat is caught as THREAT, hate as held for review.
  const kindOf = new Map(rows.filter((r) => r.category === "original").map((r) => [r.concept, r.label]));
  const table = new Map<string, { total: number; caught: number }>();
  for (const row of rows) {
    const kind = kindOf.get(row.concept) ?? row.label;
    const analysis = analyser.analyse(row.text);
    const key = `${kind}\u0000${row.category}`;
    const figures = table.get(key) ?? { total: 0, caught: 0 };
    figures.total++;
    if (kind === "THREAT" ? isThreat(analysis) : isHeld(analysis)) figures.caught++;
    table.set(key, figures);
  }
  console.log(`\n=== Robustness (${file}): the same sentences in five variants`);
  for (const [key, f] of table) {
    const [kind = "", variant = ""] = key.split("\u0000");
    const what = kind === "THREAT" ? "detected as threat" : "held for review";
    console.log(
      `  ${kind.padEnd(6)} ${variant.padEnd(10)} ${String(f.total).padStart(4)} texts   ${pct(f.caught / f.total)} ${what}`,
    );
  }
}

/** The challenge set's threats, each in the mechanical variants: the first two must stay threats, the last two not. */
function mechanicalRobustness(): void {
  const threats = THREAT_SETS.flatMap((file) =>
    parseChallengeSet(readFileSync(path.join(CHALLENGE_DIR, file), "utf8"), file),
  ).filter((r) => r.label === "THREAT");
  console.log(
    `\n=== Robustness: the ${threats.length} threats of ${THREAT_SETS.join(" + ")} in mechanical variants (detected as threat)`,
  );
  for (const [variant, make] of Object.entries(MECHANICAL_VARIANTS)) {
    const caught = threats.filter((r) => isThreat(analyser.analyse(make(r.text)))).length;
    const should = variant === "quoted" || variant === "counter" ? "should be 0" : "should be 100";
    console.log(`  ${variant.padEnd(18)} ${pct(caught / threats.length).padStart(8)}   (${should})`);
  }
}

function gahdTest(): void {
  const rows = readGahd().filter((r) => r.split === "test");
  const result = evaluate(
    ["HATE", "NONE"],
    rows.map((r) => (r.hate ? "HATE" : "NONE")),
    rows.map((r) => (isHeld(analyser.analyse(r.text)) ? "HATE" : "NONE")),
  );
  console.log(`\n=== GAHD test split (${rows.length} texts): held for review = HATE`);
  printEvaluation(result);
}

function labelledFile(file: string): void {
  const rows = parseLabelledTsv(readFileSync(file, "utf8"), file);
  console.log(`\n=== ${path.basename(file)}: ${rows.length} texts`);
  printAnalyserEvaluation(evaluateAnalyser(analyser.analyse, rows, () => performance.now()));
}

// `npm run eval -- FILE` measures one labelled file (text TAB coarse TAB fine …) instead of everything.
const only = process.argv[2];
if (only) labelledFile(only);
else {
  challenge(THREAT_SETS, "Challenge set: threats and hard negatives (detected as threat)", isThreat);
  challenge(
    THREAT_SETS,
    `Challenge set: threats and hard negatives (threat score >= ${POSSIBLE_THREAT}: held as a possible threat)`,
    isPossibleThreat,
  );
  // robustness.tsv: 120 sentences written by people in five variants each; the mechanical variants below add the
  // same test on all challenge threats.
  for (const [file, run] of [
    [
      "groups.tsv",
      () =>
        challenge(
          ["groups.tsv"],
          "Challenge set: hate against groups, counter-speech, neutral (held for review)",
          isHeld,
        ),
    ],
    ["robustness.tsv", robustness],
  ] as const)
    if (existsSync(path.join(CHALLENGE_DIR, file))) run();
    else console.log(`\n=== ${file}: not written yet (#17)`);
  mechanicalRobustness();
  gahdTest();
  labelledFile(path.join(GERMEVAL_DIR, "test.tsv"));
  labelledFile(path.join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "municipal-examples.tsv"));
}
