// Evaluation of the whole analyser on labelled texts: GermEval's coarse and fine tasks, and, where the
// examples carry them (draht's municipal set), threats and intents. Pure: rows in, figures out.
import type { Evaluation } from "./classifier/metrics.js";
import { evaluate } from "./classifier/metrics.js";
import type { FullAnalysis } from "./textAnalyser.js";

export interface LabelledExample {
  text: string;
  coarse: string;
  fine: string;
  /** Only in draht's own examples. */
  threat?: boolean;
  intent?: string;
}

export interface AnalyserEvaluation {
  coarse: Evaluation;
  fine: Evaluation;
  threat?: Evaluation;
  intent?: Evaluation;
  /** Texts per second on one core, for the whole analysis. */
  textsPerSecond: number;
}

export const COARSE_LABELS = ["OFFENSE", "OTHER"] as const;
export const FINE_LABELS = ["ABUSE", "INSULT", "PROFANITY", "OTHER"] as const;
const INTENT_LABELS = ["question", "complaint", "praise", "fact_claim", "other"] as const;

/** The fine label the analysis stands for: OTHER unless offensive, then its fine label. */
export function fineLabelOf(result: FullAnalysis): string {
  return (["ABUSE", "INSULT", "PROFANITY"] as const).find((l) => result.labels.includes(l)) ?? "OTHER";
}

export function evaluateAnalyser(
  analyse: (text: string) => FullAnalysis,
  rows: readonly LabelledExample[],
  now: () => number,
): AnalyserEvaluation {
  const started = now();
  const results = rows.map((row) => analyse(row.text));
  const seconds = Math.max(1e-9, (now() - started) / 1000);
  const evaluation: AnalyserEvaluation = {
    coarse: evaluate(
      COARSE_LABELS,
      rows.map((r) => r.coarse),
      results.map((r) => (r.labels.includes("OFFENSE") ? "OFFENSE" : "OTHER")),
    ),
    fine: evaluate(
      FINE_LABELS,
      rows.map((r) => r.fine),
      results.map(fineLabelOf),
    ),
    textsPerSecond: rows.length / seconds,
  };
  if (rows.every((r) => r.threat !== undefined)) {
    evaluation.threat = evaluate(
      ["THREAT", "NONE"],
      rows.map((r) => (r.threat ? "THREAT" : "NONE")),
      results.map((r) => (r.labels.includes("THREAT") ? "THREAT" : "NONE")),
    );
  }
  if (rows.every((r) => r.intent !== undefined)) {
    evaluation.intent = evaluate(
      INTENT_LABELS,
      rows.map((r) => r.intent ?? ""),
      results.map((r) => r.intent),
    );
  }
  return evaluation;
}

/** GermEval 2018 files (text TAB coarse TAB fine) and draht's examples (… TAB threat 0/1 TAB intent); "#" lines without a tab are comments. */
export function parseLabelledTsv(content: string, source: string): LabelledExample[] {
  const rows: LabelledExample[] = [];
  content.split("\n").forEach((line, i) => {
    // A comment line starts with "#" and has no tab (tweets may start with a hashtag).
    if (line.trim() === "" || (line.startsWith("#") && !line.includes("\t"))) return;
    const [text, coarse, fine, threat, intent] = line.split("\t").map((c) => c.trim());
    if (!text || !coarse || !fine)
      throw new Error(`${source}, line ${i + 1}: expected text, coarse and fine label separated by tabs`);
    if (!(COARSE_LABELS as readonly string[]).includes(coarse) || !(FINE_LABELS as readonly string[]).includes(fine)) {
      throw new Error(
        `${source}, line ${i + 1}: unknown label "${coarse}"/"${fine}" (coarse OFFENSE/OTHER, fine ABUSE/INSULT/PROFANITY/OTHER)`,
      );
    }
    rows.push({
      text,
      coarse,
      fine,
      ...(threat !== undefined ? { threat: threat === "1" } : {}),
      ...(intent ? { intent } : {}),
    });
  });
  return rows;
}
