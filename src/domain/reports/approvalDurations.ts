// How long approval (Freigabe) took: median and 90th percentile of the durations from submission to final
// approval, exact (posts are few enough to keep every duration). Pure.

/** The q-quantile (0 … 1) of the values by the nearest-rank method; null without values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? null;
}

export interface DurationFigures {
  median: number | null;
  p90: number | null;
}

export function durationFigures(values: readonly number[]): DurationFigures {
  return { median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}
