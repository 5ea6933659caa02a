import { describe, expect, it } from "vitest";
import { durationFigures, quantile } from "./approvalDurations.js";

describe("approval durations", () => {
  it("takes the median and the 90th percentile by nearest rank", () => {
    expect(durationFigures([5, 1, 3, 2, 4])).toEqual({ median: 3, p90: 5 });
    expect(quantile([10, 20], 0.5)).toBe(10);
    expect(durationFigures([])).toEqual({ median: null, p90: null });
  });
});
