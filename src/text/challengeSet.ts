// draht's frozen challenge sets (test/fixtures/challenge/): German comments written by people who had not
// seen the rules, each labelled and tagged with its category, for measuring the threat detector and the
// hate-against-groups decision on text no one tuned to. Pure: content in, rows out.
export interface ChallengeRow {
  text: string;
  /** THREAT / HATE (must be caught) or NONE (must be left alone). */
  label: "THREAT" | "HATE" | "NONE";
  /** The construction, negative kind or variant the row stands for. */
  category: string;
  /** The violence concept or topic; in the robustness set, the id of the base sentence. */
  concept: string;
}

const LABELS = new Set(["THREAT", "HATE", "NONE"]);

/** Lines: text TAB label TAB category TAB concept; lines starting with "#" are comments. */
export function parseChallengeSet(content: string, source: string): ChallengeRow[] {
  const rows: ChallengeRow[] = [];
  content.split("\n").forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [text, label, category, concept, ...rest] = line.split("\t");
    if (!text || !label || !category || !concept || rest.length > 0)
      throw new Error(`${source}, line ${i + 1}: expected text, label, category and concept separated by tabs`);
    if (!LABELS.has(label))
      throw new Error(`${source}, line ${i + 1}: unknown label "${label}" (THREAT, HATE or NONE)`);
    rows.push({ text, label: label as ChallengeRow["label"], category, concept });
  });
  return rows;
}

export interface CategoryFigures {
  category: string;
  /** How many rows, and how many of them the detector caught (THREAT / held). */
  total: number;
  caught: number;
  label: ChallengeRow["label"];
}

/** Per category: how many rows were caught. For a positive category that is recall, for a negative one the false alarms. */
export function figuresByCategory(rows: readonly ChallengeRow[], caught: readonly boolean[]): CategoryFigures[] {
  const byCategory = new Map<string, CategoryFigures>();
  rows.forEach((row, i) => {
    const key = `${row.label}\u0000${row.category}`;
    const figures = byCategory.get(key) ?? { category: row.category, total: 0, caught: 0, label: row.label };
    figures.total++;
    if (caught[i]) figures.caught++;
    byCategory.set(key, figures);
  });
  return [...byCategory.values()];
}

/** Precision and recall of catching the positive label over all rows. */
export function precisionRecall(
  rows: readonly ChallengeRow[],
  caught: readonly boolean[],
): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  rows.forEach((row, i) => {
    const positive = row.label !== "NONE";
    if (caught[i] && positive) tp++;
    else if (caught[i]) fp++;
    else if (positive) fn++;
  });
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

const LEET: Record<string, string> = { e: "3", a: "4", i: "1", o: "0" };

/**
 * Mechanical variants of a frozen sentence for the robustness table: the same words disguised (digits for
 * vowels in every word of four letters or more; letters spaced out in every word of seven or more), quoted
 * in a police report, and quoted to reject it. Mechanical on purpose: no one chose which words to disguise.
 */
export const MECHANICAL_VARIANTS: Readonly<Record<string, (text: string) => string>> = {
  original: (t) => t,
  disguised_digits: (t) => t.replace(/\p{L}{4,}/gu, (w) => w.replace(/[eaio]/g, (c) => LEET[c] ?? c)),
  disguised_spaced: (t) => t.replace(/\p{L}{7,}/gu, (w) => [...w].join(" ")),
  quoted: (t) => `Laut Polizei hatte der Mann geschrieben: "${t}" Er wurde inzwischen verurteilt.`,
  counter: (t) => `Wer so was schreibt wie "${t}", gehört angezeigt. Einfach widerlich.`,
};
