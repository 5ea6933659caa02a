// The summed response rollup rows sorted into the report's tallies — the period, the one before, each step,
// channel account, department and person — and a tally's figures as the contract gives them.
import type { z } from "zod";
import type { ZResponseFigures } from "../../contract/reports.js";
import {
  type ResponseTally,
  addToResponseTally,
  emptyResponseTally,
  histogramQuantile,
} from "../../domain/reports/responseHistogram.js";
import type { SummedResponseRow } from "./responseRollupSums.js";

type Figures = z.output<typeof ZResponseFigures>;

export interface ResponseTallies {
  totals: ResponseTally;
  previous: ResponseTally;
  /** By the first day of each step, in order. */
  steps: Map<string, ResponseTally>;
  channels: Map<string, ResponseTally>;
  departments: Map<string | null, ResponseTally>;
  people: Map<string | null, ResponseTally>;
}

function tallyIn<K>(map: Map<K, ResponseTally>, key: K): ResponseTally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyResponseTally()));
  return tally;
}

/** Rows of people the viewer may not see (`showsPerson` false) are left out of the per-person tallies only. */
export function tallyResponseRows(
  rows: readonly SummedResponseRow[],
  options: { steps: readonly string[]; showsPerson: (userId: string | null) => boolean },
): ResponseTallies {
  const t: ResponseTallies = {
    totals: emptyResponseTally(),
    previous: emptyResponseTally(),
    steps: new Map(options.steps.map((start) => [start, emptyResponseTally()])),
    channels: new Map(),
    departments: new Map(),
    people: new Map(),
  };
  for (const row of rows) {
    if (!row.current) {
      if (row.by === "all") addToResponseTally(t.previous, row);
      continue;
    }
    if (row.by === "all") addToResponseTally(t.totals, row);
    else if (row.by === "step") {
      const step = t.steps.get(row.key ?? "");
      if (step) addToResponseTally(step, row);
    } else if (row.by === "channel" && row.key) addToResponseTally(tallyIn(t.channels, row.key), row);
    else if (row.by === "department") addToResponseTally(tallyIn(t.departments, row.key), row);
    else if (row.by === "person" && options.showsPerson(row.key)) addToResponseTally(tallyIn(t.people, row.key), row);
  }
  return t;
}

export function figuresOf(t: ResponseTally): Figures {
  const median = histogramQuantile(t.histogram, 0.5);
  const p90 = histogramQuantile(t.histogram, 0.9);
  return {
    answered: t.answered,
    withTarget: t.withTarget,
    withinTarget: t.withinTarget,
    askedAgain: t.askedAgain,
    medianMs: median?.ms ?? null,
    p90Ms: p90?.ms ?? null,
    medianAtLeast: median?.atLeast ?? false,
    p90AtLeast: p90?.atLeast ?? false,
    meanMs: t.answered > 0 ? Math.round(t.msSum / t.answered) : null,
  };
}
