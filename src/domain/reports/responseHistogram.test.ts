import { describe, expect, it } from "vitest";
import { RESPONSE_BUCKETS, emptyHistogram, histogramQuantile, responseBucketOf } from "./responseHistogram.js";

const MINUTE = 60_000;

function histogramOf(minutes: readonly number[]): number[] {
  const histogram = emptyHistogram();
  for (const m of minutes) {
    const bucket = responseBucketOf(m * MINUTE);
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
  }
  return histogram;
}

describe("the response-time histogram", () => {
  it("puts a time on a bucket's lower edge into that bucket, a millisecond less into the one before", () => {
    expect(responseBucketOf(0)).toBe(0);
    expect(responseBucketOf(5 * MINUTE - 1)).toBe(0);
    expect(responseBucketOf(5 * MINUTE)).toBe(1);
    expect(responseBucketOf(10 ** 12)).toBe(RESPONSE_BUCKETS - 1);
  });

  it("reads a median and a 90th percentile within the bucket of the true value", () => {
    const minutes = Array.from({ length: 101 }, (_, i) => i * 3); // 0, 3, … 300 minutes
    const histogram = histogramOf(minutes);
    const median = histogramQuantile(histogram, 0.5);
    const p90 = histogramQuantile(histogram, 0.9);
    // True median 150 min lies in [120, 180), true 90th percentile 270 min in [240, 300).
    expect(median?.ms).toBeGreaterThanOrEqual(120 * MINUTE);
    expect(median?.ms).toBeLessThan(180 * MINUTE);
    expect(p90?.ms).toBeGreaterThanOrEqual(240 * MINUTE);
    expect(p90?.ms).toBeLessThan(300 * MINUTE);
    expect(median?.atLeast).toBe(false);
  });

  it("says a value beyond the last edge is a lower bound, and nothing without answers", () => {
    expect(histogramQuantile(histogramOf([20_000, 30_000]), 0.5)).toEqual({ ms: 14_400 * MINUTE, atLeast: true });
    expect(histogramQuantile(emptyHistogram(), 0.5)).toBeNull();
  });
});
