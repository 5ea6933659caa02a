// Shitstorm detection: is the number of offensive messages on a channel account (or under one post) in
// the current window far above its normal level? Normal is the median of the earlier windows, spread is
// the median absolute deviation (robust: one earlier storm does not raise the bar); the score is the
// robust z-score. Pure: counts in, verdict out.

export interface StormVerdict {
  alert: boolean;
  current: number;
  median: number;
  mad: number;
  score: number;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * history: offensive counts of the earlier windows (missing windows count as 0); current: this window.
 * A MAD of 0 (a quiet channel) is taken as 1, so a handful of insults on a quiet account is not a storm
 * unless it reaches minOffensive.
 */
export function detectStorm(args: {
  history: readonly number[];
  current: number;
  threshold: number;
  minOffensive: number;
}): StormVerdict {
  const m = median(args.history);
  const mad = median(args.history.map((v) => Math.abs(v - m)));
  // 1.4826 × MAD estimates the standard deviation of normally distributed counts.
  const spread = Math.max(1, 1.4826 * mad);
  const score = (args.current - m) / spread;
  return {
    alert: args.current >= args.minOffensive && score >= args.threshold,
    current: args.current,
    median: m,
    mad,
    score: Math.round(score * 100) / 100,
  };
}
