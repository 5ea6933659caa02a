// The summed response rollup rows sorted into the report's tallies — the period, the one before, each step,
// channel account, department and person — and a tally's figures as the contract gives them.
import type { z } from "zod";
import type { ZResponseFigures } from "../../contract/reports.js";
import {
  type ResolutionTally,
  type ResponseTally,
  addToResolutionTally,
  addToResponseTally,
  emptyResolutionTally,
  emptyResponseTally,
  histogramQuantile,
} from "../../domain/reports/responseHistogram.js";
import type { SummedResponseRow } from "./summedResponseRow.js";

type Figures = z.output<typeof ZResponseFigures>;

/** First answers and closings of one part of the report. */
export interface ReportTally {
  answers: ResponseTally;
  resolution: ResolutionTally;
}

export interface ResponseTallies {
  totals: ReportTally;
  previous: ReportTally;
  /** By the first day of each step, in order. */
  steps: Map<string, ReportTally>;
  channels: Map<string, ReportTally>;
  departments: Map<string | null, ReportTally>;
  people: Map<string | null, ReportTally>;
}

const emptyTally = (): ReportTally => ({ answers: emptyResponseTally(), resolution: emptyResolutionTally() });

function add(into: ReportTally, row: SummedResponseRow): void {
  addToResponseTally(into.answers, row.answers);
  addToResolutionTally(into.resolution, row.resolution);
}

function tallyIn<K>(map: Map<K, ReportTally>, key: K): ReportTally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

/** Rows of people the viewer may not see (`showsPerson` false) are left out of the per-person tallies only. */
export function tallyResponseRows(
  rows: readonly SummedResponseRow[],
  options: { steps: readonly string[]; showsPerson: (userId: string | null) => boolean },
): ResponseTallies {
  const t: ResponseTallies = {
    totals: emptyTally(),
    previous: emptyTally(),
    steps: new Map(options.steps.map((start) => [start, emptyTally()])),
    channels: new Map(),
    departments: new Map(),
    people: new Map(),
  };
  for (const row of rows) {
    if (!row.current) {
      if (row.by === "all") add(t.previous, row);
      continue;
    }
    if (row.by === "all") add(t.totals, row);
    else if (row.by === "step") {
      const step = t.steps.get(row.key ?? "");
      if (step) add(step, row);
    } else if (row.by === "channel" && row.key) add(tallyIn(t.channels, row.key), row);
    else if (row.by === "department") add(tallyIn(t.departments, row.key), row);
    else if (row.by === "person" && options.showsPerson(row.key)) add(tallyIn(t.people, row.key), row);
  }
  return t;
}

function quantiles(histogram: readonly number[]) {
  const median = histogramQuantile(histogram, 0.5);
  const p90 = histogramQuantile(histogram, 0.9);
  return {
    medianMs: median?.ms ?? null,
    p90Ms: p90?.ms ?? null,
    medianAtLeast: median?.atLeast ?? false,
    p90AtLeast: p90?.atLeast ?? false,
  };
}

export function figuresOf({ answers: a, resolution: r }: ReportTally): Figures {
  return {
    answered: a.answered,
    withTarget: a.withTarget,
    withinTarget: a.withinTarget,
    askedAgain: a.askedAgain,
    ...quantiles(a.histogram),
    meanMs: a.answered > 0 ? Math.round(a.msSum / a.answered) : null,
    resolution: {
      resolved: r.resolved,
      ...quantiles(r.histogram),
      meanMs: r.resolved > 0 ? Math.round(r.msSum / r.resolved) : null,
    },
  };
}
