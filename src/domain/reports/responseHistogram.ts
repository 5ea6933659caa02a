// Response times kept as a histogram over fixed buckets of business time, so that a median and a 90th
// percentile can be read from daily rollups of any period: exact to the bucket, interpolated inside it.
// The buckets are finer where answers usually fall (minutes to a few hours) and coarse beyond a week.
// The rollup trigger (migration 0038, draht_response_bucket) holds the same edges; a test compares them.
// A tally adds rollup rows up (the report, the weekly report and the public transparency page read them so).

const MINUTE = 60_000;

/** Lower edges of the buckets in business minutes; the last bucket is open-ended. */
export const RESPONSE_BUCKET_MINUTES = [
  0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 720, 960, 1200, 1440, 1920, 2400, 2880, 3840,
  4800, 7200, 9600, 14400,
] as const;

export const RESPONSE_BUCKETS = RESPONSE_BUCKET_MINUTES.length;

/** The bucket (0-based) a business time in milliseconds falls into. */
export function responseBucketOf(businessMs: number): number {
  let bucket = 0;
  for (let i = 1; i < RESPONSE_BUCKETS; i++)
    if (businessMs >= (RESPONSE_BUCKET_MINUTES[i] as number) * MINUTE) bucket = i;
  return bucket;
}

export function emptyHistogram(): number[] {
  return new Array<number>(RESPONSE_BUCKETS).fill(0);
}

/** Adds one histogram into another (same length), in place; returns the target. */
export function addHistogram(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < RESPONSE_BUCKETS; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/**
 * The q-quantile (0 < q ≤ 1) in business milliseconds, or null without counts. Inside a bucket the values
 * are taken as evenly spread; in the open last bucket the answer is its lower edge (a lower bound, said so
 * by `atLeast`).
 */
export function histogramQuantile(histogram: readonly number[], q: number): { ms: number; atLeast: boolean } | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < RESPONSE_BUCKETS; i++) {
    const count = histogram[i] ?? 0;
    if (count === 0 || seen + count < rank) {
      seen += count;
      continue;
    }
    const low = (RESPONSE_BUCKET_MINUTES[i] as number) * MINUTE;
    const next = RESPONSE_BUCKET_MINUTES[i + 1];
    if (next === undefined) return { ms: low, atLeast: true };
    const share = Math.max(0, Math.min(1, (rank - seen) / count));
    return { ms: Math.round(low + share * (next * MINUTE - low)), atLeast: false };
  }
  return null;
}

/** First answers added up from rollup rows: how many, against their target, and their business time. */
export interface ResponseTally {
  answered: number;
  /** Answers while a target was running, and those sent within it. */
  withTarget: number;
  withinTarget: number;
  askedAgain: number;
  msSum: number;
  histogram: number[];
}

/** What a rollup row brings to a tally; a reader that does not need them may leave out asked-again and the sum. */
export type ResponseTallyRow = Pick<ResponseTally, "answered" | "withTarget" | "withinTarget"> &
  Partial<Pick<ResponseTally, "askedAgain" | "msSum">> & { histogram: readonly number[] };

export function emptyResponseTally(): ResponseTally {
  return { answered: 0, withTarget: 0, withinTarget: 0, askedAgain: 0, msSum: 0, histogram: emptyHistogram() };
}

/** Adds a row (or another tally) into a tally, in place; returns the tally. */
export function addToResponseTally(into: ResponseTally, row: ResponseTallyRow): ResponseTally {
  into.answered += row.answered;
  into.withTarget += row.withTarget;
  into.withinTarget += row.withinTarget;
  into.askedAgain += row.askedAgain ?? 0;
  into.msSum += row.msSum ?? 0;
  addHistogram(into.histogram, row.histogram);
  return into;
}

/** Closed conversations added up from rollup rows: how many, and the business time to their closing. */
export interface ResolutionTally {
  resolved: number;
  msSum: number;
  histogram: number[];
}

export function emptyResolutionTally(): ResolutionTally {
  return { resolved: 0, msSum: 0, histogram: emptyHistogram() };
}

export function addToResolutionTally(
  into: ResolutionTally,
  row: Omit<ResolutionTally, "histogram"> & { histogram: readonly number[] },
): ResolutionTally {
  into.resolved += row.resolved;
  into.msSum += row.msSum;
  addHistogram(into.histogram, row.histogram);
  return into;
}
